/**
 * A gateway build for ab.ts, in a process of its own without tsx (as `npm start` runs it; ab.ts
 * bundles this file to bench/.bundles/ab-host.js): `node ab-host.js <dist dir>` with BENCH_CONFIG = {"emulatorUrl", "account"} and the gateway's
 * settings in BENCH_GATEWAY_ENV. Prints `BENCH_READY {"url", "path"}`; stops when stdin closes.
 */
import './timeline-hook.js';
import { pathToFileURL } from 'node:url';
import { join, resolve } from 'node:path';
import type * as Gateway from '../../server/index.js';
import type { BenchAccount } from '../scenarios/types.js';
import { deploymentEnv } from './deployment-env.js';

const dist = resolve(process.argv[2] ?? 'dist');
const { emulatorUrl, account } = JSON.parse(process.env.BENCH_CONFIG ?? '{}') as {
  emulatorUrl: string;
  account: BenchAccount;
};
const { limitHeapGrowth, loadConfig, startGateway } = (await import(
  pathToFileURL(join(dist, 'index.mjs')).href
)) as typeof Gateway;
// Builds from before heap.ts have none.
limitHeapGrowth?.();
const gateway = await startGateway(
  loadConfig({
    ...deploymentEnv(emulatorUrl, account),
    PORT: '0',
    CACHE_TTL_SECONDS: '0',
    ...(JSON.parse(process.env.BENCH_GATEWAY_ENV ?? '{}') as Record<string, string>),
  }),
);
const stop = () => void gateway.close().then(() => process.exit(0));
process.stdin.on('end', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
process.stdout.write(
  `BENCH_READY ${JSON.stringify({ url: gateway.url, path: new URL(gateway.graphqlUrl).pathname })}\n`,
);
