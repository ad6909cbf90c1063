import { createHash, createHmac } from 'node:crypto';
import type { Product } from '../errors.js';
import type { Credentials } from '../http.js';
import { perCredentials } from '../per-credentials.js';
import { ALIAS, RECORD, type CacheEntry, type CacheStore } from './store.js';

export interface ReadCacheOptions {
  store: CacheStore;
  /** Keys every entry: REDIS_KEY_SECRET when replicas share Redis, else random per process. */
  secret: string;
  /** Prepended to every key (Redis is shared with other users). */
  prefix: string;
  ttlSeconds: number;
  /** For "no such user": short, as a user created in Twilio's console should show up soon. */
  negativeTtlSeconds: number;
  onHit?(product: Product): void;
  onMiss?(product: Product): void;
}

/** Where one record is kept (its own key) and the other keys that lead to it (aliases). */
export interface EntryKeys {
  primary: string;
  aliases: string[];
}

export interface ReadOptions<T> {
  /** The key the read was asked by (a SID, an identity, a username), before hashing. */
  lookup: string;
  fetch: () => Promise<T | null>;
  /** The keys of a record Twilio answered. */
  keysOf: (record: T) => EntryKeys;
  /** False when the cached record is not the one the lookup names (then it is a miss). */
  matches: (record: T) => boolean;
  /** What of the record is kept: presence, for one, never is. */
  kept: (record: T) => T;
}

/** One request's view of the cache: its tenant's entries only, and whether it may read them. */
export interface TenantCache {
  read<T>(product: Product, options: ReadOptions<T>): Promise<T | null>;
  /** Stores a record fetched outside `read` (a fresh read for presence, say). */
  refresh<T>(product: Product, record: T, keys: EntryKeys, kept: (record: T) => T): Promise<void>;
  /** What is cached under a key, without fetching (undefined: nothing). */
  peek<T>(product: Product, lookup: string): Promise<T | null | undefined>;
  /** Forgets every key named, and each record an alias among them points to. Never throws. */
  invalidate(keys: readonly (readonly [Product, string])[]): Promise<void>;
}

export interface ReadCache {
  /**
   * @param bypass the client said `Cache-Control: no-cache`: every read goes to Twilio (and its
   * answer refreshes the cache for the next request).
   */
  forTenant(credentials: Credentials, bypass: boolean): TenantCache;
}

/**
 * The cross-request cache of Twilio reads. An entry's key is made of the tenant key (an HMAC,
 * under the server's secret, of the tenant's credentials, the token or key secret included), the
 * product and the resource, hashed together when the store is shared (Redis):
 * another tenant, or the right account with a wrong token, computes another key and finds
 * nothing, and whoever reads Redis cannot tell whose entry a key is or which person it holds.
 *
 * Concurrent misses for one key in this process share one fetch. That fetch runs on the first
 * request's session (its budget, its end): a request that joined it and saw it fail fetches on
 * its own, so another request's failure never becomes its answer.
 */
export function createReadCache(options: ReadCacheOptions): ReadCache {
  const { store } = options;
  const inFlight = new Map<string, Promise<unknown>>();

  // The secret and the credentials go through one HMAC per credentials object (a configured
  // tenant's: once for the process). In Redis each key then hashes that tenant key (fixed length,
  // secret) with the resource in one step: a plain SHA-256 costs about half a keyed HMAC, paid two
  // or three times per record (its SID and aliases). In process no one lists the keys, so the
  // tenant key prefixes the resource as it is: as separate, for no hash at all. Without the
  // secret no one computes a key; without the credentials, no one computes another tenant's.
  const tenantKeyOf = perCredentials(({ username, password }) =>
    createHmac('sha256', options.secret)
      .update(username)
      .update('\0')
      .update(password)
      .digest('base64url'),
  );

  return {
    forTenant(credentials, bypass) {
      let tenantKey: string | undefined;
      const keyOf = (product: Product, lookup: string) => {
        tenantKey ??= tenantKeyOf(credentials);
        if (!store.shared) return `${options.prefix}${product}:${tenantKey}\0${lookup}`;
        const resource = createHash('sha256').update(`${tenantKey}${product}\0${lookup}`);
        return `${options.prefix}${product}:${resource.digest('base64url')}`;
      };

      const fill = <T>(
        product: Product,
        lookupKey: string,
        record: T | null,
        read: ReadOptions<T>,
      ) =>
        store.write(
          record === null
            ? [{ key: lookupKey, value: `${RECORD}null`, ttlSeconds: options.negativeTtlSeconds }]
            : entriesOf(product, record, read.keysOf(record), read.kept),
        );

      const entriesOf = <T>(
        product: Product,
        record: T,
        keys: EntryKeys,
        kept: (record: T) => T,
      ): CacheEntry[] => {
        const primary = keyOf(product, keys.primary);
        const ttlSeconds = options.ttlSeconds;
        return [
          { key: primary, value: RECORD + JSON.stringify(kept(record)), ttlSeconds },
          ...keys.aliases.map((alias) => ({
            key: keyOf(product, alias),
            value: ALIAS + primary,
            ttlSeconds,
          })),
        ];
      };

      const decode = <T>(value: string | undefined): T | null | undefined =>
        value?.startsWith(RECORD)
          ? (JSON.parse(value.slice(RECORD.length)) as T | null)
          : undefined;

      const fetchAndFill = async <T>(product: Product, key: string, read: ReadOptions<T>) => {
        const record = await read.fetch();
        await fill(product, key, record, read);
        return record;
      };

      return {
        async read<T>(product: Product, read: ReadOptions<T>) {
          const key = keyOf(product, read.lookup);
          if (!bypass) {
            const cached = decode<T>(await store.read(key));
            if (cached === null || (cached !== undefined && read.matches(cached))) {
              options.onHit?.(product);
              return cached;
            }
          }
          options.onMiss?.(product);
          if (bypass) return fetchAndFill(product, key, read);
          const shared = inFlight.get(key) as Promise<T | null> | undefined;
          if (shared) {
            try {
              return await shared;
            } catch {
              return fetchAndFill(product, key, read);
            }
          }
          const own = fetchAndFill(product, key, read);
          inFlight.set(key, own);
          try {
            return await own;
          } finally {
            if (inFlight.get(key) === own) inFlight.delete(key);
          }
        },
        async refresh(product, record, keys, kept) {
          await store.write(entriesOf(product, record, keys, kept));
        },
        async peek<T>(product: Product, lookup: string) {
          return decode<T>(await store.read(keyOf(product, lookup)));
        },
        async invalidate(list) {
          const keys = list.map(([product, lookup]) => keyOf(product, lookup));
          // A fetch in flight may have read the old state: later reads must not join it.
          for (const key of keys) inFlight.delete(key);
          await store.invalidate(keys);
        },
      };
    },
  };
}
