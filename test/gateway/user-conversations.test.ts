import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EmulatorAccount } from '../../emulator/index.js';
import { alternateIdentity } from '../../resolvers/flex-identity.js';
import { userWithConversations } from '../helpers/conversation-counts.js';
import { basicAuth, expectData, type GraphQLResponse } from '../helpers/graphql.js';
import { loaderWaves, wavesSince } from '../helpers/loader-waves.js';
import { personConversationsExample } from '../../server/playground/examples.js';
import { startStack, type Stack } from '../helpers/stack.js';

interface UserConversationView {
  conversationSid: string;
  chatServiceSid: string | null;
  userSid: string | null;
  participantSid: string | null;
  friendlyName: string | null;
  uniqueName: string | null;
  state: string | null;
  unreadMessagesCount: number | null;
  lastReadMessageIndex: number | null;
  notificationLevel: string | null;
  createdBy: string | null;
  dateCreated: string | null;
  dateUpdated: string | null;
  url: string | null;
}

interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const ITEM_FIELDS = /* GraphQL */ `
  conversationSid
  chatServiceSid
  userSid
  participantSid
  friendlyName
  uniqueName
  state
  unreadMessagesCount
  lastReadMessageIndex
  notificationLevel
  createdBy
  dateCreated
  dateUpdated
  url
`;

/** The item as the gateway should show Twilio's record. */
function expectedItem(raw: Record<string, unknown>): UserConversationView {
  const upper = (value: unknown) => (typeof value === 'string' ? value.toUpperCase() : null);
  return {
    conversationSid: raw.conversation_sid as string,
    chatServiceSid: raw.chat_service_sid as string,
    userSid: raw.user_sid as string,
    participantSid: raw.participant_sid as string,
    friendlyName: raw.friendly_name as string | null,
    uniqueName: raw.unique_name as string | null,
    state: upper(raw.conversation_state),
    unreadMessagesCount: raw.unread_messages_count as number | null,
    lastReadMessageIndex: raw.last_read_message_index as number | null,
    notificationLevel: upper(raw.notification_level),
    createdBy: raw.created_by as string | null,
    dateCreated: raw.date_created as string,
    dateUpdated: raw.date_updated as string,
    url: raw.url as string,
  };
}

describe('a person’s conversations', () => {
  let stack: Stack;
  let account: EmulatorAccount;
  let defaultService: string;
  let extraService: string;

  /** Twilio's own answer, read straight from the emulator (not logged once cleared). */
  const twilio = async (path: string) => {
    const response = await fetch(`${stack.emulator.url}${path}`, {
      headers: { authorization: basicAuth(account.accountSid, account.authToken) },
    });
    return (await response.json()) as Record<string, unknown>;
  };

  beforeAll(async () => {
    // Each test counts its own request's Twilio calls: the cross-request cache would serve
    // repeats of earlier tests' reads.
    stack = await startStack({
      env: (accounts) => ({
        TWILIO_CONVERSATIONS_SERVICE_SIDS: accounts[0]!.chatServiceSids[1]!,
        CACHE_TTL_SECONDS: '0',
      }),
    });
    account = stack.emulator.accounts[0]!;
    defaultService = account.defaultChatServiceSid;
    extraService = account.chatServiceSids[1]!;
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.emulator.clearRequests());
  afterEach(() => stack.emulator.setFaults({}));

  it('pages a user in 100+ conversations over Twilio’s page tokens, one list call per page', async () => {
    const heavy = await userWithConversations(
      stack.emulator.url,
      defaultService,
      (c) => c.conversations >= 100,
    );
    const raw = await twilio(`/v1/Users/${heavy.userSid}/Conversations?PageSize=50`);
    await stack.emulator.clearRequests();
    const seen: string[] = [];
    let after: string | null = null;
    let first: UserConversationView | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const result: GraphQLResponse<{
        conversationsUser: { conversations: Page<UserConversationView> };
      }> = await stack.execute(
        /* GraphQL */ `
          query ($sid: UserSid!, $after: String) {
            conversationsUser(sid: $sid) {
              conversations(first: 50, after: $after) {
                edges { cursor node { ${ITEM_FIELDS} } }
                pageInfo { hasNextPage endCursor }
              }
            }
          }
        `,
        { sid: heavy.userSid, after },
      );
      const page: Page<UserConversationView> = expectData(result).conversationsUser.conversations;
      first ??= page.edges[0]?.node;
      seen.push(...page.edges.map((edge) => edge.node.conversationSid));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect({ count: seen.length, distinct: new Set(seen).size }).toEqual({
      count: heavy.conversations,
      distinct: heavy.conversations,
    });
    expect(first).toEqual(
      expectedItem((raw.conversations as Record<string, unknown>[])[0] as Record<string, unknown>),
    );
    const lines = await stack.emulator.requestLines();
    const list = `GET /v1/Users/${heavy.userSid}/Conversations?PageSize=50`;
    expect(lines.filter((line) => !line.startsWith(list))).toEqual(
      // The user itself, once per request: one request per page.
      Array(Math.ceil(heavy.conversations / 50)).fill(`GET /v1/Users/${heavy.userSid}`),
    );
    // The cursors carried Twilio's page tokens (opaque here): no offsets, no Page numbers.
    expect(
      lines
        .filter((line) => line.startsWith(list))
        .map((line) => line.replace(/&PageToken=PA[0-9a-z]+$/, '&PageToken=…')),
    ).toEqual([list, `${list}&PageToken=…`, `${list}&PageToken=…`]);
  });

  it('resolves an identity to its user SID first, then lists with it: two calls, in order', async () => {
    const user = await userWithConversations(
      stack.emulator.url,
      defaultService,
      (c) => c.conversations > 0 && !c.identity.includes('_2E'),
    );
    const result = await stack.execute<{
      user: {
        conversationsUser: { sid: string };
        conversations: { edges: { node: { conversationSid: string; userSid: string } }[] };
      };
    }>(
      /* GraphQL */ `
        query ($identity: String!) {
          user(identity: $identity) {
            conversationsUser {
              sid
            }
            conversations(first: 2) {
              edges {
                node {
                  conversationSid
                  userSid
                }
              }
            }
          }
        }
      `,
      { identity: user.identity },
    );
    const data = expectData(result).user;
    expect(data.conversationsUser.sid).toBe(user.userSid);
    expect(data.conversations.edges.every((edge) => edge.node.userSid === user.userSid)).toBe(true);
    // The user fetched for conversationsUser is the one the list needed: no second fetch. With
    // Flex identity escapes on (the default), the escaped form is asked for in the same wave.
    const forms = [user.identity, alternateIdentity(user.identity) ?? []].flat();
    const lines = await stack.emulator.requestLines();
    expect(lines.slice(0, forms.length).sort()).toEqual(
      forms.map((identity) => `GET /v1/Users/${identity}`).sort(),
    );
    expect(lines.slice(forms.length)).toEqual([
      `GET /v1/Users/${user.userSid}/Conversations?PageSize=2`,
    ]);
  });

  it('lists with the Flex user’s userSid when it is known, without fetching the user', async () => {
    const person = await stack.emulator.person({
      flex: true,
      conversations: true,
      deactivated: false,
    });
    const result = await stack.execute<{
      flexUser: { userSid: string; user: { conversations: { edges: unknown[] } | null } };
    }>(
      /* GraphQL */ `
        query ($sid: FlexUserSid!) {
          flexUser(sid: $sid) {
            userSid
            user {
              conversations(first: 3) {
                edges {
                  cursor
                }
              }
            }
          }
        }
      `,
      { sid: person.flexUserSid },
    );
    expect(expectData(result).flexUser.userSid).toBe(person.userSid);
    expect(await stack.emulator.requestLines()).toEqual([
      `GET /v2/Instances/${account.flexInstanceSid}/Users/${person.flexUserSid}`,
      `GET /v1/Users/${person.userSid}/Conversations?PageSize=3`,
    ]);
  });

  it('reaches a conversation as a node by its global id, one fetch per conversation', async () => {
    const user = await userWithConversations(
      stack.emulator.url,
      defaultService,
      (c) => c.conversations > 1,
    );
    interface ConversationView {
      id: string;
      sid: string;
      chatServiceSid: string;
      friendlyName: string | null;
      state: string;
    }
    const listed = await stack.execute<{
      conversationsUser: {
        conversations: {
          nodes: {
            conversationSid: string;
            conversation: ConversationView;
            again: { id: string };
          }[];
        };
      };
    }>(
      /* GraphQL */ `
        query ($sid: UserSid!) {
          conversationsUser(sid: $sid) {
            conversations(first: 1) {
              nodes {
                conversationSid
                conversation {
                  id
                  sid
                  chatServiceSid
                  friendlyName
                  state
                }
                again: conversation {
                  id
                }
              }
            }
          }
        }
      `,
      { sid: user.userSid },
    );
    const [item] = expectData(listed).conversationsUser.conversations.nodes;
    const raw = await twilio(`/v1/Conversations/${item!.conversationSid}`);
    expect(item!.conversation).toEqual({
      id: item!.again.id,
      sid: item!.conversationSid,
      chatServiceSid: defaultService,
      friendlyName: raw.friendly_name,
      state: (raw.state as string).toUpperCase(),
    });
    await stack.emulator.clearRequests();
    const node = await stack.execute<{ node: ConversationView & { __typename: string } }>(
      /* GraphQL */ `
        query ($id: ID!) {
          node(id: $id) {
            __typename
            id
            ... on Conversation {
              sid
              chatServiceSid
              friendlyName
              state
            }
          }
        }
      `,
      { id: item!.conversation.id },
    );
    expect(expectData(node).node).toEqual({ __typename: 'Conversation', ...item!.conversation });
    expect(await stack.emulator.requestLines()).toEqual([
      `GET /v1/Conversations/${item!.conversationSid}`,
    ]);
  });

  it('answers null, without calling Twilio, for conversation ids with keys of the wrong kind', async () => {
    const forge = (...parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');
    const ids = [
      forge('Conversation', `US${'a'.repeat(32)}`),
      forge('Conversation', `CH${'a'.repeat(31)}/`),
      forge('ServiceConversation', `CH${'a'.repeat(32)}`, `CH${'a'.repeat(32)}`),
      forge('ServiceConversationsUser', defaultService, `CH${'a'.repeat(32)}`),
      // Well-formed, but of a service that is not configured: its users have other ids.
      forge('ServiceConversationsUser', `IS${'a'.repeat(32)}`, `US${'a'.repeat(32)}`),
    ];
    const result = await stack.execute<{ nodes: null[] }>(
      `query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
      { ids },
    );
    expect(expectData(result).nodes).toEqual([null, null, null, null, null]);
    expect(await stack.emulator.requestLines()).toEqual([]);
  });

  it('finds the person’s Conversations users in the configured services too, and their conversations', async () => {
    const serviceUser = await userWithConversations(
      stack.emulator.url,
      extraService,
      (c) => c.conversations > 0 && !c.identity.includes('_2E'),
    );
    const defaultUser = await userWithConversations(
      stack.emulator.url,
      defaultService,
      (c) => c.identity === serviceUser.identity,
    );
    interface UserView {
      id: string;
      sid: string;
      chatServiceSid: string;
      conversations: {
        nodes: {
          conversationSid: string;
          chatServiceSid: string;
          conversation: { id: string; chatServiceSid: string };
        }[];
      };
    }
    const result = await stack.execute<{ user: { conversationsUsers: UserView[] } }>(
      /* GraphQL */ `
        query ($identity: String!) {
          user(identity: $identity) {
            conversationsUsers {
              id
              sid
              chatServiceSid
              conversations(first: 1) {
                nodes {
                  conversationSid
                  chatServiceSid
                  conversation {
                    id
                    chatServiceSid
                  }
                }
              }
            }
          }
        }
      `,
      { identity: serviceUser.identity },
    );
    const users = expectData(result).user.conversationsUsers;
    expect(users.map((u) => [u.sid, u.chatServiceSid])).toEqual([
      [defaultUser.userSid, defaultService],
      [serviceUser.userSid, extraService],
    ]);
    const [own, extra] = users as [UserView, UserView];
    const extraItem = extra.conversations.nodes[0]!;
    expect(extraItem.chatServiceSid).toBe(extraService);
    expect(extraItem.conversation.chatServiceSid).toBe(extraService);
    const identity = serviceUser.identity;
    const ownItem = own.conversations.nodes[0];
    const lines = await stack.emulator.requestLines();
    // Wave 1: the users by identity; wave 2: their lists by SID; wave 3: the conversations.
    expect([lines.slice(0, 2).sort(), lines.slice(2, 4).sort(), lines.slice(4).sort()]).toEqual([
      [`GET /v1/Services/${extraService}/Users/${identity}`, `GET /v1/Users/${identity}`],
      [
        `GET /v1/Services/${extraService}/Users/${serviceUser.userSid}/Conversations?PageSize=1`,
        `GET /v1/Users/${defaultUser.userSid}/Conversations?PageSize=1`,
      ],
      [
        `GET /v1/Services/${extraService}/Conversations/${extraItem.conversationSid}`,
        ...(ownItem ? [`GET /v1/Conversations/${ownItem.conversationSid}`] : []),
      ].sort(),
    ]);

    // Each is a node again by its id, through its own service's routes.
    await stack.emulator.clearRequests();
    const again = await stack.execute<{ nodes: { __typename: string; id: string }[] }>(
      `query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`,
      { ids: [extra.id, extraItem.conversation.id] },
    );
    expect(expectData(again).nodes).toEqual([
      { __typename: 'ConversationsUser', id: extra.id },
      { __typename: 'Conversation', id: extraItem.conversation.id },
    ]);
    expect((await stack.emulator.requestLines()).sort()).toEqual([
      `GET /v1/Services/${extraService}/Conversations/${extraItem.conversationSid}`,
      `GET /v1/Services/${extraService}/Users/${serviceUser.userSid}`,
    ]);
  });

  it.each([
    { what: 'a page size of 0', args: 'first: 0' },
    { what: 'a page size above Twilio’s 50', args: 'first: 51' },
    { what: 'a cursor it never returned', args: 'first: 5, after: "bm90IGEgY3Vyc29y"' },
  ])('refuses $what before any call, even the identity’s resolution', async ({ args }) => {
    const result = await stack.execute<{ user: { identity: string; conversations: null } }>(
      `{ user(identity: "someone@owlbank.example") { identity conversations(${args}) { edges { cursor } } } }`,
    );
    expect(result.data?.user).toEqual({ identity: 'someone@owlbank.example', conversations: null });
    expect(result.errors?.map((e) => [e.extensions?.code, e.path])).toEqual([
      ['BAD_USER_INPUT', ['user', 'conversations']],
    ]);
    expect(await stack.emulator.requestLines()).toEqual([]);
  });

  it('fails only the conversations when their list fails, keeping Twilio’s status', async () => {
    const user = await userWithConversations(
      stack.emulator.url,
      defaultService,
      (c) => c.conversations > 0,
    );
    await stack.emulator.setFaults({
      errorRate: 1,
      errorStatus: 503,
      path: '^/v1/Users/US[0-9a-f]+/Conversations',
    });
    const result = await stack.execute<{
      user: { conversationsUser: { sid: string }; conversations: null };
    }>(
      `query ($i: String!) { user(identity: $i) { conversationsUser { sid } conversations(first: 2) { edges { cursor } } } }`,
      { i: user.identity },
    );
    expect(result.data).toEqual({
      user: { conversationsUser: { sid: user.userSid }, conversations: null },
    });
    expect(
      result.errors?.map((e) => [e.path, e.extensions?.code, e.extensions?.twilio?.status]),
    ).toEqual([[['user', 'conversations'], 'UPSTREAM_ERROR', 503]]);
  });

  it('answers null for a person with no Conversations user, after one call per identity form', async () => {
    const before = await loaderWaves(stack, ['conversationsUser']);
    await stack.emulator.clearRequests();
    const result = await stack.execute<{ user: { conversations: null } }>(
      `{ user(identity: "nobody-here@owlbank.example") { conversations { edges { cursor } } } }`,
    );
    expect(expectData(result).user).toEqual({ conversations: null });
    expect((await stack.emulator.requestLines()).sort()).toEqual([
      'GET /v1/Users/nobody-here@owlbank.example',
      'GET /v1/Users/nobody_2Dhere_40owlbank_2Eexample',
    ]);
    // Both forms in one wave, and nothing after it.
    expect(wavesSince(before, await loaderWaves(stack, ['conversationsUser']))).toEqual({
      conversationsUser: { waves: 1, keys: 2 },
    });
  });

  it('runs the playground’s PersonConversations example', async () => {
    const user = await userWithConversations(
      stack.emulator.url,
      defaultService,
      (c) => c.conversations > 5,
    );
    const result = await stack.execute<{
      user: { conversations: { edges: unknown[]; pageInfo: { hasNextPage: boolean } } };
    }>(personConversationsExample.query, { identity: user.identity });
    expect(expectData(result).user.conversations).toMatchObject({
      pageInfo: { hasNextPage: true },
    });
    expect(expectData(result).user.conversations.edges).toHaveLength(5);
  });

  it('counts each page at its size and conversationsUsers at the service count, refusing before any call', async () => {
    const identities = Array.from({ length: 25 }, (_, i) => `person${i}@owlbank.example`);
    const result = await stack.execute(
      /* GraphQL */ `
        query ($ids: [String!]!) {
          users(identities: $ids) {
            conversationsUsers {
              conversations(first: 50) {
                nodes {
                  conversation {
                    sid
                  }
                }
              }
            }
          }
        }
      `,
      { ids: identities },
    );
    // Per person: conversationsUsers 1 + (default + 1 configured service) × 2 identity forms
    // (Flex identity escapes are on by default) × (1 + 50 × 2).
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_TOO_COSTLY',
      cost: 1 + 25 * (1 + 2 * 2 * (1 + 50 * 2)),
    });
    expect(await stack.emulator.requestLines()).toEqual([]);
  });
});
