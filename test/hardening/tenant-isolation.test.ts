/**
 * One tenant cannot hurt another. Each test runs two tenants (the emulator's two accounts, by
 * Basic pass-through) at once, with faults on tenant A's account only, and checks what tenant B
 * gets, from B's answers and from the emulator's log.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { EmulatorAccount, LoggedRequest } from '../../emulator/index.js';
import { basicAuth, type GraphQLResponse } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';

interface Tenants {
  stack: Stack;
  a: EmulatorAccount;
  b: EmulatorAccount;
  /** Identities of people with a Conversations user, per account. */
  people: { a: string[]; b: string[] };
  /** A's (or B's) Conversations users by identity, with whatever else the query asks. */
  ask(tenant: 'a' | 'b', ids: string[], fields?: string): Promise<GraphQLResponse<unknown>>;
  /** The log entries of one account, in arrival order. */
  log(tenant: 'a' | 'b'): Promise<LoggedRequest[]>;
}

let open: Stack[] = [];
afterEach(async () => {
  await Promise.all(open.map((stack) => stack.close()));
  open = [];
});

async function twoTenants(env: Record<string, string> = {}): Promise<Tenants> {
  const stack = await startStack({
    seedUsers: 120,
    // Slot and call counts per tenant are the subject; the seeded identities are emails, which
    // Flex identity escapes (on by default) would ask for twice.
    env: { AUTH_OPEN: 'false', TWILIO_FLEX_IDENTITY_ESCAPES: 'false', ...env },
  });
  open.push(stack);
  const [a, b] = stack.emulator.accounts as [EmulatorAccount, EmulatorAccount];
  const identities = async (account: EmulatorAccount) =>
    (
      await stack.emulator.people({
        accountSid: account.accountSid,
        conversations: true,
        limit: 60,
      })
    ).map((p) => p.identity);
  const accounts = { a, b };
  return {
    stack,
    a,
    b,
    people: { a: await identities(a), b: await identities(b) },
    ask: (tenant, ids, fields = 'conversationsUser { sid }') => {
      const account = accounts[tenant];
      return stack.execute(
        `query ($ids: [String!]!) { users(identities: $ids) { ${fields} } }`,
        { ids },
        {
          headers: {
            authorization: basicAuth(account.accountSid, account.authToken),
            'x-flex-instance-sid': account.flexInstanceSid,
            'x-chat-service-sids': account.chatServiceSids.join(','),
          },
        },
      );
    },
    log: async (tenant) =>
      (await stack.emulator.requests()).filter((r) => r.account === accounts[tenant].accountSid),
  };
}

const codesOf = (result: GraphQLResponse<unknown>) =>
  [...new Set(result.errors?.map((e) => e.extensions?.code))].sort();

/** Waits until the emulator has logged `count` requests of the tenant (polling its log). */
async function untilLogged(t: Tenants, tenant: 'a' | 'b', count: number): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if ((await t.log(tenant)).length >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`tenant ${tenant} never reached ${count} logged requests`);
}

describe('one tenant cannot hurt another', () => {
  it('never opens a breaker for ids the gateway refuses without calling Twilio', async () => {
    const t = await twoTenants();
    const sid = `US${'0'.repeat(16)} ${'0'.repeat(15)}`;
    const forged = Buffer.from(JSON.stringify(['ConversationsUser', sid])).toString('base64url');
    const nodes = `query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`;
    for (let i = 0; i < 3; i += 1) {
      const result = await t.stack.execute(
        nodes,
        { ids: Array(12).fill(forged) },
        { headers: { authorization: basicAuth(t.a.accountSid, t.a.authToken) } },
      );
      expect(result.data).toEqual({ nodes: Array(12).fill(null) });
    }
    expect(await t.stack.emulator.requests()).toEqual([]);
    const [fromA, fromB] = await Promise.all([
      t.ask('a', t.people.a.slice(0, 3)),
      t.ask('b', t.people.b.slice(0, 3)),
    ]);
    expect([fromA.errors, fromB.errors]).toEqual([undefined, undefined]);
  });

  it('does not count calls cut short by the request budget as the host failing', async () => {
    const t = await twoTenants({ REQUEST_BUDGET_MS: '300' });
    await t.stack.emulator.setFaults({ rules: [{ accountSid: t.a.accountSid, latencyMs: 1000 }] });
    // 20 calls of A, each cut at A's 300 ms budget: more than the breaker's volume threshold.
    const slow = await Promise.all(
      [0, 5, 10, 15].map((at) => t.ask('a', t.people.a.slice(at, at + 5))),
    );
    for (const result of slow) expect(codesOf(result)).toEqual(['UPSTREAM_TIMEOUT']);
    const fromB = await t.ask('b', t.people.b.slice(0, 5));
    expect(fromB.errors).toBeUndefined();
    // A itself is not paused either, once Twilio answers in time again.
    await t.stack.emulator.setFaults({});
    const fromA = await t.ask('a', t.people.a.slice(0, 5));
    expect(fromA.errors).toBeUndefined();
  });

  it("opens only the failing account's breaker: the other tenant's calls still go out", async () => {
    const t = await twoTenants({ TWILIO_RETRIES: '0' });
    await t.stack.emulator.setFaults({
      rules: [{ accountSid: t.a.accountSid, errorRate: 1, errorStatus: 503 }],
    });
    for (let i = 0; i < 3; i += 1) await t.ask('a', t.people.a.slice(i * 5, i * 5 + 5));
    await t.stack.emulator.clearRequests();
    const paused = await t.ask('a', t.people.a.slice(20, 25));
    expect(codesOf(paused)).toEqual(['UPSTREAM_UNAVAILABLE']);
    expect(await t.log('a')).toEqual([]);

    const fromB = await t.ask('b', t.people.b.slice(0, 5));
    expect(fromB.errors).toBeUndefined();
    expect(await t.log('b')).toHaveLength(5);
  });

  it('holds no slot while waiting to retry after a 429', async () => {
    // Two slots for the whole process; A's two calls are rate-limited with Retry-After 1 s.
    const t = await twoTenants({ TWILIO_MAX_CONCURRENCY: '2', TWILIO_RETRIES: '1' });
    await t.stack.emulator.setFaults({
      rules: [{ accountSid: t.a.accountSid, rateLimitRate: 1, retryAfterSeconds: 1 }],
    });
    const fromA = t.ask('a', t.people.a.slice(0, 2));
    await untilLogged(t, 'a', 1);
    const fromB = await t.ask('b', t.people.b.slice(0, 2));
    expect(fromB.errors).toBeUndefined();
    expect(codesOf(await fromA)).toEqual(['RATE_LIMITED']);
    // B was answered while A waited: both of B's calls arrived before A's others. A's second call
    // was not sent while A's account was paused (it tried its new credentials' answer first), and
    // each of A's calls was answered 429 once, then once more on its one retry.
    const log = await t.stack.emulator.requests();
    const order = log.map((r) => (r.account === t.a.accountSid ? 'a' : 'b'));
    expect(order).toEqual(['a', 'b', 'b', 'a', 'a', 'a']);
  });

  it('gives a waiting tenant its share of slots ahead of another tenant queued earlier', async () => {
    const t = await twoTenants({ TWILIO_MAX_CONCURRENCY: '4' });
    // B's credentials are known good, so its two calls go out together (no probe first). Through
    // another person than the two asked next, which the read cache would otherwise answer.
    await t.ask('b', t.people.b.slice(2, 3));
    await t.stack.emulator.clearRequests();
    await t.stack.emulator.setFaults({ latencyMs: 60 });
    const fromA = t.ask('a', t.people.a.slice(0, 40));
    await untilLogged(t, 'a', 4);
    const fromB = await t.ask('b', t.people.b.slice(0, 2));
    expect(fromB.errors).toBeUndefined();
    expect((await fromA).errors).toBeUndefined();
    // First come, first served would put B's two calls after A's 40.
    const order = (await t.stack.emulator.requests()).map((r) => r.account);
    const positions = order.flatMap((account, i) => (account === t.b.accountSid ? [i] : []));
    expect(positions).toHaveLength(2);
    expect(Math.max(...positions)).toBeLessThan(8);
  });

  it("keeps each account's calls in flight under its budget, across Twilio's hosts", async () => {
    const t = await twoTenants({ TWILIO_ACCOUNT_CONCURRENCY: '3' });
    await t.stack.emulator.setFaults({ latencyMs: 30 });
    const fields = 'flexUser { sid } conversationsUser { sid } chatUsers { sid }';
    const [fromA, fromB] = await Promise.all([
      t.ask('a', t.people.a.slice(0, 8), fields),
      t.ask('b', t.people.b.slice(0, 8), fields),
    ]);
    expect([fromA.errors, fromB.errors]).toEqual([undefined, undefined]);
    const peaks = await t.stack.emulator.concurrency();
    expect(peaks[t.a.accountSid]?.peak).toBe(3);
    expect(peaks[t.b.accountSid]?.peak).toBe(3);
    const hosts = new Set((await t.log('a')).map((r) => r.path.split('/')[2]));
    expect(hosts).toEqual(new Set(['Instances', 'Users', 'Services']));
  });
});

describe('chat service lists', () => {
  it('refuses more than ten distinct services in X-Chat-Service-Sids, before any call', async () => {
    const t = await twoTenants();
    const many = Array.from({ length: 300 }, (_, i) => `IS${i.toString(16).padStart(32, '0')}`);
    const result = await t.stack.execute(
      `query ($ids: [String!]!) { users(identities: $ids) { chatUsers { sid } } }`,
      { ids: t.people.a.slice(0, 100) },
      {
        headers: {
          authorization: basicAuth(t.a.accountSid, t.a.authToken),
          'x-chat-service-sids': many.join(','),
        },
      },
    );
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/at most 10 chat services, got 300/);
    expect(await t.stack.emulator.requests()).toEqual([]);
  });

  it('counts every chat service a person is looked up in towards the query cost', async () => {
    const t = await twoTenants();
    const ids = Array.from({ length: 100 }, (_, i) => t.people.a[i % t.people.a.length] as string);
    const many = Array.from({ length: 10 }, (_, i) => `IS${i.toString(16).padStart(32, '0')}`);
    const asking = (services: string[]) =>
      t.stack.execute(
        `query ($ids: [String!]!) {
          users(identities: $ids) {
            chatUsers { user { identity } flexUser { sid } conversationsUser { sid }
              again: flexUser { sid } andAgain: conversationsUser { sid } }
          }
        }`,
        { ids },
        {
          headers: {
            authorization: basicAuth(t.a.accountSid, t.a.authToken),
            'x-chat-service-sids': services.join(','),
          },
        },
      );
    // 100 people × (10 services + their own) × 5 joins: over the limit of 5000, refused before
    // any call.
    const refused = await asking(many);
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY' });
    expect(await t.stack.emulator.requests()).toEqual([]);
    // The same operation with one service costs about a fifth of that and runs.
    const answered = await asking(many.slice(0, 1));
    expect(answered.status).toBe(200);
  });

  it('asks each distinct service once, however often the header repeats it', async () => {
    const t = await twoTenants();
    const service = t.a.chatServiceSids[0] as string;
    const result = await t.stack.execute(
      `query ($i: String!) { user(identity: $i) { chatUsers { sid } } }`,
      { i: t.people.a[0] },
      {
        headers: {
          authorization: basicAuth(t.a.accountSid, t.a.authToken),
          'x-chat-service-sids': Array(50).fill(service).join(','),
        },
      },
    );
    expect(result.errors).toBeUndefined();
    const chatCalls = (await t.log('a')).filter((r) => r.path.startsWith('/v2/Services/'));
    expect(chatCalls.map((r) => r.path.split('/')[3])).toEqual([service]);
  });
});
