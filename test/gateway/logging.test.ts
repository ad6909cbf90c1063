// What an operator reads: the level of each line says whether something failed and whose it is
// to fix; anonymous operations have stable names; refusals before any resolver are logged and
// counted. The rule is written down in docs/operations.md ("Log levels").
import { createHash } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { operationLogLevel } from '../../server/plugins/logging.js';
import { LogLines } from '../helpers/log-lines.js';
import { startStack, type Stack } from '../helpers/stack.js';

const INFO = 30;
const WARN = 40;

/** The value of one series in a /metrics page (0 when absent). */
async function series(stack: Stack, name: string): Promise<number> {
  const page = await (await fetch(`${stack.url}/metrics`)).text();
  const line = page.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(' ')[1]) : 0;
}

describe('operation log lines', () => {
  let stack: Stack;
  const logs = new LogLines();
  const lineOf = (reqId: string) => logs.lines.filter((line) => line.reqId === reqId);

  beforeAll(async () => {
    stack = await startStack({
      seedUsers: 30,
      env: { LOG_LEVEL: 'info', TWILIO_RETRIES: '0' },
      logDestination: logs,
    });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.emulator.clearRequests());
  afterEach(() => stack.emulator.setFaults({}));

  it('logs an operation that succeeded at info, under its name', async () => {
    await stack.execute('query Fine { __typename }', undefined, {
      headers: { 'x-request-id': 'log-fine' },
    });
    expect(lineOf('log-fine')).toEqual([
      expect.objectContaining({ level: INFO, msg: 'graphql operation', operation: 'Fine' }),
    ]);
    expect(lineOf('log-fine')[0]).not.toHaveProperty('errors');
  });

  it('logs an operation with a field Twilio failed at warn, with the code', async () => {
    const person = await stack.emulator.person({ flex: true, conversations: true });
    await stack.emulator.setFaults({ errorRate: 1, errorStatus: 503, path: '^/v1/Users/' });
    const result = await stack.execute(
      'query Partial($i: String!) { user(identity: $i) { flexUser { sid } conversationsUser { sid } } }',
      { i: person.identity },
      { headers: { 'x-request-id': 'log-upstream' } },
    );
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_ERROR']);
    expect(lineOf('log-upstream')).toEqual([
      expect.objectContaining({
        level: WARN,
        msg: 'graphql operation',
        operation: 'Partial',
        errors: ['UPSTREAM_ERROR'],
      }),
    ]);
  });

  it("logs a client's mistake at warn, with the code", async () => {
    await stack.execute('query Typo { nobody }', undefined, {
      headers: { 'x-request-id': 'log-typo' },
    });
    expect(lineOf('log-typo')).toEqual([
      expect.objectContaining({ level: WARN, errors: ['GRAPHQL_VALIDATION_FAILED'] }),
    ]);
  });

  it('names an anonymous operation by its document hash, the same every time, in logs and /metrics', async () => {
    const query = '{ __typename } # the logging test';
    const name = `anonymous:${createHash('sha256').update(query).digest('hex').slice(0, 8)}`;
    const other = '{ __typename } # another anonymous one';
    const series_ = `graphql_operations_total{operation="${name}",outcome="ok"}`;
    const before = await series(stack, series_);
    for (const [id, document] of [
      ['log-anon-1', query],
      ['log-anon-2', query],
      ['log-anon-3', other],
    ] as const) {
      await stack.execute(document, undefined, { headers: { 'x-request-id': id } });
    }
    expect(lineOf('log-anon-1')[0]?.operation).toBe(name);
    expect(lineOf('log-anon-2')[0]?.operation).toBe(name);
    expect(lineOf('log-anon-3')[0]?.operation).toMatch(/^anonymous:[0-9a-f]{8}$/);
    expect(lineOf('log-anon-3')[0]?.operation).not.toBe(name);
    expect((await series(stack, series_)) - before).toBe(2);
  });

  it('logs requests refused before they are operations at warn', async () => {
    // Apollo's CSRF prevention: it tells no plugin which request it was, so no id.
    await fetch(`${stack.graphqlUrl}?query=${encodeURIComponent('{ __typename }')}`);
    expect(logs.lines).toContainEqual(
      expect.objectContaining({
        level: WARN,
        msg: 'request refused',
        code: 'BAD_REQUEST',
        detail: expect.stringMatching(/Cross-Site Request Forgery/) as string,
      }),
    );
    // Fastify's: a body that is not JSON.
    await fetch(stack.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'log-not-json' },
      body: '{',
    });
    expect(lineOf('log-not-json')).toEqual([
      expect.objectContaining({
        level: WARN,
        msg: 'request refused',
        status: 400,
        code: 'BAD_REQUEST',
      }),
    ]);
  });
});

describe('operationLogLevel', () => {
  it.each([
    [[], 'info'],
    [['PERSISTED_QUERY_NOT_FOUND'], 'info'],
    [['NOT_FOUND'], 'warn'],
    [['BAD_USER_INPUT', 'UPSTREAM_TIMEOUT'], 'warn'],
    [['RATE_LIMITED', 'UNAUTHENTICATED'], 'warn'],
    [['UPSTREAM_ERROR', 'INTERNAL_SERVER_ERROR'], 'error'],
    [['UNKNOWN'], 'error'],
  ])('logs errors %j at %s', (codes, level) => {
    expect(operationLogLevel(codes)).toBe(level);
  });
});

describe('auth refusal log lines and metrics', () => {
  const SECRET = 'a-logging-test-secret-of-at-least-32-bytes';
  let stack: Stack;
  const logs = new LogLines();

  beforeAll(async () => {
    stack = await startStack({
      seedUsers: 20,
      env: { LOG_LEVEL: 'info', AUTH_OPEN: 'false', AUTH_JWT_SECRET: SECRET },
      logDestination: logs,
    });
  });
  afterAll(() => stack.close());

  it.each([
    ['no credentials', undefined, 'CREDENTIALS_MISSING'],
    ['an unknown scheme', 'Digest username="x"', 'SCHEME_NOT_SUPPORTED'],
    ['an expired token', 'expired', 'ERR_JWT_EXPIRED'],
  ])(
    'logs a request with %s at warn with its reason, and counts it by reason',
    async (_name, authorization, reason) => {
      const header =
        authorization === 'expired'
          ? `Bearer ${await new SignJWT({})
              .setProtectedHeader({ alg: 'HS256' })
              .setExpirationTime('-1m')
              .sign(new TextEncoder().encode(SECRET))}`
          : authorization;
      const metric = `auth_refusals_total{reason="${reason}"}`;
      const before = await series(stack, metric);
      const reqId = `log-refused-${reason}`;
      const result = await stack.execute('{ __typename }', undefined, {
        headers: { 'x-request-id': reqId, ...(header ? { authorization: header } : {}) },
      });
      expect(result.status).toBe(401);
      expect(logs.lines.filter((line) => line.reqId === reqId)).toEqual([
        expect.objectContaining({
          level: WARN,
          msg: 'request refused',
          status: 401,
          code: 'UNAUTHENTICATED',
          reason,
        }),
      ]);
      expect((await series(stack, metric)) - before).toBe(1);
    },
  );
});
