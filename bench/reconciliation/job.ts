/**
 * The reconciliation job through its public contract only (schema/reconciliation.graphql and
 * the export routes): start it, poll it until it ends, read its export. Nothing here imports the
 * gateway's code, so the bench measures what a back-office client sees.
 */
import { request } from 'undici';
import { graphql } from '../measure/graphql.js';

const START = /* GraphQL */ `
  mutation StartReconciliation($input: StartReconciliationInput) {
    startReconciliation(input: $input) {
      job {
        id
        status
        budgetShare
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`;

const POLL = /* GraphQL */ `
  query Reconciliation($id: ID!) {
    reconciliation(id: $id) {
      id
      status
      budgetShare
      startedAt
      updatedAt
      finishedAt
      progress {
        phase
        pagesRead
        peopleScanned
        findings
        estimatedRemainingPages
        estimatedRemainingSeconds
        fractionDone
      }
      findingsByKind {
        kind
        count
      }
      error {
        code
        message
      }
    }
  }
`;

export interface JobProgress {
  phase: string;
  pagesRead: number;
  peopleScanned: number;
  findings: number;
  estimatedRemainingPages: number | null;
  estimatedRemainingSeconds: number | null;
  fractionDone: number | null;
}

export interface JobView {
  id: string;
  status: string;
  budgetShare: number;
  startedAt: string;
  updatedAt: string;
  finishedAt: string | null;
  progress: JobProgress;
  findingsByKind: { kind: string; count: number }[];
  /** Why the job FAILED. */
  error: { code: string; message: string } | null;
}

/** One poll's answer, at `ms` after the mutation was sent. */
export interface Poll {
  ms: number;
  progress: JobProgress;
}

export interface JobRun {
  job: JobView;
  /** From sending startReconciliation to the first poll that saw the job ended. */
  wallMs: number;
  polls: Poll[];
}

const ENDED = new Set(['DONE', 'FAILED', 'CANCELLED', 'INTERRUPTED']);

export async function runJob(
  graphqlUrl: string,
  input: Record<string, unknown>,
  pollMs: number,
  onStarted?: () => void,
): Promise<JobRun> {
  const started = performance.now();
  const { startReconciliation } = await graphql<{
    startReconciliation: { job: { id: string } | null; userErrors: unknown[] };
  }>(graphqlUrl, START, { input });
  const id = startReconciliation.job?.id;
  if (!id || startReconciliation.userErrors.length > 0) {
    throw new Error(`startReconciliation: ${JSON.stringify(startReconciliation)}`);
  }
  onStarted?.();
  const polls: Poll[] = [];
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    const { reconciliation: job } = await graphql<{ reconciliation: JobView | null }>(
      graphqlUrl,
      POLL,
      { id },
    );
    if (!job) throw new Error(`reconciliation(${id}) is null`);
    polls.push({ ms: performance.now() - started, progress: job.progress });
    if (ENDED.has(job.status)) return { job, wallMs: performance.now() - started, polls };
  }
}

export interface ExportFigures {
  format: 'ndjson' | 'csv';
  status: number;
  bytes: number;
  /** Lines of the body (the CSV's header included). */
  lines: number;
  /** From sending the request to the last byte. */
  ms: number;
  /** The time to the first byte: the export streams, so it need not wait for the whole list. */
  firstByteMs: number;
}

/** Downloads one export, counting bytes and lines as they stream; `keep` gets every line. */
export async function readExport(
  gatewayUrl: string,
  id: string,
  format: 'ndjson' | 'csv',
  keep?: (line: string) => void,
): Promise<ExportFigures> {
  const started = performance.now();
  const response = await request(
    `${gatewayUrl}/reconciliations/${encodeURIComponent(id)}/findings.${format}`,
  );
  let firstByteMs = Number.NaN;
  let bytes = 0;
  let lines = 0;
  let rest = '';
  response.body.setEncoding('utf8');
  for await (const chunk of response.body as AsyncIterable<string>) {
    if (Number.isNaN(firstByteMs)) firstByteMs = performance.now() - started;
    bytes += Buffer.byteLength(chunk);
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    for (const line of parts) {
      lines += 1;
      keep?.(line);
    }
  }
  if (rest !== '') {
    lines += 1;
    keep?.(rest);
  }
  return {
    format,
    status: response.statusCode,
    bytes,
    lines,
    ms: performance.now() - started,
    firstByteMs,
  };
}
