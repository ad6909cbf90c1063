import { connectRedis, type SharedRedis } from '../datasources/redis.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';

/**
 * What replicas share, when REDIS_URL says where: one Redis connection per process, handed to
 * every part that keeps shared state (APQ, the read cache, budgets). Null keeps everything in
 * process (the embedded default). The connection going down is logged once and shown by
 * `redis_up`; every user of it falls back to local behaviour until it is back.
 */
export interface SharedState {
  redis: SharedRedis | null;
  close(): Promise<void>;
}

export function createSharedState(config: Config, log: Logger, metrics: Metrics): SharedState {
  if (!config.redis) return { redis: null, close: async () => {} };
  let lastError: string | undefined;
  const redis = connectRedis(
    { url: config.redis.url, commandTimeoutMs: config.redis.commandTimeoutMs },
    {
      onStateChange(up) {
        metrics.redisUp(up);
        if (up) {
          lastError = undefined;
          log.info({ redis: 'up' }, 'redis connected');
        } else {
          log.warn({ redis: 'down' }, 'redis connection lost: shared state falls back to local');
        }
      },
      onError(error) {
        metrics.redisError('connection');
        // Reconnect attempts fail the same way every few hundred ms: one line per new reason.
        if (error.message === lastError) return;
        lastError = error.message;
        log.warn({ redis: 'error', err: { message: error.message } }, 'redis error');
      },
    },
  );
  metrics.redisUp(false);
  return { redis, close: () => redis.close() };
}
