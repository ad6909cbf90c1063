import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/**
 * A gateway started in a process of its own, which prints the Redis packages it has loaded by
 * then. Its own process, since this test worker may have loaded them for other tests.
 */
async function redisPackagesLoaded(env: Record<string, string>): Promise<string[]> {
  const script = `
    import { createRequire } from 'node:module';
    const { loadConfig, startGateway } = await import('./server/index.ts');
    const gateway = await startGateway(loadConfig(${JSON.stringify({
      TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
      TWILIO_AUTH_TOKEN: 'x'.repeat(32),
      TWILIO_FLEX_API_URL: 'http://127.0.0.1:9',
      TWILIO_CONVERSATIONS_API_URL: 'http://127.0.0.1:9',
      TWILIO_CHAT_API_URL: 'http://127.0.0.1:9',
      TWILIO_TASKROUTER_API_URL: 'http://127.0.0.1:9',
      AUTH_OPEN: 'true',
      LOG_LEVEL: 'silent',
      HOST: '127.0.0.1',
      PORT: '0',
      ...env,
    })}));
    const loaded = Object.keys(createRequire(process.cwd() + '/').cache)
      .map((file) => /node_modules\\/(ioredis|redis-semaphore)\\//.exec(file)?.[1])
      .filter(Boolean);
    await gateway.close();
    console.log(JSON.stringify([...new Set(loaded)].sort()));
    process.exit(0);
  `;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script],
    { cwd: new URL('../../', import.meta.url), timeout: 60_000 },
  );
  return JSON.parse(stdout.trim().split('\n').pop() ?? '[]') as string[];
}

describe('the Redis client packages', () => {
  it('are not loaded by a gateway without REDIS_URL (about 15 MiB of RSS it never uses)', async () => {
    expect(await redisPackagesLoaded({})).toEqual([]);
  });

  it('are loaded once REDIS_URL is set', async () => {
    // Nothing listens there: the connection fails in the background, which is all this needs.
    expect(
      await redisPackagesLoaded({
        REDIS_URL: 'redis://127.0.0.1:9',
        REDIS_KEY_SECRET: 'k'.repeat(32),
      }),
    ).toEqual(['ioredis', 'redis-semaphore']);
  });
});
