/** bench/results/reconciliation.md from one run's figures (the JSON beside it holds them all). */
import { machineLine, type Machine } from '../measure/machine.js';
import type { RssFigures } from '../measure/rss-sampler.js';
import { max, percentile } from '../measure/stats.js';
import type { ExportFigures, JobRun, JobView } from './job.js';
import type { KindCheck } from './oracle.js';

export interface CallFigures {
  total: number;
  byRoute: Record<string, number>;
  mostInFlight: number;
  /** The calls' summed time in flight over the wall time (1 = one call in flight throughout). */
  inFlightShare: number;
  statuses: Record<string, number>;
}

export interface TrafficRun {
  round: number;
  withScan: boolean;
  scanStatus: string | null;
  scanWallMs: number | null;
  windowMs: number;
  requests: number;
  errors: number;
  firstError: string | null;
  samples: number[];
  /** The window's calls on the routes the scan alone used (list pages). */
  jobCalls: CallFigures;
  /** The others: the profile reads'. */
  liveCalls: CallFigures;
}

export interface ReconciliationResult {
  command: string;
  mode: 'quick' | 'full';
  startedAt: string;
  durationSec: number;
  machine: Machine;
  loadAverage: { before: string; after: string };
  settings: {
    seedUsers: number;
    latencyMs: number;
    rounds: number;
    ratePerSecond: number;
    budgetShare: number | null;
    pollMs: number;
    rotation: number;
    chatServices: number;
  };
  scan: {
    job: JobView;
    wallMs: number;
    polls: JobRun['polls'];
    calls: CallFigures;
    rss: RssFigures & { idleMiB: number | null };
    /** The gateway process's CPU time (user + system) over the scan, polls included. */
    cpuMs: number | null;
  };
  findings: KindCheck[];
  exports: ExportFigures[];
  traffic: TrafficRun[];
}

const s = (ms: number | null) => (ms === null ? 'n/a' : `${(ms / 1000).toFixed(1)} s`);
const ms = (value: number) => (Number.isNaN(value) ? 'n/a' : `${value.toFixed(1)} ms`);
const mib = (value: number | null) => (value === null ? 'n/a' : `${value.toFixed(0)} MiB`);
const pct = (value: number) => `${(value * 100).toFixed(1)} %`;

/** How good the estimate was: at the first poll past half-way, what it said was left. */
function estimateLine(run: ReconciliationResult['scan']): string {
  const half = run.polls.find((poll) => (poll.progress.fractionDone ?? 0) >= 0.5);
  if (!half || half.progress.estimatedRemainingSeconds === null) return '';
  const actual = (run.wallMs - half.ms) / 1000;
  return (
    `At ${((half.progress.fractionDone ?? 0) * 100).toFixed(0)} % done (${s(half.ms)} in), the job ` +
    `estimated ${half.progress.estimatedRemainingSeconds.toFixed(1)} s and ` +
    `${half.progress.estimatedRemainingPages ?? 'n/a'} pages remaining; it took ${actual.toFixed(1)} s more.`
  );
}

function trafficRows(runs: TrafficRun[]): string[] {
  const row = (label: string, list: TrafficRun[]) => {
    const samples = list.flatMap((run) => run.samples);
    const requests = list.reduce((n, run) => n + run.requests, 0);
    const errors = list.reduce((n, run) => n + run.errors, 0);
    const calls = list.reduce((n, run) => n + run.liveCalls.total, 0);
    return `| ${label} | ${requests} | ${ms(percentile(samples, 50))} | ${ms(percentile(samples, 99))} | ${ms(max(samples))} | ${errors} | ${(calls / Math.max(1, requests)).toFixed(2)} |`;
  };
  const rows = [
    '| live traffic | profile reads | p50 | p99 | max | errors | Twilio calls per read |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    row(
      '**without the scan** (all rounds)',
      runs.filter((r) => !r.withScan),
    ),
    row(
      '**with the scan** (all rounds)',
      runs.filter((r) => r.withScan),
    ),
  ];
  for (const run of runs) {
    rows.push(row(`round ${run.round}, ${run.withScan ? 'with' : 'without'}`, [run]));
  }
  return rows;
}

export function renderReconciliation(result: ReconciliationResult): string {
  const { scan, settings } = result;
  const job = scan.job;
  const withScan = result.traffic.filter((run) => run.withScan);
  const jobCalls = withScan.reduce((n, run) => n + run.jobCalls.total, 0);
  const allCalls = withScan.reduce((n, run) => n + run.jobCalls.total + run.liveCalls.total, 0);
  const jobInFlight =
    withScan.reduce((n, run) => n + run.jobCalls.inFlightShare * run.windowMs, 0) /
    Math.max(
      1,
      withScan.reduce((n, run) => n + run.windowMs, 0),
    );
  const liveInFlight =
    withScan.reduce((n, run) => n + run.liveCalls.inFlightShare * run.windowMs, 0) /
    Math.max(
      1,
      withScan.reduce((n, run) => n + run.windowMs, 0),
    );
  const finishedMs =
    job.finishedAt === null ? null : Date.parse(job.finishedAt) - Date.parse(job.startedAt);
  const checked = result.findings.every(
    (f) => f.missing === 0 && f.extra === 0 && f.reported === f.expected,
  );
  const total = (key: 'reported' | 'exported' | 'expected' | 'missing' | 'extra') =>
    result.findings.reduce((n, f) => n + f[key], 0);

  return [
    '# Reconciliation bench (issue 14)',
    '',
    `Run ${result.startedAt}, ${result.mode} mode, ${result.durationSec.toFixed(0)} s: \`${result.command}\`.`,
    '',
    machineLine(result.machine),
    `Load average (uptime) before: ${result.loadAverage.before}; after: ${result.loadAverage.after} (2 cores shared with other work).`,
    '',
    `Settings: the emulator's ${settings.seedUsers.toLocaleString('en')}-person seed with the planted orphans ` +
      `(\`plantOrphans\`), ${settings.latencyMs} ms injected per Twilio call, in its own process; the gateway ` +
      'as `npm start` runs it (`node dist/main.mjs` from `npm run build`, its own process) with the default ' +
      'configuration (budget, cache, `RECONCILE_BUDGET_SHARE`; only credentials, URLs, `AUTH_OPEN=true` and ' +
      '`LOG_LEVEL=warn` set). The job is started with `startReconciliation` ' +
      `(${settings.budgetShare === null ? 'no input: default services and share' : `budgetShare ${settings.budgetShare}`}), ` +
      `scanning ${settings.chatServices} Chat service(s) besides Conversations, and polled every ${settings.pollMs} ms.`,
    '',
    '## The scan alone',
    '',
    '| figure | value |',
    '| --- | --- |',
    `| status | ${job.status} (budget share ${job.budgetShare}) |`,
    `| wall time | ${s(scan.wallMs)} (mutation sent to DONE seen; the job's own startedAt→finishedAt: ${s(finishedMs)}) |`,
    `| Twilio calls | ${scan.calls.total} (statuses ${JSON.stringify(scan.calls.statuses)}) |`,
    `| most calls in flight at once | ${scan.calls.mostInFlight} |`,
    `| time a job call was in flight | ${pct(scan.calls.inFlightShare)} of the wall time |`,
    `| gateway CPU over the scan | ${scan.cpuMs === null ? 'n/a' : `${scan.cpuMs.toFixed(0)} ms (${(scan.cpuMs / Math.max(1, job.progress.pagesRead)).toFixed(1)} ms per page read; the ${scan.polls.length} polls included)`} |`,
    `| pages read, people scanned | ${job.progress.pagesRead}, ${job.progress.peopleScanned} |`,
    `| gateway RSS | idle before ${mib(scan.rss.idleMiB)}; peak during ${mib(scan.rss.sampledPeakMiB)} sampled (${scan.rss.samples} samples of VmRSS every 100 ms), ${mib(scan.rss.hwmMiB)} VmHWM |`,
    '',
    estimateLine(scan),
    '',
    '| route | calls |',
    '| --- | ---: |',
    ...Object.entries(scan.calls.byRoute).map(([route, n]) => `| \`${route}\` | ${n} |`),
    '',
    '## Findings against the emulator oracle',
    '',
    `\`GET /__emulator/expected-findings\` (computed from the emulator's state by its own hold-everything ` +
      `code); "exported" are the NDJSON export's lines. ${checked ? '**Every kind matches: 0 missing, 0 extra.**' : '**MISMATCH: see missing/extra.**'}`,
    '',
    '| kind | findingsByKind | exported | expected | missing | extra |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...result.findings.map(
      (f) =>
        `| ${f.kind} | ${f.reported} | ${f.exported} | ${f.expected} | ${f.missing} | ${f.extra} |`,
    ),
    `| **total** | ${total('reported')} | ${total('exported')} | ${total('expected')} | ${total('missing')} | ${total('extra')} |`,
    '',
    '## Export',
    '',
    '| format | HTTP | bytes | lines | first byte | whole body |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...result.exports.map(
      (e) =>
        `| ${e.format} | ${e.status} | ${e.bytes.toLocaleString('en')} | ${e.lines} | ${ms(e.firstByteMs)} | ${ms(e.ms)} |`,
    ),
    '',
    '## Effect on live traffic',
    '',
    `The profile query (\`bench/scenarios/profile.ts\`) at ${settings.ratePerSecond}/s open loop (latency from ` +
      `each request's scheduled time), rotating through ${settings.rotation} seeded people: each comes back every ` +
      `${(settings.rotation / settings.ratePerSecond).toFixed(0)} s (the default cache keeps a read 30 s), so reads go ` +
      'to Twilio; with the default `TWILIO_FLEX_IDENTITY_ESCAPES=true` each product is asked for both identity forms ' +
      '(the 404s). For the duration of a scan, with the scan ' +
      `running and without, ${settings.rounds} interleaved round(s) (odd rounds with first, even rounds without first).`,
    '',
    ...trafficRows(result.traffic),
    '',
    'On this shared 2-core machine the tail moves with whatever else runs (see the load average): ' +
      'compare the rounds, each pair measured back to back, rather than one p99 with another.',
    '',
    `While both ran, the job made ${jobCalls} of the account's ${allCalls} Twilio calls ` +
      `(${pct(jobCalls / Math.max(1, allCalls))}); a job call was in flight ${pct(jobInFlight)} of the time, ` +
      `live calls ${liveInFlight.toFixed(2)} on average. Scans with traffic took ` +
      `${withScan.map((run) => s(run.scanWallMs)).join(', ')} (${withScan.map((run) => run.scanStatus).join(', ')}).`,
    '',
  ].join('\n');
}
