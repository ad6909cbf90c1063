/** Starts one contender in its own process (host.ts) from a driver: run.ts, cpu-ab.ts. */
import { fileURLToPath } from 'node:url';
import { startReadyChild } from '../measure/process.js';
import type { BenchAccount } from '../scenarios/types.js';
import type { ReadyMessage } from './types.js';

export function startContenderProcess(
  name: string,
  emulatorUrl: string,
  account: BenchAccount,
  options: { label?: string; env?: Record<string, string>; nodeArgs?: string[] } = {},
) {
  return startReadyChild<ReadyMessage>(
    fileURLToPath(new URL('./host.ts', import.meta.url)),
    [name],
    {
      BENCH_CONFIG: JSON.stringify({ emulatorUrl, account }),
      NODE_ENV: 'production',
      // The driver builds dist/ once (two gateway rows building at once would race).
      BENCH_SKIP_BUILD: '1',
      ...options.env,
    },
    {
      label: options.label ?? name,
      timeoutMs: 120_000,
      // Plain JavaScript, as a deployment runs: tsx's loader thread would add ~70 MiB of RSS.
      bundle: [fileURLToPath(new URL(`./${name}.ts`, import.meta.url))],
      ...(options.nodeArgs ? { nodeArgs: options.nodeArgs } : {}),
    },
  );
}
