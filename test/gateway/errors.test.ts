import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EmulatorAccount } from '../../emulator/index.js';
import { startStack, type Stack } from '../helpers/stack.js';

describe('errors', () => {
  let stack: Stack;
  let account: EmulatorAccount;

  beforeAll(async () => {
    // No retries here: each test reads one upstream answer. Retries are tested on their own.
    // Failures are injected between requests: a cached answer would hide them.
    stack = await startStack({
      env: { TWILIO_RETRIES: '0', TWILIO_TIMEOUT_MS: '300', CACHE_TTL_SECONDS: '0' },
    });
    account = stack.emulator.accounts[0]!;
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.emulator.clearRequests());
  afterEach(() => stack.emulator.setFaults({}));

  it.each([
    ['a Flex user SID literal', `{ flexUser(sid: "FX12") { sid } }`, undefined],
    [
      'a Flex user SID variable',
      `query ($s: FlexUserSid!) { flexUser(sid: $s) { sid } }`,
      { s: 'FU123' },
    ],
    [
      'a person SID of another kind',
      `{ user(sid: "IS00000000000000000000000000000000") { identity } }`,
      undefined,
    ],
    [
      'a chat service SID with a bad digit',
      `{ chatUsers(serviceSid: "IS0000000000000000000000000000000g") { pageInfo { hasNextPage } } }`,
      undefined,
    ],
    [
      'a user SID inside a mutation input',
      `mutation { updateConversationsUser(input: { sid: "US1", friendlyName: "x" }) { userErrors { code } } }`,
      undefined,
    ],
  ])('refuses %s with BAD_USER_INPUT before any upstream call', async (_name, query, variables) => {
    const result = await stack.execute(query, variables);
    expect(result.status).toBe(400);
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.message).toMatch(/Expected .*SID/);
    expect(await stack.emulator.requestLines()).toEqual([]);
  });

  it.each([
    [
      'both identity and sid',
      `{ user(identity: "a", sid: "US00000000000000000000000000000000") { identity } }`,
      /exactly one of identity, sid/,
    ],
    [
      'a page larger than Twilio allows',
      `{ conversationsUsers(first: 51) { nodes { sid } } }`,
      /between 1 and 50/,
    ],
    [
      'a cursor this API did not make',
      `{ flexUsers(first: 5, after: "garbage") { nodes { sid } } }`,
      /Invalid cursor/,
    ],
    [
      'more than 100 identities',
      `{ users(identities: [${Array.from({ length: 101 }, (_, i) => `"u${i}"`).join(',')}]) { identity } }`,
      /at most 100/,
    ],
  ])('refuses %s with BAD_USER_INPUT before any upstream call', async (_name, query, message) => {
    const result = await stack.execute(query);
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.message).toMatch(message);
    expect(await stack.emulator.requestLines()).toEqual([]);
  });

  it('keeps the other products of a person when Chat fails, with the error at the chat path', async () => {
    const person = await stack.emulator.person({
      flex: true,
      conversations: true,
      deactivated: false,
    });
    await stack.emulator.setFaults({ errorRate: 1, errorStatus: 503, path: '^/v2/Services/' });
    const result = await stack.execute<{
      user: { flexUser: { sid: string }; conversationsUser: { sid: string }; chatUsers: null };
    }>(
      `query ($i: String!) { user(identity: $i) { flexUser { sid } conversationsUser { sid } chatUsers { sid } } }`,
      { i: person.identity },
    );
    expect(result.status).toBe(200);
    expect(result.data).toEqual({
      user: {
        flexUser: { sid: person.flexUserSid },
        conversationsUser: { sid: person.userSid },
        chatUsers: null,
      },
    });
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]).toMatchObject({
      path: ['user', 'chatUsers'],
      extensions: { code: 'UPSTREAM_ERROR', twilio: { status: 503 } },
    });
  });

  it('survives Conversations and Chat failing together, keeping the Flex user', async () => {
    const person = await stack.emulator.person({
      flex: true,
      conversations: true,
      deactivated: false,
    });
    // The chat users wait on the Conversations user for its service while their own fetches run:
    // when both fail, every failure must still be handled (an unhandled one ends the process).
    await stack.emulator.setFaults({
      errorRate: 1,
      errorStatus: 503,
      path: '^/v(1/Users|2/Services)/',
    });
    const result = await stack.execute<{
      user: { flexUser: { sid: string }; conversationsUser: null; chatUsers: null };
    }>(
      `query ($i: String!) { user(identity: $i) { flexUser { sid } conversationsUser { sid } chatUsers { sid } } }`,
      { i: person.identity },
    );
    expect(result.data).toEqual({
      user: { flexUser: { sid: person.flexUserSid }, conversationsUser: null, chatUsers: null },
    });
    expect(result.errors?.map((e) => [e.path?.join('.'), e.extensions?.code]).sort()).toEqual([
      ['user.chatUsers', 'UPSTREAM_ERROR'],
      ['user.conversationsUser', 'UPSTREAM_ERROR'],
    ]);
  });

  it('reports a rate-limited product as RATE_LIMITED with Twilio code 20429 and the wait Twilio asked for', async () => {
    const person = await stack.emulator.person({
      flex: true,
      conversations: true,
      deactivated: false,
    });
    await stack.emulator.setFaults({ rateLimitRate: 1, retryAfterSeconds: 2, path: '^/v1/Users/' });
    const result = await stack.execute<{
      user: { flexUser: { sid: string }; conversationsUser: null };
    }>(
      `query ($i: String!) { user(identity: $i) { flexUser { sid } conversationsUser { sid } } }`,
      { i: person.identity },
    );
    expect(result.data).toEqual({
      user: { flexUser: { sid: person.flexUserSid }, conversationsUser: null },
    });
    expect(result.errors?.[0]).toMatchObject({
      path: ['user', 'conversationsUser'],
      extensions: {
        code: 'RATE_LIMITED',
        retryAfterSeconds: 2,
        twilio: { code: 20429, status: 429, moreInfo: 'https://www.twilio.com/docs/errors/20429' },
      },
    });
  });

  it('reports an upstream that does not answer in time as UPSTREAM_TIMEOUT', async () => {
    const person = await stack.emulator.person({ flex: true, deactivated: false });
    await stack.emulator.setFaults({ timeoutRate: 1, path: '^/v2/Instances/' });
    const result = await stack.execute<{ a: null; b: { sid: string } }>(
      `query ($sid: FlexUserSid!, $name: String!) { a: flexUser(sid: $sid) { sid } b: flexUserByUsername(username: $name) { sid } }`,
      { sid: person.flexUserSid, name: person.identity },
    );
    expect(result.data).toEqual({ a: null, b: { sid: person.flexUserSid } });
    expect(result.errors?.[0]).toMatchObject({
      path: ['a'],
      message: 'Twilio flex API did not answer in time',
      extensions: {
        code: 'UPSTREAM_TIMEOUT',
        twilio: { code: null, status: null, moreInfo: null },
      },
    });
  });

  it('passes on a Twilio 404 for a list of an unknown chat service with Twilio code 20404', async () => {
    const result = await stack.execute(
      `{ chatUsers(serviceSid: "IS00000000000000000000000000000000") { nodes { sid } } }`,
    );
    expect(result.data).toEqual({ chatUsers: null });
    expect(result.errors?.[0]).toMatchObject({
      path: ['chatUsers'],
      extensions: { code: 'NOT_FOUND', twilio: { code: 20404, status: 404 } },
    });
    expect(await stack.emulator.requestLines()).toEqual([
      'GET /v2/Services/IS00000000000000000000000000000000/Users?PageSize=50',
    ]);
  });

  it('never puts credentials or request URLs in an error', async () => {
    await stack.emulator.setFaults({ errorRate: 1, errorStatus: 500 });
    const result = await stack.execute(`{ conversationsUser(identity: "x") { sid } }`);
    const text = JSON.stringify(result);
    expect(result.errors?.[0]?.extensions?.code).toBe('UPSTREAM_ERROR');
    expect(text).not.toContain(account.authToken);
    expect(text).not.toContain(stack.emulator.url);
    expect(text).not.toContain('stacktrace');
  });
});
