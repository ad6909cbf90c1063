/**
 * This gateway as `npm start` runs it: `npm run build` bundles it into dist/, then
 * `node --enable-source-maps dist/main.mjs` runs in its own process, configured only through its
 * environment. Its RSS and CPU are then the gateway's own, not the driver's, and a bench figure
 * is what a deployment would see. Used by the back-office benches (reconciliation, offboarding,
 * bulk), which run with the default configuration.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { NODE_FLAGS } from '../../server/heap.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** `npm run build` once per driver: every gateway the driver starts runs the same bundle. */
export function buildGateway(): void {
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
}

/** A free loopback port: main.mjs logs its URL only at info level, so the driver picks the port. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export interface GatewayProcess {
  pid: number;
  url: string;
  graphqlUrl: string;
  /** The last lines it wrote to stderr (warnings, the audit trail), for error messages. */
  stderrTail(): string;
  /** SIGTERM (it finishes in-flight requests), then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

const running = new Set<GatewayProcess>();
// main.mjs has no stdin lifeline: a driver that dies must not leave its gateway behind.
process.once('exit', () => {
  for (const gateway of running) process.kill(gateway.pid, 'SIGKILL');
});

/** Starts dist/main.mjs (build it first) and waits until GET /ready answers 200. */
export async function startGatewayProcess(
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<GatewayProcess> {
  const port = await freePort();
  const childEnv: Record<string, string | undefined> = {
    ...process.env,
    ...env,
    PORT: String(port),
  };
  delete childEnv.TWILIO_REGION;
  delete childEnv.TWILIO_EDGE;
  const child = spawn(process.execPath, ['--enable-source-maps', ...NODE_FLAGS, 'dist/main.mjs'], {
    cwd: root,
    env: childEnv,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const stderr: string[] = [];
  createInterface({ input: child.stderr }).on('line', (line) => {
    stderr.push(line);
    if (stderr.length > 40) stderr.shift();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const gateway: GatewayProcess = {
    pid: child.pid ?? 0,
    url,
    graphqlUrl: `${url}/graphql`,
    stderrTail: () => stderr.join('\n'),
    stop: async (graceMs = 5_000) => {
      running.delete(gateway);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
  running.add(gateway);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(
        `gateway exited (${child.exitCode}) before it was ready\n${gateway.stderrTail()}`,
      );
    }
    try {
      if ((await fetch(`${url}/ready`)).ok) return gateway;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await gateway.stop(1_000);
      throw new Error(`gateway not ready after ${timeoutMs} ms\n${gateway.stderrTail()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
