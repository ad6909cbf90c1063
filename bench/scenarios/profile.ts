/**
 * profile: one person across all three products, by identity.
 * Floor: the Flex user (v4 by username), the Conversations user, and the person's Chat user in
 * each chat service the account has; all known from the identity, so one wave.
 */
import {
  byService,
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

const FLEX = ['sid', 'username', 'fullName', 'email', 'roles', 'deactivated', 'createdDate'];
const CONVERSATIONS = ['sid', 'identity', 'friendlyName', 'attributes', 'isOnline', 'dateCreated'];
const WITHOUT_PRESENCE = CONVERSATIONS.filter((field) => field !== 'isOnline');
const CHAT = ['sid', 'serviceSid', 'identity', 'friendlyName', 'joinedChannelsCount'];

/** isOnline is presence: never served from the gateway's cache, so the hot workload leaves it out. */
const query = (presence: boolean) => /* GraphQL */ `
  query Profile($identity: String!) {
    user(identity: $identity) {
      identity
      flexUser {
        sid
        username
        fullName
        email
        roles
        deactivated
        createdDate
      }
      conversationsUser {
        sid
        identity
        friendlyName
        attributes
        ${presence ? 'isOnline' : ''}
        dateCreated
      }
      chatUsers {
        sid
        serviceSid
        identity
        friendlyName
        joinedChannelsCount
      }
    }
  }
`;

type Row = Record<string, unknown>;

function answerOf(presence: boolean) {
  return (identity: string, flex: Row | null, conversations: Row | null, chats: Row[]) => ({
    user: {
      identity,
      flexUser: pick(flex, FLEX),
      conversationsUser: pick(conversations, presence ? CONVERSATIONS : WITHOUT_PRESENCE),
      chatUsers: chats.map((chat) => pick(chat, CHAT)),
    },
  });
}

/** The profile read; `presence: false` is the hot workload's version (see hot.ts). */
function profileScenario(name: 'profile' | 'hot', title: string, presence: boolean): Scenario {
  const answer = answerOf(presence);
  return {
    name,
    title,
    input: (fixture, i) => {
      const person = fixture.people[i % fixture.people.length];
      if (!person) throw new Error('The fixture has no people');
      return { identity: person.identity };
    },
    steps: [{ name: 'profile', query: query(presence), variables: (input) => input }],
    floor: (fixture, input) => {
      const identity = String(input.identity);
      const resources = [
        `flex user ${identity} (v4 by username)`,
        `conversations user ${identity}`,
        ...fixture.account.chatServiceSids.map((s) => `chat user ${identity} in ${s}`),
      ];
      return { calls: resources.length, waves: 1, resources };
    },

    sdk: async (client, account, input) => {
      const identity = String(input.identity);
      const [flexPage, conversations, ...chats] = await Promise.all([
        client.request({
          method: 'get',
          uri: `${FLEX_API}/v4/Instances/${account.flexInstanceSid}/Users`,
          params: { Username: identity },
        }),
        orNullOn404(client.conversations.v1.users(identity).fetch()),
        ...account.chatServiceSids.map((service) =>
          orNullOn404(client.chat.v2.services(service).users(identity).fetch()),
        ),
      ]);
      if (flexPage.statusCode !== 200) throw new Error(`Flex v4: HTTP ${flexPage.statusCode}`);
      const flex = ((flexPage.body as { users?: Row[] }).users ?? [])[0] ?? null;
      return answer(
        identity,
        flexFromRecord(flex),
        conversationsFromSdk(conversations),
        chats.filter((c) => c !== null).map((c) => chatFromSdk(c) as Row),
      );
    },

    mesh: async (client, account, input) => {
      const identity = String(input.identity);
      const services = account.chatServiceSids;
      const serviceType = client.argType('Query', 'chat_FetchUser', 'ServiceSid');
      const query = `query Profile($identity: String!${services.map((_, i) => `, $s${i}: ${serviceType}`).join('')}) {
      conversations: conversations_FetchUser(Sid: $identity) {
        sid identity friendly_name attributes ${presence ? 'is_online' : ''} date_created
      }
      ${services
        .map(
          (_, i) => `chat${i}: chat_FetchUser(ServiceSid: $s${i}, Sid: $identity) {
        sid service_sid identity friendly_name joined_channels_count
      }`,
        )
        .join('\n')}
    }`;
      const variables: Row = { identity };
      services.forEach((service, i) => (variables[`s${i}`] = service));
      // Flex v4 (by username) is not in Twilio's OpenAPI specs, so not in Mesh: plain REST beside it.
      const [flexPage, result] = await Promise.all([
        client.rest<{ users?: Row[] }>('GET', `/v4/Instances/${account.flexInstanceSid}/Users`, {
          query: { Username: identity },
        }),
        client.graphql(query, variables),
      ]);
      if (flexPage.status !== 200) throw new Error(`Flex v4: HTTP ${flexPage.status}`);
      const chats = services
        .map((_, i) => chatFromRecord(meshField<Row>(result.data, `chat${i}`)))
        .filter((c): c is Row => c !== null);
      return answer(
        identity,
        flexFromRecord(flexPage.body.users?.[0]),
        conversationsFromRecord(meshField<Row>(result.data, 'conversations')),
        chats,
      );
    },

    normalize: (result) => {
      const user = (result as { user?: Row | null } | null)?.user;
      if (!user) return result;
      return { user: { ...user, chatUsers: byService(user.chatUsers) } };
    },
  };
}

export const profile = profileScenario(
  'profile',
  'one person across Flex, Conversations and Chat, by identity',
  true,
);

export const hot = profileScenario(
  'hot',
  'a working set of people read again and again, as a frontend does (no presence fields)',
  false,
);
