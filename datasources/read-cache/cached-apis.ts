import { randomUUID } from 'node:crypto';
import { fromListRead } from '../conversations.js';
import type { Product } from '../errors.js';
import type { Apis } from '../loaders.js';
import type { UserRef } from '../paths.js';
import type {
  ChatUserRecord,
  ConversationsUserRecord,
  FlexUserRecord,
  Page,
  PageRequest,
} from '../records.js';
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
/**
 * The instance's Flex list generation: a random value that names the current set of cached list
 * pages. Every Flex write forgets it (with a tombstone, as any key), so the pages cached before
 * are never read again, in this process or any replica, and expire on their own.
 */
const flexListGeneration = (instanceSid: string): Key => ['flex', `listGeneration|${instanceSid}`];
const flexListPage = (instanceSid: string, generation: string, page: PageRequest): Key => [
  'flex',
  `list|${instanceSid}|${generation}|${page.pageSize}|${page.pageToken ?? ''}`,
];
const conversationsUser = (ref: UserRef): Key => [
  'conversations',
  'sid' in ref ? `sid|${ref.sid}` : `identity|${ref.identity}`,
];
const chatUser = (serviceSid: string, ref: UserRef): Key => [
  'chat',
  'sid' in ref ? `sid|${serviceSid}|${ref.sid}` : `identity|${serviceSid}|${ref.identity}`,
];

/**
 * Every key of a Flex user known here, of its Conversations user (identity = username), and the
 * instance's list generation (the `people` search's pages hold the user too).
 */
function flexUserKeys(
  instanceSid: string,
  sid: string | undefined,
  known: (Partial<FlexUserRecord> | null | undefined)[],
): Key[] {
  const keys: Key[] = sid ? flexVersions.map((version) => flexUser(version, instanceSid, sid)) : [];
  keys.push(flexListGeneration(instanceSid));
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

/**
 * The instance's current list generation, set when there is none. Null when it cannot be set
 * now (a Flex write's tombstone, within REQUEST_BUDGET_MS of it, or Redis down): the page is then
 * read from Twilio and not kept, as a page read in flight during a write may hold the old users.
 */
async function listGenerationOf(cache: TenantCache, instanceSid: string): Promise<string | null> {
  const [product, lookup] = flexListGeneration(instanceSid);
  const current = await cache.peek<string>(product, lookup);
  if (typeof current === 'string') return current;
  await cache.refresh(product, randomUUID(), { primary: lookup, aliases: [] }, (g) => g);
  // Read back: another replica may have set its own first (last writer wins, both are fine),
  // and a refused write (tombstone) leaves nothing.
  const set = await cache.peek<string>(product, lookup);
  return typeof set === 'string' ? set : null;
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
 * mutation) gets it. Lists are not cached (a page is not one person and has no key to forget),
 * but for the `people` search's Flex pages, which a per-instance generation forgets as a whole.
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
      // The `people` search's list pages: kept under the instance's list generation, which any
      // Flex write through the gateway replaces (flexUserKeys), so a search after a write scans
      // Twilio again. Keyed by page size and PageToken, as Twilio's pages are.
      scanFlexUsersPage: async (instanceSid, page): Promise<Page<FlexUserRecord>> => {
        const generation = await listGenerationOf(cache, instanceSid);
        const fetch = () => flex.scanFlexUsersPage(instanceSid, page);
        if (generation === null) return fetch();
        const lookup = flexListPage(instanceSid, generation, page)[1];
        const cached = await cache.read('flex', {
          lookup,
          fetch,
          keysOf: () => ({ primary: lookup, aliases: [] }),
          matches: () => true,
          kept: (record) => record,
        });
        return cached ?? fetch();
      },
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
        // Twilio answers nothing: the username and Conversations user come from what is cached
        // (the list generation is forgotten whatever is known).
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
