/**
 * Answers that used to be wrong: people found by SID through their Chat users, identities that
 * look like SIDs, presence of users reached through lists, Chat users during a Conversations
 * outage, and mutations whose outcome a later failure hid.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EmulatorAccount } from '../../emulator/index.js';
import { alternateIdentity } from '../../resolvers/flex-identity.js';
import { expectData } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';

describe('answers', () => {
  let stack: Stack;
  let account: EmulatorAccount;

  beforeAll(async () => {
    // Products are made to fail between requests: a cached answer would hide the failure.
    stack = await startStack({ seedUsers: 60, env: { CACHE_TTL_SECONDS: '0' } });
    account = stack.emulator.accounts[0] as EmulatorAccount;
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.emulator.clearRequests());
  afterEach(() => stack.emulator.setFaults({}));

  it('finds a person by the SID of a Chat user in a configured service when Conversations has none', async () => {
    const [person] = (
      await stack.emulator.people({ conversations: false, extraChat: true })
    ).filter((p) => p.flexUserSid === null);
    expect(person, 'the seed has a Chat-only person').toBeDefined();
    const service = person!.chatServiceSids[0] as string;
    const lookup = await stack.execute<{ chatUser: { sid: string } }>(
      `query ($s: ChatServiceSid!, $i: String!) { chatUser(serviceSid: $s, identity: $i) { sid } }`,
      { s: service, i: person!.identity },
    );
    const sid = expectData(lookup).chatUser.sid;

    const result = await stack.execute<{ user: { identity: string } | null }>(
      `query ($sid: PersonSid!) { user(sid: $sid) { identity } }`,
      { sid },
    );
    expect(expectData(result).user).toEqual({ identity: person!.identity });
  });

  it('never stitches a person from the records of whoever has the SID their identity spells', async () => {
    const someone = await stack.emulator.person({ conversations: true });
    const result = await stack.execute<{
      user: { identity: string; conversationsUser: null; chatUsers: unknown[] };
    }>(
      `query ($i: String!) { user(identity: $i) { identity conversationsUser { identity } chatUsers { identity } } }`,
      { i: someone.userSid },
    );
    expect(expectData(result).user).toEqual({
      identity: someone.userSid,
      conversationsUser: null,
      chatUsers: [],
    });
  });

  it('reads presence of users reached through a list with one fetch each', async () => {
    // The extra service has reachability on, so its fetched users say true or false.
    const service = account.chatServiceSids[1] as string;
    const result = await stack.execute<{
      chatUsers: { nodes: { sid: string; isOnline: boolean | null }[] };
    }>(
      `query ($s: ChatServiceSid!) {
        chatUsers(serviceSid: $s, first: 3) { nodes { sid isOnline isNotifiable } }
      }`,
      { s: service },
    );
    const nodes = expectData(result).chatUsers.nodes;
    expect(nodes).toHaveLength(3);
    for (const node of nodes) {
      expect(node).toEqual({
        sid: node.sid,
        isOnline: expect.any(Boolean) as boolean,
        isNotifiable: expect.any(Boolean) as boolean,
      });
    }
    expect(await stack.emulator.requestLines()).toEqual([
      `GET /v2/Services/${service}/Users?PageSize=3`,
      ...nodes.map((node) => `GET /v2/Services/${service}/Users/${node.sid}`),
    ]);

    await stack.emulator.clearRequests();
    const listed = await stack.execute<{ conversationsUsers: { nodes: { sid: string }[] } }>(
      `{ conversationsUsers(first: 2) { nodes { sid isOnline } } }`,
    );
    const sids = expectData(listed).conversationsUsers.nodes.map((node) => node.sid);
    expect(await stack.emulator.requestLines()).toEqual([
      'GET /v1/Users?PageSize=2',
      ...sids.map((sid) => `GET /v1/Users/${sid}`),
    ]);
  });

  it('keeps every listed Flex user primed by username, not only the last one', async () => {
    const result = await stack.execute<{
      flexUsers: {
        nodes: {
          sid: string;
          conversationsUser: { sid: string; identity: string; flexUser: { sid: string } } | null;
        }[];
      };
    }>(
      `{ flexUsers(first: 3) { nodes { sid conversationsUser { sid identity flexUser { sid } } } } }`,
    );
    const nodes = expectData(result).flexUsers.nodes;
    for (const node of nodes)
      expect(node.conversationsUser?.flexUser.sid ?? node.sid).toBe(node.sid);
    // One list read and the Conversations users; the way back to Flex is served by the page for
    // every exact username. Only Flex's other form of an identity (escapes are on by default),
    // which no listed user has, is asked for.
    const lines = await stack.emulator.requestLines();
    const others = nodes.flatMap((node) => {
      const other = node.conversationsUser && alternateIdentity(node.conversationsUser.identity);
      return other ? [`GET /v4/Instances/${account.flexInstanceSid}/Users?Username=${other}`] : [];
    });
    expect(lines.filter((line) => line.includes('/Users?Username=')).sort()).toEqual(others.sort());
    expect(lines[0]).toBe(`GET /v1/Instances/${account.flexInstanceSid}/Users?PageSize=3`);
  });

  it('lists Chat users in the configured services while Conversations is down', async () => {
    const person = await stack.emulator.person({ conversations: true, extraChat: true });
    await stack.emulator.setFaults({ errorRate: 1, errorStatus: 503, path: '^/v1/Users/' });
    const result = await stack.execute<{
      user: { chatUsers: { serviceSid: string }[]; conversationsUser: null };
    }>(
      `query ($i: String!) { user(identity: $i) { chatUsers { serviceSid } conversationsUser { sid } } }`,
      { i: person.identity },
    );
    expect(result.data?.user.chatUsers.map((u) => u.serviceSid).sort()).toEqual(
      account.chatServiceSids.filter((sid) => person.chatServiceSids.includes(sid)).sort(),
    );
    expect(result.data?.user.conversationsUser).toBeNull();
    expect(result.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([
      ['user.conversationsUser', 'UPSTREAM_ERROR'],
    ]);
  });

  it('keeps an applied mutation visible when a later one in the request fails in transport', async () => {
    const person = await stack.emulator.person({ conversations: true });
    const service = account.chatServiceSids[1] as string;
    await stack.emulator.setFaults({ errorRate: 1, errorStatus: 503, path: '^/v2/Services/' });
    const result = await stack.execute<{
      first: { conversationsUser: { friendlyName: string } } | null;
      second: null;
    }>(
      `mutation ($i: String!, $s: ChatServiceSid!) {
        first: updateConversationsUser(input: { identity: $i, friendlyName: "Applied" }) {
          conversationsUser { friendlyName }
        }
        second: updateChatUser(input: { serviceSid: $s, identity: $i, friendlyName: "Lost" }) {
          chatUser { friendlyName }
        }
      }`,
      { i: person.identity, s: service },
    );
    expect(result.data).toEqual({
      first: { conversationsUser: { friendlyName: 'Applied' } },
      second: null,
    });
    expect(result.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([
      ['second', 'UPSTREAM_ERROR'],
    ]);
  });
});

describe('identities Twilio must never see as path steps', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ seedUsers: 20 });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.emulator.clearRequests());

  it.each(['', '.', '..', 'a\uD800b', '\uDFFF'])(
    'refuses the identity %j in reads with BAD_USER_INPUT and no call',
    async (identity) => {
      const result = await stack.execute<Record<string, null>>(
        `query ($i: String!) {
          conversationsUser(identity: $i) { sid }
          chatUser(identity: $i) { sid }
          flexUserByUsername(username: $i) { sid }
        }`,
        { i: identity },
      );
      expect(result.data).toEqual({
        conversationsUser: null,
        chatUser: null,
        flexUserByUsername: null,
      });
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual([
        'BAD_USER_INPUT',
        'BAD_USER_INPUT',
        'BAD_USER_INPUT',
      ]);
      expect(await stack.emulator.requestLines()).toEqual([]);
    },
  );

  it.each(['', '.', '..', 'x\uD800'])(
    'refuses the identity %j in updates as a userError and no call',
    async (identity) => {
      const result = await stack.execute<{
        a: { userErrors: { field: string[]; code: string }[] };
        b: { userErrors: { field: string[]; code: string }[] };
      }>(
        `mutation ($i: String!) {
          a: updateConversationsUser(input: { identity: $i, friendlyName: "x" }) { userErrors { field code } }
          b: updateChatUser(input: { identity: $i, friendlyName: "x" }) { userErrors { field code } }
        }`,
        { i: identity },
      );
      const expected = { userErrors: [{ field: ['input', 'identity'], code: 'INVALID' }] };
      expect(expectData(result)).toEqual({ a: expected, b: expected });
      expect(await stack.emulator.requestLines()).toEqual([]);
    },
  );

  it('sends dots inside an identity encoded, as one segment', async () => {
    await stack.execute(`{ conversationsUser(identity: "a.b") { sid } }`);
    expect((await stack.emulator.requests()).map((r) => r.path)).toEqual(['/v1/Users/a%2Eb']);
  });
});
