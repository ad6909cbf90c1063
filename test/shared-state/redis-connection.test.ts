import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, type SharedRedis } from '../../datasources/redis.js';
import { waitFor } from '../helpers/wait-for.js';
import { redisOrSkip, startRedis, type RedisServer } from '../helpers/redis.js';

const redis = redisOrSkip();

describe.skipIf('skip' in redis)('the shared Redis connection', () => {
  let server: RedisServer;
  let shared: SharedRedis;
  const states: boolean[] = [];

  beforeAll(async () => {
    server = await startRedis(redis as { path: string });
    shared = connectRedis(
      { url: server.url, commandTimeoutMs: 200 },
      { onStateChange: (up) => states.push(up) },
    );
    await waitFor(() => shared.isUp(), 'connected');
  });
  afterAll(async () => {
    await shared?.close();
    await server?.stop();
  });

  it('fails commands at once while Redis is down, and reconnects by itself', async () => {
    await shared.client.set('k', 'v');
    await server.kill();
    await waitFor(() => !shared.isUp(), 'disconnected');

    const started = Date.now();
    await expect(shared.client.get('k')).rejects.toThrow();
    // No offline queue: the command is refused, not held until a reconnect.
    expect(Date.now() - started).toBeLessThan(1000);

    await server.start();
    await waitFor(() => shared.isUp(), 'reconnected', 10_000);
    await expect(shared.client.set('k', 'again')).resolves.toBe('OK');
    expect(states).toEqual([true, false, true]);
  });
});
