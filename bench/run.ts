/**
 * The benchmark: `tsx bench/run.ts [--quick]` (install its packages first:
 * `npm ci --prefix bench`).
 *
 * Starts the Twilio emulator and each contender in its own process, then, for every workload:
 * 1. checks every contender gives the same answer as the reference one;
 * 2. at each injected upstream latency (0 and 20 ms), runs the workload one at a time, the
 *    contenders interleaved run by run (ABAB…), recording latency and, from the emulator's
 *    request log, upstream calls and sequential waves;
 * 3. measures throughput with autocannon at a fixed concurrency for a bounded time, interleaved
 *    by rounds, and the peak RSS of each contender's process.
 * Prints the table, writes bench/results/latest.md and latest.json, and stops every process.
 *
 * Options: --quick, --contenders=a,b, --scenarios=a,b, --seed-users=N, --iterations=N,
 * --duration=S (autocannon seconds), --connections=N, --rounds=N, --no-throughput,
 * --no-hot (skip the hot workload, hot.ts), --hot-only (only it: replaces only its section of latest.md),
 * --cpu-prof=a,b (run those contenders with `node --cpu-prof`; profiles in bench/results/profiles/<contender>/).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startContenderProcess } from './contenders/start.js';
import { CONTENDER_NAMES, DEFAULT_CONTENDERS, type ReadyMessage } from './contenders/types.js';
import { renderHot, runHot, writeHotSection } from './hot.js';
import { measureThroughput } from './measure/throughput.js';
import { benchDir, startReadyChild, type ReadyChild } from './measure/process.js';
import { peakRssMiB, resetPeakRss } from './measure/rss.js';
import { max, median, min, percentile } from './measure/stats.js';
import {
  callsOf,
  countWaves,
  createEmulatorControl,
  wavesFromLatency,
  type LoggedRequest,
} from './measure/upstream.js';
import { buildFixture } from './measure/fixture.js';
import { createWireReplay } from './measure/wire.js';
import { firstDifference, runWorkload, sameJson } from './measure/workload.js';
import {
  renderTables,
  writeResults,
  type BenchResult,
  type Cell,
  type ContenderInfo,
  type LatencyFigures,
  type ScenarioResult,
} from './report.js';
import { scenarios as allScenarios } from './scenarios/index.js';
import type { BenchAccount, Fixture, Scenario } from './scenarios/types.js';

// ---------------------------------------------------------------------------------------------
// Options

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string): string | undefined =>
  argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const list = (name: string) => option(name)?.split(',').filter(Boolean);
const int = (name: string, fallback: number) => {
  const value = option(name);
  return value === undefined ? fallback : Math.max(0, Number.parseInt(value, 10));
};

const quick = flag('quick');
const settings = {
  seedUsers: int('seed-users', quick ? 200 : 10_000),
  warmup: int('warmup', quick ? 1 : 5),
  iterations: Math.max(1, int('iterations', quick ? 3 : 30)),
  latenciesMs: [0, 20],
  throughputLatenciesMs: flag('no-throughput') ? [] : quick ? [0] : [0, 20],
  connections: Math.max(1, int('connections', 10)),
  durationSec: Math.max(1, int('duration', quick ? 1 : 5)),
  rounds: Math.max(1, int('rounds', quick ? 1 : 2)),
};
const contenderNames = list('contenders') ?? [...DEFAULT_CONTENDERS];
const profiled = list('cpu-prof') ?? [];
const profileDir = fileURLToPath(new URL('./results/profiles/', import.meta.url));
const scenarios = (list('scenarios') ?? allScenarios.map((s) => s.name)).map((name) => {
  const scenario = allScenarios.find((s) => s.name === name);
  if (!scenario) throw new Error(`Unknown scenario ${name}`);
  return scenario;
});
for (const name of contenderNames) {
  if (!(CONTENDER_NAMES as readonly string[]).includes(name)) {
    throw new Error(`Unknown contender ${name}; known: ${CONTENDER_NAMES.join(', ')}`);
  }
}

if (!existsSync(new URL('./node_modules/twilio/package.json', import.meta.url))) {
  console.error('The bench has its own packages: run `npm ci --prefix bench` first.');
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------
// Processes

interface EmulatorReady {
  url: string;
  accounts: (BenchAccount & Record<string, unknown>)[];
}

interface Contender {
  info: ContenderInfo;
  process: ReadyChild<ReadyMessage>;
  endpoint: {
    name: string;
    kind: ReadyMessage['kind'];
    url: string;
    path: string;
    graphqlPath?: string;
    headers?: Record<string, string>;
  };
}

/**
 * How a contender is driven through one workload: a `run` contender with a GraphQL endpoint of
 * its own (Hive Gateway) gets a workload's `hiveSteps` there, as a GraphQL server.
 */
function targetOf(contender: Contender, scenario: Scenario) {
  const { graphqlPath, ...endpoint } = contender.endpoint;
  if (scenario.hiveSteps && graphqlPath) {
    return {
      endpoint: { ...endpoint, kind: 'graphql' as const, path: graphqlPath },
      scenario: { ...scenario, steps: scenario.hiveSteps },
      hive: true,
    };
  }
  return { endpoint, scenario, hive: false };
}

const children: ReadyChild<unknown>[] = [];
let interrupted = false;

/** Stops every contender (not the emulator), so the hot workload has the machine to itself. */
async function stopContenders() {
  // The emulator is the first child started.
  await Promise.all(children.splice(1).map((child) => child.stop()));
}

async function stopAll() {
  await Promise.all(children.splice(0).map((child) => child.stop()));
}

process.once('SIGINT', () => {
  interrupted = true;
  console.error('\nInterrupted: stopping every process the bench started…');
  void stopAll().then(() => process.exit(130));
});

function log(message: string) {
  process.stderr.write(`[bench] ${message}\n`);
}

async function startEmulatorProcess(seedUsers: number) {
  const child = await startReadyChild<EmulatorReady>(
    fileURLToPath(new URL('./emulator.ts', import.meta.url)),
    [String(seedUsers)],
    {},
    { label: 'emulator', timeoutMs: 120_000 },
  );
  children.push(child);
  return child;
}

async function startContender(name: string, emulatorUrl: string, account: BenchAccount) {
  const child = await startContenderProcess(name, emulatorUrl, account, {
    // Under Node's default names (…<pid>.<tid>…): the main thread's is the one that serves requests.
    ...(profiled.includes(name)
      ? { nodeArgs: ['--cpu-prof', '--cpu-prof-dir', join(profileDir, name)] }
      : {}),
  });
  children.push(child);
  const ready = child.ready;
  const contender: Contender = {
    info: { name, describe: ready.describe, available: true },
    process: child,
    endpoint: {
      name,
      kind: ready.kind,
      url: ready.url,
      path: ready.path,
      graphqlPath: ready.graphqlPath,
      headers: ready.headers,
    },
  };
  return contender;
}

// ---------------------------------------------------------------------------------------------
// Measurement

interface Samples {
  ms: Record<number, number[]>;
  calls: number[];
  waves: Record<number, number[]>;
  errors: number;
  firstError?: string;
  answer: string;
  throughput: Record<number, { ops: number[]; p99: number[]; cpuMs: number[]; failures: number }>;
  peakRss: number | null;
}

const rotate = <T>(items: T[], by: number) =>
  items.map((_, i) => items[(i + by) % items.length] as T);

async function checkAnswers(
  scenario: Scenario,
  contenders: Contender[],
  fixture: Fixture,
  samples: Map<string, Samples>,
) {
  // The reference answer is the first contender's that came back without errors.
  const outcomes: { contender: Contender; value: unknown; ok: boolean }[] = [];
  for (const contender of contenders) {
    // The whole name: two contenders sharing a prefix (naive-apollo, naive-apollo-undici) would
    // otherwise write to the same users, and the second would read the first one's versions.
    const input = scenario.input(fixture, 0, `${contender.info.name}-check`);
    const target = targetOf(contender, scenario);
    const outcome = await runWorkload(target.endpoint, target.scenario, input);
    const s = samples.get(contender.info.name)!;
    if (outcome.errors.length) {
      s.errors += 1;
      s.firstError ??= outcome.errors[0];
    }
    const value = scenario.normalize ? scenario.normalize(outcome.result) : outcome.result;
    outcomes.push({ contender, value, ok: outcome.errors.length === 0 && value != null });
  }
  const reference = outcomes.find((o) => o.ok);
  for (const o of outcomes) {
    const { contender, value, ok } = o;
    const s = samples.get(contender.info.name)!;
    if (!ok) s.answer = 'errors';
    else if (o === reference) s.answer = 'reference';
    else
      s.answer =
        reference && sameJson(reference.value, value)
          ? 'same'
          : (firstDifference(reference?.value, value) ?? 'differs');
  }
}

/** The wire floor's samples for one scenario: replays of the reference contender's calls. */
interface WireSamples {
  replay: (calls: LoggedRequest[]) => Promise<number>;
  ms: Record<number, number[]>;
}

async function measureLatency(
  scenario: Scenario,
  contenders: Contender[],
  fixture: Fixture,
  latencyMs: number,
  samples: Map<string, Samples>,
  control: ReturnType<typeof createEmulatorControl>,
  wire: WireSamples,
) {
  const account = fixture.account.accountSid;
  let referenceCalls: LoggedRequest[] | undefined;
  for (let i = -settings.warmup; i < settings.iterations && !interrupted; i++) {
    const iteration = i + settings.warmup;
    // The wire floor takes its turn with the contenders, from the second iteration on (the
    // first gives it the reference's calls).
    if (referenceCalls && i >= 0) {
      await control.clearLog();
      (wire.ms[latencyMs] ??= []).push(await wire.replay(referenceCalls));
    }
    for (const contender of rotate(contenders, iteration)) {
      const tag = `${contender.info.name.slice(0, 4)}-l${latencyMs}`;
      const input = scenario.input(fixture, iteration, tag);
      await control.clearLog();
      const target = targetOf(contender, scenario);
      const outcome = await runWorkload(target.endpoint, target.scenario, input);
      const calls = callsOf(await control.log(), account);
      if (contender === contenders[0] && outcome.errors.length === 0) referenceCalls = calls;
      if (i < 0) continue;
      const s = samples.get(contender.info.name)!;
      (s.ms[latencyMs] ??= []).push(outcome.ms);
      s.calls.push(calls.length);
      (s.waves[latencyMs] ??= []).push(countWaves(calls));
      if (outcome.errors.length) {
        s.errors += 1;
        s.firstError ??= outcome.errors[0];
      }
    }
  }
}

async function measureLoad(
  scenario: Scenario,
  contenders: Contender[],
  fixture: Fixture,
  latencyMs: number,
  samples: Map<string, Samples>,
  control: ReturnType<typeof createEmulatorControl>,
) {
  for (let round = 0; round < settings.rounds && !interrupted; round++) {
    for (const contender of rotate(contenders, round)) {
      const { endpoint, hive } = targetOf(contender, scenario);
      const result = await measureThroughput({
        url: endpoint.url,
        path: endpoint.path,
        kind: endpoint.kind,
        ...(endpoint.headers ? { headers: endpoint.headers } : {}),
        ...(hive ? { hive } : {}),
        scenario: scenario.name,
        fixture,
        connections: settings.connections,
        durationSec: settings.durationSec,
        warmupSec: round === 0 && !quick ? 1 : 0,
        tag: `${contender.info.name.slice(0, 4)}-t${latencyMs}-${round}`,
        pid: contender.process.pid,
      });
      await control.clearLog();
      const s = samples.get(contender.info.name)!;
      const t = (s.throughput[latencyMs] ??= { ops: [], p99: [], cpuMs: [], failures: 0 });
      t.ops.push(result.workloadsPerSec);
      if (result.cpuMsPerWorkload !== null) t.cpuMs.push(result.cpuMsPerWorkload);
      t.p99.push(result.p99);
      t.failures += result.non2xx + result.errors + result.timeouts + result.graphqlErrors;
    }
  }
}

/** p50, p99 and count of each injected latency's samples. */
function latencyFigures(msByLatency: Record<number, number[]>): Record<string, LatencyFigures> {
  return Object.fromEntries(
    Object.entries(msByLatency).map(([l, ms]) => [
      l,
      { p50: median(ms), p99: percentile(ms, 99), samples: ms.length },
    ]),
  );
}

function toCell(name: string, s: Samples): Cell {
  const injected = settings.latenciesMs.find((l) => l > 0);
  const wavesSamples = injected === undefined ? [] : (s.waves[injected] ?? []);
  const p50 = (l: number) => median(s.ms[l] ?? []);
  return {
    contender: name,
    answer: s.answer,
    calls: s.calls.length
      ? { median: median(s.calls), min: min(s.calls), max: max(s.calls) }
      : null,
    waves: wavesSamples.length ? median(wavesSamples) : null,
    wavesFromLatency:
      injected !== undefined && s.ms[0]?.length && s.ms[injected]?.length
        ? wavesFromLatency(p50(0), p50(injected), injected)
        : null,
    latency: latencyFigures(s.ms),
    throughput: Object.fromEntries(
      Object.entries(s.throughput).map(([l, t]) => [
        l,
        {
          workloadsPerSec: median(t.ops),
          p99UnderLoad: median(t.p99),
          cpuMsPerWorkload: t.cpuMs.length ? median(t.cpuMs) : null,
          failures: t.failures,
        },
      ]),
    ),
    peakRssMiB: s.peakRss,
    errors: s.errors,
    ...(s.firstError ? { firstError: s.firstError } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Report helpers

function packageVersion(name: string, from: string): string | null {
  try {
    const file = fileURLToPath(new URL(`node_modules/${name}/package.json`, from));
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return null;
  }
}

function versions(): Record<string, string> {
  const bench = new URL('./', import.meta.url).href;
  const root = new URL('../', import.meta.url).href;
  const out: Record<string, string> = {};
  let commit = '';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: benchDir,
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .toString()
      .trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', '.', ':!bench'], {
      cwd: fileURLToPath(new URL('../', import.meta.url)),
      stdio: ['ignore', 'pipe', 'ignore'],
    }).toString();
    if (dirty.trim()) commit += ', with uncommitted changes';
  } catch {
    // not a git checkout
  }
  const own = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  out['identity-gateway'] = `${own.version}${commit ? ` (${commit})` : ''}`;
  for (const name of ['@apollo/server', 'graphql', 'undici', 'dataloader', 'fastify']) {
    const version = packageVersion(name, root);
    if (version) out[`${name} (gateway)`] = version;
  }
  for (const name of [
    '@apollo/server',
    'got',
    'graphql',
    '@graphql-hive/gateway-runtime',
    '@graphql-mesh/compose-cli',
    '@omnigraph/openapi',
    '@graphql-mesh/transport-rest',
    'twilio',
    'autocannon',
    'undici',
  ]) {
    const version = packageVersion(name, bench);
    if (version) out[`${name} (bench)`] = version;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Main

async function main() {
  const started = Date.now();
  log(`${quick ? 'quick' : 'full'} run: seeding the emulator with ${settings.seedUsers} people…`);
  const emulator = await startEmulatorProcess(settings.seedUsers);
  const [first] = emulator.ready.accounts;
  if (!first) throw new Error('The emulator seeded no account');
  const account: BenchAccount = {
    accountSid: first.accountSid,
    authToken: first.authToken,
    flexInstanceSid: first.flexInstanceSid,
    defaultChatServiceSid: first.defaultChatServiceSid,
    chatServiceSids: first.chatServiceSids,
  };
  const emulatorUrl = emulator.ready.url;
  const control = createEmulatorControl(emulatorUrl);
  await control.setLatency(0);
  const fixture = await buildFixture(emulatorUrl, account);

  if (flag('hot-only')) {
    await hotWorkload(emulatorUrl, account, fixture);
    return;
  }

  if (contenderNames.some((name) => name.startsWith('gateway'))) {
    log('building the gateway (npm run build)…');
    execFileSync('npm', ['run', '--silent', 'build'], {
      cwd: fileURLToPath(new URL('../', import.meta.url)),
      stdio: 'inherit',
    });
  }
  log(`starting contenders: ${contenderNames.join(', ')}`);
  const infos: ContenderInfo[] = [];
  const started_ = await Promise.all(
    contenderNames.map(async (name) => {
      try {
        return await startContender(name, emulatorUrl, account);
      } catch (error) {
        const message = (error as Error).message;
        infos.push({ name, describe: '', available: false, error: message.split('\n')[0] });
        log(`${name} did not start:\n${message}`);
        return null;
      }
    }),
  );
  const allContenders = started_.filter((c): c is Contender => c !== null);
  infos.push(...allContenders.map((c) => c.info));
  infos.sort((a, b) => contenderNames.indexOf(a.name) - contenderNames.indexOf(b.name));
  if (allContenders.length === 0) throw new Error('No contender started');

  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    if (interrupted) break;
    const contenders = allContenders.filter((c) => !scenario.skip?.includes(c.info.name));
    const samples = new Map<string, Samples>(
      contenders.map((c) => [
        c.info.name,
        { ms: {}, calls: [], waves: {}, errors: 0, answer: '–', throughput: {}, peakRss: null },
      ]),
    );
    await Promise.all(contenders.map((c) => resetPeakRss(c.process.pid)));
    log(`${scenario.name}: checking answers`);
    await control.setLatency(0);
    await checkAnswers(scenario, contenders, fixture, samples);
    const wire: WireSamples = { replay: createWireReplay(emulatorUrl, account), ms: {} };
    for (const latency of settings.latenciesMs) {
      log(`${scenario.name}: latency at ${latency} ms upstream`);
      await control.setLatency(latency);
      await measureLatency(scenario, contenders, fixture, latency, samples, control, wire);
    }
    for (const latency of settings.throughputLatenciesMs) {
      log(`${scenario.name}: throughput at ${latency} ms upstream`);
      await control.setLatency(latency);
      await measureLoad(scenario, contenders, fixture, latency, samples, control);
    }
    await control.setLatency(0);
    for (const contender of contenders) {
      const peak = await peakRssMiB(contender.process.pid);
      const s = samples.get(contender.info.name)!;
      if (peak !== null) s.peakRss = Math.max(s.peakRss ?? 0, peak);
    }
    results.push({
      name: scenario.name,
      title: scenario.title,
      floor: scenario.floor(fixture, scenario.input(fixture, 0, 'floor')),
      cells: contenders.map((c) => toCell(c.info.name, samples.get(c.info.name)!)),
      wire: latencyFigures(wire.ms),
    });
  }

  const cpus = os.cpus();
  const result: BenchResult = {
    mode: quick ? 'quick' : 'full',
    startedAt: new Date(started).toISOString(),
    durationSec: (Date.now() - started) / 1000,
    machine: {
      cpu: cpus[0]?.model.trim() ?? 'unknown',
      cores: cpus.length,
      memoryGiB: os.totalmem() / 2 ** 30,
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
    },
    versions: versions(),
    settings,
    contenders: infos,
    scenarios: results,
  };
  process.stdout.write(`\n${renderTables(result)}\n`);
  const file = await writeResults(result, new URL('./results/', import.meta.url));
  log(`wrote ${file}`);
  if (!flag('no-hot') && !interrupted) await hotWorkload(emulatorUrl, account, fixture);
}

/** The hot workload (hot.ts), after the others: its own contenders, its own section. */
async function hotWorkload(emulatorUrl: string, account: BenchAccount, fixture: Fixture) {
  await stopContenders();
  const hot = await runHot({
    quick,
    emulatorUrl,
    account,
    fixture,
    connections: settings.connections,
    log,
    track: (child) => children.push(child as ReadyChild<unknown>),
  });
  process.stdout.write(`\n${renderHot(hot)}\n`);
  log(`wrote ${await writeHotSection(hot, new URL('./results/', import.meta.url))}`);
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await stopAll();
}
