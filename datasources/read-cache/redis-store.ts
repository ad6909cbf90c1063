import type { SharedRedis } from '../redis.js';
import { ALIAS, TOMBSTONE, type CacheEntry, type CacheStore } from './store.js';

export interface RedisStoreHooks {
  /** A command failed (timed out, connection down): counted, and served as a miss. */
  onError(error: Error): void;
  /** The first success after failures, or the first failure after successes: for one log line. */
  onHealthChange(healthy: boolean): void;
  /** Each command's round trip, failures included. */
  onCommand(seconds: number): void;
}

export interface RedisStoreOptions {
  tombstoneMs: number;
  hooks: RedisStoreHooks;
}

// Lua, so that following an alias, a guarded write and an invalidation are one round trip each and
// atomic. They reach keys derived from KEYS (an alias's target, `key:t`), which plain Redis allows
// and Redis Cluster does not: the shared cache needs one Redis (or a primary with replicas).
const READ = `
local v = redis.call('GET', KEYS[1])
if v and string.sub(v, 1, 1) == '${ALIAS}' then return redis.call('GET', string.sub(v, 2)) end
return v`;
const WRITE = `
for i = 1, #KEYS do
  if redis.call('EXISTS', KEYS[i] .. '${TOMBSTONE}') == 1 then return 0 end
end
for i = 1, #KEYS do redis.call('SET', KEYS[i], ARGV[2 * i - 1], 'EX', ARGV[2 * i]) end
return 1`;
const INVALIDATE = `
for i = 1, #KEYS do
  local v = redis.call('GET', KEYS[i])
  if v and string.sub(v, 1, 1) == '${ALIAS}' then
    local target = string.sub(v, 2)
    redis.call('DEL', target)
    redis.call('SET', target .. '${TOMBSTONE}', '1', 'PX', ARGV[1])
  end
  redis.call('DEL', KEYS[i])
  redis.call('SET', KEYS[i] .. '${TOMBSTONE}', '1', 'PX', ARGV[1])
end
return 1`;

/** Invalidations kept for replay while Redis is unreachable; past this, TTLs bound staleness. */
const MAX_PENDING = 10_000;

type Scripted = {
  igwCacheRead(key: string): Promise<string | null>;
  igwCacheWrite(...args: (string | number)[]): Promise<number>;
  igwCacheInvalidate(...args: (string | number)[]): Promise<number>;
};

/**
 * The read cache in the replicas' Redis, on the gateway's one ioredis connection. A failure is a
 * miss (reads go to Twilio), never a wait: the connection does not queue and each command has a
 * short timeout. An invalidation that fails is kept and sent again as soon as the connection is
 * back; until then the entry can be stale at most its TTL (CACHE_TTL_SECONDS), and only for a
 * replica that can reach Redis while this one cannot.
 */
export function createRedisStore(redis: SharedRedis, options: RedisStoreOptions): CacheStore {
  const { client } = redis;
  const commands = client as typeof client & Scripted;
  if (!('igwCacheRead' in client)) {
    client.defineCommand('igwCacheRead', { numberOfKeys: 1, lua: READ });
    client.defineCommand('igwCacheWrite', { lua: WRITE });
    client.defineCommand('igwCacheInvalidate', { lua: INVALIDATE });
  }
  let healthy = true;
  const pending = new Set<string>();

  async function run<T>(command: () => Promise<T>): Promise<T> {
    const started = performance.now();
    let sent = false;
    try {
      // Down: failing now (counted, logged on the change) beats sending into a closed socket.
      if (!redis.isUp()) throw new Error('redis is not connected');
      sent = true;
      const result = await command();
      if (!healthy) {
        healthy = true;
        options.hooks.onHealthChange(true);
      }
      return result;
    } catch (error) {
      options.hooks.onError(error instanceof Error ? error : new Error(String(error)));
      if (healthy) {
        healthy = false;
        options.hooks.onHealthChange(false);
      }
      throw error;
    } finally {
      if (sent) options.hooks.onCommand((performance.now() - started) / 1000);
    }
  }

  const invalidateNow = (keys: readonly string[]) =>
    run(() => commands.igwCacheInvalidate(keys.length, ...keys, options.tombstoneMs));

  const replay = () => {
    if (pending.size === 0) return;
    const keys = [...pending];
    pending.clear();
    invalidateNow(keys).catch(() => keys.forEach((key) => keep(key)));
  };
  const keep = (key: string) => {
    if (pending.size < MAX_PENDING) pending.add(key);
  };
  client.on('ready', replay);

  return {
    shared: true,
    async read(key) {
      try {
        return (await run(() => commands.igwCacheRead(key))) ?? undefined;
      } catch {
        return undefined;
      }
    },
    async write(entries: readonly CacheEntry[]) {
      if (entries.length === 0) return;
      const values = entries.flatMap(({ value, ttlSeconds }) => [value, ttlSeconds]);
      await run(() =>
        commands.igwCacheWrite(entries.length, ...entries.map(({ key }) => key), ...values),
      ).catch(() => undefined);
    },
    async invalidate(keys) {
      if (keys.length === 0) return;
      try {
        await invalidateNow(keys);
      } catch {
        keys.forEach(keep);
      }
    },
  };
}
