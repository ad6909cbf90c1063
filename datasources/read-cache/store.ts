import { LRUCache } from 'lru-cache';

/**
 * Where the read cache keeps its entries: the process (default) or the replicas' Redis. Keys come
 * made (read-cache.ts): hashed when `shared`. A value is either a record, `=` then its JSON
 * (`=null`: Twilio said "no such user"), or an alias, `@` then the key of the record it points
 * to, so that every key a person is known by (SID, identity, username) leads to one entry and one
 * delete forgets them all.
 */
export interface CacheStore {
  /**
   * Its keys are seen outside this process (Redis): each must be a hash, so that whoever lists
   * them cannot tell whose entry one is or which person it holds.
   */
  readonly shared: boolean;
  /** The value under `key`, an alias followed to its record; undefined on a miss or a failure. */
  read(key: string): Promise<string | undefined>;
  /**
   * Writes every entry, unless one of their keys was invalidated within the tombstone time: a
   * read that began before a write must not put back what the write changed.
   */
  write(entries: readonly CacheEntry[]): Promise<void>;
  /**
   * Deletes the keys and the records their aliases point to, and tombstones them; never throws
   * (a failure is counted, logged and retried later by the store itself).
   */
  invalidate(keys: readonly string[]): Promise<void>;
}

export interface CacheEntry {
  key: string;
  value: string;
  ttlSeconds: number;
}

export const ALIAS = '@';
export const RECORD = '=';
/** Suffix of a key's tombstone. */
export const TOMBSTONE = ':t';

export interface LocalStoreOptions {
  /** Upper bound on the characters of all values kept (keys and values, approximately). */
  maxSize: number;
  /** How long an invalidated key refuses writes: the longest a read in flight may still take. */
  tombstoneMs: number;
  /** An entry pushed out by the size bound (not expiry, not invalidation); `key` is hashed. */
  onEvict?(key: string): void;
}

/** The in-process store: a bounded LRU (lru-cache), each entry with its own TTL. */
export function createLocalStore(options: LocalStoreOptions): CacheStore {
  const entries = new LRUCache<string, string>({
    maxSize: options.maxSize,
    sizeCalculation: (value, key) => value.length + key.length,
    ttlAutopurge: false,
    dispose: (_value, key, reason) => {
      if (reason === 'evict') options.onEvict?.(key);
    },
  });
  const tombstones = new LRUCache<string, true>({ max: 10_000, ttl: options.tombstoneMs });
  return {
    shared: false,
    read(key) {
      const value = entries.get(key);
      if (value === undefined || !value.startsWith(ALIAS)) return Promise.resolve(value);
      return Promise.resolve(entries.get(value.slice(ALIAS.length)));
    },
    write(list) {
      if (list.some(({ key }) => tombstones.has(key))) return Promise.resolve();
      for (const { key, value, ttlSeconds } of list)
        entries.set(key, value, { ttl: ttlSeconds * 1000 });
      return Promise.resolve();
    },
    invalidate(keys) {
      for (const key of keys) {
        const value = entries.get(key);
        if (value?.startsWith(ALIAS)) forget(value.slice(ALIAS.length));
        forget(key);
      }
      return Promise.resolve();
    },
  };

  function forget(key: string) {
    entries.delete(key);
    tombstones.set(key, true);
  }
}
