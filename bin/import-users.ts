/**
 * Provisions the Flex users of a CSV file through the gateway's `provisionFlexUsers`, a batch at a
 * time, with a progress line per batch and a report of every row.
 *
 *   npm run import:users -- users.csv --gateway http://127.0.0.1:4000 [--token JWT]
 *     [--batch 100] [--report users.report.csv] [--instance GO…]
 *
 * Columns (a header row, names in any case, snake_case or camelCase): username, email, full_name,
 * roles (agent, supervisor, admin, separated by ";", "|" or spaces) and, optionally,
 * worker_attributes (a JSON object). The token may come from IMPORT_TOKEN instead of --token, so
 * that it is not in the process list. Exit status: 0 when every row was provisioned, 1 when some
 * were not (the report says why), 2 when the import could not run (usage, file, gateway refused).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';

const ROLES = new Set(['AGENT', 'SUPERVISOR', 'ADMIN']);
/** The gateway's default BULK_MAX_ITEMS; a gateway with a lower one refuses the batch. */
const DEFAULT_BATCH = 100;

const MUTATION = /* GraphQL */ `
  mutation ImportUsers($input: ProvisionFlexUsersInput!) {
    provisionFlexUsers(input: $input) {
      userErrors {
        field
        code
        message
      }
      results {
        index
        outcome
        userErrors {
          code
          message
        }
        error {
          code
          message
        }
        flexUser {
          sid
        }
      }
    }
  }
`;

interface UserInput {
  username: string;
  email: string;
  fullName: string;
  roles: string[];
  workerAttributes?: Record<string, unknown>;
}

interface Row {
  /** The line of the file the row starts on, for people fixing the file. */
  line: number;
  username: string | null;
  /** What is sent; null when the row was refused here already. */
  user: UserInput | null;
  outcome: 'OK' | 'FAILED' | null;
  flexUserSid: string | null;
  code: string | null;
  message: string | null;
}

interface Payload {
  userErrors: { field: string[] | null; code: string; message: string }[];
  results: {
    index: number;
    outcome: string;
    userErrors: { code: string; message: string }[];
    error: { code: string; message: string } | null;
    flexUser: { sid: string } | null;
  }[];
}

class Abort extends Error {}

const normalise = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s_-]/g, '');

function readRows(file: string): Row[] {
  const records: { record: Record<string, string | undefined>; info: { lines: number } }[] = parse(
    readFileSync(file),
    {
      bom: true,
      columns: (headers: string[]) => headers.map(normalise),
      skip_empty_lines: true,
      trim: true,
      info: true,
    },
  );
  return records.map(({ record, info }) => {
    const row: Row = {
      line: info.lines,
      username: record.username ?? null,
      user: null,
      outcome: null,
      flexUserSid: null,
      code: null,
      message: null,
    };
    const fail = (message: string) => ({
      ...row,
      outcome: 'FAILED' as const,
      code: 'INVALID',
      message,
    });
    const roles = (record.roles ?? '')
      .split(/[;|\s]+/)
      .filter(Boolean)
      .map((role) => role.toUpperCase());
    const unknown = roles.filter((role) => !ROLES.has(role));
    if (unknown.length > 0)
      return fail(`Unknown role ${unknown.join(', ')}: use agent, supervisor, admin`);
    let workerAttributes: Record<string, unknown> | undefined;
    const attributes = record.workerattributes;
    if (attributes) {
      try {
        workerAttributes = JSON.parse(attributes) as Record<string, unknown>;
      } catch {
        return fail('worker_attributes is not JSON');
      }
    }
    // Everything else (empty fields, email shape, lengths) is the gateway's to check.
    row.user = {
      username: record.username ?? '',
      email: record.email ?? '',
      fullName: record.fullname ?? '',
      roles,
      ...(workerAttributes === undefined ? {} : { workerAttributes }),
    };
    return row;
  });
}

async function send(
  gateway: string,
  token: string | undefined,
  instanceSid: string | undefined,
  users: UserInput[],
): Promise<Payload> {
  const response = await fetch(`${gateway.replace(/\/+$/, '')}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query: MUTATION, variables: { input: { instanceSid, users } } }),
  });
  const body = (await response.json().catch(() => ({}))) as {
    data?: { provisionFlexUsers: Payload | null } | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  const payload = body.data?.provisionFlexUsers;
  if (payload) return payload;
  const error = body.errors?.[0];
  const code = error?.extensions?.code ?? `HTTP_${response.status}`;
  // The gateway refused the request itself: every later batch would be refused the same way.
  if (response.status === 401 || response.status === 403 || response.status === 400) {
    throw new Abort(`The gateway refused the import: ${code}: ${error?.message ?? ''}`);
  }
  return {
    userErrors: [],
    results: users.map((_, index) => ({
      index,
      outcome: 'FAILED',
      userErrors: [],
      error: { code, message: error?.message ?? `HTTP ${response.status}` },
      flexUser: null,
    })),
  };
}

/** Sends one batch; when its input is refused, records the refused rows and sends the others once. */
async function importBatch(
  rows: Row[],
  send: (users: UserInput[]) => Promise<Payload>,
  retry = true,
): Promise<void> {
  const payload = await send(rows.map((row) => row.user!));
  if (payload.results.length === 0) {
    const refused = new Set<number>();
    for (const problem of payload.userErrors) {
      const index = Number(problem.field?.[2]);
      const row = Number.isInteger(index) ? rows[index] : undefined;
      // A problem with the batch as a whole (too many users): no row can go.
      if (!row) {
        for (const each of rows) Object.assign(each, failed(problem.code, problem.message));
        return;
      }
      refused.add(index);
      if (row.outcome === null) Object.assign(row, failed(problem.code, problem.message));
    }
    const rest = rows.filter((_, index) => !refused.has(index));
    if (retry && rest.length > 0) await importBatch(rest, send, false);
    return;
  }
  for (const result of payload.results) {
    const row = rows[result.index]!;
    if (result.outcome === 'OK') {
      Object.assign(row, { outcome: 'OK', flexUserSid: result.flexUser?.sid ?? null });
    } else {
      const problem = result.error ?? result.userErrors[0];
      Object.assign(row, failed(problem?.code ?? result.outcome, problem?.message ?? ''));
    }
  }
}

const failed = (code: string, message: string) => ({ outcome: 'FAILED' as const, code, message });

const csvCell = (value: string | number | null) => {
  const text = value === null ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

function writeReport(file: string, rows: Row[]): void {
  const lines = [
    'line,username,outcome,flex_user_sid,code,message',
    ...rows.map((row) =>
      [row.line, row.username, row.outcome, row.flexUserSid, row.code, row.message]
        .map(csvCell)
        .join(','),
    ),
  ];
  writeFileSync(file, `${lines.join('\n')}\n`);
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      gateway: { type: 'string' },
      token: { type: 'string' },
      batch: { type: 'string' },
      report: { type: 'string' },
      instance: { type: 'string' },
    },
  });
  const [file] = positionals;
  const batchSize = Number(values.batch ?? DEFAULT_BATCH);
  if (!file || !values.gateway || !Number.isInteger(batchSize) || batchSize < 1) {
    process.stderr.write(
      'usage: import-users <file.csv> --gateway <url> [--token <jwt>] [--batch <n>] [--report <file>] [--instance <GO…>]\n',
    );
    return 2;
  }
  const token = values.token ?? process.env.IMPORT_TOKEN;
  const report = values.report ?? file.replace(/(\.csv)?$/i, '.report.csv');
  const rows = readRows(file);
  const toSend = rows.filter((row) => row.user !== null && row.outcome === null);
  const started = performance.now();
  let aborted: string | null = null;
  for (let from = 0; from < toSend.length && aborted === null; from += batchSize) {
    const batch = toSend.slice(from, from + batchSize);
    try {
      await importBatch(batch, (users) => send(values.gateway!, token, values.instance, users));
    } catch (error) {
      aborted = error instanceof Error ? error.message : String(error);
      for (const row of toSend.slice(from)) {
        if (row.outcome === null) Object.assign(row, failed('NOT_SENT', aborted));
      }
    }
    const done = rows.filter((row) => row.outcome !== null).length;
    const failures = rows.filter((row) => row.outcome === 'FAILED').length;
    const seconds = (performance.now() - started) / 1000;
    process.stderr.write(
      `import: ${done}/${rows.length} done, ${failures} failed, ${(done / Math.max(seconds, 0.001)).toFixed(1)} rows/s\n`,
    );
  }
  writeReport(report, rows);
  const failures = rows.filter((row) => row.outcome !== 'OK').length;
  process.stderr.write(
    `import: ${rows.length - failures} provisioned, ${failures} failed of ${rows.length}; report in ${report}\n`,
  );
  if (aborted !== null) {
    process.stderr.write(`import: stopped: ${aborted}\n`);
    return 2;
  }
  return failures > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`import: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
