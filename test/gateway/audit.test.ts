import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EmulatorAccount, SeededPerson } from '../../emulator/index.js';
import { auditValue, type AuditRecord } from '../../server/audit.js';
import { ConfigError, loadConfig } from '../../server/config.js';
import { basicAuth, expectData } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { waitFor } from '../helpers/wait-for.js';

const JWT_SECRET = 'an-audit-test-secret-long-enough-for-hs256';
const HASH_KEY = 'an-audit-hash-key-of-at-least-32-characters';

const sign = (claims: Record<string, unknown>) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(JWT_SECRET));

const hmac = (value: string) =>
  `hmac-sha256:${createHmac('sha256', HASH_KEY).update(value).digest('hex').slice(0, 32)}`;

type Sample = (people: { flex: SeededPerson; conversations: SeededPerson }) => {
  query: string;
  variables: Record<string, unknown>;
  /** 'ok' unless said otherwise. */
  outcome?: string;
};

/** A job id no tenant has (a well-formed global id of a ReconciliationJob). */
const NO_JOB = Buffer.from(JSON.stringify(['ReconciliationJob', `RJ${'0'.repeat(32)}`])).toString(
  'base64url',
);

/**
 * A harmless call of every mutation. The test below walks the schema's Mutation fields: a new
 * mutation without a sample here fails it, and so does one whose call writes no audit record.
 */
const SAMPLES: Record<string, Sample> = {
  provisionFlexUser: () => ({
    query: `mutation ($input: ProvisionFlexUserInput!) { provisionFlexUser(input: $input) { userErrors { code } } }`,
    variables: {
      input: {
        username: 'audit.single@owlbank.example',
        email: 'audit.single@owlbank.example',
        fullName: 'Audit Single',
        roles: ['AGENT'],
      },
    },
  }),
  provisionFlexUsers: () => ({
    query: `mutation ($input: ProvisionFlexUsersInput!) { provisionFlexUsers(input: $input) { userErrors { code } } }`,
    variables: {
      input: {
        users: [
          {
            username: 'audit.bulk@owlbank.example',
            email: 'audit.bulk@owlbank.example',
            fullName: 'Audit Bulk',
            roles: ['SUPERVISOR'],
          },
        ],
      },
    },
  }),
  updateFlexUser: ({ flex }) => ({
    query: `mutation ($input: UpdateFlexUserInput!) { updateFlexUser(input: $input) { userErrors { code } } }`,
    variables: { input: { sid: flex.flexUserSid, locale: 'en-GB' } },
  }),
  updateFlexUsers: ({ flex }) => ({
    query: `mutation ($input: UpdateFlexUsersInput!) { updateFlexUsers(input: $input) { userErrors { code } } }`,
    variables: { input: { users: [{ sid: flex.flexUserSid, locale: 'en-US' }] } },
  }),
  updateConversationsUser: ({ conversations }) => ({
    query: `mutation ($input: UpdateConversationsUserInput!) { updateConversationsUser(input: $input) { userErrors { code } } }`,
    variables: { input: { identity: conversations.identity, friendlyName: 'Audited' } },
  }),
  updateChatUser: ({ conversations }) => ({
    query: `mutation ($input: UpdateChatUserInput!) { updateChatUser(input: $input) { userErrors { code } } }`,
    variables: { input: { identity: conversations.identity, friendlyName: 'Audited Chat' } },
  }),
  // Deprovisioning changes the user for good: last, on a person of its own.
  deprovisionFlexUser: ({ flex }) => ({
    query: `mutation ($input: DeprovisionFlexUserInput!) { deprovisionFlexUser(input: $input) { userErrors { code } } }`,
    variables: { input: { sid: flex.flexUserSid } },
  }),
  // A dry run: the later samples still need the person's users.
  offboardPerson: ({ flex }) => ({
    query: `mutation ($input: OffboardPersonInput!) { offboardPerson(input: $input) { userErrors { code } } }`,
    variables: { input: { identity: flex.identity, dryRun: true } },
  }),
  // A job runs in the background and writes one more record when it ends (filtered out below).
  startReconciliation: () => ({
    query: `mutation { startReconciliation(input: { budgetShare: 0.5 }) { userErrors { code } } }`,
    variables: {},
  }),
  // Refused (no such job), so the record is a userErrors one that still names its target.
  cancelReconciliation: () => ({
    query: `mutation ($id: ID!) { cancelReconciliation(id: $id) { userErrors { code } } }`,
    variables: { id: NO_JOB },
    outcome: 'userErrors',
  }),
  resumeReconciliation: () => ({
    query: `mutation ($id: ID!) { resumeReconciliation(id: $id) { userErrors { code } } }`,
    variables: { id: NO_JOB },
    outcome: 'userErrors',
  }),
};

describe('audit trail', () => {
  let stack: Stack;
  let account: EmulatorAccount;
  let dir: string;
  let file: string;
  let seen = 0;

  /** The records written since the last call. */
  const newRecords = (): (AuditRecord & { time: string; log: string })[] => {
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    const fresh = lines.slice(seen);
    seen = lines.length;
    return fresh.map((line) => JSON.parse(line) as AuditRecord & { time: string; log: string });
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'audit-'));
    file = join(dir, 'nested', 'audit.jsonl');
    stack = await startStack({
      seedUsers: 60,
      env: {
        AUDIT_LOG: file,
        AUDIT_HASH_KEY: HASH_KEY,
        AUTH_JWT_SECRET: JWT_SECRET,
        AUTH_BASIC_PASSTHROUGH: 'true',
      },
    });
    account = stack.emulator.accounts[0]!;
  });
  afterAll(async () => {
    await stack.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await stack.emulator.clearRequests();
    newRecords();
  });
  afterEach(() => stack.emulator.setFaults({}));

  it('writes exactly one record for each mutation the schema has', async () => {
    const schema = expectData(
      await stack.execute<{ __type: { fields: { name: string }[] } }>(
        `{ __type(name: "Mutation") { fields { name } } }`,
      ),
    );
    const fields = schema.__type.fields.map((field) => field.name);
    expect(fields.length).toBeGreaterThanOrEqual(7);
    const [flex, deprovisioned] = await stack.emulator.people({
      flex: true,
      deactivated: false,
      conversations: true,
      limit: 2,
    });
    // Deprovisioning goes last: the other samples need an active user.
    const ordered = [...fields].sort(
      (a, b) => Number(a === 'deprovisionFlexUser') - Number(b === 'deprovisionFlexUser'),
    );
    const ended: AuditRecord[] = [];
    for (const field of ordered) {
      const sample = SAMPLES[field];
      expect(sample, `add an audit sample for Mutation.${field}`).toBeDefined();
      const person = field === 'deprovisionFlexUser' ? deprovisioned! : flex!;
      const { query, variables, outcome = 'ok' } = sample!({ flex: person, conversations: person });
      const result = await stack.execute(query, variables, {
        headers: { 'x-request-id': `audit-${field}` },
      });
      expect(result.errors).toBeUndefined();
      // The reconciliation started above writes its end record whenever it ends.
      const all = newRecords();
      ended.push(...all.filter((r) => r.operation === 'reconciliationFinished'));
      const records = all.filter((r) => r.operation !== 'reconciliationFinished');
      expect(records, field).toHaveLength(1);
      expect(records[0]).toMatchObject({
        log: 'audit',
        requestId: `audit-${field}`,
        tenant: account.accountSid,
        auth: 'open',
        operation: field,
        outcome,
      });
      expect(records[0]!.targets.length, field).toBeGreaterThan(0);
      expect(Date.parse(records[0]!.time)).not.toBeNaN();
    }
    // The job's end is one record more: its outcome, counts and the job as target.
    await waitFor(
      () => {
        ended.push(...newRecords().filter((r) => r.operation === 'reconciliationFinished'));
        return ended.length > 0;
      },
      'the reconciliation ends',
      30_000,
    );
    expect(ended).toHaveLength(1);
    expect(ended[0]).toMatchObject({
      tenant: account.accountSid,
      auth: 'open',
      outcome: 'ok',
      values: { status: 'DONE' },
    });
    expect(ended[0]!.targets).toHaveLength(1);
  });

  it('says who called, by token subject or Basic user, and never writes a credential', async () => {
    const person = await stack.emulator.person({ flex: true, deactivated: false });
    const update = `mutation ($sid: FlexUserSid!) { updateFlexUser(input: { sid: $sid, locale: "nl-NL" }) { userErrors { code } } }`;
    const token = await sign({ sub: 'ops.alice@owlbank.example' });
    expectData(
      await stack.execute(
        update,
        { sid: person.flexUserSid },
        {
          headers: { authorization: `Bearer ${token}` },
        },
      ),
    );
    const basic = basicAuth(account.accountSid, account.authToken);
    expectData(
      await stack.execute(
        update,
        { sid: person.flexUserSid },
        {
          headers: { authorization: basic, 'x-request-id': 'basic-call' },
        },
      ),
    );
    // A hostile attributes value, shaped like a credential: it is personal, so only its HMAC.
    const conversations = await stack.emulator.person({ conversations: true });
    expectData(
      await stack.execute(
        `mutation ($input: UpdateConversationsUserInput!) { updateConversationsUser(input: $input) { userErrors { code } } }`,
        {
          input: {
            identity: conversations.identity,
            attributes: { password: account.authToken, note: 'hunter2-hostile' },
          },
        },
      ),
    );
    const [bearer, viaBasic, hostile] = newRecords();
    expect(bearer).toMatchObject({
      auth: 'bearer',
      subject: 'ops.alice@owlbank.example',
      tenant: account.accountSid,
      targets: [person.flexUserSid],
      changed: ['locale'],
      values: { locale: 'nl-NL' },
    });
    expect(viaBasic).toMatchObject({
      auth: 'basic',
      subject: account.accountSid,
      requestId: 'basic-call',
    });
    expect(hostile?.values).toEqual({
      identity: hmac(conversations.identity),
      attributes: hmac(JSON.stringify({ password: account.authToken, note: 'hunter2-hostile' })),
    });
    const everything = readFileSync(file, 'utf8');
    for (const secret of [account.authToken, token, basic.slice(6), 'hunter2-hostile']) {
      expect(everything).not.toContain(secret);
    }
  });

  it('keeps non-personal values and writes personal ones as an HMAC only', async () => {
    const user = {
      username: 'audit.hash@owlbank.example',
      email: 'audit.hash.mail@owlbank.example',
      fullName: 'Audit Hash',
      roles: ['AGENT', 'ADMIN'],
      workerAttributes: { skills: ['billing'] },
    };
    expectData(
      await stack.execute(
        `mutation ($input: ProvisionFlexUserInput!) { provisionFlexUser(input: $input) { userErrors { code } } }`,
        { input: user },
      ),
    );
    const [record] = newRecords();
    expect(record?.changed).toEqual(['username', 'email', 'fullName', 'roles', 'workerAttributes']);
    expect(record?.values).toEqual({
      username: hmac(user.username),
      email: hmac(user.email),
      fullName: hmac(user.fullName),
      roles: ['AGENT', 'ADMIN'],
      workerAttributes: hmac(JSON.stringify(user.workerAttributes)),
    });
    const line = JSON.stringify(record);
    for (const value of [user.username, user.email, user.fullName, 'billing']) {
      expect(line).not.toContain(value);
    }
  });

  it('records userErrors by code and field, and a failure with Twilio’s code', async () => {
    const person = await stack.emulator.person({ flex: true, deactivated: false });
    const unknown = 'FU' + 'f'.repeat(32);
    await stack.execute(
      `mutation { updateFlexUser(input: { sid: "${unknown}", email: "no-such@owlbank.example" }) { userErrors { code } } }`,
    );
    await stack.emulator.setFaults({ errorRate: 1, errorStatus: 503, path: '^/v2/' });
    const failed = await stack.execute(
      `mutation ($sid: FlexUserSid!) { again: updateFlexUser(input: { sid: $sid, locale: "it-IT" }) { userErrors { code } } }`,
      { sid: person.flexUserSid },
    );
    expect(failed.errors?.[0]?.extensions?.code).toBe('UPSTREAM_ERROR');
    const [refused, broken] = newRecords();
    expect(refused).toMatchObject({
      operation: 'updateFlexUser',
      targets: [unknown],
      outcome: 'userErrors',
      userErrors: [{ field: ['input', 'sid'], code: 'NOT_FOUND' }],
    });
    expect(refused).not.toHaveProperty('userErrors.0.message');
    expect(broken).toMatchObject({
      operation: 'updateFlexUser',
      alias: 'again',
      targets: [person.flexUserSid],
      outcome: 'failed',
      error: { code: 'UPSTREAM_ERROR', twilioCode: 20503, status: 503 },
    });
  });

  it('lets execution refuse an operationName that names no operation (no record, no 500)', async () => {
    const result = await stack.execute(
      `mutation A { updateFlexUser(input: { sid: "FU${'a'.repeat(32)}", locale: "en" }) { userErrors { code } } }`,
      {},
      { operationName: 'B' },
    );
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe('OPERATION_RESOLUTION_FAILURE');
    expect(newRecords()).toEqual([]);
  });

  it('records each item of a bulk mutation, and writes nothing for queries', async () => {
    const person = await stack.emulator.person({ flex: true, deactivated: false });
    await stack.execute(
      `mutation ($input: UpdateFlexUsersInput!) { updateFlexUsers(input: $input) { failed } }`,
      {
        input: {
          users: [
            { sid: person.flexUserSid, locale: 'pt-PT' },
            { sid: 'FU' + 'e'.repeat(32), locale: 'pt-PT' },
          ],
        },
      },
    );
    await stack.execute(`query { flexUsers(first: 2) { nodes { sid } } }`);
    const records = newRecords();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      operation: 'updateFlexUsers',
      outcome: 'partial',
      changed: ['locale'],
      items: [
        { index: 0, targets: [person.flexUserSid], outcome: 'ok', values: { locale: 'pt-PT' } },
        {
          index: 1,
          outcome: 'userErrors',
          userErrors: [{ field: ['input', 'users', '1', 'sid'], code: 'NOT_FOUND' }],
        },
      ],
    });
  });
});

describe('audit settings', () => {
  it('leaves personal values out when no AUDIT_HASH_KEY is set', () => {
    expect(auditValue('email', 'a@b.example', null)).toEqual({ keep: false });
    expect(auditValue('locale', 'en-GB', null)).toEqual({ keep: true, value: 'en-GB' });
  });

  it.each([
    [undefined, 'stderr'],
    ['stdout', 'stdout'],
    ['off', null],
    ['/var/log/gateway/audit.jsonl', { file: '/var/log/gateway/audit.jsonl' }],
  ])('reads AUDIT_LOG=%s', (value, expected) => {
    expect(loadConfig(value === undefined ? {} : { AUDIT_LOG: value }).backOffice.auditLog).toEqual(
      expected,
    );
  });

  it('refuses a short AUDIT_HASH_KEY', () => {
    expect(() => loadConfig({ AUDIT_HASH_KEY: 'short' })).toThrow(ConfigError);
  });
});
