import {
  ErrorsAreMissesCache,
  InMemoryLRUCache,
  type KeyValueCache,
} from '@apollo/utils.keyvaluecache';
import type { SharedRedis } from '../datasources/redis.js';
import type { RedisStoreHooks } from '../datasources/read-cache/redis-store.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';
import { REDIS_PREFIX } from './read-cache.js';
import { redisHooks } from './redis-hooks.js';
import type { SharedState } from './shared-state.js';

/** Persisted-query documents kept in process at most (by approximate size). */
const APQ_CACHE_BYTES = 8 * 1024 * 1024;

/**
 * Where automatic persisted queries live: in the replicas' Redis when there is one, so a hash
 * registered through one replica is known to all (a client otherwise gets PersistedQueryNotFound
 * each time the load balancer picks another), else in a bounded in-process LRU.
 *
 * Only the APQ store: Apollo's parsed-document store stays in process (apollo-server#7471: parsed
 * documents in a shared cache break between versions of the server).
 */
export function createApqCache(
  shared: SharedState,
  log: Logger,
  metrics: Metrics,
): KeyValueCache<string> {
  if (!shared.redis) return new InMemoryLRUCache<string>({ maxSize: APQ_CACHE_BYTES });
  const hooks = redisHooks('apq', log, metrics);
  // ErrorsAreMissesCache turns a failed get into a miss: the client then sends the document.
  // The adapter already reported the failure, so its logger stays quiet.
  return new ErrorsAreMissesCache(new RedisKeyValueCache(shared.redis, hooks), {
    debug: () => {},
    info: () => {},
    warn: () => {},
    error: () => {},
  });
}

/**
 * Apollo's KeyValueCache on the gateway's one ioredis connection. Not Keyv with @keyv/redis: that
 * opens a second connection with another client (node-redis), whose defaults queue commands while
 * Redis is down (requests waited 5 s and more, /work/shared/SCALE-OUT.md), and which would need
 * its own reconnect, timeout and error handling; these few lines reuse the connection that
 * already never queues, times out quickly and reconnects by itself.
 */
class RedisKeyValueCache implements KeyValueCache<string> {
  constructor(
    private readonly redis: SharedRedis,
    private readonly hooks: RedisStoreHooks,
  ) {}

  private healthy = true;

  private async run<T>(command: () => Promise<T>): Promise<T> {
    const started = performance.now();
    let sent = false;
    try {
      if (!this.redis.isUp()) throw new Error('redis is not connected');
      sent = true;
      const result = await command();
      this.health(true);
      return result;
    } catch (error) {
      this.hooks.onError(error instanceof Error ? error : new Error(String(error)));
      this.health(false);
      throw error;
    } finally {
      if (sent) this.hooks.onCommand((performance.now() - started) / 1000);
    }
  }

  private health(healthy: boolean) {
    if (healthy === this.healthy) return;
    this.healthy = healthy;
    this.hooks.onHealthChange(healthy);
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.run(() => this.redis.client.get(REDIS_PREFIX + key))) ?? undefined;
  }

  /** A document not stored is sent again by its client: a failure here fails nothing. */
  async set(key: string, value: string, options?: { ttl?: number | null }): Promise<void> {
    const ttl = options?.ttl;
    await this.run(() =>
      ttl
        ? this.redis.client.set(REDIS_PREFIX + key, value, 'EX', ttl)
        : this.redis.client.set(REDIS_PREFIX + key, value),
    ).catch(() => undefined);
  }

  async delete(key: string): Promise<boolean> {
    return (await this.run(() => this.redis.client.del(REDIS_PREFIX + key)).catch(() => 0)) > 0;
  }
}
