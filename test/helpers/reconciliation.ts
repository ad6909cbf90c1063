import { expect } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import type { Finding } from '../../datasources/reconciliation/classifier.js';
import type { ScanTarget } from '../../datasources/reconciliation/scan.js';
import { loadConfig } from '../../server/config.js';
import { startGateway, type RunningGateway } from '../../server/http.js';
import type { DestinationStream } from '../../server/logger.js';
import { execute, expectData, type ExecuteOptions } from './graphql.js';
import { emulatorGatewayEnv } from './stack.js';
import { waitFor } from './wait-for.js';

export const JOB_FIELDS = `
  id status budgetShare startedAt updatedAt finishedAt chatServiceSids
  progress { phase pagesRead peopleScanned findings estimatedRemainingPages estimatedRemainingSeconds fractionDone }
  findingsByKind { kind count }
  error { code message twilioCode status }
  exportPaths { ndjson csv }
`;

export interface JobShape {
  id: string;
  status: string;
  budgetShare: number;
  finishedAt: string | null;
  chatServiceSids: string[];
  progress: {
    phase: string;
    pagesRead: number;
    peopleScanned: number;
    findings: number;
    estimatedRemainingPages: number | null;
    estimatedRemainingSeconds: number | null;
    fractionDone: number | null;
  };
  findingsByKind: { kind: string; count: number }[];
  error: { code: string; twilioCode: number | null } | null;
  exportPaths: { ndjson: string; csv: string };
}

export interface UserErrorShape {
  field: string[] | null;
  message: string;
  code: string;
}

/** A gateway the tests drive by its GraphQL endpoint (one replica of several, or alone). */
export interface JobGateway {
  url: string;
  gateway: RunningGateway;
  run<T>(query: string, variables?: Record<string, unknown>, options?: ExecuteOptions): Promise<T>;
  start(
    input?: Record<string, unknown>,
    options?: ExecuteOptions,
  ): Promise<{ job: JobShape | null; userErrors: UserErrorShape[] }>;
  job(id: string, options?: ExecuteOptions): Promise<JobShape | null>;
  /** Every finding through the connection, page by page (`first` each). */
  findings(
    id: string,
    kind?: string[],
    first?: number,
    options?: ExecuteOptions,
  ): Promise<Finding[]>;
  /** Polls the job until `done(job)` holds. */
  until(id: string, done: (job: JobShape) => boolean, what: string, ms?: number): Promise<JobShape>;
}

export const isOver = (job: JobShape) => ['DONE', 'CANCELLED', 'FAILED'].includes(job.status);

export async function startJobGateway(
  emulator: RunningEmulator,
  env: Record<string, string> = {},
  logDestination?: DestinationStream,
): Promise<JobGateway> {
  const account = emulator.accounts[0]!;
  const gateway = await startGateway(
    loadConfig({ ...emulatorGatewayEnv(account, emulator.url), CACHE_TTL_SECONDS: '0', ...env }),
    { logDestination },
  );
  const run = async <T>(
    query: string,
    variables?: Record<string, unknown>,
    options?: ExecuteOptions,
  ) => expectData(await execute<T>(gateway.graphqlUrl, query, variables, options));
  const job = async (id: string, options?: ExecuteOptions) =>
    (
      await run<{ reconciliation: JobShape | null }>(
        `query ($id: ID!) { reconciliation(id: $id) { ${JOB_FIELDS} } }`,
        { id },
        options,
      )
    ).reconciliation;
  return {
    url: gateway.url,
    gateway,
    run,
    job,
    start: async (input = {}, options) =>
      (
        await run<{ startReconciliation: { job: JobShape | null; userErrors: UserErrorShape[] } }>(
          `mutation ($input: StartReconciliationInput) {
            startReconciliation(input: $input) { userErrors { field message code } job { ${JOB_FIELDS} } }
          }`,
          { input },
          options,
        )
      ).startReconciliation,
    findings: async (id, kind, first = 1000, options) => {
      const all: Finding[] = [];
      let after: string | null = null;
      for (;;) {
        const data: {
          reconciliation: {
            findings: {
              nodes: Finding[];
              pageInfo: { hasNextPage: boolean; endCursor: string | null };
            };
          };
        } = await run(
          `query ($id: ID!, $kind: [ReconciliationFindingKind!], $first: Int, $after: String) {
            reconciliation(id: $id) { findings(kind: $kind, first: $first, after: $after) {
              nodes { kind identity flexUserSid otherSid serviceSid otherName }
              pageInfo { hasNextPage endCursor }
            } }
          }`,
          { id, kind, first, after },
          options,
        );
        all.push(...data.reconciliation.findings.nodes);
        if (!data.reconciliation.findings.pageInfo.hasNextPage) return all;
        after = data.reconciliation.findings.pageInfo.endCursor;
      }
    },
    until: async (id, done, what, ms = 60_000) => {
      let last: JobShape | null = null;
      await waitFor(
        async () => {
          last = await job(id);
          return last !== null && done(last);
        },
        what,
        ms,
      );
      return last!;
    },
  };
}

/** An emulator account's scan target as the job builds it by default. */
export function defaultTarget(emulator: RunningEmulator, accountIndex = 0): ScanTarget {
  const account = emulator.accounts[accountIndex]!;
  // The first account's gateway is configured with every chat service; another account's
  // (pass-through) knows only the one Flex names, the Conversations default, which is left out.
  return {
    flexInstanceSid: account.flexInstanceSid,
    workspaceSid: account.workspaceSid,
    chatServiceSids:
      accountIndex === 0
        ? account.chatServiceSids.filter((sid) => sid !== account.defaultChatServiceSid)
        : [],
  };
}

/**
 * What the emulator's state holds: its oracle (GET /__emulator/expected-findings), a plain
 * hold-everything implementation inside emulator/ that never imports the classifier. The job
 * must find exactly this, once each, whatever stopped and resumed it.
 */
export async function expectedFindings(
  emulator: RunningEmulator,
  accountIndex = 0,
): Promise<Finding[]> {
  const account = emulator.accounts[accountIndex]!;
  const services = defaultTarget(emulator, accountIndex).chatServiceSids.join(',');
  const response = await fetch(
    `${emulator.url}/__emulator/expected-findings?accountSid=${account.accountSid}&chatServiceSids=${services}`,
  );
  expect(response.status).toBe(200);
  const { findings } = (await response.json()) as { findings: Omit<Finding, 'otherName'>[] };
  return findings.map((finding) => ({ otherName: null, ...finding }));
}

/** A finding as one JSON line with its keys in a fixed order. */
export const line = (f: Finding) =>
  JSON.stringify([f.kind, f.identity, f.flexUserSid, f.otherSid, f.serviceSid, f.otherName]);

/** Findings as sorted lines: equal sets, duplicates counted. */
export const lines = (findings: Finding[]) => findings.map(line).sort();

export function expectSameFindings(actual: Finding[], expected: Finding[]): void {
  expect(actual.length).toBe(expected.length);
  expect(lines(actual)).toEqual(lines(expected));
}

export const startPlantedEmulator = (seedUsers = 300) =>
  startEmulator({ port: 0, seedUsers, plantOrphans: true });
