import { randomBytes } from 'node:crypto';
import { createReadCache, type ReadCache } from '../datasources/read-cache/read-cache.js';
import { createRedisStore } from '../datasources/read-cache/redis-store.js';
import { createLocalStore } from '../datasources/read-cache/store.js';
import type { Product } from '../datasources/errors.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';
import { redisHooks } from './redis-hooks.js';
import type { SharedState } from './shared-state.js';

/** Bound of the in-process cache, in characters of keys and JSON values (about as many bytes). */
const LOCAL_MAX_SIZE = 32 * 1024 * 1024;
/** "No such user" is kept this long at most, so someone created in Twilio's console shows soon. */
const NEGATIVE_TTL_SECONDS = 5;
/** Keys in Redis start with this (it may be shared with other applications). */
export const REDIS_PREFIX = 'igw:';

/**
 * The cross-request cache of Twilio reads (docs/caching.md): in Redis when replicas share one, in
 * process otherwise; null when CACHE_TTL_SECONDS is 0. A key invalidated by a write refuses
 * writes for one request budget, the longest a read that began before the write can still run.
 */
export function createReadCacheFromConfig(
  config: Config,
  shared: SharedState,
  log: Logger,
  metrics: Metrics,
): ReadCache | null {
  if (config.cacheTtlSeconds === 0) return null;
  const tombstoneMs = config.requestBudgetMs + (config.redis?.commandTimeoutMs ?? 0);
  const productOf = (key: string) => key.slice(0, key.indexOf(':')) as Product;
  const store = shared.redis
    ? createRedisStore(shared.redis, { tombstoneMs, hooks: redisHooks('cache', log, metrics) })
    : createLocalStore({
        maxSize: LOCAL_MAX_SIZE,
        tombstoneMs,
        onEvict: (key) => metrics.readCache('eviction', productOf(key)),
      });
  return createReadCache({
    store,
    // Replicas must compute the same keys; one process alone keys with a secret nobody knows.
    secret: config.redis?.keySecret ?? randomBytes(32).toString('base64'),
    prefix: shared.redis ? `${REDIS_PREFIX}cache:` : '',
    ttlSeconds: config.cacheTtlSeconds,
    negativeTtlSeconds: Math.min(NEGATIVE_TTL_SECONDS, config.cacheTtlSeconds),
    onHit: (product) => metrics.readCache('hit', product),
    onMiss: (product) => metrics.readCache('miss', product),
  });
}

/** `Cache-Control: no-cache` (or no-store) from the client: this request reads from Twilio. */
export function bypassesCache(value: string | string[] | undefined): boolean {
  const text = Array.isArray(value) ? value.join(',') : (value ?? '');
  return text
    .toLowerCase()
    .split(',')
    .some((directive) => ['no-cache', 'no-store'].includes(directive.trim()));
}
