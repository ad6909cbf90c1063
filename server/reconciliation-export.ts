import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { GraphQLError } from 'graphql';
import {
  FINDING_KINDS,
  type Finding,
  type FindingKind,
} from '../datasources/reconciliation/classifier.js';
import type { FindingPosition } from '../datasources/reconciliation/job-store.js';
import type { TenantJobs } from '../datasources/reconciliation/tenant-jobs.js';
import { jobIdOf } from '../resolvers/reconciliation-model.js';
import type { Logger } from './logger.js';
import type { Tenant } from './tenant.js';

/** Findings read from the store per round trip: the export never holds more than this many. */
export const EXPORT_CHUNK = 500;

const COLUMNS: (keyof Finding)[] = [
  'kind',
  'identity',
  'flexUserSid',
  'otherSid',
  'serviceSid',
  'otherName',
];

/**
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a tab or carriage return
 * first, OWASP's list) gets a leading `'`: identities and friendly names are anyone's to choose.
 */
export function defuseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const refusal = (reply: FastifyReply, status: number, code: string, message: string) =>
  reply.code(status).send({ errors: [{ message, extensions: { code } }] });

/** The job's findings of `kinds`, chunk by chunk from the store. */
async function* findingsOf(jobs: TenantJobs, id: string, kinds: readonly FindingKind[]) {
  let from: FindingPosition | null = { kind: 0, offset: 0 };
  while (from !== null) {
    const { findings, next }: { findings: Finding[]; next: FindingPosition | null } =
      await jobs.readFindings(id, kinds, from, EXPORT_CHUNK);
    yield* findings;
    from = next;
  }
}

/**
 * `GET /reconciliations/{id}/findings.ndjson` and `.csv`: a job's findings streamed from the
 * store, behind the same tenant resolution (and refusals) as /graphql; `?kind=` repeatable.
 */
export function registerReconciliationExport(
  app: FastifyInstance,
  options: {
    resolveTenant: (headers: Record<string, string | string[] | undefined>) => Promise<Tenant>;
    jobsFor: (tenant: Tenant) => TenantJobs;
    log: Logger;
  },
): void {
  for (const format of ['ndjson', 'csv'] as const) {
    app.get<{ Params: { id: string }; Querystring: { kind?: string | string[] } }>(
      `/reconciliations/:id/findings.${format}`,
      async (request, reply) => {
        let tenant: Tenant;
        try {
          tenant = await options.resolveTenant(request.headers);
        } catch (error) {
          if (!(error instanceof GraphQLError)) throw error;
          const status = (error.extensions.http as { status?: number } | undefined)?.status ?? 500;
          options.log.warn(
            {
              reqId: request.id,
              status,
              code: error.extensions.code,
              reason: error.extensions.reason,
            },
            'request refused',
          );
          return reply
            .code(status)
            .send({ errors: [{ message: error.message, extensions: error.extensions }] });
        }
        const asked = request.query.kind;
        const kinds = asked === undefined ? [...FINDING_KINDS] : [asked].flat();
        const bad = kinds.find((kind) => !FINDING_KINDS.includes(kind as FindingKind));
        if (bad !== undefined) {
          return refusal(
            reply,
            400,
            'BAD_USER_INPUT',
            `kind must be one of ${FINDING_KINDS.join(', ')}, got ${JSON.stringify(bad)}`,
          );
        }
        const jobs = options.jobsFor(tenant);
        const id = jobIdOf(request.params.id);
        const job = id === null ? null : await jobs.get(id);
        if (id === null || job === null) {
          return refusal(reply, 404, 'NOT_FOUND', 'No reconciliation of this tenant has that id');
        }
        const findings = Readable.from(findingsOf(jobs, id, kinds as FindingKind[]));
        void reply.header('cache-control', 'no-store');
        void reply.header(
          'content-disposition',
          `attachment; filename="reconciliation-${id}.${format}"`,
        );
        if (format === 'ndjson') {
          return reply
            .type('application/x-ndjson; charset=utf-8')
            .send(findings.map((finding: Finding) => `${JSON.stringify(finding)}\n`));
        }
        const csv = stringify({
          header: true,
          columns: COLUMNS,
          cast: { string: defuseCell },
        });
        findings.on('error', (error) => csv.destroy(error));
        return reply.type('text/csv; charset=utf-8').send(findings.pipe(csv));
      },
    );
  }
}
