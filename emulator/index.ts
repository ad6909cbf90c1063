import { createApp } from './app.js';
import type { EmulatorOptions, RunningEmulator } from './types.js';
export type {
  ExpectedFinding,
  ExpectedFindingKind,
  ExpectedFindings,
} from './expected-findings.js';
import { World } from './world.js';

export type {
  AccountConcurrency,
  EmulatorAccount,
  EmulatorOptions,
  FaultRules,
  FaultSettings,
  LoggedRequest,
  RunningEmulator,
  SeededPerson,
} from './types.js';

/** Seeds a world and serves Flex, Conversations and Chat on one base URL. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const world = new World(
    {
      seedUsers: options.seedUsers ?? 300,
      seed: options.seed ?? 1,
      plantOrphans: options.plantOrphans,
    },
    options.requestLogCapacity,
  );
  const app = createApp(world);
  const host = options.host ?? '127.0.0.1';
  await app.listen({ port: options.port ?? 0, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    accounts: world.accounts(),
    close: () => app.close(),
  };
}
