import DataLoader, { type BatchLoadFn } from 'dataloader';
import type { ChatApi } from './chat.js';
import type { ConversationsApi } from './conversations.js';
import type { FlexApi } from './flex.js';
import { isSid } from './sids.js';
import type { ChatUserRecord, ConversationsUserRecord, FlexUserRecord } from './records.js';

export interface Apis {
  flex: FlexApi;
  conversations: ConversationsApi;
  chat: ChatApi;
}

export interface FlexUserKey {
  instanceSid: string;
  sid: string;
}
export interface FlexUsernameKey {
  instanceSid: string;
  username: string;
}
export interface ChatUserKey {
  serviceSid: string;
  /** A US… SID or an identity: Twilio's Chat API takes either. */
  user: string;
}

/** What the loaders report, for metrics: the size of each wave and each load served from cache. */
export interface LoaderHooks {
  onBatch(loader: string, size: number): void;
  onCacheHit(loader: string): void;
}

/** A DataLoader that reports its batches and cache hits (a prime is not a hit). */
function createLoader<K, V>(
  name: string,
  batch: BatchLoadFn<K, V>,
  hooks: LoaderHooks | undefined,
  cacheKeyFn: (key: K) => string,
): DataLoader<K, V, string> {
  if (!hooks) return new DataLoader<K, V, string>(batch, { cacheKeyFn });
  const cache = new Map<string, Promise<V>>();
  let priming = false;
  const loader = new DataLoader<K, V, string>(
    (keys) => {
      hooks.onBatch(name, keys.length);
      return batch(keys);
    },
    {
      cacheKeyFn,
      cacheMap: {
        get: (key) => {
          const value = cache.get(key);
          if (value !== undefined && !priming) hooks.onCacheHit(name);
          return value;
        },
        set: (key, value) => cache.set(key, value),
        delete: (key) => cache.delete(key),
        clear: () => cache.clear(),
      },
    },
  );
  const prime = loader.prime.bind(loader);
  loader.prime = (key, value) => {
    priming = true;
    try {
      return prime(key, value);
    } finally {
      priming = false;
    }
  };
  return loader;
}

const asIs = (key: string) => key;

/**
 * New on every request, so a cache here never outlives the request or crosses tenants.
 *
 * Twilio has no get-many endpoint for these users, so a batch is one wave of parallel GETs, one per
 * distinct key (the per-host cap in the HTTP layer bounds it). A key Twilio does not know resolves
 * to null; any other failure is that key's own Error, so one bad key fails only its own field.
 * Every fetch primes the loaders of the record's other keys (SID ↔ identity ↔ username).
 */
export function createLoaders(apis: Apis, hooks?: LoaderHooks) {
  const flexUserKey = (k: FlexUserKey) => `${k.instanceSid}|${k.sid}`;
  const flexUsernameKey = (k: FlexUsernameKey) => `${k.instanceSid}|${k.username}`;
  const chatUserKey = (k: ChatUserKey) => `${k.serviceSid}|${k.user}`;

  const primeFlexUsername = (record: FlexUserRecord) => {
    if (record.username)
      flexUserByUsername.prime(
        { instanceSid: record.instance_sid, username: record.username },
        record,
      );
  };

  /** Flex v2 fetch: the version with user_sid and url. */
  const flexUser = createLoader<FlexUserKey, FlexUserRecord | null>(
    'flexUser',
    (keys) =>
      fetchEach(keys, async (k) => {
        const record = await apis.flex.fetchFlexUser(k.instanceSid, k.sid);
        if (record) primeFlexUsername(record);
        return record;
      }),
    hooks,
    flexUserKey,
  );

  /** Flex v4 fetch: the version with full_name, deactivated and deactivated_date. */
  const flexUserV4 = createLoader<FlexUserKey, FlexUserRecord | null>(
    'flexUserV4',
    (keys) => fetchEach(keys, (k) => apis.flex.fetchFlexUserV4(k.instanceSid, k.sid)),
    hooks,
    flexUserKey,
  );

  const flexUserByUsername = createLoader<FlexUsernameKey, FlexUserRecord | null>(
    'flexUserByUsername',
    (keys) => fetchEach(keys, (k) => apis.flex.fetchFlexUserByUsername(k.instanceSid, k.username)),
    hooks,
    flexUsernameKey,
  );

  /** After a write that returned no record (deprovision): nothing cached about the user is kept. */
  const forgetFlexUser = (key: FlexUserKey) => {
    flexUser.clear(key);
    flexUserV4.clear(key);
    // The username is not known here; clearing this per-request cache whole is cheap.
    flexUserByUsername.clearAll();
  };

  const primeConversationsUser = (record: ConversationsUserRecord) => {
    conversationsUser.prime(record.sid, record).prime(record.identity, record);
  };

  /** Keyed by US… SID or identity, as Twilio's path is. */
  const conversationsUser = createLoader<string, ConversationsUserRecord | null>(
    'conversationsUser',
    (keys) =>
      fetchEach(keys, async (key) => {
        const record = await apis.conversations.fetchUser(key);
        // Prime the other key only: priming the one being loaded is a no-op while it is in flight.
        if (record)
          conversationsUser.prime(isSid('user', key) ? record.identity : record.sid, record);
        return record;
      }),
    hooks,
    asIs,
  );

  const primeChatUser = (record: ChatUserRecord) => {
    chatUser
      .prime({ serviceSid: record.service_sid, user: record.sid }, record)
      .prime({ serviceSid: record.service_sid, user: record.identity }, record);
  };

  const chatUser = createLoader<ChatUserKey, ChatUserRecord | null>(
    'chatUser',
    (keys) =>
      fetchEach(keys, async (k) => {
        const record = await apis.chat.fetchUser(k.serviceSid, k.user);
        if (record) {
          chatUser.prime(
            {
              serviceSid: k.serviceSid,
              user: isSid('user', k.user) ? record.identity : record.sid,
            },
            record,
          );
        }
        return record;
      }),
    hooks,
    chatUserKey,
  );

  return {
    flexUser,
    flexUserV4,
    flexUserByUsername,
    conversationsUser,
    chatUser,
    /**
     * After a read or write returned a fresh Flex record: every version cached for that user is
     * dropped and this one primed, so later fields in the same response see the new state.
     */
    primeFlexUser(record: FlexUserRecord, version: 'v2' | 'v4') {
      const key = { instanceSid: record.instance_sid, sid: record.flex_user_sid };
      forgetFlexUser(key);
      (version === 'v2' ? flexUser : flexUserV4).prime(key, record);
      primeFlexUsername(record);
    },
    forgetFlexUser,
    primeFlexUsername,
    primeConversationsUser,
    /** After a write: replaces the cached record under both of its keys. */
    refreshConversationsUser(record: ConversationsUserRecord) {
      conversationsUser.clear(record.sid).clear(record.identity);
      primeConversationsUser(record);
    },
    /** Drops both keys of a Conversations user whose record changed through another API. */
    forgetConversationsUser(record: { sid: string; identity: string }) {
      conversationsUser.clear(record.sid).clear(record.identity);
    },
    primeChatUser,
    /** Drops both keys of a Chat user whose record changed through another API. */
    forgetChatUser(serviceSid: string, record: { sid: string; identity: string }) {
      chatUser.clear({ serviceSid, user: record.sid }).clear({ serviceSid, user: record.identity });
    },
    refreshChatUser(record: ChatUserRecord) {
      chatUser
        .clear({ serviceSid: record.service_sid, user: record.sid })
        .clear({ serviceSid: record.service_sid, user: record.identity });
      primeChatUser(record);
    },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/**
 * One parallel wave, one call per key, results in key order (the DataLoader contract). The fetches
 * answer null for "no such user" (Twilio's 404); any failure becomes that key's Error.
 */
async function fetchEach<K, V>(
  keys: readonly K[],
  fetch: (key: K) => Promise<V | null>,
): Promise<(V | null | Error)[]> {
  return Promise.all(
    keys.map((key) =>
      fetch(key).catch((error: unknown) =>
        error instanceof Error ? error : new Error(String(error)),
      ),
    ),
  );
}
