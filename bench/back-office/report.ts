/** bench/results/back-office.md from one run's figures (the JSON beside it holds them all). */
import { machineLine, type Machine } from '../measure/machine.js';
import { max, median } from '../measure/stats.js';
import type { BulkRun } from './bulk.js';
import type { OffboardingFigures, OffboardRun } from './offboarding.js';

export interface BackOfficeResult {
  command: string;
  startedAt: string;
  durationSec: number;
  machine: Machine;
  loadAverage: { before: string; after: string };
  settings: {
    users: number;
    seed: number;
    latencyMs: number;
    offboard: number;
    atOnce: number;
    bulk: number;
    burst: number;
  };
  gatewayEnv: Record<string, string>;
  import: { users: number; exitCode: number; calls: number; wallMs: number; mostInFlight: number };
  search: { scannedUsers: number; scannedPages: number; calls: number; wallMs: number };
  bulk: BulkRun[];
  offboarding: OffboardingFigures;
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const sec = (value: number) => `${(value / 1000).toFixed(2)} s`;
const routes = (byRoute: Record<string, number>, per = 1) =>
  Object.entries(byRoute)
    .map(
      ([route, n]) =>
        `\`${route}\` × ${Number.isInteger(n / per) ? n / per : (n / per).toFixed(2)}`,
    )
    .join(', ');

function perPersonRoutes(runs: OffboardRun[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const run of runs) {
    for (const [route, n] of Object.entries(run.byRoute)) total[route] = (total[route] ?? 0) + n;
  }
  return total;
}

export function renderBackOffice(result: BackOfficeResult): string {
  const { settings, offboarding } = result;
  const seq = offboarding.sequential;
  const seqMs = seq.map((run) => run.ms);
  const seqCalls = seq.map((run) => run.calls);
  const steps = seq[0]?.steps ?? {};
  return [
    '# Back-office bench (issue 14): import, search, bulk, offboarding',
    '',
    `Run ${result.startedAt}, ${result.durationSec.toFixed(0)} s: \`${result.command}\`.`,
    '',
    machineLine(result.machine),
    `Load average (uptime) before: ${result.loadAverage.before}; after: ${result.loadAverage.after} (2 cores shared with other work).`,
    '',
    `Settings: the emulator's ${settings.seed.toLocaleString('en')}-person seed in its own process, ` +
      `${settings.latencyMs} ms injected per Twilio call (so that calls overlap as they would against Twilio); ` +
      'the gateway as `npm start` runs it (`node dist/main.mjs`, its own process), default configuration except ' +
      'credentials, URLs, `AUTH_OPEN=true`, `LOG_LEVEL=warn` and ' +
      `${Object.entries(result.gatewayEnv)
        .map(([k, v]) => `\`${k}=${v}\``)
        .join(
          ', ',
        )} (BULK_CONCURRENCY 8, TWILIO_ACCOUNT_CONCURRENCY 50, TWILIO_RETRIES 2: defaults).`,
    '',
    '## CSV import and search',
    '',
    `- CSV import of ${result.import.users} users through \`bin/import-users.ts\` (exit ${result.import.exitCode}): ` +
      `${result.import.calls} Twilio calls, ${sec(result.import.wallMs)} wall (script start included), ` +
      `at most ${result.import.mostInFlight} calls in flight.`,
    `- \`people\` search finding nobody over ${result.search.scannedUsers} Flex users: ${result.search.calls} ` +
      `Twilio calls (${result.search.scannedPages} pages), ${ms(result.search.wallMs)} wall.`,
    '',
    '## Bulk provisioning (`provisionFlexUsers`)',
    '',
    '| run | items | OK / failed | Twilio calls (by status) | wall | most in flight (log; emulator peak) | first 429 answer → next call | longest pause between arrivals |',
    '| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |',
    ...result.bulk.map(
      (run) =>
        `| ${run.label} | ${run.items} | ${run.succeeded} / ${run.failed} | ${run.calls} ${JSON.stringify(run.byStatus)} | ${sec(run.wallMs)} | ${run.mostInFlight}; ${run.emulatorPeak ?? 'n/a'} | ${run.afterFirst429Ms === null ? '—' : ms(run.afterFirst429Ms)} | ${ms(run.longestQuietMs)} |`,
    ),
    '',
    `The burst: the emulator answers the first ${settings.burst} Provision calls 429 with \`Retry-After: 1\`. ` +
      'The gateway then pauses the whole account (every call of it, on every replica) for the Retry-After; the column ' +
      '"first 429 answer → next call" is that pause as the emulator saw it, and the refused items are retried ' +
      '(Provision is idempotent) after it.',
    '',
    '## Offboarding (`offboardPerson`, default input: deprovision Flex, delete the Conversations user and every Chat user)',
    '',
    `People with a Flex user, a Conversations user and Chat users in other services, offboarded one after another (${seq.length}):`,
    '',
    `- Twilio calls per person: median ${median(seqCalls)}, mean ${(seqCalls.reduce((a, b) => a + b, 0) / Math.max(1, seq.length)).toFixed(1)}, ` +
      `max ${max(seqCalls)}; by route (per person, mean): ${routes(perPersonRoutes(seq), seq.length)}. With the default ` +
      "`TWILIO_FLEX_IDENTITY_ESCAPES=true` each lookup also asks for the identity's other Flex form when it has one, in the same wave.",
    `- Wall time per person: median ${ms(median(seqMs))}, max ${ms(max(seqMs))} (${settings.latencyMs} ms per call), ` +
      `in ${median(seq.map((run) => run.waves))} sequential waves of calls (median).`,
    `- Steps of the first: ${Object.entries(steps)
      .map(([step, n]) => `${step} × ${n}`)
      .join(', ')}; completed: ${seq.every((run) => run.completed)} for all.`,
    `- ${offboarding.atOnce.people} at once (one request each, sent together): ${sec(offboarding.atOnce.wallMs)} wall for all, ` +
      `${ms(median(offboarding.atOnce.perPersonMs))} median per request, ${offboarding.atOnce.calls} Twilio calls, ` +
      `at most ${offboarding.atOnce.emulatorPeak ?? offboarding.atOnce.mostInFlight} in flight (emulator's peak).`,
    `- The first person again (idempotent): ${offboarding.again.calls} Twilio calls (${routes(offboarding.again.byRoute)}), ` +
      `${ms(offboarding.again.ms)}, steps ${Object.entries(offboarding.again.steps)
        .map(([step, n]) => `${step} × ${n}`)
        .join(', ')}.`,
    '',
  ].join('\n');
}
