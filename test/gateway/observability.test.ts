import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EmulatorAccount } from '../../emulator/index.js';
import { basicAuth, expectData } from '../helpers/graphql.js';
import { LogLines } from '../helpers/log-lines.js';
import { startStack, type Stack } from '../helpers/stack.js';

describe('observability', () => {
  let stack: Stack;
  let account: EmulatorAccount;
  const logs = new LogLines();

  beforeAll(async () => {
    stack = await startStack({ env: { LOG_LEVEL: 'debug' }, logDestination: logs });
    account = stack.emulator.accounts[0]!;
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.emulator.clearRequests());

  it('counts the upstream calls of a query in /metrics by product, endpoint and status', async () => {
    const before = await (await fetch(`${stack.url}/metrics`)).text();
    const person = await stack.emulator.person({
      flex: true,
      conversations: true,
      deactivated: false,
    });
    expectData(
      await stack.execute(
        `query Profile($i: String!) { user(identity: $i) { flexUser { email } conversationsUser { sid } chatUsers { sid } } }`,
        { i: person.identity },
        { operationName: 'Profile' },
      ),
    );
    const after = await (await fetch(`${stack.url}/metrics`)).text();
    const count = (text: string, series: string) => {
      const line = text.split('\n').find((l) => l.startsWith(`${series} `));
      return line ? Number(line.split(' ')[1]) : 0;
    };
    const delta = (series: string) => count(after, series) - count(before, series);

    expect(
      delta(
        'twilio_requests_total{product="flex",endpoint="fetchFlexUserByUsername",method="GET",status="200"}',
      ),
    ).toBe(1);
    expect(
      delta(
        'twilio_requests_total{product="conversations",endpoint="fetchUser",method="GET",status="200"}',
      ),
    ).toBe(1);
    expect(
      delta('twilio_requests_total{product="chat",endpoint="fetchUser",method="GET",status="200"}'),
    ).toBe(account.chatServiceSids.length);
    expect(delta('graphql_operations_total{operation="Profile",outcome="ok"}')).toBe(1);
    expect(delta('dataloader_batch_size_count{loader="chatUser"}')).toBe(1);
    expect(after).toContain(
      'twilio_request_duration_seconds_bucket{le="0.005",product="flex",endpoint="fetchFlexUserByUsername"}',
    );
    expect(after).toContain('process_resident_memory_bytes');
  });

  it('carries the request id onto the log lines of every upstream call, and never logs credentials', async () => {
    const person = await stack.emulator.person({ conversations: true });
    const response = await fetch(stack.graphqlUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-request-id': 'trace-abc-123',
        authorization: basicAuth(account.accountSid, account.authToken),
      },
      body: JSON.stringify({
        query: `{ conversationsUser(identity: ${JSON.stringify(person.identity)}) { sid } }`,
      }),
    });
    expect(response.headers.get('x-request-id')).toBe('trace-abc-123');
    const mine = logs.lines.filter((line) => line.reqId === 'trace-abc-123');
    expect(mine.map((line) => line.msg)).toEqual(['twilio call', 'graphql operation']);
    expect(mine[0]).toMatchObject({
      upstream: 'conversations',
      endpoint: 'fetchUser',
      status: 200,
    });
    expect(mine[1]).toMatchObject({ upstreamCalls: 1, upstreamRetries: 0 });
    expect(JSON.stringify(logs.lines)).not.toContain(account.authToken);
  });

  it('makes up a request id when the caller sends none or an unsafe one', async () => {
    const response = await fetch(stack.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'bad id\twith spaces' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('lets a client cache a user query privately for 30 s, and never one asking for presence', async () => {
    const person = await stack.emulator.person({ conversations: true });
    const cacheable = await stack.execute(
      `query ($i: String!) { conversationsUser(identity: $i) { sid friendlyName } }`,
      {
        i: person.identity,
      },
    );
    expect(cacheable.headers.get('cache-control')).toBe('max-age=30, private');
    const presence = await stack.execute(
      `query ($i: String!) { conversationsUser(identity: $i) { sid isOnline } }`,
      {
        i: person.identity,
      },
    );
    expect(presence.headers.get('cache-control')).toBe('no-store');
  });

  it('serves automatic persisted queries: a hash alone after the document was sent once', async () => {
    const query = '{ __typename }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const send = (body: object) =>
      fetch(stack.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then(
        (r) => r.json() as Promise<{ data?: unknown; errors?: { extensions: { code: string } }[] }>,
      );
    const extensions = { persistedQuery: { version: 1, sha256Hash } };

    expect((await send({ extensions })).errors?.[0]?.extensions.code).toBe(
      'PERSISTED_QUERY_NOT_FOUND',
    );
    expect(await send({ query, extensions })).toEqual({ data: { __typename: 'Query' } });
    expect(await send({ extensions })).toEqual({ data: { __typename: 'Query' } });
  });
});
