import { createRequire } from 'node:module';
import type { Redis } from 'ioredis';

/**
 * ioredis is loaded when a connection is made, not with the module: a deployment without
 * REDIS_URL never needs it, and loading it costs about 20 MiB of RSS. A static import would not
 * do: the bundle (npm run build) hoists imports of packages to its top.
 */
const loadRedis = () =>
  (createRequire(import.meta.url)('ioredis') as { Redis: typeof Redis }).Redis;

export interface RedisSettings {
  url: string;
  /** A command not answered in this time fails (and its caller falls back to local behaviour). */
  commandTimeoutMs: number;
}

export interface RedisEvents {
  /** The connection went down or came back. */
  onStateChange?(up: boolean): void;
  /** A connection-level error (a command's own failure is its caller's to count). */
  onError?(error: Error): void;
}

/**
 * The replicas' shared Redis, as every user of it (APQ, the read cache, budgets, jobs) needs it:
 * never a reason for a request to wait. Commands are not queued while the connection is down
 * (they fail at once), each has a short timeout, and a lost connection is retried in the
 * background for as long as the process runs, so recovery needs nobody.
 */
export interface SharedRedis {
  client: Redis;
  /** Connected and ready for commands now. */
  isUp(): boolean;
  close(): Promise<void>;
}

export function connectRedis(settings: RedisSettings, events: RedisEvents = {}): SharedRedis {
  const client = new (loadRedis())(settings.url, {
    enableOfflineQueue: false,
    commandTimeout: settings.commandTimeoutMs,
    connectTimeout: Math.max(settings.commandTimeoutMs, 1000),
    // A command in flight when the connection drops fails instead of being sent again later.
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    // Reconnect forever, backing off to 2 s between tries.
    retryStrategy: (attempt) => Math.min(attempt * 100, 2000),
  });
  let up = false;
  const setUp = (value: boolean) => {
    if (value === up) return;
    up = value;
    events.onStateChange?.(value);
  };
  client.on('ready', () => setUp(true));
  client.on('close', () => setUp(false));
  client.on('end', () => setUp(false));
  // Without a listener, ioredis prints every reconnect error to stderr.
  client.on('error', (error: Error) => events.onError?.(error));
  return {
    client,
    isUp: () => up && client.status === 'ready',
    async close() {
      client.removeAllListeners('ready');
      try {
        await client.quit();
      } catch {
        client.disconnect();
      }
    },
  };
}
