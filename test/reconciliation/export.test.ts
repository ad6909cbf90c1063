import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../emulator/index.js';
import type { Finding } from '../../datasources/reconciliation/classifier.js';
import { defuseCell } from '../../server/reconciliation-export.js';
import { createEmulatorClient } from '../helpers/emulator.js';
import { basicAuth, execute } from '../helpers/graphql.js';
import {
  isOver,
  line,
  startJobGateway,
  startPlantedEmulator,
  type JobGateway,
} from '../helpers/reconciliation.js';

let emulator: RunningEmulator;
let gateway: JobGateway;
let own: { authorization: string };
let other: { authorization: string };
let wrongSecret: { authorization: string };
let jobId: string;
let findings: Finding[];
const FORMULA = '=HYPERLINK("http://evil.example","x")';

beforeAll(async () => {
  emulator = await startPlantedEmulator(200);
  const [first, second] = emulator.accounts;
  own = { authorization: basicAuth(first!.accountSid, first!.authToken) };
  other = { authorization: basicAuth(second!.accountSid, second!.authToken) };
  wrongSecret = { authorization: basicAuth(first!.accountSid, `${first!.authToken}0`) };
  // No open access: every request says who it is, as a back-office deployment would.
  gateway = await startJobGateway(emulator, { AUTH_OPEN: 'false', AUTH_BASIC_PASSTHROUGH: 'true' });
  // A friendly name a spreadsheet would run: it becomes NAME_DRIFT's otherName.
  const person = await createEmulatorClient(emulator).person({ flex: true, conversations: true });
  await gateway.run(
    `mutation ($input: UpdateConversationsUserInput!) { updateConversationsUser(input: $input) { userErrors { code } } }`,
    { input: { identity: person.identity, friendlyName: FORMULA } },
    { headers: own },
  );
  const { job } = await gateway.start({ budgetShare: 0.5 }, { headers: own });
  jobId = job!.id;
  await waitUntilOver();
  findings = await gateway.findings(jobId, undefined, 1000, { headers: own });
}, 60_000);
afterAll(async () => {
  await gateway?.gateway.close();
  await emulator?.close();
});

async function waitUntilOver() {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const result = await execute<{ reconciliation: { status: string } }>(
      `${gateway.url}/graphql`,
      `query ($id: ID!) { reconciliation(id: $id) { status } }`,
      { id: jobId },
      { headers: own },
    );
    if (isOver(result.data!.reconciliation as never)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the job did not end');
}

const get = (path: string, headers: Record<string, string> = own) =>
  fetch(`${gateway.url}${path}`, { headers });

describe('findings export', () => {
  it('streams NDJSON equal to the connection, kind filter included', async () => {
    expect(findings.length).toBeGreaterThan(0);
    const response = await get(`/reconciliations/${jobId}/findings.ndjson`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/x-ndjson');
    const rows = (await response.text())
      .split('\n')
      .filter(Boolean)
      .map((text) => JSON.parse(text) as Finding);
    expect(rows.map(line)).toEqual(findings.map(line));

    const kinds = ['NAME_DRIFT', 'DEACTIVATED_WITH_WORKER'];
    const filtered = await get(
      `/reconciliations/${jobId}/findings.ndjson?kind=${kinds[0]}&kind=${kinds[1]}`,
    );
    const filteredRows = (await filtered.text())
      .split('\n')
      .filter(Boolean)
      .map((text) => JSON.parse(text) as Finding);
    const viaGraphql = await gateway.findings(jobId, kinds, 1000, { headers: own });
    expect(filteredRows.length).toBeGreaterThan(0);
    expect(filteredRows.map(line)).toEqual(viaGraphql.map(line));
  });

  it('streams CSV with a header row, quoted, and formulas defused', async () => {
    const response = await get(`/reconciliations/${jobId}/findings.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const text = await response.text();
    const rows = parse<Record<string, string>>(text, { columns: true });
    expect(text.split('\n')[0]).toBe('kind,identity,flexUserSid,otherSid,serviceSid,otherName');
    expect(rows.length).toBe(findings.length);
    const defused = (value: string | null) => (value === null ? '' : defuseCell(value));
    expect(rows).toEqual(
      findings.map((f) => ({
        kind: f.kind,
        identity: defused(f.identity),
        flexUserSid: defused(f.flexUserSid),
        otherSid: defused(f.otherSid),
        serviceSid: defused(f.serviceSid),
        otherName: defused(f.otherName),
      })),
    );
    // The planted formula is there, as text a spreadsheet will not run.
    expect(rows.some((row) => row.otherName === `'${FORMULA}`)).toBe(true);
    expect(rows.every((row) => !/^[=+\-@\t\r]/.test(row.otherName!))).toBe(true);
  });

  it('defuses every cell a spreadsheet would run', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(defuseCell(`${start}1+1`)).toBe(`'${start}1+1`);
    }
    expect(defuseCell('ann@x.com')).toBe('ann@x.com');
  });

  it('refuses like /graphql, and shows a job to its own tenant and secret only', async () => {
    const none = await get(`/reconciliations/${jobId}/findings.ndjson`, {});
    const graphql = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(none.status).toBe(401);
    expect(graphql.status).toBe(401);
    const body = (await none.json()) as {
      errors: { extensions: { code: string; reason: string } }[];
    };
    const graphqlBody = (await graphql.json()) as typeof body;
    expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    expect(body.errors[0]!.extensions.reason).toBe(graphqlBody.errors[0]!.extensions.reason);

    const bad = await get(`/reconciliations/${jobId}/findings.csv?kind=NOPE`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as typeof body).errors[0]!.extensions.code).toBe('BAD_USER_INPUT');

    for (const [headers, what] of [
      [other, 'another tenant'],
      [wrongSecret, 'a wrong secret'],
    ] as const) {
      for (const format of ['ndjson', 'csv']) {
        const refused = await get(`/reconciliations/${jobId}/findings.${format}`, headers);
        expect(refused.status, what).toBe(404);
        expect(((await refused.json()) as typeof body).errors[0]!.extensions.code).toBe(
          'NOT_FOUND',
        );
      }
      const read = await execute<{ reconciliation: unknown }>(
        `${gateway.url}/graphql`,
        `query ($id: ID!) { reconciliation(id: $id) { id } reconciliations { nodes { id } } }`,
        { id: jobId },
        { headers },
      );
      // A wrong secret is refused by Twilio only on a call: the job store never needed one.
      expect(read.data?.reconciliation ?? null, what).toBeNull();
      const cancel = await execute<{
        cancelReconciliation: { userErrors: { code: string }[] };
      }>(
        `${gateway.url}/graphql`,
        `mutation ($id: ID!) { cancelReconciliation(id: $id) { userErrors { code } } }`,
        { id: jobId },
        { headers },
      );
      expect(cancel.data?.cancelReconciliation.userErrors[0]?.code, what).toBe('NOT_FOUND');
    }
    const unknown = await get('/reconciliations/bm9wZQ/findings.ndjson');
    expect(unknown.status).toBe(404);
  });
});
