/**
 * roster: the first page of 50 Flex users (v1 list), each with their Conversations user and their
 * Chat user in the default chat service, joined by username = identity.
 * Floor: the list, then one fetch per distinct user per product: two waves.
 */
import {
  chatFromRecord,
  chatFromSdk,
  conversationsFromRecord,
  conversationsFromSdk,
  flexFromRecord,
  meshField,
  orNullOn404,
  pick,
} from './shape.js';
import { FLEX_API, type Scenario } from './types.js';

export const ROSTER_PAGE_SIZE = 50;

const FLEX = ['sid', 'username', 'fullName', 'email', 'roles'];
const CONVERSATIONS = ['sid', 'identity', 'friendlyName'];
const CHAT = ['sid', 'serviceSid', 'joinedChannelsCount'];

const QUERY = /* GraphQL */ `
  query Roster($first: Int!, $service: ChatServiceSid!) {
    flexUsers(first: $first) {
      nodes {
        sid
        username
        fullName
        email
        roles
        conversationsUser {
          sid
          identity
          friendlyName
        }
        chatUser(serviceSid: $service) {
          sid
          serviceSid
          joinedChannelsCount
        }
      }
    }
  }
`;

type Row = Record<string, unknown>;

function node(flex: Row | null, conversations: Row | null, chat: Row | null) {
  return {
    ...pick(flex, FLEX),
    conversationsUser: pick(conversations, CONVERSATIONS),
    chatUser: pick(chat, CHAT),
  };
}

const listPath = (instance: string) => `/v1/Instances/${instance}/Users`;

export const roster: Scenario = {
  name: 'roster',
  title: 'a page of 50 Flex users, each with Conversations user and Chat user',
  input: (fixture) => ({ first: ROSTER_PAGE_SIZE, service: fixture.account.defaultChatServiceSid }),
  steps: [{ name: 'roster', query: QUERY, variables: (input) => input }],
  floor: (fixture) => {
    const users = fixture.rosterUsernames;
    const resources = [
      'flex user list page 1 (v1)',
      ...users.map((u) => `conversations user ${u}`),
      ...users.map((u) => `chat user ${u} in ${fixture.account.defaultChatServiceSid}`),
    ];
    return { calls: resources.length, waves: 2, resources };
  },

  sdk: async (client, account, input) => {
    const service = String(input.service);
    // The SDK has no resource for the Flex v1 user list: its generic request() is the way.
    const page = await client.request({
      method: 'get',
      uri: `${FLEX_API}${listPath(account.flexInstanceSid)}`,
      params: { PageSize: input.first },
    });
    if (page.statusCode !== 200) throw new Error(`Flex v1 list: HTTP ${page.statusCode}`);
    const users = (page.body as { users?: Row[] }).users ?? [];
    const nodes = await Promise.all(
      users.map(async (user) => {
        const username = String(user.username);
        const [conversations, chat] = await Promise.all([
          orNullOn404(client.conversations.v1.users(username).fetch()),
          orNullOn404(client.chat.v2.services(service).users(username).fetch()),
        ]);
        return node(flexFromRecord(user), conversationsFromSdk(conversations), chatFromSdk(chat));
      }),
    );
    return { flexUsers: { nodes } };
  },

  mesh: async (client, account, input) => {
    const service = String(input.service);
    const page = await client.rest<{ users?: Row[] }>('GET', listPath(account.flexInstanceSid), {
      query: { PageSize: String(input.first) },
    });
    if (page.status !== 200) throw new Error(`Flex v1 list: HTTP ${page.status}`);
    const users = page.body.users ?? [];
    if (users.length === 0) return { flexUsers: { nodes: [] } };
    // One aliased document for the whole page: Hive Gateway runs the fetches in parallel.
    const serviceType = client.argType('Query', 'chat_FetchUser', 'ServiceSid');
    const variables: Row = { service };
    const fields = users.map((user, i) => {
      variables[`u${i}`] = user.username;
      return `c${i}: conversations_FetchUser(Sid: $u${i}) { sid identity friendly_name }
        h${i}: chat_FetchUser(ServiceSid: $service, Sid: $u${i}) { sid service_sid joined_channels_count }`;
    });
    const query = `query Roster($service: ${serviceType}${users.map((_, i) => `, $u${i}: String!`).join('')}) {
      ${fields.join('\n')}
    }`;
    const result = await client.graphql(query, variables);
    const nodes = users.map((user, i) =>
      node(
        flexFromRecord(user),
        conversationsFromRecord(meshField<Row>(result.data, `c${i}`)),
        chatFromRecord(meshField<Row>(result.data, `h${i}`)),
      ),
    );
    return { flexUsers: { nodes } };
  },
};
