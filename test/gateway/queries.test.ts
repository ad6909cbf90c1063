import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EmulatorAccount } from '../../emulator/index.js';
import { aStringMatching, aNumber, expectData, type GraphQLResponse } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';

interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

describe('root queries', () => {
  let stack: Stack;
  let account: EmulatorAccount;

  beforeAll(async () => {
    stack = await startStack({ seedUsers: 60 });
    account = stack.emulator.accounts[0]!;
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.emulator.clearRequests());

  async function readAll(
    field: string,
    args: string,
    first: number,
  ): Promise<{ sids: string[]; calls: number }> {
    const sids: string[] = [];
    let after: string | null = null;
    let calls = 0;
    for (;;) {
      const result: GraphQLResponse<{ conn: Connection<{ sid: string }> }> = await stack.execute(
        `query ($first: Int!, $after: String) { conn: ${field}(${args}first: $first, after: $after) {
          edges { cursor node { sid } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        } }`,
        { first, after },
      );
      const conn: Connection<{ sid: string }> = expectData(result).conn;
      calls += 1;
      expect(conn.pageInfo.hasPreviousPage).toBe(false);
      expect(conn.pageInfo.startCursor).toBe(conn.edges[0]?.cursor ?? null);
      expect(conn.pageInfo.endCursor).toBe(conn.edges.at(-1)?.cursor ?? null);
      sids.push(...conn.edges.map((edge) => edge.node.sid));
      if (!conn.pageInfo.hasNextPage) return { sids, calls };
      after = conn.pageInfo.endCursor;
    }
  }

  it.each([
    ['flexUsers', '', 7, 'flex'],
    ['conversationsUsers', '', 9, 'conversations'],
  ] as const)(
    '%s pages to the end of the list, every user once',
    async (field, args, first, product) => {
      const people = await stack.emulator.people(
        product === 'flex' ? { flex: true } : { conversations: true },
      );
      const { sids, calls } = await readAll(field, args, first);
      expect(new Set(sids).size).toBe(sids.length);
      const expected = people.map((p) => (product === 'flex' ? p.flexUserSid : p.userSid));
      expect(sids.sort()).toEqual(expected.sort());
      expect(calls).toBe(Math.ceil(expected.length / first));
    },
  );

  it('chatUsers pages through a named chat service', async () => {
    const service = account.chatServiceSids[1]!;
    const people = await stack.emulator.people({ extraChat: true });
    const { sids } = await readAll('chatUsers', `serviceSid: "${service}", `, 4);
    expect(sids).toHaveLength(people.filter((p) => p.chatServiceSids.includes(service)).length);
  });

  it('continues from the cursor of an edge in the middle of a page', async () => {
    const first = await stack.execute<{ flexUsers: Connection<{ sid: string }> }>(
      `{ flexUsers(first: 6) { edges { cursor node { sid } } pageInfo { hasNextPage endCursor } } }`,
    );
    const edges = expectData(first).flexUsers.edges;
    const fromThird = await stack.execute<{ flexUsers: Connection<{ sid: string }> }>(
      `query ($after: String) { flexUsers(first: 3, after: $after) { edges { node { sid } } } }`,
      { after: edges[2]!.cursor },
    );
    expect(expectData(fromThird).flexUsers.edges.map((e) => e.node.sid)).toEqual(
      edges.slice(3, 6).map((e) => e.node.sid),
    );
  });

  it('fetches a Flex user by SID and by username, and both agree', async () => {
    const person = await stack.emulator.person({ flex: true, deactivated: false });
    const fields =
      'sid accountSid instanceSid username fullName email roles deactivated version createdDate';
    const result = await stack.execute<{ bySid: object; byName: object }>(
      `query ($sid: FlexUserSid!, $name: String!) {
        bySid: flexUser(sid: $sid) { ${fields} }
        byName: flexUserByUsername(username: $name) { ${fields} }
      }`,
      { sid: person.flexUserSid, name: person.identity },
    );
    const data = expectData(result);
    expect(data.bySid).toEqual(data.byName);
    expect(data.bySid).toMatchObject({
      sid: person.flexUserSid,
      accountSid: account.accountSid,
      instanceSid: account.flexInstanceSid,
      username: person.identity,
      deactivated: false,
    });
  });

  it('shows a deactivated Flex user with its deactivation date and no worker', async () => {
    const person = await stack.emulator.person({ flex: true, deactivated: true });
    const result = await stack.execute<{ flexUser: object }>(
      `query ($sid: FlexUserSid!) { flexUser(sid: $sid) { deactivated deactivatedDate workerSid } }`,
      { sid: person.flexUserSid },
    );
    expect(expectData(result).flexUser).toEqual({
      deactivated: true,
      deactivatedDate: aStringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
      workerSid: null,
    });
  });

  it('fetches Conversations and Chat users by SID or identity with every Twilio field', async () => {
    const person = await stack.emulator.person({ conversations: true });
    const fields = `sid accountSid chatServiceSid roleSid identity friendlyName attributes isOnline isNotifiable
      dateCreated dateUpdated url`;
    const result = await stack.execute<{
      bySid: Record<string, unknown>;
      byIdentity: Record<string, unknown>;
      chat: Record<string, unknown>;
    }>(
      `query ($sid: UserSid!, $identity: String!) {
        bySid: conversationsUser(sid: $sid) { ${fields} }
        byIdentity: conversationsUser(identity: $identity) { ${fields} }
        chat: chatUser(identity: $identity) { sid serviceSid identity attributes joinedChannelsCount url }
      }`,
      { sid: person.userSid, identity: person.identity },
    );
    const data = expectData(result);
    expect(data.bySid).toEqual(data.byIdentity);
    expect(data.bySid.identity).toBe(person.identity);
    expect(typeof data.bySid.attributes).toBe('object');
    expect(data.chat).toMatchObject({
      sid: person.userSid,
      serviceSid: account.defaultChatServiceSid,
      identity: person.identity,
      joinedChannelsCount: aNumber(),
    });
  });

  it('refetches node(id) for every type and keeps nodes(ids) in order with null for unknown ids', async () => {
    const person = await stack.emulator.person({
      flex: true,
      conversations: true,
      deactivated: false,
    });
    const ids = expectData(
      await stack.execute<{
        user: {
          id: string;
          flexUser: { id: string };
          conversationsUser: { id: string };
          chatUsers: { id: string }[];
        };
      }>(
        `query ($identity: String!) { user(identity: $identity) { id flexUser { id } conversationsUser { id } chatUsers { id } } }`,
        { identity: person.identity },
      ),
    ).user;
    const allIds = [
      ids.id,
      ids.flexUser.id,
      ids.conversationsUser.id,
      ids.chatUsers[0]!.id,
      'bm90LWFuLWlk',
    ];
    const result = await stack.execute<{ nodes: ({ __typename: string; id: string } | null)[] }>(
      `query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`,
      { ids: allIds },
    );
    expect(expectData(result).nodes).toEqual([
      { __typename: 'User', id: ids.id },
      { __typename: 'FlexUser', id: ids.flexUser.id },
      { __typename: 'ConversationsUser', id: ids.conversationsUser.id },
      { __typename: 'ChatUser', id: ids.chatUsers[0]!.id },
      null,
    ]);
  });
});
