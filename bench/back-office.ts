/**
 * Figures for the back-office operations (issue 14), against the emulator (its own process) and
 * this gateway as `npm start` runs it (dist/main.mjs, its own process):
 * - a CSV import of `users` people through bin/import-users.ts (calls, wall time, most at once);
 * - a `people` search that finds nobody (the whole Flex list scanned);
 * - `provisionFlexUsers` of `bulk` users, then again with a burst of 429s (Retry-After honoured);
 * - `offboardPerson` for `offboard` people one after another, `at-once` together, one again.
 *
 *   npm run bench:back-office [-- --users 200 --seed 10000 --latency 100 --offboard 10
 *     --at-once 5 --bulk 100 --burst 8]
 *
 * The emulator answers each call after `latency` ms, about what Twilio takes, so that calls in
 * flight overlap as they would against Twilio. Writes bench/results/back-office.md and .json.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measureBulk, type BulkRun } from './back-office/bulk.js';
import { measureOffboarding } from './back-office/offboarding.js';
import { renderBackOffice, type BackOfficeResult } from './back-office/report.js';
import { deploymentEnv } from './measure/deployment-env.js';
import { buildGateway, startGatewayProcess } from './measure/gateway-process.js';
import { graphql } from './measure/graphql.js';
import { loadAverage, machine } from './measure/machine.js';
import { publishResults } from './measure/results.js';
import { startReadyChild } from './measure/process.js';
import { mostInFlight } from './measure/routes.js';
import { callsOf, createEmulatorControl } from './measure/upstream.js';
import type { BenchAccount } from './scenarios/types.js';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '200' },
    seed: { type: 'string', default: '10000' },
    latency: { type: 'string', default: '100' },
    offboard: { type: 'string', default: '10' },
    'at-once': { type: 'string', default: '5' },
    bulk: { type: 'string', default: '100' },
    burst: { type: 'string', default: '8' },
  },
});
const settings = {
  users: Number(values.users),
  seed: Number(values.seed),
  latencyMs: Number(values.latency),
  offboard: Number(values.offboard),
  atOnce: Number(values['at-once']),
  bulk: Number(values.bulk),
  burst: Number(values.burst),
};
const command = `npm run bench:back-office${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
const log = (message: string) => process.stderr.write(`[back-office] ${message}\n`);

const started = Date.now();
const loadBefore = loadAverage();
buildGateway();
const emulator = await startReadyChild<{ url: string; accounts: BenchAccount[] }>(
  fileURLToPath(new URL('./emulator.ts', import.meta.url)),
  [String(settings.seed)],
  {},
  { label: 'emulator', timeoutMs: 180_000 },
);
const account = emulator.ready.accounts[0];
if (!account) throw new Error('The emulator seeded no account');
const control = createEmulatorControl(emulator.ready.url);
// The search scans the whole seed (the default stops at fewer pages), and the import's batches
// of 100 at this latency need more than the default 15 s request budget.
const gatewayEnv = { SEARCH_MAX_PAGES: '100', REQUEST_BUDGET_MS: '60000' };
const gateway = await startGatewayProcess({
  ...deploymentEnv(emulator.ready.url, account),
  ...gatewayEnv,
});
const dir = mkdtempSync(join(tmpdir(), 'bench-back-office-'));
const calls = async () => callsOf(await control.log(), account.accountSid);

try {
  await control.setLatency(settings.latencyMs);

  log(`CSV import of ${settings.users} users`);
  const csv = join(dir, 'users.csv');
  const rows = Array.from(
    { length: settings.users },
    (_, i) => `bench.${i}@owlbank.example,bench.${i}@owlbank.example,Bench Person ${i},agent`,
  );
  writeFileSync(csv, `username,email,full_name,roles\n${rows.join('\n')}\n`);
  await control.clearLog();
  const importStarted = performance.now();
  const exitCode = await new Promise<number>((resolve) => {
    execFile(
      process.execPath,
      [
        '--import',
        'tsx',
        join(import.meta.dirname, '../bin/import-users.ts'),
        csv,
        '--gateway',
        gateway.url,
      ],
      { timeout: 600_000 },
      (error) => resolve(error ? Number(error.code) : 0),
    );
  });
  const importMs = performance.now() - importStarted;
  const importCalls = await calls();

  log('people search');
  await control.clearLog();
  const searchStarted = performance.now();
  const { people } = await graphql<{ people: { scannedPages: number; scannedUsers: number } }>(
    gateway.graphqlUrl,
    `
      query Search {
        people(filter: { email: "nobody@nowhere.example" }) {
          scannedPages
          scannedUsers
        }
      }
    `,
  );
  const searchMs = performance.now() - searchStarted;
  const searchCalls = (await calls()).length;

  log(`bulk provisioning of ${settings.bulk} users, then with ${settings.burst} 429s`);
  const bulk: BulkRun[] = [];
  bulk.push(
    await measureBulk(gateway.graphqlUrl, emulator.ready.url, control, account.accountSid, {
      label: 'as is',
      tag: 'plain',
      items: settings.bulk,
      faults: { latencyMs: settings.latencyMs },
    }),
  );
  bulk.push(
    await measureBulk(gateway.graphqlUrl, emulator.ready.url, control, account.accountSid, {
      label: `first ${settings.burst} Provision calls 429 (Retry-After 1 s)`,
      tag: 'burst',
      items: settings.bulk,
      faults: {
        latencyMs: settings.latencyMs,
        rateLimitRate: 1,
        retryAfterSeconds: 1,
        times: settings.burst,
        path: 'Users/Provision$',
      },
    }),
  );
  await control.setLatency(settings.latencyMs);

  log(`offboarding ${settings.offboard} people one by one, ${settings.atOnce} at once`);
  const offboarding = await measureOffboarding(
    gateway.graphqlUrl,
    emulator.ready.url,
    control,
    account.accountSid,
    settings.offboard,
    settings.atOnce,
  );

  const result: BackOfficeResult = {
    command,
    startedAt: new Date(started).toISOString(),
    durationSec: (Date.now() - started) / 1000,
    machine: machine(),
    loadAverage: { before: loadBefore, after: loadAverage() },
    settings,
    gatewayEnv,
    import: {
      users: settings.users,
      exitCode,
      calls: importCalls.length,
      wallMs: importMs,
      mostInFlight: mostInFlight(importCalls),
    },
    search: { ...people, calls: searchCalls, wallMs: searchMs },
    bulk,
    offboarding,
  };
  publishResults('back-office', renderBackOffice(result), result);
} finally {
  await gateway.stop();
  await emulator.stop();
  rmSync(dir, { recursive: true, force: true });
}
