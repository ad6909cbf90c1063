/** Starts one contender in its own process (host.ts) from a driver: run.ts, cpu-ab.ts. */
import { fileURLToPath } from 'node:url';
import { NODE_FLAGS } from '../../server/heap.js';
import { startReadyChild } from '../measure/process.js';
import type { BenchAccount } from '../scenarios/types.js';
import type { ReadyMessage } from './types.js';

/** The gateway's rows run with the node flags its start commands carry (server/heap.ts). */
const nodeFlagsOf = (name: string): readonly string[] =>
  name === 'gateway' || name.startsWith('gateway-') ? NODE_FLAGS : [];

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
      nodeArgs: [...nodeFlagsOf(name), ...(options.nodeArgs ?? [])],
    },
  );
}
