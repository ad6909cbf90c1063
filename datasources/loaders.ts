import DataLoader, { type BatchLoadFn } from 'dataloader';
import type { ChatApi } from './chat.js';
import type { ConversationsApi } from './conversations.js';
import type { FlexApi } from './flex.js';
import type { UserRef } from './paths.js';
import type {
  ChatUserRecord,
  ConversationRecord,
  ConversationsUserRecord,
  FlexUserRecord,
  WorkerRecord,
} from './records.js';
import type { TaskRouterApi } from './taskrouter.js';
import type { UpstreamTracer } from './tracing-hooks.js';

export interface Apis {
  flex: FlexApi;
  conversations: ConversationsApi;
  chat: ChatApi;
  taskrouter: TaskRouterApi;
}

export interface FlexUserKey {
  instanceSid: string;
  sid: string;
}
export interface FlexUsernameKey {
  instanceSid: string;
  username: string;
}
export type ChatUserKey = { serviceSid: string } & UserRef;
/** A user of a named (non-default) Conversations service. */
export type ServiceUserKey = { serviceSid: string } & UserRef;
/** A conversation; `serviceSid` null for the account's default Conversations service. */
export interface ConversationKey {
  serviceSid: string | null;
  sid: string;
}
export interface WorkerKey {
  workspaceSid: string;
  sid: string;
}
export interface WorkerNameKey {
  workspaceSid: string;
  friendlyName: string;
}

/** What the loaders report, for metrics: the size of each wave and each load served from cache. */
export interface LoaderHooks {
  onBatch(loader: string, size: number): void;
  onCacheHit(loader: string): void;
  /** When tracing is on: runs each wave inside its span. */
  wave?: UpstreamTracer['wave'];
}

/**
 * A loader made on its first load or prime: a request reads through one or two of the eleven,
 * mostly, and each costs a DataLoader, its cache and a few closures to build. Clearing one never
 * made has nothing to clear.
 */
class LazyLoader<K, V> {
  #loader: DataLoader<K, V, string> | undefined;
  readonly #make: () => DataLoader<K, V, string>;

  constructor(make: () => DataLoader<K, V, string>) {
    this.#make = make;
  }

  load(key: K): Promise<V> {
    return (this.#loader ??= this.#make()).load(key);
  }

  prime(key: K, value: V): this {
    (this.#loader ??= this.#make()).prime(key, value);
    return this;
  }

  clear(key: K): this {
    this.#loader?.clear(key);
    return this;
  }

  clearAll(): this {
    this.#loader?.clearAll();
    return this;
  }
}

function createLoader<K, V>(
  name: string,
  batch: BatchLoadFn<K, V>,
  hooks: LoaderHooks | undefined,
  cacheKeyFn: (key: K) => string,
): LazyLoader<K, V> {
  return new LazyLoader(() => reportingLoader(name, batch, hooks, cacheKeyFn));
}

/** A DataLoader that reports its batches and cache hits (a prime is not a hit). */
function reportingLoader<K, V>(
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
      return hooks.wave ? hooks.wave(name, keys.length, () => batch(keys)) : batch(keys);
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
const userKey = (ref: UserRef) => ('sid' in ref ? `sid:${ref.sid}` : `identity:${ref.identity}`);
const otherRef = (ref: UserRef, record: { sid: string; identity: string }): UserRef =>
  'sid' in ref ? { identity: record.identity } : { sid: record.sid };

/** Fetched from Twilio just now, with is_online/is_notifiable (lists and the cache leave them out). */
const hasPresence = (record: object) => 'is_online' in record || 'is_notifiable' in record;

/** The record when it is the user the key names, else null (see conversationsUser). */
function isUserRefOf<R extends { sid: string; identity: string }>(
  ref: UserRef,
  record: R | null,
): R | null {
  if (record === null) return null;
  return ('sid' in ref ? record.sid === ref.sid : record.identity === ref.identity) ? record : null;
}

/**
 * New on every request, so a cache here never outlives the request or crosses tenants (the
 * cross-request cache is below, in the apis: datasources/read-cache/).
 *
 * Twilio has no get-many endpoint for these users, so a batch is one wave of parallel GETs, one per
 * distinct key (the per-host cap in the HTTP layer bounds it). A key Twilio does not know resolves
 * to null; any other failure is that key's own Error, so one bad key fails only its own field.
 * Every fetch primes the loaders of the record's other keys (SID ↔ identity ↔ username).
 */
export function createLoaders(apis: Apis, hooks?: LoaderHooks) {
  const flexUserKey = (k: FlexUserKey) => `${k.instanceSid}|${k.sid}`;
  const flexUsernameKey = (k: FlexUsernameKey) => `${k.instanceSid}|${k.username}`;
  const chatUserKey = (k: ChatUserKey) => `${k.serviceSid}|${userKey(k)}`;

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

  /** The worker fetched by SID: the only read that carries its attributes. */
  const worker = createLoader<WorkerKey, WorkerRecord | null>(
    'worker',
    (keys) => fetchEach(keys, (k) => apis.taskrouter.fetchWorker(k.workspaceSid, k.sid)),
    hooks,
    (k) => `${k.workspaceSid}|${k.sid}`,
  );

  /**
   * The worker with a friendly name: a list read filtered by `FriendlyName` (names are unique in
   * a workspace, compared case-insensitively, hence the key). It is how a Flex user read by
   * username, which carries no `worker_sid`, finds its worker without first fetching itself.
   */
  const workerByFriendlyName = createLoader<WorkerNameKey, WorkerRecord | null>(
    'workerByFriendlyName',
    (keys) =>
      fetchEach(keys, async (k) => {
        const page = await apis.taskrouter.listWorkers(
          k.workspaceSid,
          { friendlyName: k.friendlyName },
          { pageSize: 1, pageToken: null },
        );
        return page.items[0] ?? null;
      }),
    hooks,
    (k) => `${k.workspaceSid}|${k.friendlyName.toLowerCase()}`,
  );

  /** After a write that returned no record (deprovision): nothing cached about the user is kept. */
  const forgetFlexUser = (key: FlexUserKey) => {
    flexUser.clear(key);
    flexUserV4.clear(key);
    // The username is not known here; clearing this per-request cache whole is cheap.
    flexUserByUsername.clearAll();
    // Deprovisioning deletes the user's worker, whose SID is not known here either.
    worker.clearAll();
    workerByFriendlyName.clearAll();
  };

  const forgetConversationsUser = (record: { sid: string; identity: string }) => {
    conversationsUser.clear({ sid: record.sid }).clear({ identity: record.identity });
    conversationsUserFull.clear(record.sid);
  };
  const forgetChatUser = (serviceSid: string, record: { sid: string; identity: string }) => {
    chatUser
      .clear({ serviceSid, sid: record.sid })
      .clear({ serviceSid, identity: record.identity });
    chatUserFull.clear({ serviceSid, sid: record.sid });
  };

  const primeConversationsUser = (record: ConversationsUserRecord) => {
    conversationsUser
      .prime({ sid: record.sid }, record)
      .prime({ identity: record.identity }, record);
  };

  /**
   * By US… SID or by identity. Twilio reads the same path segment as either, so an identity that
   * looks like a SID fetches whoever has that SID: such an answer is not the person asked for.
   */
  const conversationsUser = createLoader<UserRef, ConversationsUserRecord | null>(
    'conversationsUser',
    (keys) =>
      fetchEach(keys, async (key) => {
        const record = isUserRefOf(key, await apis.conversations.fetchUser(key));
        if (record) {
          // Prime the other key only: priming the one being loaded is a no-op while in flight.
          conversationsUser.prime(otherRef(key, record), record);
          // A record from the cross-request cache has no presence: the full loader must fetch.
          if (hasPresence(record)) conversationsUserFull.prime(record.sid, record);
        }
        return record;
      }),
    hooks,
    userKey,
  );

  /** The fetched record, never a list read's (which lacks is_online and is_notifiable). */
  const conversationsUserFull = createLoader<string, ConversationsUserRecord | null>(
    'conversationsUserFull',
    (sids) =>
      fetchEach(sids, async (sid) => {
        const record = isUserRefOf({ sid }, await apis.conversations.fetchUserWithPresence(sid));
        if (record) {
          conversationsUser.clear({ sid }).clear({ identity: record.identity });
          primeConversationsUser(record);
        }
        return record;
      }),
    hooks,
    asIs,
  );

  const primeChatUser = (record: ChatUserRecord) => {
    chatUser
      .prime({ serviceSid: record.service_sid, sid: record.sid }, record)
      .prime({ serviceSid: record.service_sid, identity: record.identity }, record);
  };

  const chatUser = createLoader<ChatUserKey, ChatUserRecord | null>(
    'chatUser',
    (keys) =>
      fetchEach(keys, async (k) => {
        const record = isUserRefOf(k, await apis.chat.fetchUser(k.serviceSid, k));
        if (record) {
          chatUser.prime({ serviceSid: k.serviceSid, ...otherRef(k, record) }, record);
          if (hasPresence(record)) {
            chatUserFull.prime({ serviceSid: k.serviceSid, sid: record.sid }, record);
          }
        }
        return record;
      }),
    hooks,
    chatUserKey,
  );

  /** The fetched record, never a list read's. */
  const chatUserFull = createLoader<ChatUserKey & { sid: string }, ChatUserRecord | null>(
    'chatUserFull',
    (keys) =>
      fetchEach(keys, async (k) => {
        const record = isUserRefOf(k, await apis.chat.fetchUserWithPresence(k.serviceSid, k.sid));
        if (record) {
          chatUser.clear(k).clear({ serviceSid: k.serviceSid, identity: record.identity });
          primeChatUser(record);
        }
        return record;
      }),
    hooks,
    chatUserKey,
  );

  /** Users of configured Conversations services, with the same SID ↔ identity priming. */
  const serviceConversationsUser = createLoader<ServiceUserKey, ConversationsUserRecord | null>(
    'serviceConversationsUser',
    (keys) =>
      fetchEach(keys, async (k) => {
        const record = isUserRefOf(k, await apis.conversations.fetchServiceUser(k.serviceSid, k));
        if (record)
          serviceConversationsUser.prime(
            { serviceSid: k.serviceSid, ...otherRef(k, record) },
            record,
          );
        return record;
      }),
    hooks,
    chatUserKey,
  );

  /** The conversation a key names, never another one (an answer for a different SID is null). */
  const conversation = createLoader<ConversationKey, ConversationRecord | null>(
    'conversation',
    (keys) =>
      fetchEach(keys, async (k) => {
        const record = await apis.conversations.fetchConversation(k.serviceSid, k.sid);
        return record?.sid === k.sid ? record : null;
      }),
    hooks,
    (k) => `${k.serviceSid ?? ''}|${k.sid}`,
  );

  return {
    flexUser,
    flexUserV4,
    flexUserByUsername,
    conversationsUser,
    conversationsUserFull,
    chatUser,
    chatUserFull,
    serviceConversationsUser,
    conversation,
    worker,
    workerByFriendlyName,
    /**
     * After a read or write returned a fresh Flex record: every version cached for that user is
     * dropped and this one primed, so later fields in the same response see the new state.
     */
    primeFlexUser(record: FlexUserRecord, version: 'v2' | 'v4') {
      const key = { instanceSid: record.instance_sid, sid: record.flex_user_sid };
      flexUser.clear(key);
      flexUserV4.clear(key);
      // Only this user's username: a page primes many users, and each must keep the others'.
      if (record.username) {
        flexUserByUsername.clear({ instanceSid: record.instance_sid, username: record.username });
      }
      (version === 'v2' ? flexUser : flexUserV4).prime(key, record);
      primeFlexUsername(record);
    },
    forgetFlexUser,
    primeFlexUsername,
    primeConversationsUser,
    /** After a write: replaces the cached record under both of its keys. */
    refreshConversationsUser(record: ConversationsUserRecord) {
      forgetConversationsUser(record);
      primeConversationsUser(record);
      conversationsUserFull.prime(record.sid, record);
    },
    /** Drops both keys of a Conversations user whose record changed through another API. */
    forgetConversationsUser,
    primeChatUser,
    /** Drops both keys of a Chat user whose record changed through another API. */
    forgetChatUser,
    refreshChatUser(record: ChatUserRecord) {
      forgetChatUser(record.service_sid, record);
      primeChatUser(record);
      chatUserFull.prime({ serviceSid: record.service_sid, sid: record.sid }, record);
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
