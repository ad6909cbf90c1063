import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EmulatorAccount } from '../../emulator/index.js';
import { basicAuth, expectData } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';

interface Seen {
  user: {
    conversationsUser: { accountSid: string; friendlyName: string } | null;
    flexUser: { accountSid: string; email: string } | null;
  };
}

describe('tenants', () => {
  let stack: Stack;
  let a: EmulatorAccount;
  let b: EmulatorAccount;

  beforeAll(async () => {
    // Each test counts its own requests' Twilio calls: the cross-request cache (tested in
    // test/shared-state/read-cache*.test.ts) would answer what an earlier test read.
    stack = await startStack({ env: { CACHE_TTL_SECONDS: '0' } });
    [a, b] = stack.emulator.accounts as [EmulatorAccount, EmulatorAccount];
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.emulator.clearRequests());

  it('answers two tenants asking for the same identity at once, each from its own account only', async () => {
    const inA = await stack.emulator.people({
      accountSid: a.accountSid,
      flex: true,
      conversations: true,
      limit: 100_000,
    });
    const inB = await stack.emulator.people({
      accountSid: b.accountSid,
      flex: true,
      conversations: true,
      limit: 100_000,
    });
    const shared = inA.find((p) => inB.some((q) => q.identity === p.identity));
    expect(shared, 'the seed has an identity in both accounts').toBeDefined();
    const identity = shared!.identity;

    const query = `query ($i: String!) { user(identity: $i) {
      conversationsUser { accountSid friendlyName } flexUser { accountSid email } } }`;
    const asTenant = (account: EmulatorAccount) =>
      stack.execute<Seen>(
        query,
        { i: identity },
        {
          headers: {
            authorization: basicAuth(account.accountSid, account.authToken),
            'x-flex-instance-sid': account.flexInstanceSid,
            'x-chat-service-sids': account.chatServiceSids.join(','),
          },
        },
      );
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => asTenant(i % 2 === 0 ? a : b)),
    );

    const views = results.map((result, i) => {
      expect(result.errors).toBeUndefined();
      const expected = i % 2 === 0 ? a.accountSid : b.accountSid;
      expect(result.data?.user.conversationsUser?.accountSid).toBe(expected);
      expect(result.data?.user.flexUser?.accountSid).toBe(expected);
      return result.data!.user;
    });
    // Same identity, different people: the two accounts' records differ, and each tenant always
    // sees its own.
    expect(views[0]).not.toEqual(views[1]);
    for (let i = 2; i < views.length; i += 1) expect(views[i]).toEqual(views[i % 2]);

    const log = await stack.emulator.requests();
    expect(new Set(log.map((r) => r.account))).toEqual(new Set([a.accountSid, b.accountSid]));
    expect(log.every((r) => r.status === 200)).toBe(true);
  });

  it('refuses a malformed Authorization header with 401 and no upstream call', async () => {
    for (const authorization of [
      'Bearer abc',
      'Basic !!!',
      basicAuth('not-a-sid', 'x'),
      basicAuth(a.accountSid, ''),
    ]) {
      const result = await stack.execute(
        `{ conversationsUser(identity: "x") { sid } }`,
        undefined,
        {
          headers: { authorization },
        },
      );
      expect(result.status).toBe(401);
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(JSON.stringify(result)).not.toContain(a.authToken);
    }
    expect(await stack.emulator.requestLines()).toEqual([]);
  });

  it('reports credentials Twilio refuses as UNAUTHENTICATED with Twilio code 20003', async () => {
    const result = await stack.execute(`{ conversationsUser(identity: "x") { sid } }`, undefined, {
      headers: { authorization: basicAuth(a.accountSid, 'wrong-token') },
    });
    expect(result.errors?.[0]).toMatchObject({
      path: ['conversationsUser'],
      extensions: { code: 'UNAUTHENTICATED', twilio: { code: 20003, status: 401 } },
    });
    expect(JSON.stringify(result)).not.toContain('wrong-token');
  });

  it("reads another account's Flex instance from its Flex Configuration, once", async () => {
    const [first, second] = await stack.emulator.people({ accountSid: b.accountSid, flex: true });
    const ask = (username: string) =>
      stack.execute<{ flexUserByUsername: { sid: string } }>(
        `query ($u: String!) { flexUserByUsername(username: $u) { sid } }`,
        { u: username },
        { headers: { authorization: basicAuth(b.accountSid, b.authToken) } },
      );
    expect(expectData(await ask(first!.identity)).flexUserByUsername.sid).toBe(first!.flexUserSid);
    expect(expectData(await ask(second!.identity)).flexUserByUsername.sid).toBe(
      second!.flexUserSid,
    );
    const users = `/v4/Instances/${b.flexInstanceSid}/Users`;
    expect(await stack.emulator.requestLines()).toEqual([
      'GET /v1/Configuration',
      `GET ${users}?Username=${first!.identity}`,
      `GET ${users}?Username=${second!.identity}`,
    ]);
  });
});
