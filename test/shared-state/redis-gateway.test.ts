import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../helpers/wait-for.js';
import { redisOrSkip, startRedis, type RedisServer } from '../helpers/redis.js';
import { startReplicas, type Replicas } from '../helpers/replicas.js';

const redis = redisOrSkip();

const up = async (url: string) => {
  const text = await (await fetch(`${url}/metrics`)).text();
  return /^redis_up (\d)/m.exec(text)?.[1];
};

describe.skipIf('skip' in redis)('a gateway with REDIS_URL', () => {
  let server: RedisServer;
  let stack: Replicas;

  beforeAll(async () => {
    server = await startRedis(redis as { path: string });
    stack = await startReplicas({ count: 1, seedUsers: 20, redisUrl: server.url });
  });
  afterAll(async () => {
    await stack?.close();
    await server?.stop();
  });

  it('shows the connection in /metrics, and keeps answering while Redis is down', async () => {
    const [replica] = stack.replicas;
    await waitFor(async () => (await up(replica!.url)) === '1', 'redis_up 1');

    await server.kill();
    await waitFor(async () => (await up(replica!.url)) === '0', 'redis_up 0');
    const answer = await replica!.execute<{ flexUsers: { nodes: unknown[] } }>(
      '{ flexUsers(first: 2) { nodes { sid } } }',
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.flexUsers.nodes).toHaveLength(2);

    await server.start();
    await waitFor(async () => (await up(replica!.url)) === '1', 'redis_up 1 again', 10_000);
  });
});
