/**
 * The bench's results: the table printed on stdout, and the same table with the machine and the
 * package versions in results/latest.md (plus the raw figures in results/latest.json).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import type { Floor } from './scenarios/types.js';

export interface LatencyFigures {
  p50: number;
  p99: number;
  samples: number;
}

export interface ThroughputFigures {
  /** Median over the interleaved rounds. */
  workloadsPerSec: number;
  /** autocannon's p99 under load (per HTTP request). */
  p99UnderLoad: number;
  /** The contender process's CPU time per workload (median over rounds); null without /proc. */
  cpuMsPerWorkload: number | null;
  failures: number;
}

export interface Cell {
  contender: string;
  /** 'reference', 'same', or where the answer differed from the reference contender's. */
  answer: string;
  /** Upstream calls per workload (median, and the range seen). */
  calls: { median: number; min: number; max: number } | null;
  /** Sequential waves, from the request log of the runs with injected latency. */
  waves: number | null;
  /** Waves estimated from latencies alone: round((p50 at L - p50 at 0) / L). */
  wavesFromLatency: number | null;
  latency: Record<string, LatencyFigures>;
  throughput: Record<string, ThroughputFigures>;
  peakRssMiB: number | null;
  errors: number;
  firstError?: string;
}

export interface ScenarioResult {
  name: string;
  title: string;
  floor: Floor;
  cells: Cell[];
  /** The wire floor by injected latency: the same upstream waves sent straight to the emulator. */
  wire: Record<string, LatencyFigures>;
}

export interface ContenderInfo {
  name: string;
  describe: string;
  available: boolean;
  error?: string;
}

export interface BenchResult {
  mode: 'quick' | 'full';
  startedAt: string;
  durationSec: number;
  machine: { cpu: string; cores: number; memoryGiB: number; node: string; platform: string };
  versions: Record<string, string>;
  settings: {
    seedUsers: number;
    iterations: number;
    warmup: number;
    latenciesMs: number[];
    throughputLatenciesMs: number[];
    connections: number;
    durationSec: number;
    rounds: number;
  };
  contenders: ContenderInfo[];
  scenarios: ScenarioResult[];
}

const REFERENCE = 'gateway';
/** The reference row for the stack's own floor (contenders/naive-apollo-undici.ts). */
const FLOOR = 'naive-apollo-undici';

function fmt(value: number | null | undefined, digits = 1): string {
  if (value == null || Number.isNaN(value)) return '–';
  return value.toFixed(digits);
}

function signed(value: number): string {
  return `${value >= 0 ? '+' : '−'}${fmt(Math.abs(value))}`;
}

function ratio(ours: number | null | undefined, theirs: number | null | undefined): string {
  if (
    ours == null ||
    theirs == null ||
    Number.isNaN(ours) ||
    Number.isNaN(theirs) ||
    theirs === 0
  ) {
    return '–';
  }
  return `${(ours / theirs).toFixed(2)}×`;
}

function table(rows: string[][]): string {
  const [head, ...body] = rows;
  if (!head) return '';
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...body.map(line)].join('\n');
}

function scenarioSection(result: BenchResult, scenario: ScenarioResult): string {
  const latencies = result.settings.latenciesMs;
  const injected = latencies.filter((l) => l > 0);
  const throughputLatencies = result.settings.throughputLatenciesMs;
  // CPU per workload is reported where the upstream answers at once: there it is the whole cost.
  const cpuLatencies = throughputLatencies.filter((l) => l === 0);
  const floorText = [
    `floor: ${scenario.floor.calls} upstream calls (distinct resources) in ${scenario.floor.waves} wave${scenario.floor.waves === 1 ? '' : 's'}`,
    ...injected.map((l) => `≥ ${scenario.floor.waves * l} ms at ${l} ms injected latency`),
  ].join('; ');
  const wireText = latencies.some((l) => scenario.wire[l])
    ? `wire floor (the reference's upstream calls sent straight to the emulator, wave by wave): p50 ${latencies
        .map((l) => `${fmt(scenario.wire[l]?.p50)} ms @${l}ms`)
        .join(', ')}`
    : '';

  const head = [
    'contender',
    'answer',
    'calls',
    'waves',
    ...latencies.flatMap((l) => [`p50 @${l}ms`, `p99 @${l}ms`]),
    ...injected.map((l) => `p50 − floor @${l}ms`),
    ...injected.map((l) => `p50 − wire @${l}ms`),
    ...throughputLatencies.map((l) => `ops/s @${l}ms`),
    ...cpuLatencies.map((l) => `CPU ms/op @${l}ms`),
    'peak RSS MiB',
  ];
  const rows = scenario.cells.map((cell) => [
    cell.contender,
    ['reference', 'same', 'errors'].includes(cell.answer) ? cell.answer : 'DIFFERS',
    cell.calls
      ? cell.calls.min === cell.calls.max
        ? String(cell.calls.median)
        : `${cell.calls.median} (${cell.calls.min}–${cell.calls.max})`
      : '–',
    cell.waves == null ? '–' : String(cell.waves),
    ...latencies.flatMap((l) => [fmt(cell.latency[l]?.p50), fmt(cell.latency[l]?.p99)]),
    ...injected.map((l) => {
      const p50 = cell.latency[l]?.p50;
      if (p50 == null) return '–';
      return signed(p50 - scenario.floor.waves * l);
    }),
    ...injected.map((l) => {
      const p50 = cell.latency[l]?.p50;
      const wire = scenario.wire[l]?.p50;
      return p50 == null || wire == null ? '–' : signed(p50 - wire);
    }),
    ...throughputLatencies.map((l) => fmt(cell.throughput[l]?.workloadsPerSec, 0)),
    ...cpuLatencies.map((l) => fmt(cell.throughput[l]?.cpuMsPerWorkload, 2)),
    fmt(cell.peakRssMiB, 0),
  ]);

  const ours = scenario.cells.find((c) => c.contender === REFERENCE);
  const comparable = (c: Cell) => c.answer === 'reference' || c.answer === 'same';
  let ratios: string;
  if (!ours) {
    ratios = `_${REFERENCE} ÷ contender: not measured (the gateway contender did not run)._`;
  } else if (!comparable(ours)) {
    ratios = `_${REFERENCE} ÷ contender: not comparable (the gateway's answer ${ours.answer === 'errors' ? 'had errors' : 'differs'})._`;
  } else {
    const ratioHead = [
      `${REFERENCE} ÷ …`,
      'calls',
      ...latencies.map((l) => `p50 @${l}ms`),
      ...throughputLatencies.map((l) => `ops/s @${l}ms`),
      ...cpuLatencies.map((l) => `CPU/op @${l}ms`),
      'peak RSS',
    ];
    const ratioRows = scenario.cells
      .filter((c) => c.contender !== REFERENCE)
      .map((c) =>
        !comparable(c)
          ? [c.contender, ...ratioHead.slice(1).map(() => 'n/a')]
          : [
              c.contender,
              ratio(ours.calls?.median, c.calls?.median),
              ...latencies.map((l) => ratio(ours.latency[l]?.p50, c.latency[l]?.p50)),
              ...throughputLatencies.map((l) =>
                ratio(ours.throughput[l]?.workloadsPerSec, c.throughput[l]?.workloadsPerSec),
              ),
              ...cpuLatencies.map((l) =>
                ratio(ours.throughput[l]?.cpuMsPerWorkload, c.throughput[l]?.cpuMsPerWorkload),
              ),
              ratio(ours.peakRssMiB, c.peakRssMiB),
            ],
      );
    ratios = table([ratioHead, ...ratioRows]);
  }

  const notes: string[] = [];
  for (const c of scenario.cells) {
    if (c.errors > 0) {
      notes.push(
        `- ${c.contender}: ${c.errors} workload(s) with errors (first: ${c.firstError ?? '?'})`,
      );
    }
    if (!['reference', 'same', 'errors'].includes(c.answer)) {
      notes.push(`- ${c.contender}: answer differs from the reference at ${c.answer}`);
    }
    for (const [latency, t] of Object.entries(c.throughput)) {
      if (t.failures > 0) {
        notes.push(`- ${c.contender}: ${t.failures} failed request(s) under load at ${latency} ms`);
      }
    }
  }

  return [
    `### ${scenario.name}: ${scenario.title}`,
    '',
    floorText,
    ...(wireText ? ['', wireText] : []),
    '',
    table([head, ...rows]),
    '',
    ratios,
    ...(notes.length ? ['', ...notes] : []),
  ].join('\n');
}

/** Issue 15's targets for the `gateway` row (every production feature on), from this run. */
export function targetsSection(result: BenchResult): string {
  const scenario = (name: string) => result.scenarios.find((s) => s.name === name);
  const cell = (name: string, contender: string) =>
    scenario(name)?.cells.find((c) => c.contender === contender);
  const cpu = (name: string, contender: string) =>
    cell(name, contender)?.throughput['0']?.cpuMsPerWorkload ?? null;
  const rows: string[][] = [];
  const verdict = (value: number | null, limit: number) =>
    value === null ? 'not measured' : value <= limit ? 'pass' : 'FAIL';
  for (const [name, against, limit] of [
    ['single', 'mesh', 0.4],
    ['profile', 'mesh', 0.4],
    ['roster', 'mesh', 0.3],
    ['single', 'naive-apollo', 0.6],
    ['profile', 'naive-apollo', 0.6],
  ] as const) {
    const ours = cpu(name, REFERENCE);
    const theirs = cpu(name, against);
    const value = ours !== null && theirs !== null && theirs > 0 ? ours / theirs : null;
    rows.push([
      `CPU/op ${name} ÷ ${against === 'mesh' ? 'Hive (mesh)' : against}`,
      value === null ? '–' : `${value.toFixed(2)}× (${fmt(ours, 3)} ÷ ${fmt(theirs, 3)} ms)`,
      `≤ ${limit}×`,
      verdict(value, limit),
    ]);
  }
  for (const [name, limit] of [
    ['profile', 1.5],
    ['overlap', 1.5],
    ['roster', 3],
  ] as const) {
    const p50 = cell(name, REFERENCE)?.latency['20']?.p50;
    const wire = scenario(name)?.wire['20']?.p50;
    const value = p50 == null || wire == null ? null : p50 - wire;
    rows.push([
      `p50 − wire @20ms ${name}`,
      value === null ? '–' : `${signed(value)} ms`,
      `≤ ${limit} ms`,
      verdict(value, limit),
    ]);
  }
  const peaks = result.scenarios
    .map((s) => s.cells.find((c) => c.contender === REFERENCE)?.peakRssMiB ?? null)
    .filter((v): v is number => v !== null);
  const peak = peaks.length ? Math.max(...peaks) : null;
  rows.push([
    'peak RSS under throughput (all workloads)',
    peak === null ? '–' : `${fmt(peak, 0)} MiB`,
    '≤ 150 MiB',
    verdict(peak, 150),
  ]);
  const fixed = cpu('typename', REFERENCE);
  rows.push([
    'CPU/op `{ __typename }` (fixed cost per request)',
    fixed === null ? '–' : `${fmt(fixed * 1000, 0)} µs`,
    'reported',
    '–',
  ]);
  // Against the floor of the stack itself (Apollo Server 5 + undici, no features), when run: what
  // the gateway's own code and features cost on top, and where the naive-Apollo targets sit.
  for (const name of ['typename', 'single', 'profile', 'roster']) {
    const ours = cpu(name, REFERENCE);
    const floor = cpu(name, FLOOR);
    const naive = cpu(name, 'naive-apollo');
    if (ours === null || floor === null || floor <= 0) continue;
    rows.push([
      `CPU/op ${name} ÷ ${FLOOR} (Apollo Server 5 + undici, no features)`,
      `${(ours / floor).toFixed(2)}× (${fmt(ours, 3)} ÷ ${fmt(floor, 3)} ms)`,
      naive === null ? 'reported' : `floor = ${(floor / naive).toFixed(2)}× naive-apollo`,
      '–',
    ]);
  }
  return [
    `### Targets (issue 15), ${REFERENCE} row: every production feature on`,
    '',
    table([['target', 'measured', 'limit', 'verdict'], ...rows]),
  ].join('\n');
}

export function renderTables(result: BenchResult): string {
  const unavailable = result.contenders
    .filter((c) => !c.available)
    .map((c) => `- ${c.name}: not run (${c.error ?? 'unavailable'})`);
  return [
    `## identity-gateway bench (${result.mode}, ${result.durationSec.toFixed(0)} s)`,
    '',
    'calls = upstream calls per workload (emulator request log); waves = sequential upstream waves',
    '(from the log at injected latency); p50/p99 = one workload at a time, ms; ops/s = workloads',
    `per second at ${result.settings.connections} concurrent connections; CPU ms/op = CPU time of the`,
    "contender's process (user + system) per workload during that load; ratios are gateway ÷ contender",
    '(calls, latency, CPU, RSS: below 1× is better for the gateway; ops/s: above 1× is better).',
    ...(unavailable.length ? ['', ...unavailable] : []),
    '',
    ...result.scenarios.map((s) => `${scenarioSection(result, s)}\n`),
    targetsSection(result),
    '',
  ].join('\n');
}

export function renderMarkdown(result: BenchResult): string {
  const { machine, settings } = result;
  const contenders = result.contenders.map(
    (c) => `- **${c.name}**: ${c.describe}${c.available ? '' : ` — not run: ${c.error ?? ''}`}`,
  );
  const versions = Object.entries(result.versions).map(([name, version]) => `- ${name} ${version}`);
  return [
    '# Bench results',
    '',
    `Run ${result.startedAt}, ${result.mode} mode, ${result.durationSec.toFixed(0)} s.`,
    '',
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB.toFixed(0)} GiB, ${machine.platform}, Node ${machine.node}.`,
    '',
    `Settings: ${settings.seedUsers} seeded people; ${settings.iterations} measured workloads per contender,`,
    `workload and latency (after ${settings.warmup} warm-up), contenders interleaved run by run;`,
    `injected upstream latency ${settings.latenciesMs.join(' and ')} ms; throughput with autocannon,`,
    `${settings.connections} connections, ${settings.rounds} interleaved round(s) of ${settings.durationSec} s at`,
    `${settings.throughputLatenciesMs.join(' and ')} ms; loopback only; every process on the same 2-core machine`,
    '(driver, load generator, emulator and the contender under test), so compare ratios, not absolutes.',
    '',
    '## Contenders',
    '',
    ...contenders,
    '',
    '## Versions',
    '',
    ...versions,
    '',
    renderTables(result),
  ].join('\n');
}

export async function writeResults(result: BenchResult, directory: URL): Promise<string> {
  await mkdir(directory, { recursive: true });
  const markdown = new URL('latest.md', directory);
  await writeFile(markdown, renderMarkdown(result));
  await writeFile(new URL('latest.json', directory), `${JSON.stringify(result, null, 2)}\n`);
  return markdown.pathname;
}
