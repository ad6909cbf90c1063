/**
 * full-picture: one person's whole working picture (issue 13), by identity: the Flex user and its
 * TaskRouter worker, the Conversations user with its first page of conversations, and the Chat
 * users with their first page of channels each.
 * Floor: 2 waves. Wave 1 is what the identity names (Flex user by username over v4, the
 * Conversations user, the Chat user in each chat service); wave 2 is what needs a SID wave 1
 * returned (the worker by the Flex user's worker and workspace SIDs, the user's conversations by
 * its US SID, each chat user's channels by its US SID).
 */
import { byService, flexFromRecord, meshField, orNullOn404 } from './shape.js';
import {
  FLEX_API,
  type BenchAccount,
  type MeshClient,
  type Scenario,
  type TwilioLike,
} from './types.js';

/** The first page the workload reads of each list. */
export const FULL_PICTURE_PAGE = 10;

const query = /* GraphQL */ `
  query FullPicture($identity: String!) {
    user(identity: $identity) {
      identity
      flexUser {
        sid
        username
        worker {
          sid
          friendlyName
          activityName
          available
        }
      }
      conversationsUser {
        sid
        conversations(first: ${FULL_PICTURE_PAGE}) {
          nodes {
            conversationSid
            friendlyName
            unreadMessagesCount
          }
          pageInfo {
            hasNextPage
          }
        }
      }
      chatUsers {
        sid
        serviceSid
        channels(first: ${FULL_PICTURE_PAGE}) {
          nodes {
            channelSid
            status
            unreadMessagesCount
          }
          pageInfo {
            hasNextPage
          }
        }
      }
    }
  }
`;

type Row = Record<string, unknown>;

/** A page as the workload answers it, from Twilio's items and its `meta.next_page_url`. */
const page = (nodes: Row[], nextPageUrl: unknown) => ({
  nodes,
  pageInfo: { hasNextPage: typeof nextPageUrl === 'string' && nextPageUrl !== '' },
});

/** The gateway's ChatChannelMemberStatus from Twilio's `joined` / `invited` / `notParticipating`. */
const channelStatus = (status: unknown) =>
  ({ joined: 'JOINED', invited: 'INVITED', notParticipating: 'NOT_PARTICIPATING' })[
    String(status)
  ] ?? null;

/** What the gateway's schema names the records' fields, from Twilio's snake_case records. */
export const fullPictureShape = {
  worker: (r: Row | null | undefined): Row | null =>
    r
      ? {
          sid: r.sid,
          friendlyName: r.friendly_name ?? null,
          activityName: r.activity_name ?? null,
          available: r.available ?? null,
        }
      : null,
  conversation: (r: Row): Row => ({
    conversationSid: r.conversation_sid,
    friendlyName: r.friendly_name ?? null,
    unreadMessagesCount: r.unread_messages_count ?? null,
  }),
  channel: (r: Row): Row => ({
    channelSid: r.channel_sid,
    status: channelStatus(r.status),
    unreadMessagesCount: r.unread_messages_count ?? null,
  }),
  page,
};

/**
 * Where to look for an active Flex user's worker: Flex names it after the username, in the user's
 * workspace. Null for no Flex user or a deactivated one (deprovisioning removes the worker).
 */
export function workerLookup(flex: Row | null) {
  if (!flex || flex.deactivated === true) return null;
  if (typeof flex.workspaceSid !== 'string' || typeof flex.username !== 'string') return null;
  return { workspaceSid: flex.workspaceSid, friendlyName: flex.username };
}

interface Picture {
  identity: string;
  flex: Row | null;
  worker: Row | null;
  conversationsUser: Row | null;
  conversations: ReturnType<typeof page> | null;
  chats: { sid: unknown; serviceSid: unknown; channels: ReturnType<typeof page> | null }[];
}

function answer(p: Picture) {
  return {
    user: {
      identity: p.identity,
      flexUser: p.flex ? { sid: p.flex.sid, username: p.flex.username, worker: p.worker } : null,
      conversationsUser: p.conversationsUser
        ? { sid: p.conversationsUser.sid, conversations: p.conversations }
        : null,
      chatUsers: p.chats,
    },
  };
}

async function sdk(client: TwilioLike, account: BenchAccount, identity: string) {
  // Wave 1: what the identity names.
  const [flexPage, conversationsUser, ...chatUsers] = await Promise.all([
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
  const flex = flexFromRecord(((flexPage.body as { users?: Row[] }).users ?? [])[0]);
  const chats = chatUsers.filter((c) => c !== null);
  // Wave 2: what their SIDs name. The by-username read has no worker_sid: the worker is the one
  // Flex named after the username (what the gateway does too), rather than a third wave.
  const [workers, conversations, ...channels] = await Promise.all([
    workerLookup(flex)
      ? client.taskrouter.v1
          .workspaces(workerLookup(flex)!.workspaceSid)
          .workers.page({ friendlyName: workerLookup(flex)!.friendlyName, pageSize: 1 })
      : null,
    conversationsUser
      ? client.conversations.v1
          .users(conversationsUser.sid)
          .userConversations.page({ pageSize: FULL_PICTURE_PAGE })
      : null,
    ...chats.map((chat) =>
      client.chat.v2
        .services(chat.serviceSid)
        .users(chat.sid)
        .userChannels.page({ pageSize: FULL_PICTURE_PAGE }),
    ),
  ]);
  return answer({
    identity,
    flex,
    worker: workers?.instances[0]
      ? {
          sid: workers.instances[0].sid,
          friendlyName: workers.instances[0].friendlyName,
          activityName: workers.instances[0].activityName,
          available: workers.instances[0].available,
        }
      : null,
    conversationsUser: conversationsUser ? { sid: conversationsUser.sid } : null,
    conversations: conversations
      ? page(
          conversations.instances.map((c) => ({
            conversationSid: c.conversationSid,
            friendlyName: c.friendlyName ?? null,
            unreadMessagesCount: c.unreadMessagesCount ?? null,
          })),
          conversations.nextPageUrl,
        )
      : null,
    chats: chats.map((chat, i) => {
      const list = channels[i];
      return {
        sid: chat.sid,
        serviceSid: chat.serviceSid,
        channels: list
          ? page(
              list.instances.map((c) => ({
                channelSid: c.channelSid,
                status: channelStatus(c.status),
                unreadMessagesCount: c.unreadMessagesCount ?? null,
              })),
              list.nextPageUrl,
            )
          : null,
      };
    }),
  });
}

async function mesh(client: MeshClient, account: BenchAccount, identity: string) {
  const services = account.chatServiceSids;
  const serviceType = client.argType('Query', 'chat_FetchUser', 'ServiceSid');
  // Wave 1: the users by identity in one aliased document, the Flex user over REST beside it
  // (Flex v4 by username is not in Twilio's OpenAPI specs).
  const first = `query FullPictureUsers($identity: String!${services.map((_, i) => `, $s${i}: ${serviceType}`).join('')}) {
    conversations: conversations_FetchUser(Sid: $identity) { sid }
    ${services
      .map(
        (_, i) =>
          `chat${i}: chat_FetchUser(ServiceSid: $s${i}, Sid: $identity) { sid service_sid }`,
      )
      .join('\n')}
  }`;
  const variables: Row = { identity };
  services.forEach((service, i) => (variables[`s${i}`] = service));
  const [flexPage, users] = await Promise.all([
    client.rest<{ users?: Row[] }>('GET', `/v4/Instances/${account.flexInstanceSid}/Users`, {
      query: { Username: identity },
    }),
    client.graphql(first, variables),
  ]);
  if (flexPage.status !== 200) throw new Error(`Flex v4: HTTP ${flexPage.status}`);
  const flex = flexFromRecord(flexPage.body.users?.[0]);
  const conversationsUser = meshField<Row>(users.data, 'conversations');
  const chats = services
    .map((_, i) => meshField<Row>(users.data, `chat${i}`))
    .filter((c): c is Row => c !== null);

  // Wave 2: the lists and the worker, by the SIDs wave 1 returned, in one document again.
  const type = (field: string, arg: string) => client.argType('Query', field, arg);
  const defs: string[] = [];
  const fields: string[] = [];
  const vars: Row = {};
  const worker = workerLookup(flex);
  if (worker) {
    defs.push(
      `$ws: ${type('taskrouter_ListWorker', 'WorkspaceSid')}`,
      `$wn: ${type('taskrouter_ListWorker', 'FriendlyName')}`,
    );
    fields.push(
      'workers: taskrouter_ListWorker(WorkspaceSid: $ws, FriendlyName: $wn, PageSize: 1) { workers { sid friendly_name activity_name available } }',
    );
    vars.ws = worker.workspaceSid;
    vars.wn = worker.friendlyName;
  }
  if (conversationsUser) {
    defs.push(`$us: ${type('conversations_ListUserConversation', 'UserSid')}`);
    fields.push(
      `convs: conversations_ListUserConversation(UserSid: $us, PageSize: ${FULL_PICTURE_PAGE}) { conversations { conversation_sid friendly_name unread_messages_count } meta { next_page_url } }`,
    );
    vars.us = conversationsUser.sid;
  }
  chats.forEach((chat, i) => {
    defs.push(
      `$cs${i}: ${type('chat_ListUserChannel', 'ServiceSid')}`,
      `$cu${i}: ${type('chat_ListUserChannel', 'UserSid')}`,
    );
    fields.push(
      `channels${i}: chat_ListUserChannel(ServiceSid: $cs${i}, UserSid: $cu${i}, PageSize: ${FULL_PICTURE_PAGE}) { channels { channel_sid status unread_messages_count } meta { next_page_url } }`,
    );
    vars[`cs${i}`] = chat.service_sid;
    vars[`cu${i}`] = chat.sid;
  });
  const second = fields.length
    ? await client.graphql(
        `query FullPictureLists(${defs.join(', ')}) {\n${fields.join('\n')}\n}`,
        vars,
      )
    : { data: {} };
  const list = (alias: string, items: string, shape: (r: Row) => Row) => {
    const body = meshField<Row>(second.data, alias);
    if (!body) return null;
    const rows = (body[items] as Row[] | null | undefined) ?? [];
    return page(rows.map(shape), (body.meta as Row | null | undefined)?.next_page_url);
  };
  return answer({
    identity,
    flex,
    worker: fullPictureShape.worker(
      (meshField<Row>(second.data, 'workers')?.workers as Row[] | undefined)?.[0],
    ),
    conversationsUser,
    conversations: list('convs', 'conversations', fullPictureShape.conversation),
    chats: chats.map((chat, i) => ({
      sid: chat.sid,
      serviceSid: chat.service_sid,
      channels: list(`channels${i}`, 'channels', fullPictureShape.channel),
    })),
  });
}

export const fullPicture: Scenario = {
  name: 'full-picture',
  title:
    "one person's full picture by identity: Flex user and worker, conversations and chat channels (first pages)",
  input: (fixture, i) => {
    const person = fixture.people[i % fixture.people.length];
    if (!person) throw new Error('The fixture has no people');
    return { identity: person.identity };
  },
  steps: [{ name: 'fullPicture', query, variables: (input) => input }],
  floor: (fixture, input) => {
    const identity = String(input.identity);
    // The person's own chat services: not everyone has a Chat user in each.
    const person = fixture.people.find((p) => p.identity === identity);
    const services = person?.chatServiceSids ?? fixture.account.chatServiceSids;
    const resources = [
      `flex user ${identity} (v4 by username)`,
      `conversations user ${identity}`,
      ...services.map((s) => `chat user ${identity} in ${s}`),
      `taskrouter worker of ${identity}`,
      `conversations of ${identity} (first ${FULL_PICTURE_PAGE})`,
      ...services.map((s) => `channels of ${identity} in ${s} (first ${FULL_PICTURE_PAGE})`),
    ];
    return { calls: resources.length, waves: 2, resources };
  },
  sdk: (client, account, input) => sdk(client, account, String(input.identity)),
  mesh: (client, account, input) => mesh(client, account, String(input.identity)),
  normalize: (result) => {
    const user = (result as { user?: Row | null } | null)?.user;
    if (!user) return result;
    return { user: { ...user, chatUsers: byService(user.chatUsers) } };
  },
};
