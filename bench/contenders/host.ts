/**
 * Child-process entry for one contender: `node --import tsx contenders/host.ts <name>`, with
 * BENCH_CONFIG = {"emulatorUrl": ..., "account": {...}} in the environment. Prints
 * `BENCH_READY <json>` once listening, and stops on SIGTERM, SIGINT or when stdin closes (so a
 * dying driver never leaves it behind).
 */
import type { BenchAccount } from '../scenarios/types.js';
import type { ContenderModule, ReadyMessage } from './types.js';

const name = process.argv[2];
const config = JSON.parse(process.env.BENCH_CONFIG ?? '{}') as {
  emulatorUrl?: string;
  account?: BenchAccount;
};
if (!name || !config.emulatorUrl || !config.account) {
  console.error('usage: BENCH_CONFIG=<json> node --import tsx contenders/host.ts <name>');
  process.exit(2);
}

const { contender } = (await import(`./${name}.js`)) as { contender: ContenderModule };
const running = await contender.start(config.emulatorUrl, config.account);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  const force = setTimeout(() => process.exit(0), 5_000);
  force.unref();
  running.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(`${name}: close failed`, error);
      process.exit(1);
    },
  );
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();

const ready: ReadyMessage = {
  name: contender.name,
  kind: contender.kind,
  url: running.url,
  path: running.path,
  ...(running.graphqlPath ? { graphqlPath: running.graphqlPath } : {}),
  ...(running.headers ? { headers: running.headers } : {}),
  describe: contender.describe,
  packages: contender.packages,
};
process.stdout.write(`BENCH_READY ${JSON.stringify(ready)}\n`);
