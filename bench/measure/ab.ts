/**
 * Interleaved A/B of gateway builds on latency over the wire and peak RSS, for one change at a
 * time: `npx tsx bench/measure/ab.ts --builds=a=.ab-a,b=.ab-b [--scenarios=profile,overlap,roster]
 * [--latency=20] [--iterations=40] [--repeats=3] [--throughput=5] [--timeline]`.
 *
 * Each build is a copy of dist/ one level below the repository (so the bundle finds schema/ and
 * node_modules/), run by ab-host.mjs without tsx, as `npm start` runs it. Per iteration, the wire
 * floor (the first build's calls sent straight to the emulator) and every build take their turn,
 * rotated; `p50 − wire` is reported per repeat, with the median and spread over repeats.
 * `--throughput=S` then runs autocannon (10 connections, S seconds per build, interleaved) at 0 ms
 * and reports CPU ms/op and peak RSS (VmHWM, reset before). `--timeline` breaks each request down
 * (timeline-hook.mjs): where the time between "request in" and "response out" went.
 * Settings for every build: BENCH_GATEWAY_ENV (JSON); for one: --env-<label>=<json>.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { NODE_FLAGS } from '../../server/heap.js';
import { scenarioByName } from '../scenarios/index.js';
import type { BenchAccount } from '../scenarios/types.js';
import { buildSync } from 'esbuild';
import { benchDir, startReadyChild, type ReadyChild } from './process.js';
import { peakRssMiB, resetPeakRss } from './rss.js';
import { median, percentile } from './stats.js';
import { measureThroughput } from './throughput.js';
import { buildFixture } from './fixture.js';
import { ACCOUNT_CONCURRENCY, callsOf, createEmulatorControl } from './upstream.js';
import type { LoggedRequest } from './upstream.js';
import type { TimelineCall, TimelineEntry } from './timeline-hook.js';
import { createWireReplay } from './wire.js';
import { runWorkload } from './workload.js';

const argv = process.argv.slice(2);
const option = (name: string) =>
  argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const num = (name: string, fallback: number) => Number(option(name) ?? fallback);
const repo = fileURLToPath(new URL('../../', import.meta.url));

const builds = (option('builds') ?? 'a=dist').split(',').map((spec) => {
  const [label, dir] = spec.split('=') as [string, string];
  return { label, dir: resolve(repo, dir), env: option(`env-${label}`) ?? '{}' };
});
const scenarioNames = (option('scenarios') ?? 'profile,overlap,roster').split(',');
const latencyMs = num('latency', 20);
const iterations = num('iterations', 40);
const warmup = num('warmup', 5);
const repeats = num('repeats', 3);
const throughputSec = num('throughput', 0);
const rounds = num('rounds', 2);
const timeline = argv.includes('--timeline');
const timelineDir = fileURLToPath(new URL('../results/ab/', import.meta.url));

interface Ready {
  url: string;
  path: string;
}

const children: ReadyChild<unknown>[] = [];

async function main() {
  const emulator = await startReadyChild<{ url: string; accounts: BenchAccount[] }>(
    fileURLToPath(new URL('../emulator.ts', import.meta.url)),
    [option('seed-users') ?? '2000'],
    {},
    { label: 'emulator', timeoutMs: 120_000 },
  );
  children.push(emulator);
  const account = emulator.ready.accounts[0]!;
  const control = createEmulatorControl(emulator.ready.url);
  const fixture = await buildFixture(emulator.ready.url, account);

  mkdirSync(timelineDir, { recursive: true });
  const host = join(benchDir, '.bundles', 'ab-host.js');
  buildSync({
    entryPoints: [fileURLToPath(new URL('./ab-host.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: host,
    logLevel: 'warning',
  });
  const gateways = [];
  for (const build of builds) {
    const file = join(timelineDir, `timeline-${build.label}.jsonl`);
    rmSync(file, { force: true });
    const child = await startReadyChild<Ready>(
      host,
      [build.dir],
      {
        BENCH_CONFIG: JSON.stringify({ emulatorUrl: emulator.ready.url, account }),
        NODE_ENV: 'production',
        BENCH_GATEWAY_ENV: JSON.stringify({
          ...(JSON.parse(process.env.BENCH_GATEWAY_ENV ?? '{}') as object),
          ...(JSON.parse(build.env) as object),
        }),
        ...(timeline ? { TIMELINE_FILE: file } : {}),
        ...(throughputSec > 0 ? { MEMORY_FILE: file.replace(/\.jsonl$/, '-memory.json') } : {}),
      },
      {
        label: build.label,
        timeoutMs: 60_000,
        tsx: false,
        nodeArgs: [
          // As the gateway's start commands run it (server/heap.ts).
          ...NODE_FLAGS,
          ...(option(`node-args-${build.label}`)?.split(' ') ?? []),
          ...(argv.includes('--cpu-prof')
            ? ['--cpu-prof', '--cpu-prof-dir', join(timelineDir, 'profiles', build.label)]
            : []),
        ],
      },
    );
    children.push(child);
    gateways.push({
      ...build,
      child,
      file,
      endpoint: { name: build.label, kind: 'graphql' as const, ...child.ready },
    });
  }

  const replay = createWireReplay(emulator.ready.url, account);
  for (const name of scenarioNames) {
    const scenario = scenarioByName(name);
    await control.setLatency(latencyMs);
    const perRepeat: Record<string, number[]> = {};
    const wires: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const ms: Record<string, number[]> = { wire: [] };
      let reference: LoggedRequest[] | undefined;
      for (let i = -warmup; i < iterations; i++) {
        const turns = ['wire', ...gateways.map((g) => g.label)];
        const shift = (i + warmup) % turns.length;
        for (const turn of [...turns.slice(shift), ...turns.slice(0, shift)]) {
          await control.clearLog();
          if (turn === 'wire') {
            if (!reference) continue;
            const took = await replay(reference);
            if (i >= 0) ms.wire!.push(took);
            continue;
          }
          const gateway = gateways.find((g) => g.label === turn)!;
          const input = scenario.input(fixture, i + warmup, `ab-${turn}`);
          const outcome = await runWorkload(gateway.endpoint, scenario, input);
          if (outcome.errors.length) throw new Error(`${turn} ${name}: ${outcome.errors[0]}`);
          if (gateway === gateways[0]) reference = callsOf(await control.log(), account.accountSid);
          if (i >= 0) (ms[turn] ??= []).push(outcome.ms);
        }
      }
      const wire = median(ms.wire!);
      wires.push(wire);
      for (const g of gateways) (perRepeat[g.label] ??= []).push(median(ms[g.label]!) - wire);
    }
    const row = gateways.map((g) => {
      const d = perRepeat[g.label]!;
      return `${g.label} ${fmt(median(d))} [${d.map(fmt).join(' ')}]`;
    });
    console.log(
      `${name} @${latencyMs}ms  wire p50 ${fmt(median(wires))}  p50 − wire: ${row.join('  ·  ')}`,
    );
    for (const g of gateways) {
      if (!timeline || !existsSync(g.file)) continue;
      const kept = g.file.replace(/\.jsonl$/, `-${name}.jsonl`);
      renameSync(g.file, kept);
      console.log(`${g.label} ${name} timeline (ms):\n${summarize(kept)}`);
    }
  }

  if (throughputSec > 0) {
    for (const name of scenarioNames) {
      await control.setLatency(0);
      const figures: Record<string, { cpu: number[]; rss: number[]; ops: number[] }> = {};
      for (let round = 0; round < rounds; round++) {
        for (const g of round % 2 ? [...gateways].reverse() : gateways) {
          await resetPeakRss(g.child.pid);
          const result = await measureThroughput({
            url: g.endpoint.url,
            path: g.endpoint.path,
            kind: 'graphql',
            scenario: name,
            fixture,
            connections: 10,
            durationSec: throughputSec,
            warmupSec: round === 0 ? 1 : 0,
            tag: `ab-${g.label}-t${round}`,
            pid: g.child.pid,
          });
          const failures = result.non2xx + result.errors + result.timeouts + result.graphqlErrors;
          if (failures > 0) console.log(`${g.label} ${name}: ${failures} failed requests`);
          const f = (figures[g.label] ??= { cpu: [], rss: [], ops: [] });
          f.cpu.push(result.cpuMsPerWorkload ?? Number.NaN);
          f.ops.push(result.workloadsPerSec);
          f.rss.push((await peakRssMiB(g.child.pid)) ?? Number.NaN);
          await control.clearLog();
        }
      }
      const row = gateways.map((g) => {
        const f = figures[g.label]!;
        return `${g.label} cpu ${f.cpu.map(fmt).join('/')} ms/op, ops/s ${f.ops.map((x) => x.toFixed(0)).join('/')}, peak RSS ${f.rss.map((x) => x.toFixed(0)).join('/')} MiB`;
      });
      console.log(`${name} throughput @0ms: ${row.join('  ·  ')}`);
    }
    await new Promise((done) => setTimeout(done, 1200));
    for (const g of gateways) {
      const memory = g.file.replace(/\.jsonl$/, '-memory.json');
      if (existsSync(memory))
        console.log(`${g.label} peak memoryUsage (MiB): ${readFileSync(memory, 'utf8')}`);
    }
  }
}

const fmt = (x: number) => (x >= 0 ? '+' : '') + x.toFixed(2);

/** Medians over the recorded requests of each phase of a request, in ms. */
function summarize(file: string): string {
  const entries = readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Required<Pick<TimelineEntry, 'in' | 'out'>> & TimelineEntry)
    .filter((e) => e.calls.length > 0 && e.calls.every((c) => c.done !== undefined));
  const phases: Record<string, number[]> = {};
  const add = (name: string, value: number) => (phases[name] ??= []).push(value);
  for (const e of entries) {
    const calls = [...e.calls].sort((a, b) => a.create - b.create);
    // Waves as groupWaves makes them: a call created after some call of the current wave finished
    // starts a new one, unless the account's budget was full then (it waited for a slot).
    const waves: TimelineCall[][] = [];
    let firstDone = -Infinity;
    for (const call of calls) {
      const sentEarly = waves.at(-1)?.filter((c) => c.create < firstDone).length ?? 0;
      if (waves.length === 0 || (call.create >= firstDone && sentEarly < ACCOUNT_CONCURRENCY)) {
        waves.push([call]);
        firstDone = call.done!;
      } else {
        waves.at(-1)!.push(call);
        firstDone = Math.min(firstDone, call.done!);
      }
    }
    add('total (in → out)', e.out - e.in);
    add('new connections', e.connects ?? 0);
    add('in → first call created', calls[0]!.create - e.in);
    waves.forEach((wave, w) => {
      const created = wave.map((c) => c.create);
      const sent = wave.map((c) => c.sent ?? c.create);
      const done = wave.map((c) => c.done!);
      add(`wave ${w + 1}: calls`, wave.length);
      add(`wave ${w + 1}: first → last created`, Math.max(...created) - Math.min(...created));
      add(
        `wave ${w + 1}: created → sent (max)`,
        Math.max(...wave.map((c) => (c.sent ?? c.create) - c.create)),
      );
      add(`wave ${w + 1}: first sent → last done`, Math.max(...done) - Math.min(...sent));
      add(
        `wave ${w + 1}: headers → done (max)`,
        Math.max(...wave.map((c) => c.done! - c.headers!)),
      );
      if (w > 0)
        add(
          `wave ${w}→${w + 1}: last done → first created`,
          Math.min(...created) - Math.max(...waves[w - 1]!.map((c) => c.done!)),
        );
    });
    add('last call done → out', e.out - Math.max(...calls.map((c) => c.done!)));
  }
  return Object.entries(phases)
    .map(
      ([name, v]) =>
        `  ${name.padEnd(40)} p50 ${median(v).toFixed(2)}  p90 ${percentile(v, 90).toFixed(2)}`,
    )
    .join('\n');
}

try {
  await main();
} finally {
  await Promise.all(children.map((c) => c.stop()));
}
