import { fromListRead } from '../conversations.js';
import type { Product } from '../errors.js';
import type { Apis } from '../loaders.js';
import type { UserRef } from '../paths.js';
import type { ChatUserRecord, ConversationsUserRecord, FlexUserRecord } from '../records.js';
import type { TenantCache } from './read-cache.js';

type Key = readonly [Product, string];

// The logical keys, before hashing. Flex has three reads of one user (v2, v4, by username), each a
// Twilio resource of its own; the username leads to the by-username one.
const flexVersions = ['v2', 'v4', 'byUsername'] as const;
const flexUser = (version: string, instanceSid: string, sid: string): Key => [
  'flex',
  `user|${version}|${instanceSid}|${sid}`,
];
const flexUsername = (instanceSid: string, username: string): Key => [
  'flex',
  `username|${instanceSid}|${username}`,
];
const conversationsUser = (ref: UserRef): Key => [
  'conversations',
  'sid' in ref ? `sid|${ref.sid}` : `identity|${ref.identity}`,
];
const chatUser = (serviceSid: string, ref: UserRef): Key => [
  'chat',
  'sid' in ref ? `sid|${serviceSid}|${ref.sid}` : `identity|${serviceSid}|${ref.identity}`,
];

/** Every key of a Flex user known here, and of its Conversations user (identity = username). */
function flexUserKeys(
  instanceSid: string,
  sid: string | undefined,
  known: (Partial<FlexUserRecord> | null | undefined)[],
): Key[] {
  const keys: Key[] = sid ? flexVersions.map((version) => flexUser(version, instanceSid, sid)) : [];
  for (const record of known) {
    if (record?.username) {
      keys.push(flexUsername(instanceSid, record.username));
      keys.push(conversationsUser({ identity: record.username }));
    }
    if (record?.user_sid) keys.push(conversationsUser({ sid: record.user_sid }));
  }
  return keys;
}

const personKeys = (
  key: (ref: UserRef) => Key,
  ref: UserRef,
  record: { sid: string; identity: string } | null,
): Key[] =>
  record ? [key(ref), key({ sid: record.sid }), key({ identity: record.identity })] : [key(ref)];

const isRefOf = (ref: UserRef, record: { sid: string; identity: string }) =>
  'sid' in ref ? record.sid === ref.sid : record.identity === ref.identity;

/** Every key of a user a delete removes, with what the cache holds of it (its identity). */
async function deletedUserKeys(
  cache: TenantCache,
  key: (ref: UserRef) => Key,
  userSid: string,
): Promise<Key[]> {
  const known = await cache.peek<{ sid: string; identity: string }>(
    key({ sid: userSid })[0],
    key({ sid: userSid })[1],
  );
  return personKeys(key, { sid: userSid }, known ?? null);
}

/** Runs a write, then forgets what it may have changed, whether it succeeded or not. */
async function writeThenForget<T>(
  cache: TenantCache,
  write: () => Promise<T>,
  keysAfter: (result: T | null) => Key[],
): Promise<T> {
  let result: T | null = null;
  try {
    result = await write();
    return result;
  } finally {
    // Before the mutation's answer is sent, so that no replica serves the old record after it; a
    // write that failed may still have been applied (a timeout after Twilio got it).
    await cache.invalidate(keysAfter(result));
  }
}

/**
 * The three products' APIs with their single-user reads served from the cross-request cache and
 * every write forgetting, in the cache, every key of what it changed (both products' keys when a
 * write in one changes the other). In the datasource layer, so every caller (a resolver, a bulk
 * mutation) gets it. Lists are never cached: a page is not one person and has no key to forget.
 */
export function withReadCache(apis: Apis, cache: TenantCache): Apis {
  const { flex, conversations, chat, taskrouter } = apis;

  const flexRead = (
    version: (typeof flexVersions)[number],
    instanceSid: string,
    sid: string,
    fetch: () => Promise<FlexUserRecord | null>,
  ) =>
    cache.read('flex', {
      lookup: flexUser(version, instanceSid, sid)[1],
      fetch,
      keysOf: (record) => ({
        primary: flexUser(version, instanceSid, record.flex_user_sid)[1],
        aliases: [],
      }),
      matches: (record) => record.flex_user_sid === sid,
      kept: (record) => record,
    });

  const conversationsKeys = (record: ConversationsUserRecord) => ({
    primary: conversationsUser({ sid: record.sid })[1],
    aliases: [conversationsUser({ identity: record.identity })[1]],
  });
  const chatKeys = (record: ChatUserRecord) => ({
    primary: chatUser(record.service_sid, { sid: record.sid })[1],
    aliases: [chatUser(record.service_sid, { identity: record.identity })[1]],
  });

  return {
    // Workers are not cached: provisioning creates and deprovisioning removes them through Flex,
    // and a stale worker would say a departed agent is still there.
    taskrouter,
    flex: {
      ...flex,
      fetchFlexUser: (instanceSid, sid) =>
        flexRead('v2', instanceSid, sid, () => flex.fetchFlexUser(instanceSid, sid)),
      fetchFlexUserV4: (instanceSid, sid) =>
        flexRead('v4', instanceSid, sid, () => flex.fetchFlexUserV4(instanceSid, sid)),
      fetchFlexUserByUsername: (instanceSid, username) =>
        cache.read('flex', {
          lookup: flexUsername(instanceSid, username)[1],
          fetch: () => flex.fetchFlexUserByUsername(instanceSid, username),
          keysOf: (record) => ({
            primary: flexUser('byUsername', instanceSid, record.flex_user_sid)[1],
            aliases: record.username ? [flexUsername(instanceSid, record.username)[1]] : [],
          }),
          matches: (record) => record.username === username,
          kept: (record) => record,
        }),
      updateFlexUser: (instanceSid, sid, changes) =>
        writeThenForget(
          cache,
          () => flex.updateFlexUser(instanceSid, sid, changes),
          (record) => flexUserKeys(instanceSid, sid, [record]),
        ),
      provisionFlexUser: (instanceSid, provision) =>
        writeThenForget(
          cache,
          () => flex.provisionFlexUser(instanceSid, provision),
          (record) =>
            flexUserKeys(instanceSid, record?.flex_user_sid, [
              record,
              { username: provision.username },
            ]),
        ),
      deprovisionFlexUser: async (instanceSid, sid) => {
        // Twilio answers nothing: the username and Conversations user come from what is cached.
        const known = await Promise.all(
          flexVersions.map((version) =>
            cache.peek<FlexUserRecord>('flex', flexUser(version, instanceSid, sid)[1]),
          ),
        );
        return writeThenForget(
          cache,
          () => flex.deprovisionFlexUser(instanceSid, sid),
          () => flexUserKeys(instanceSid, sid, known),
        );
      },
    },

    conversations: {
      ...conversations,
      fetchUser: (ref) =>
        cache.read('conversations', {
          lookup: conversationsUser(ref)[1],
          fetch: () => conversations.fetchUser(ref),
          keysOf: conversationsKeys,
          matches: (record) => isRefOf(ref, record),
          kept: fromListRead,
        }),
      fetchUserWithPresence: async (sid) => {
        const record = await conversations.fetchUserWithPresence(sid);
        if (record?.sid === sid) {
          await cache.refresh('conversations', record, conversationsKeys(record), fromListRead);
        }
        return record;
      },
      deleteUser: async (userSid) => {
        const known = await cache.peek<ConversationsUserRecord>(
          'conversations',
          conversationsUser({ sid: userSid })[1],
        );
        const keys = [
          ...personKeys(conversationsUser, { sid: userSid }, known ?? null),
          // The same user is the Chat user of the account's default chat service.
          ...(known?.chat_service_sid
            ? personKeys((r) => chatUser(known.chat_service_sid!, r), { sid: userSid }, known)
            : []),
        ];
        return writeThenForget(
          cache,
          () => conversations.deleteUser(userSid),
          () => keys,
        );
      },
      updateUser: (ref, changes) =>
        writeThenForget(
          cache,
          () => conversations.updateUser(ref, changes),
          (record) => [
            ...personKeys(conversationsUser, ref, record),
            // The same user is the Chat user of the account's default chat service.
            ...(record?.chat_service_sid
              ? personKeys((r) => chatUser(record.chat_service_sid!, r), ref, record)
              : []),
          ],
        ),
    },

    chat: {
      ...chat,
      fetchUser: (serviceSid, ref) =>
        cache.read('chat', {
          lookup: chatUser(serviceSid, ref)[1],
          fetch: () => chat.fetchUser(serviceSid, ref),
          keysOf: chatKeys,
          matches: (record) => record.service_sid === serviceSid && isRefOf(ref, record),
          kept: fromListRead,
        }),
      fetchUserWithPresence: async (serviceSid, sid) => {
        const record = await chat.fetchUserWithPresence(serviceSid, sid);
        if (record?.sid === sid && record.service_sid === serviceSid) {
          await cache.refresh('chat', record, chatKeys(record), fromListRead);
        }
        return record;
      },
      deleteUser: async (serviceSid, userSid) => {
        const keys = [
          ...(await deletedUserKeys(cache, (r) => chatUser(serviceSid, r), userSid)),
          // In the default chat service this is also the Conversations user.
          ...(await deletedUserKeys(cache, conversationsUser, userSid)),
        ];
        return writeThenForget(
          cache,
          () => chat.deleteUser(serviceSid, userSid),
          () => keys,
        );
      },
      // Leaving a channel changes the user's joined_channels_count: its cached record is stale.
      deleteMember: async (serviceSid, channelSid, memberSid, userSid) => {
        const keys = await deletedUserKeys(cache, (r) => chatUser(serviceSid, r), userSid);
        return writeThenForget(
          cache,
          () => chat.deleteMember(serviceSid, channelSid, memberSid, userSid),
          () => keys,
        );
      },
      updateUser: (serviceSid, ref, changes) =>
        writeThenForget(
          cache,
          () => chat.updateUser(serviceSid, ref, changes),
          (record) => [
            ...personKeys((r) => chatUser(serviceSid, r), ref, record),
            // In the default chat service this is also the Conversations user.
            ...personKeys(conversationsUser, ref, record),
          ],
        ),
    },
  };
}
