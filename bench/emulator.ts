/**
 * Child-process entry for the Twilio emulator the contenders call: its own process, so its CPU
 * and memory are not the driver's. `node --import tsx emulator.ts <seedUsers> [--plant-orphans]`
 * (the reconciliation's planted orphans and drift, emulator/seed-reconciliation.ts); prints
 * `BENCH_READY {"url", "accounts"}`; stops on SIGTERM, SIGINT or when stdin closes.
 */
import { startEmulator } from '../emulator/index.js';

const seedUsers = Number(process.argv[2] ?? '10000');
// Without the flag, the emulator's own default (planted since the oracle landed).
const plantOrphans = process.argv.includes('--plant-orphans') ? true : undefined;
const emulator = await startEmulator({ port: 0, host: '127.0.0.1', seedUsers, plantOrphans });

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  const force = setTimeout(() => process.exit(0), 5_000);
  force.unref();
  emulator.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();

process.stdout.write(
  `BENCH_READY ${JSON.stringify({ url: emulator.url, accounts: emulator.accounts })}\n`,
);
