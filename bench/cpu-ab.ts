/**
 * CPU per request of two builds of the gateway, side by side on a busy machine:
 * `npx tsx bench/cpu-ab.ts [--base=HEAD~1] [--scenario=profile] [--contender=gateway]
 *  [--rounds=12] [--requests=300] [--concurrency=4] [--seed-users=200]`
 *
 * Builds `--base` (a git revision, exported with `git archive` into a temp dir and bundled with
 * the same esbuild command as `npm run build`) and the working tree, starts both against one
 * emulator (latency 0), then alternates them round by round (ABBA…), each round `--requests`
 * workloads at `--concurrency` in flight, reading each gateway process's CPU time (user + system
 * from /proc) around the round. Other engineers' test suites move both sides alike within a
 * round pair, so the per-round B ÷ A ratio is the figure; its median and spread are printed.
 * `--base=dist:<dir>` uses an already built directory instead. `--cpu-prof=<dir>` runs the working
 * tree's side under `node --cpu-prof` (profile in <dir> when it stops; read it with
 * `profile-top.ts --skip-ms=…` to leave start-up out). `--env-a=<json>` / `--env-b=<json>` add
 * gateway settings to one side (through BENCH_GATEWAY_ENV): with `--base=HEAD` on a clean tree,
 * both sides are the same code and the ratio is what one setting costs. `--node-args-a=` /
 * `--node-args-b=` (space-separated) do the same for node's own flags (V8's heap settings).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Pool } from 'undici';
import { startContenderProcess } from './contenders/start.js';
import type { ReadyMessage } from './contenders/types.js';
import { buildFixture } from './measure/fixture.js';
import { cpuMs } from './measure/cpu.js';
import { startReadyChild, type ReadyChild } from './measure/process.js';
import { median, percentile } from './measure/stats.js';
import { scenarioByName } from './scenarios/index.js';
import type { BenchAccount, Fixture, Scenario } from './scenarios/types.js';

const argv = process.argv.slice(2);
const option = (name: string, fallback: string) =>
  argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const base = option('base', 'HEAD~1');
const scenario = scenarioByName(option('scenario', 'profile'));
const contenderName = option('contender', 'gateway');
const rounds = Number(option('rounds', '12'));
const requests = Number(option('requests', '300'));
const concurrency = Number(option('concurrency', '4'));
const seedUsers = option('seed-users', '200');
const cpuProfDir = option('cpu-prof', '');
const sideEnv = { A: option('env-a', ''), B: option('env-b', '') };
const sideNodeArgs = { A: option('node-args-a', ''), B: option('node-args-b', '') };

const root = fileURLToPath(new URL('../', import.meta.url));
const log = (message: string) => process.stderr.write(`[cpu-ab] ${message}\n`);

/** The same bundle as `npm run build`'s index entry, of `revision`, in a temp dir. */
function buildRevision(revision: string): { dist: string; cleanup: () => void } {
  if (revision.startsWith('dist:')) return { dist: revision.slice(5), cleanup: () => {} };
  const dir = mkdtempSync(join(os.tmpdir(), 'cpu-ab-'));
  execFileSync('sh', ['-c', `git archive ${revision} | tar -x -C ${JSON.stringify(dir)}`], {
    cwd: root,
  });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  mkdirSync(join(dir, 'dist'));
  esbuild(dir);
  return { dist: join(dir, 'dist'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function esbuild(cwd: string) {
  execFileSync(
    join(root, 'node_modules/.bin/esbuild'),
    [
      'index=server/index.ts',
      '--bundle',
      '--platform=node',
      '--format=esm',
      '--packages=external',
      '--target=node20',
      '--outdir=dist',
      '--out-extension:.js=.mjs',
      '--log-level=warning',
    ],
    { cwd, stdio: 'inherit' },
  );
}

interface Side {
  label: string;
  child: ReadyChild<ReadyMessage>;
  pool: Pool;
  perOp: number[];
}

async function startSide(
  side: 'A' | 'B',
  label: string,
  dist: string,
  emulatorUrl: string,
  account: BenchAccount,
  nodeArgs?: string[],
): Promise<Side> {
  const extra = sideEnv[side];
  const args = [...(nodeArgs ?? []), ...sideNodeArgs[side].split(' ').filter(Boolean)];
  const child = await startContenderProcess(contenderName, emulatorUrl, account, {
    label,
    env: { BENCH_GATEWAY_DIST: dist, ...(extra ? { BENCH_GATEWAY_ENV: extra } : {}) },
    ...(args.length > 0 ? { nodeArgs: args } : {}),
  });
  const pool = new Pool(child.ready.url, { connections: concurrency, pipelining: 1 });
  return { label, child, pool, perOp: [] };
}

let counter = 0;
async function oneWorkload(side: Side, fixture: Fixture, s: Scenario) {
  const input = s.input(fixture, counter++, `ab${counter}`);
  const previous: Record<string, unknown> = {};
  for (const step of s.steps) {
    const response = await side.pool.request({
      method: 'POST',
      path: side.child.ready.path,
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...side.child.ready.headers,
      },
      body: JSON.stringify({ query: step.query, variables: step.variables(input, previous) }),
    });
    const body = (await response.body.json()) as { data?: unknown; errors?: { message: string }[] };
    if (response.statusCode !== 200 || body.errors?.length) {
      throw new Error(
        `${side.label}: HTTP ${response.statusCode} ${body.errors?.[0]?.message ?? ''}`,
      );
    }
    previous[step.name] = body.data;
  }
}

async function round(side: Side, fixture: Fixture, measured: boolean) {
  const before = cpuMs(side.child.pid);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        next += 1;
        await oneWorkload(side, fixture, scenario);
      }
    }),
  );
  const after = cpuMs(side.child.pid);
  if (measured && before !== null && after !== null) {
    side.perOp.push(((after - before) * 1000) / requests);
  }
}

const stops: (() => Promise<void>)[] = [];
try {
  log(`building ${base} and the working tree…`);
  const a = buildRevision(base);
  stops.push(() => Promise.resolve(a.cleanup()));
  // The working tree's bundle, copied aside (beside node_modules, as in a checkout) so that
  // editing the sources while this runs changes neither side.
  esbuild(root);
  const current = mkdtempSync(join(os.tmpdir(), 'cpu-ab-head-'));
  stops.push(() => Promise.resolve(rmSync(current, { recursive: true, force: true })));
  symlinkSync(join(root, 'node_modules'), join(current, 'node_modules'));
  // The bundle reads the SDL from ../schema at start-up.
  for (const dir of ['dist', 'schema']) {
    execFileSync('cp', ['-r', join(root, dir), join(current, dir)]);
  }

  const emulator = await startReadyChild<{ url: string; accounts: BenchAccount[] }>(
    fileURLToPath(new URL('./emulator.ts', import.meta.url)),
    [seedUsers],
    {},
    { label: 'emulator', timeoutMs: 120_000 },
  );
  stops.push(() => emulator.stop());
  const account = emulator.ready.accounts[0]!;
  const fixture = await buildFixture(emulator.ready.url, account);
  const sides = [
    await startSide('A', `A ${base}`, a.dist, emulator.ready.url, account),
    await startSide(
      'B',
      'B working tree',
      join(current, 'dist'),
      emulator.ready.url,
      account,
      cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', cpuProfDir] : undefined,
    ),
  ];
  for (const side of sides) stops.push(() => side.child.stop());
  for (const side of sides) await round(side, fixture, false); // warm-up (JIT, pools)
  for (let i = 0; i < rounds; i++) {
    // ABBA: neither side always runs first after a pause.
    const order = i % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) await round(side, fixture, true);
  }
  const [A, B] = sides as [Side, Side];
  const ratios = A.perOp.map((v, i) => B.perOp[i]! / v);
  const describe = (values: number[], digits = 0) =>
    `median ${median(values).toFixed(digits)}, p25 ${percentile(values, 25).toFixed(digits)}, p75 ${percentile(values, 75).toFixed(digits)}`;
  process.stdout.write(
    [
      `cpu-ab: ${scenario.name}, ${contenderName}, ${rounds} rounds × ${requests} workloads at ${concurrency} in flight`,
      ...Object.entries(sideEnv)
        .filter(([, env]) => env)
        .map(([side, env]) => `settings of ${side}: ${env}`),
      ...Object.entries(sideNodeArgs)
        .filter(([, args]) => args)
        .map(([side, args]) => `node flags of ${side}: ${args}`),
      `A ${base}: CPU µs/op ${describe(A.perOp)}`,
      `B working tree: CPU µs/op ${describe(B.perOp)}`,
      `B ÷ A per round: ${describe(ratios, 3)}`,
      '',
    ].join('\n'),
  );
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  for (const stop of stops.reverse()) await stop();
}
