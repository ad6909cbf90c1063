import type { RedisStoreHooks } from '../datasources/read-cache/redis-store.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';

/**
 * What a user of the shared Redis (`kind`: cache, apq) reports: every failure counted in
 * `redis_errors_total{kind}`, every round trip in `redis_command_duration_seconds{kind}`, and one
 * log line per change between working and failing, not one per command.
 */
export function redisHooks(kind: string, log: Logger, metrics: Metrics): RedisStoreHooks {
  return {
    onError: () => metrics.redisError(kind),
    onHealthChange(healthy) {
      if (healthy) log.info({ redis: kind, state: 'up' }, `redis ${kind}: commands work again`);
      else {
        log.warn(
          { redis: kind, state: 'down' },
          `redis ${kind}: commands fail, served as misses until Redis answers again`,
        );
      }
    },
    onCommand: (seconds) => metrics.redisCommand(kind, seconds),
  };
}
