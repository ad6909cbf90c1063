/**
 * overlap: two people reached through several paths and aliases (person, list of people with a
 * repeat, Flex user by username, Conversations user, Chat user, and the links between them).
 * Floor: each person's Flex user, Conversations user and Chat user in the default service, once:
 * six resources, all known from the two identities, so one wave.
 * The SDK and Mesh clients are written the way a careful developer would: collect the distinct
 * people first, fetch each resource once, then assemble the answer.
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

const QUERY = /* GraphQL */ `
  query Overlap($a: String!, $b: String!, $service: ChatServiceSid!) {
    a: user(identity: $a) {
      identity
      flexUser {
        sid
        fullName
        email
      }
      conversationsUser {
        sid
        friendlyName
      }
      chatUser(serviceSid: $service) {
        sid
        friendlyName
      }
    }
    pair: users(identities: [$a, $b, $a]) {
      identity
      flexUser {
        sid
        username
      }
      conversationsUser {
        sid
        identity
      }
    }
    aAgain: user(identity: $a) {
      conversationsUser {
        sid
      }
    }
    bFlex: flexUserByUsername(username: $b) {
      sid
      fullName
      conversationsUser {
        sid
        friendlyName
        chatUser {
          sid
        }
      }
    }
    bConversations: conversationsUser(identity: $b) {
      sid
      flexUser {
        sid
        email
      }
      chatUser {
        sid
        joinedChannelsCount
      }
    }
    bChat: chatUser(serviceSid: $service, identity: $b) {
      sid
      flexUser {
        sid
      }
      conversationsUser {
        sid
      }
    }
  }
`;

type Row = Record<string, unknown>;
interface Person {
  identity: string;
  flex: Row | null;
  conversations: Row | null;
  chat: Row | null;
}

/** The GraphQL answer, built from each person's three records (fetched once). */
function answer(a: Person, b: Person) {
  const withLink = (object: Row | null, fields: string[], links: Record<string, unknown>) =>
    object ? { ...pick(object, fields), ...links } : null;
  const person = (p: Person) => ({
    identity: p.identity,
    flexUser: pick(p.flex, ['sid', 'username']),
    conversationsUser: pick(p.conversations, ['sid', 'identity']),
  });
  return {
    a: {
      identity: a.identity,
      flexUser: pick(a.flex, ['sid', 'fullName', 'email']),
      conversationsUser: pick(a.conversations, ['sid', 'friendlyName']),
      chatUser: pick(a.chat, ['sid', 'friendlyName']),
    },
    pair: [person(a), person(b), person(a)],
    aAgain: { conversationsUser: pick(a.conversations, ['sid']) },
    bFlex: withLink(b.flex, ['sid', 'fullName'], {
      conversationsUser: withLink(b.conversations, ['sid', 'friendlyName'], {
        chatUser: pick(b.chat, ['sid']),
      }),
    }),
    bConversations: withLink(b.conversations, ['sid'], {
      flexUser: pick(b.flex, ['sid', 'email']),
      chatUser: pick(b.chat, ['sid', 'joinedChannelsCount']),
    }),
    bChat: withLink(b.chat, ['sid'], {
      flexUser: pick(b.flex, ['sid']),
      conversationsUser: pick(b.conversations, ['sid']),
    }),
  };
}

const byUsernamePath = (instance: string) => `/v4/Instances/${instance}/Users`;

export const overlap: Scenario = {
  name: 'overlap',
  title: 'two people reached through several paths and aliases',
  input: (fixture, i) => {
    const n = fixture.people.length;
    const a = fixture.people[(2 * i) % n];
    const b = fixture.people[(2 * i + 1) % n];
    if (!a || !b || n < 2) throw new Error('The fixture needs at least two people');
    return { a: a.identity, b: b.identity, service: fixture.account.defaultChatServiceSid };
  },
  steps: [{ name: 'overlap', query: QUERY, variables: (input) => input }],
  floor: (fixture, input) => {
    const service = fixture.account.defaultChatServiceSid;
    const resources = [String(input.a), String(input.b)].flatMap((identity) => [
      `flex user ${identity} (v4 by username)`,
      `conversations user ${identity}`,
      `chat user ${identity} in ${service}`,
    ]);
    return { calls: resources.length, waves: 1, resources };
  },

  sdk: async (client, account, input) => {
    const service = String(input.service);
    const load = async (identity: string): Promise<Person> => {
      const [flexPage, conversations, chat] = await Promise.all([
        client.request({
          method: 'get',
          uri: `${FLEX_API}${byUsernamePath(account.flexInstanceSid)}`,
          params: { Username: identity },
        }),
        orNullOn404(client.conversations.v1.users(identity).fetch()),
        orNullOn404(client.chat.v2.services(service).users(identity).fetch()),
      ]);
      if (flexPage.statusCode !== 200) throw new Error(`Flex v4: HTTP ${flexPage.statusCode}`);
      return {
        identity,
        flex: flexFromRecord(((flexPage.body as { users?: Row[] }).users ?? [])[0]),
        conversations: conversationsFromSdk(conversations),
        chat: chatFromSdk(chat),
      };
    };
    const [a, b] = await Promise.all([load(String(input.a)), load(String(input.b))]);
    return answer(a, b);
  },

  mesh: async (client, account, input) => {
    const identities = [String(input.a), String(input.b)];
    const serviceType = client.argType('Query', 'chat_FetchUser', 'ServiceSid');
    const query = `query Overlap($a: String!, $b: String!, $service: ${serviceType}) {
      ca: conversations_FetchUser(Sid: $a) { sid identity friendly_name }
      cb: conversations_FetchUser(Sid: $b) { sid identity friendly_name }
      ha: chat_FetchUser(ServiceSid: $service, Sid: $a) { sid friendly_name joined_channels_count }
      hb: chat_FetchUser(ServiceSid: $service, Sid: $b) { sid friendly_name joined_channels_count }
    }`;
    // Flex v4 (by username) is not in Twilio's OpenAPI specs, so not in Mesh: plain REST beside it.
    const [flexPages, result] = await Promise.all([
      Promise.all(
        identities.map((identity) =>
          client.rest<{ users?: Row[] }>('GET', byUsernamePath(account.flexInstanceSid), {
            query: { Username: identity },
          }),
        ),
      ),
      client.graphql(query, { a: identities[0], b: identities[1], service: input.service }),
    ]);
    const [a, b] = identities.map((identity, i): Person => {
      const flexPage = flexPages[i];
      if (flexPage?.status !== 200) throw new Error(`Flex v4: HTTP ${flexPage?.status}`);
      const key = i === 0 ? 'a' : 'b';
      return {
        identity,
        flex: flexFromRecord(flexPage.body.users?.[0]),
        conversations: conversationsFromRecord(meshField<Row>(result.data, `c${key}`)),
        chat: chatFromRecord(meshField<Row>(result.data, `h${key}`)),
      };
    }) as [Person, Person];
    return answer(a, b);
  },
};
