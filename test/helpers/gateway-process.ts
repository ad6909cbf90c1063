import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { rootDir } from '../../server/root.js';

export interface GatewayProcess {
  graphqlUrl: string;
  /** SIGTERM: the gateway's graceful shutdown; SIGKILL: a crash. Resolves once it has exited. */
  stop(signal: 'SIGTERM' | 'SIGKILL'): Promise<void>;
}

/**
 * The gateway as its own process (server/main.ts through tsx), configured by `env` alone, for
 * what an in-process gateway cannot show: a replica that dies without running any of its code.
 */
export async function spawnGateway(env: Record<string, string>): Promise<GatewayProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: rootDir,
    env: { PATH: process.env.PATH, ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  const lines = createInterface({ input: child.stdout! });
  const graphqlUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the gateway did not start in 30 s')), 30_000);
    lines.on('line', (line) => {
      try {
        const fields = JSON.parse(line) as { graphqlUrl?: string };
        if (fields.graphqlUrl) {
          clearTimeout(timer);
          resolve(fields.graphqlUrl);
        }
      } catch {
        // not a log line
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the gateway exited (${code})`));
    });
  });
  // Keep reading, so a full pipe never blocks it.
  lines.on('line', () => undefined);
  return {
    graphqlUrl,
    stop: async (signal) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await exited;
    },
  };
}
