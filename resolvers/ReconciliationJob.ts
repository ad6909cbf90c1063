import { FINDING_KINDS, type FindingKind } from '../datasources/reconciliation/classifier.js';
import type { ReconciliationJobResolvers } from '../generated/resolvers-types.js';
import { findingCursor, findingPosition } from './reconciliation-cursor.js';
import { estimate } from './reconciliation-estimate.js';
import { jobGlobalId } from './reconciliation-model.js';
import { badInput } from './scalars.js';

const MAX_FINDINGS_PAGE = 1000;

export const ReconciliationJob: ReconciliationJobResolvers = {
  id: ({ record }) => jobGlobalId(record.id),
  status: ({ record }) => record.status,
  budgetShare: ({ record }) => record.budgetShare,
  chatServiceSids: ({ record }) => record.target.chatServiceSids,
  startedAt: ({ record }) => record.startedAt,
  updatedAt: ({ record }) => record.updatedAt,
  finishedAt: ({ record }) => record.finishedAt,
  error: ({ record }) => record.error,
  progress: ({ record }) => {
    const { progress } = record;
    const estimated = estimate(progress, record.target, record.budgetShare);
    return {
      phase: progress.phase,
      pagesRead: progress.pages,
      peopleScanned: progress.people,
      findings: progress.findings,
      estimatedRemainingPages: estimated.remainingPages,
      estimatedRemainingSeconds: estimated.remainingSeconds,
      fractionDone: estimated.fractionDone,
    };
  },
  findingsByKind: async ({ record }, _args, ctx) => {
    const counts = await ctx.reconciliations.counts(record.id);
    return FINDING_KINDS.flatMap((kind) => (counts[kind] ? [{ kind, count: counts[kind] }] : []));
  },
  findings: async ({ record }, { kind, first, after }, ctx) => {
    if (!Number.isInteger(first) || first < 1 || first > MAX_FINDINGS_PAGE) {
      throw badInput(`first must be between 1 and ${MAX_FINDINGS_PAGE}, got ${first}`);
    }
    const from = after ? findingPosition(after) : { kind: 0, offset: 0 };
    const kinds: readonly FindingKind[] = kind && kind.length > 0 ? kind : FINDING_KINDS;
    const { findings, next } = await ctx.reconciliations.readFindings(
      record.id,
      kinds,
      from,
      first,
    );
    // Each edge's cursor is the position just after it, kind by kind.
    let at = { ...from };
    const edges = findings.map((node) => {
      const index = FINDING_KINDS.indexOf(node.kind);
      at = index === at.kind ? { kind: index, offset: at.offset + 1 } : { kind: index, offset: 1 };
      return { cursor: findingCursor(at), node };
    });
    return {
      edges,
      nodes: findings,
      pageInfo: {
        hasNextPage: next !== null,
        hasPreviousPage: false,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  },
  exportPaths: ({ record }) => {
    const base = `/reconciliations/${jobGlobalId(record.id)}/findings`;
    return { ndjson: `${base}.ndjson`, csv: `${base}.csv` };
  },
};
