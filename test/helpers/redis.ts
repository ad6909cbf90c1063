// A real redis-server per test file, on a free loopback port, stopped by its PID. `npm test` never
// installs one: without redis-server the Redis tests skip with one line saying why. CI installs
// Debian's (.ci/install-redis.sh) and sets REQUIRE_REDIS=1, which turns the skip into a failure.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';

export type RedisLookup = { path: string } | { skip: string };

/** `REDIS_SERVER` when set, else `redis-server` on the PATH. */
export function findRedisServer(env: NodeJS.ProcessEnv = process.env): RedisLookup {
  const path = env.REDIS_SERVER?.trim() || 'redis-server';
  const probe = spawnSync(path, ['--version'], { encoding: 'utf8' });
  if (probe.status === 0) return { path };
  return {
    skip:
      `no ${path} found: install Debian's redis-server ` +
      '(sh .ci/install-redis.sh, as root) or set REDIS_SERVER=/path/to/redis-server',
  };
}

let warned = false;

/**
 * {@link findRedisServer} for a test file: on a skip it prints one line (once per process), and
 * with `REQUIRE_REDIS=1` it throws instead. Use as `describe.skipIf('skip' in redis)(...)`.
 */
export function redisOrSkip(env: NodeJS.ProcessEnv = process.env): RedisLookup {
  const found = findRedisServer(env);
  if (!('skip' in found)) return found;
  if (env.REQUIRE_REDIS === '1') throw new Error(`REQUIRE_REDIS=1, but ${found.skip}`);
  if (!warned) {
    warned = true;
    console.warn(`Skipping the Redis tests: ${found.skip}.`);
  }
  return found;
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

export interface RedisServer {
  url: string;
  port: number;
  /** Stops the server (SIGKILL: as a crash looks to its clients); `start` brings it back on the same port. */
  kill(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts redis-server with nothing persisted, and waits until it accepts connections. */
export async function startRedis(
  lookup: { path: string },
  password?: string,
): Promise<RedisServer> {
  const port = await freePort();
  let child: ChildProcess | null = null;

  const start = async () => {
    const args = [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
    ];
    if (password) args.push('--requirepass', password);
    const proc = spawn(lookup.path, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`redis-server did not start:\n${output}`)),
        10_000,
      );
      proc.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
      proc.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited (${code}):\n${output}`));
      });
    });
    // Keep draining its output so it never blocks on a full pipe.
    proc.stdout?.resume();
    proc.stderr?.resume();
  };

  const halt = async (signal: NodeJS.Signals) => {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    proc.kill(signal);
    await once(proc, 'exit');
  };

  await start();
  const auth = password ? `:${encodeURIComponent(password)}@` : '';
  return {
    url: `redis://${auth}127.0.0.1:${port}`,
    port,
    kill: () => halt('SIGKILL'),
    start,
    stop: () => halt('SIGTERM'),
  };
}
