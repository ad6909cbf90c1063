/**
 * Figures for the back-office operations: a CSV import of `users` people through
 * bin/import-users.ts (Twilio calls, wall time, most calls at once at the emulator), then a
 * `people` search over a `seed`-person emulator that finds nobody (the whole list scanned).
 *
 *   npm run bench:back-office [-- --users 200 --seed 10000 --latency 100]
 *
 * The emulator answers each call after `latency` ms, about what Twilio takes, so that calls in
 * flight overlap as they would against Twilio. The gateway runs with its defaults
 * (BULK_CONCURRENCY 8, SEARCH_MAX_PAGES raised to cover the seed).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startEmulator, type EmulatorAccount } from '../emulator/index.js';
import { loadConfig } from '../server/config.js';
import { startGateway } from '../server/http.js';
import { createEmulatorClient } from '../test/helpers/emulator.js';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '200' },
    seed: { type: 'string', default: '10000' },
    latency: { type: 'string', default: '100' },
  },
});
const users = Number(values.users);
const latencyMs = Number(values.latency);

const emulator = await startEmulator({ port: 0, seedUsers: Number(values.seed) });
const control = createEmulatorClient(emulator);
const account = emulator.accounts[0] as EmulatorAccount;
const gateway = await startGateway(
  loadConfig({
    PORT: '0',
    TWILIO_ACCOUNT_SID: account.accountSid,
    TWILIO_AUTH_TOKEN: account.authToken,
    TWILIO_FLEX_INSTANCE_SID: account.flexInstanceSid,
    TWILIO_FLEX_API_URL: emulator.url,
    TWILIO_CONVERSATIONS_API_URL: emulator.url,
    TWILIO_CHAT_API_URL: emulator.url,
    AUTH_OPEN: 'true',
    LOG_LEVEL: 'silent',
    AUDIT_LOG: 'off',
    SEARCH_MAX_PAGES: '100',
    REQUEST_BUDGET_MS: '60000',
  }),
);
const dir = mkdtempSync(join(tmpdir(), 'bench-back-office-'));

try {
  await control.setFaults({ latencyMs });
  const csv = join(dir, 'users.csv');
  const rows = Array.from(
    { length: users },
    (_, i) => `bench.${i}@owlbank.example,bench.${i}@owlbank.example,Bench Person ${i},agent`,
  );
  writeFileSync(csv, `username,email,full_name,roles\n${rows.join('\n')}\n`);
  await control.clearRequests();
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
  const importCalls = (await control.requests()).length;
  const importPeak = (await control.concurrency())[account.accountSid]?.peak ?? 0;

  await control.clearRequests();
  const searchStarted = performance.now();
  const response = await fetch(gateway.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `{ people(filter: { email: "nobody@nowhere.example" }) { scannedPages scannedUsers } }`,
    }),
  });
  const search = (
    (await response.json()) as {
      data: { people: { scannedPages: number; scannedUsers: number } };
    }
  ).data.people;
  const searchMs = performance.now() - searchStarted;
  const searchCalls = (await control.requests()).length;

  console.log(`emulator latency ${latencyMs} ms per call, seed ${values.seed} people`);
  console.log(
    `CSV import of ${users} users (exit ${exitCode}): ${importCalls} Twilio calls, ${(importMs / 1000).toFixed(2)} s wall (script start included), peak ${importPeak} calls in flight`,
  );
  console.log(
    `people search over ${search.scannedUsers} Flex users: ${searchCalls} Twilio calls (${search.scannedPages} pages), ${searchMs.toFixed(0)} ms wall`,
  );
} finally {
  await gateway.close();
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
}
