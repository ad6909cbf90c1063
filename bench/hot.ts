/**
 * The hot workload: a working set of people (the fixture's) read again and again, as a frontend
 * does, at a Twilio-like 20 ms of injected upstream latency. What a cross-request cache is for, so
 * the contenders are the ways to cache (or not) side by side, one after the other, each starting
 * cold:
 * - this gateway with CACHE_TTL_SECONDS=0 (nothing kept across requests);
 * - this gateway with its in-process cache (the default, 30 s);
 * - two replicas of this gateway sharing Redis, requests alternating between them;
 * - Hive Gateway (the `mesh` contender) with its response cache on Redis
 *   (@graphql-mesh/cache-redis), same TTL.
 * Figures per row: Twilio calls per 1,000 requests (from the emulator's log, the row's cold start
 * included), p50/p99 of requests sent one at a time, and ops/s with `connections` in flight.
 * Without redis-server the Redis rows are skipped with a note (CI installs it).
 */
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { findRedisServer, startRedis as startRedisServer } from '../test/helpers/redis.js';
import type { ReadyMessage } from './contenders/types.js';
import { startContenderProcess } from './contenders/start.js';
import type { ReadyChild } from './measure/process.js';
import { median, percentile } from './measure/stats.js';
import { callsOf, createEmulatorControl } from './measure/upstream.js';
import { firstDifference, sameJson } from './measure/workload.js';
import { hot } from './scenarios/profile.js';
import type { BenchAccount, Fixture } from './scenarios/types.js';

export interface HotOptions {
  quick: boolean;
  emulatorUrl: string;
  account: BenchAccount;
  fixture: Fixture;
  connections: number;
  log(message: string): void;
  /** Every child started is handed over, so the driver can stop it on an interrupt. */
  track(child: { stop(): Promise<void> }): void;
}

export interface HotRow {
  name: string;
  describe: string;
  skipped?: string;
  answer?: string;
  requests?: number;
  callsPer1000?: number;
  /** One call per distinct resource per TTL window the row lasted, per 1,000 of its requests. */
  floorPer1000?: number;
  p50?: number;
  p99?: number;
  opsPerSec?: number;
  p99UnderLoad?: number;
  errors?: number;
}

export interface HotResult {
  latencyMs: number;
  ttlSeconds: number;
  workingSet: number;
  sequential: number;
  loadSeconds: number;
  connections: number;
  rows: HotRow[];
}

const LATENCY_MS = 20;
const TTL_SECONDS = 30;
const KEY_SECRET = 'bench-key-secret-of-at-least-32-characters';

interface Target {
  url: string;
  kind: ReadyMessage['kind'];
  path: string;
}

interface Variant {
  name: string;
  describe: string;
  needsRedis: boolean;
  start(redisUrl: string | null): Promise<Target[]>;
}

// ---------------------------------------------------------------------------------------------
// Redis

/** A throwaway redis-server on a free loopback port (the tests' helper), or why there is none. */
async function startRedis(): Promise<{ url: string; stop(): Promise<void> } | { skip: string }> {
  const found = findRedisServer();
  if ('skip' in found) return found;
  return startRedisServer(found);
}

// ---------------------------------------------------------------------------------------------
// Load

async function send(target: Target, identity: string) {
  const started = performance.now();
  const body =
    target.kind === 'run' ? { identity } : { query: hot.steps[0]!.query, variables: { identity } };
  const response = await request(
    target.kind === 'run' ? `${target.url}/run/hot` : `${target.url}${target.path}`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    },
  );
  const text = await response.body.text();
  const ms = performance.now() - started;
  let parsed: { data?: unknown; errors?: unknown[] } = {};
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    // counted as an error below
  }
  const ok = response.statusCode === 200 && !parsed.errors?.length && parsed.data != null;
  return { ms, ok, data: parsed.data };
}

async function measure(
  options: HotOptions,
  targets: Target[],
  settings: { sequential: number; loadSeconds: number },
  reference: { data?: unknown },
): Promise<Omit<HotRow, 'name' | 'describe'>> {
  const control = createEmulatorControl(options.emulatorUrl);
  const people = options.fixture.people;
  const identity = (i: number) => people[i % people.length]!.identity;
  const target = (i: number) => targets[i % targets.length]!;
  await control.clearLog();
  const rowStarted = performance.now();
  let errors = 0;
  let answer = 'same';
  const ms: number[] = [];
  for (let i = 0; i < settings.sequential; i++) {
    const outcome = await send(target(i), identity(i));
    ms.push(outcome.ms);
    if (!outcome.ok) errors += 1;
    if (i === 0) {
      const normalized = hot.normalize ? hot.normalize(outcome.data) : outcome.data;
      if (reference.data === undefined) {
        reference.data = normalized;
        answer = 'reference';
      } else if (!sameJson(reference.data, normalized)) {
        answer = firstDifference(reference.data, normalized) ?? 'differs';
      }
    }
  }
  // Closed loop: `connections` requests always in flight, for loadSeconds.
  const underLoad: number[] = [];
  let next = settings.sequential;
  const until = performance.now() + settings.loadSeconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (performance.now() < until) {
        const i = next++;
        const outcome = await send(target(i), identity(i));
        underLoad.push(outcome.ms);
        if (!outcome.ok) errors += 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const requests = settings.sequential + underLoad.length;
  const calls = callsOf(await control.log(), options.account.accountSid).length;
  await control.clearLog();
  const resources = people.reduce(
    (sum, person) => sum + hot.floor(options.fixture, { identity: person.identity }).calls,
    0,
  );
  const windows = Math.ceil((performance.now() - rowStarted) / 1000 / TTL_SECONDS);
  return {
    answer,
    requests,
    callsPer1000: (calls / requests) * 1000,
    floorPer1000: ((resources * windows) / requests) * 1000,
    p50: median(ms),
    p99: percentile(ms, 99),
    opsPerSec: underLoad.length / elapsed,
    p99UnderLoad: percentile(underLoad, 99),
    errors,
  };
}

// ---------------------------------------------------------------------------------------------
// Contenders

export async function runHot(options: HotOptions): Promise<HotResult> {
  const settings = {
    sequential: options.quick ? 40 : 600,
    loadSeconds: options.quick ? 1 : 8,
  };
  const children: ReadyChild<ReadyMessage>[] = [];
  const startChild = async (name: string, label: string, env: Record<string, string>) => {
    const child = await startContenderProcess(name, options.emulatorUrl, options.account, {
      label,
      env,
    });
    children.push(child);
    options.track(child);
    return { url: child.ready.url, kind: child.ready.kind, path: child.ready.path };
  };
  const gateway = (label: string, env: Record<string, string>) =>
    startChild('gateway-lean', label, { BENCH_GATEWAY_ENV: JSON.stringify(env) });

  const variants: Variant[] = [
    {
      name: 'gateway, no cache',
      describe: 'CACHE_TTL_SECONDS=0: every request reads Twilio',
      needsRedis: false,
      start: async () => [await gateway('gateway-nocache', { CACHE_TTL_SECONDS: '0' })],
    },
    {
      name: 'gateway, in-process cache',
      describe: `one process, the default cache (bounded LRU), CACHE_TTL_SECONDS=${TTL_SECONDS}`,
      needsRedis: false,
      start: async () => [
        await gateway('gateway-local', { CACHE_TTL_SECONDS: String(TTL_SECONDS) }),
      ],
    },
    {
      name: 'gateway ×2, Redis',
      describe: 'two replicas sharing REDIS_URL, requests alternating between them',
      needsRedis: true,
      start: async (redisUrl) => {
        const env = {
          CACHE_TTL_SECONDS: String(TTL_SECONDS),
          REDIS_URL: redisUrl!,
          REDIS_KEY_SECRET: KEY_SECRET,
        };
        return [await gateway('gateway-redis-a', env), await gateway('gateway-redis-b', env)];
      },
    },
    {
      name: 'Hive Gateway, response cache on Redis',
      describe:
        'the mesh contender with useMeshResponseCache on @graphql-mesh/cache-redis (Flex v4, called over REST beside it, is not cached)',
      needsRedis: true,
      start: async (redisUrl) => [
        await startChild('mesh', 'mesh-redis', {
          BENCH_MESH_REDIS_URL: redisUrl!,
          BENCH_CACHE_TTL_SECONDS: String(TTL_SECONDS),
        }),
      ],
    },
  ];

  options.log('hot: building the gateway once for its four processes');
  execFileSync('npm', ['run', '--silent', 'build'], {
    cwd: fileURLToPath(new URL('../', import.meta.url)),
    stdio: 'inherit',
  });
  const redis = await startRedis();
  const control = createEmulatorControl(options.emulatorUrl);
  const rows: HotRow[] = [];
  const reference: { data?: unknown } = {};
  try {
    await control.setLatency(LATENCY_MS);
    for (const variant of variants) {
      const row: HotRow = { name: variant.name, describe: variant.describe };
      rows.push(row);
      if (variant.needsRedis && 'skip' in redis) {
        row.skipped = redis.skip;
        options.log(`hot: ${variant.name}: skipped, ${redis.skip}`);
        continue;
      }
      options.log(`hot: ${variant.name}`);
      const started = children.length;
      try {
        const targets = await variant.start('url' in redis ? redis.url : null);
        Object.assign(row, await measure(options, targets, settings, reference));
      } catch (error) {
        row.skipped = `failed: ${(error as Error).message.split('\n')[0]}`;
      } finally {
        // One variant at a time on the machine.
        await Promise.all(children.slice(started).map((child) => child.stop()));
      }
    }
  } finally {
    await control.setLatency(0);
    if ('stop' in redis) await redis.stop();
  }
  return {
    latencyMs: LATENCY_MS,
    ttlSeconds: TTL_SECONDS,
    workingSet: options.fixture.people.length,
    connections: options.connections,
    ...settings,
    rows,
  };
}

// ---------------------------------------------------------------------------------------------
// Report

const fixed = (value: number | undefined, digits: number) =>
  value === undefined ? '–' : value.toFixed(digits);

export function renderHot(result: HotResult): string {
  const lines = [
    `${HOT_START}`,
    '## Hot workload: the same people read again and again',
    '',
    `${result.workingSet} people (the profile read without presence fields), ${result.latencyMs} ms ` +
      `injected upstream latency, cache TTL ${result.ttlSeconds} s, each row starting cold: ` +
      `${result.sequential} requests one at a time (p50, p99), then ${result.loadSeconds} s with ` +
      `${result.connections} in flight (ops/s, p99 under load). Twilio calls counted from the ` +
      `emulator's log over all of the row's requests; the floor is one call per resource per TTL.`,
    '',
    '| contender | answer | requests | Twilio calls / 1,000 requests | floor / 1,000 | p50 ms | p99 ms | ops/s | p99 under load ms | errors |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const row of result.rows) {
    if (row.skipped) {
      lines.push(`| ${row.name} | not run: ${row.skipped} | | | | | | | | |`);
      continue;
    }
    lines.push(
      `| ${row.name} | ${row.answer} | ${row.requests} | ${fixed(row.callsPer1000, 1)} | ` +
        `${fixed(row.floorPer1000, 1)} | ` +
        `${fixed(row.p50, 1)} | ${fixed(row.p99, 1)} | ${fixed(row.opsPerSec, 0)} | ` +
        `${fixed(row.p99UnderLoad, 1)} | ${row.errors} |`,
    );
  }
  lines.push('', ...result.rows.map((row) => `- **${row.name}**: ${row.describe}`), HOT_END);
  return lines.join('\n');
}

const HOT_START = '<!-- hot workload: written by bench/hot.ts -->';
const HOT_END = '<!-- end of hot workload -->';

/** Puts the hot section into latest.md, replacing only a previous hot section. */
export async function writeHotSection(result: HotResult, directory: URL): Promise<string> {
  const file = new URL('latest.md', directory);
  let text = '';
  try {
    text = await readFile(file, 'utf8');
  } catch {
    // no results yet
  }
  const start = text.indexOf(HOT_START);
  const end = text.indexOf(HOT_END);
  const before = start >= 0 ? text.slice(0, start) : `${text.trimEnd()}\n\n`;
  const after = start >= 0 && end > start ? text.slice(end + HOT_END.length) : '\n';
  await writeFile(file, `${before}${renderHot(result)}${after}`);
  return file.pathname;
}
