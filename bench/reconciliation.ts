/**
 * Issue 14's reconciliation figures: the scan of the seeded account as a back-office client
 * runs it, through the job's GraphQL contract, against this gateway as `npm start` runs it
 * (dist/main.mjs in its own process, default configuration) and the emulator (its own process)
 * with the planted orphans, at an injected Twilio-like latency.
 *
 *   npm run bench:reconciliation [-- --seed 10000 --latency 20 --rounds 2 --rate 20 --share 0.2]
 *   npm run bench:reconciliation -- --quick      (1,000 people, one round: a smoke run)
 *
 * 1. The scan alone: Twilio calls by route (emulator log), wall time, the gateway's RSS (idle
 *    before, peak during: sampled VmRSS and VmHWM), findings by kind checked against the
 *    emulator's oracle, and the NDJSON and CSV exports' size and time.
 * 2. Live traffic: the profile query (bench/scenarios/profile.ts) at a fixed open-loop rate,
 *    rotating through seeded people, for a scan's duration with the scan running and without,
 *    in interleaved rounds (with/without, then without/with, ...); p50/p99 of each, and the
 *    job's share of the account's calls while both run.
 * Writes bench/results/reconciliation.md and .json.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { deploymentEnv } from './measure/deployment-env.js';
import { buildGateway, startGatewayProcess } from './measure/gateway-process.js';
import { cpuMs } from './measure/cpu.js';
import { loadAverage, machine } from './measure/machine.js';
import { publishResults } from './measure/results.js';
import { startOpenLoop, type OpenLoopResult } from './measure/open-loop.js';
import { startReadyChild } from './measure/process.js';
import { countByRoute, countByStatus, mostInFlight, routeOf } from './measure/routes.js';
import { rssMiB, startRssSampler } from './measure/rss-sampler.js';
import { callsOf, createEmulatorControl, type LoggedRequest } from './measure/upstream.js';
import { readExport, runJob, type JobRun } from './reconciliation/job.js';
import { checkFindings, fetchOracle, type FindingKey } from './reconciliation/oracle.js';
import {
  renderReconciliation,
  type CallFigures,
  type ReconciliationResult,
  type TrafficRun,
} from './reconciliation/report.js';
import { profile } from './scenarios/profile.js';
import type { BenchAccount } from './scenarios/types.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    seed: { type: 'string' },
    latency: { type: 'string', default: '20' },
    rounds: { type: 'string' },
    rate: { type: 'string', default: '20' },
    share: { type: 'string' },
    'poll-ms': { type: 'string', default: '250' },
  },
});
const quick = values.quick === true;
const settings = {
  seedUsers: Number(values.seed ?? (quick ? 1_000 : 10_000)),
  latencyMs: Number(values.latency),
  rounds: Math.max(1, Number(values.rounds ?? (quick ? 1 : 2))),
  ratePerSecond: Number(values.rate),
  // Unset: the gateway's default (RECONCILE_BUDGET_SHARE), which the job reports back.
  budgetShare: values.share === undefined ? null : Number(values.share),
  pollMs: Number(values['poll-ms']),
};
const command = `npm run bench:reconciliation${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
const log = (message: string) => process.stderr.write(`[reconciliation] ${message}\n`);

interface EmulatorReady {
  url: string;
  accounts: (BenchAccount & { workspaceSid: string })[];
}

const started = Date.now();
const loadBefore = loadAverage();
log(`load average before: ${loadBefore}; building the gateway (npm run build)`);
buildGateway();
const emulator = await startReadyChild<EmulatorReady>(
  fileURLToPath(new URL('./emulator.ts', import.meta.url)),
  [String(settings.seedUsers), '--plant-orphans'],
  {},
  { label: 'emulator', timeoutMs: 180_000 },
);
const account = emulator.ready.accounts[0];
if (!account) throw new Error('The emulator seeded no account');
const control = createEmulatorControl(emulator.ready.url);
const gateway = await startGatewayProcess(deploymentEnv(emulator.ready.url, account));
const stopAll = () => Promise.all([gateway.stop(), emulator.stop()]);
process.once('SIGINT', () => void stopAll().then(() => process.exit(130)));

/** The account's calls in the log since it was last cleared. */
const accountCalls = async () => callsOf(await control.log(), account.accountSid);

function callFigures(calls: LoggedRequest[], wallMs: number): CallFigures {
  const busyMs = calls.reduce((sum, call) => sum + call.durationMs, 0);
  return {
    total: calls.length,
    byRoute: countByRoute(calls),
    mostInFlight: mostInFlight(calls),
    // With one call at a time, the share of the wall time a call was in flight: what the budget
    // share bounds.
    inFlightShare: wallMs > 0 ? busyMs / wallMs : 0,
    statuses: countByStatus(calls),
  };
}

try {
  await control.setLatency(settings.latencyMs);
  const people = (
    await control.people({
      accountSid: account.accountSid,
      flex: true,
      conversations: true,
      deactivated: false,
      limit: 2_000,
    })
  ).map((person) => person.identity);
  if (people.length === 0) throw new Error('The seed has no complete person');
  // Rotating through this many people at the rate outlasts the default 30 s cache: each profile
  // read goes to Twilio, as a back office's reads of different people do.
  let profileCounter = 0;
  const profileBody = (i: number) => ({
    query: profile.steps[0]!.query,
    variables: { identity: people[i % people.length] },
  });
  const jobInput = settings.budgetShare === null ? {} : { budgetShare: settings.budgetShare };

  log(`warming up (${people.length} people in the rotation)`);
  const warmup = startOpenLoop({
    url: gateway.graphqlUrl,
    ratePerSecond: settings.ratePerSecond,
    body: profileBody,
  });
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const warm = await warmup.stop();
  profileCounter += warm.sent;
  if (warm.errors > 0) throw new Error(`profile warm-up: ${warm.firstError}`);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const idleRssMiB = await rssMiB(gateway.pid);

  // 1. The scan alone.
  log('the scan alone');
  await control.clearLog();
  const sampler = await startRssSampler(gateway.pid);
  const cpuBefore = cpuMs(gateway.pid);
  const alone: JobRun = await runJob(gateway.graphqlUrl, jobInput, settings.pollMs);
  const cpuAfter = cpuMs(gateway.pid);
  const rss = await sampler.stop();
  const aloneCalls = await accountCalls();
  if (alone.job.status !== 'DONE') {
    throw new Error(`the job ended ${alone.job.status}: ${JSON.stringify(alone.job)}`);
  }
  const jobRoutes = new Set(aloneCalls.map(routeOf));

  const exported: FindingKey[] = [];
  const ndjson = await readExport(gateway.url, alone.job.id, 'ndjson', (line) => {
    if (line.trim() !== '') exported.push(JSON.parse(line) as FindingKey);
  });
  const csv = await readExport(gateway.url, alone.job.id, 'csv');
  const scannedServices = account.chatServiceSids.filter(
    (s) => s !== account.defaultChatServiceSid,
  );
  const oracle = await fetchOracle(emulator.ready.url, account.accountSid, scannedServices);
  const findings = checkFindings(exported, alone.job.findingsByKind, oracle);

  // 2. Live traffic with and without the scan, interleaved.
  const traffic: TrafficRun[] = [];
  let scanMs = alone.wallMs;
  const trafficFor = async (withScan: boolean, round: number) => {
    await control.clearLog();
    const loop = startOpenLoop({
      url: gateway.graphqlUrl,
      ratePerSecond: settings.ratePerSecond,
      body: profileBody,
      offset: profileCounter,
    });
    const windowStarted = performance.now();
    let scan: JobRun | null = null;
    if (withScan) {
      scan = await runJob(gateway.graphqlUrl, jobInput, settings.pollMs);
      scanMs = scan.wallMs;
    } else {
      await new Promise((resolve) => setTimeout(resolve, scanMs));
    }
    const result: OpenLoopResult = await loop.stop();
    const windowMs = performance.now() - windowStarted;
    profileCounter += result.sent;
    const calls = await accountCalls();
    const job = calls.filter((call) => jobRoutes.has(routeOf(call)));
    const live = calls.filter((call) => !jobRoutes.has(routeOf(call)));
    traffic.push({
      round,
      withScan,
      scanStatus: scan?.job.status ?? null,
      scanWallMs: scan?.wallMs ?? null,
      windowMs,
      requests: result.sent,
      errors: result.errors,
      firstError: result.firstError,
      samples: result.samples,
      jobCalls: callFigures(job, windowMs),
      liveCalls: callFigures(live, windowMs),
    });
    log(
      `round ${round} ${withScan ? 'with' : 'without'} the scan: ${result.sent} profile reads, ${job.length} job calls, ${live.length} live calls`,
    );
  };
  for (let round = 1; round <= settings.rounds; round += 1) {
    const order = round % 2 === 1 ? [true, false] : [false, true];
    for (const withScan of order) await trafficFor(withScan, round);
  }

  const result: ReconciliationResult = {
    command,
    mode: quick ? 'quick' : 'full',
    startedAt: new Date(started).toISOString(),
    durationSec: (Date.now() - started) / 1000,
    machine: machine(),
    loadAverage: { before: loadBefore, after: loadAverage() },
    settings: { ...settings, rotation: people.length, chatServices: scannedServices.length },
    scan: {
      job: alone.job,
      wallMs: alone.wallMs,
      polls: alone.polls,
      calls: callFigures(aloneCalls, alone.wallMs),
      rss: { idleMiB: idleRssMiB, ...rss },
      // The polls' share is in it too: a few ms each, every pollMs.
      cpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
    },
    findings,
    exports: [ndjson, csv],
    traffic,
  };
  publishResults('reconciliation', renderReconciliation(result), result);
  log(`wrote bench/results/reconciliation.md and .json (${result.durationSec.toFixed(0)} s)`);
  const wrong = findings.filter((f) => f.missing > 0 || f.extra > 0 || f.reported !== f.expected);
  if (wrong.length > 0) {
    log(`findings differ from the oracle: ${wrong.map((f) => f.kind).join(', ')}`);
    process.exitCode = 1;
  }
} finally {
  await stopAll();
}
