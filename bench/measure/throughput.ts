/**
 * Throughput at a fixed concurrency: runs measure/load.ts (autocannon) in its own process so the
 * load generator neither shares the driver's event loop nor gets imported into it.
 */
import { fileURLToPath } from 'node:url';
import type { LoadConfig, LoadResult } from './load-types.js';
import { runChild } from './process.js';

const LOAD_SCRIPT = fileURLToPath(new URL('./load.ts', import.meta.url));

export async function measureThroughput(config: LoadConfig): Promise<LoadResult> {
  const stdout = await runChild(
    LOAD_SCRIPT,
    { BENCH_LOAD: JSON.stringify(config) },
    {
      label: `load ${config.scenario}`,
      timeoutMs: (config.durationSec + config.warmupSec) * 1000 + 30_000,
    },
  );
  const line = stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as LoadResult;
}
