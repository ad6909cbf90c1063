/**
 * What the shared per-account budget costs a call: a slot taken and given back, in process only
 * (no REDIS_URL) and through a local Redis (redis-semaphore plus the pause check), one at a time
 * (the latency each call pays) and 32 at once (what a wave pays), with the cap never reached.
 *
 *   npm run bench:budget [-- --calls 5000]
 *
 * Needs redis-server on the PATH (or REDIS_SERVER), as the Redis tests do.
 */
import { parseArgs } from 'node:util';
import { createBudget, type Budget } from '../datasources/budget.js';
import { connectRedis } from '../datasources/redis.js';
import { createSharedBudget } from '../datasources/shared-budget.js';
import { findRedisServer, startRedis } from '../test/helpers/redis.js';
import { median, percentile } from './measure/stats.js';

const { values } = parseArgs({ options: { calls: { type: 'string', default: '5000' } } });
const calls = Number(values.calls);
const ACCOUNT = `AC${'0'.repeat(32)}`;
const never = new AbortController().signal;

async function take(budget: Budget): Promise<number> {
  const started = performance.now();
  const grant = await budget.acquire(ACCOUNT, never, 10_000);
  if (!('release' in grant)) throw new Error('paused');
  const ms = performance.now() - started;
  grant.release();
  return ms;
}

async function measure(budget: Budget, wave: number): Promise<number[]> {
  for (let i = 0; i < 200; i += 1) await take(budget); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < calls; i += wave) {
    samples.push(...(await Promise.all(Array.from({ length: wave }, () => take(budget)))));
  }
  return samples;
}

const lookup = findRedisServer();
if ('skip' in lookup) throw new Error(lookup.skip);
const server = await startRedis(lookup);
const redis = connectRedis({ url: server.url, commandTimeoutMs: 200 });
while (!redis.isUp()) await new Promise((resolve) => setTimeout(resolve, 10));

const limits = { accountConcurrency: 1000, totalConcurrency: 4096 };
const local = createBudget(limits, null);
const sharedBudget = createSharedBudget({ redis, accountConcurrency: 1000, leaseMs: 11_000 });
const shared = createBudget(limits, sharedBudget);

const rows: string[] = [];
for (const [name, budget] of [
  ['in process (no REDIS_URL)', local],
  ['shared through Redis', shared],
] as const) {
  for (const wave of [1, 32]) {
    const samples = await measure(budget, wave);
    const fmt = (ms: number) => `${(ms * 1000).toFixed(0)} µs`;
    rows.push(`| ${name} | ${wave} | ${fmt(median(samples))} | ${fmt(percentile(samples, 99))} |`);
  }
}
console.log(
  `Time to get a slot of an account's budget (${calls} calls, node ${process.version})\n`,
);
console.log('| budget | calls at once | p50 | p99 |');
console.log('| --- | --- | --- | --- |');
for (const row of rows) console.log(row);

// Each shared slot must have cost its round trips: otherwise the run measured the local fallback.
const stats = await redis.client.info('commandstats');
const evals = Number(/cmdstat_evalsha:calls=(\d+)/.exec(stats)?.[1] ?? 0);
const sharedSlots = 2 * (calls + 200);
if (evals < sharedSlots) {
  throw new Error(`only ${evals} semaphore calls for ${sharedSlots} slots: Redis was not used`);
}
console.log(
  `\nRedis commands per slot: ${(evals / sharedSlots).toFixed(2)} semaphore acquire, 1 PTTL, 1 ZREM`,
);

await shared.close();
await redis.close();
await server.stop();
