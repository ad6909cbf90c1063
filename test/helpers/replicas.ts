import { startEmulator, type EmulatorAccount } from '../../emulator/index.js';
import { loadConfig } from '../../server/config.js';
import { startGateway } from '../../server/http.js';
import type { DestinationStream } from '../../server/logger.js';
import { createEmulatorClient, type EmulatorClient } from './emulator.js';
import { execute, type ExecuteOptions, type GraphQLResponse } from './graphql.js';
import { emulatorGatewayEnv } from './stack.js';

/** One secret for every replica of a test deployment, as REDIS_KEY_SECRET must be. */
export const TEST_KEY_SECRET = 'test-key-secret-of-at-least-32-characters';

export interface Replica {
  url: string;
  graphqlUrl: string;
  execute<TData>(
    query: string,
    variables?: Record<string, unknown>,
    options?: ExecuteOptions,
  ): Promise<GraphQLResponse<TData>>;
  close(): Promise<void>;
}

export interface ReplicasOptions {
  /** Gateways to start, each its own server on its own port (default 2). */
  count?: number;
  seedUsers?: number;
  /** The Redis they share; omitted, each keeps its state in process. */
  redisUrl?: string;
  /** Extra environment for every replica (or per replica, by index). */
  env?:
    | Record<string, string>
    | ((accounts: EmulatorAccount[], index: number) => Record<string, string>);
  logDestination?: (index: number) => DestinationStream | undefined;
}

export interface Replicas {
  emulator: EmulatorClient;
  replicas: Replica[];
  close(): Promise<void>;
}

/**
 * One real emulator and several real gateways in front of it, configured as a scaled deployment:
 * same credentials, same REDIS_URL and key secret, each on its own loopback port. The first
 * emulator account is the gateways' own.
 */
export async function startReplicas(options: ReplicasOptions = {}): Promise<Replicas> {
  const emulator = await startEmulator({ port: 0, seedUsers: options.seedUsers ?? 120 });
  const [account] = emulator.accounts;
  if (!account) throw new Error('The emulator seeded no account');
  const replicas: Replica[] = [];
  try {
    for (let index = 0; index < (options.count ?? 2); index += 1) {
      const extra =
        typeof options.env === 'function' ? options.env(emulator.accounts, index) : options.env;
      const gateway = await startGateway(
        loadConfig({
          ...emulatorGatewayEnv(account, emulator.url),
          ...(options.redisUrl
            ? { REDIS_URL: options.redisUrl, REDIS_KEY_SECRET: TEST_KEY_SECRET }
            : {}),
          ...extra,
        }),
        { logDestination: options.logDestination?.(index) },
      );
      replicas.push({
        url: gateway.url,
        graphqlUrl: gateway.graphqlUrl,
        execute: (query, variables, executeOptions) =>
          execute(gateway.graphqlUrl, query, variables, executeOptions),
        close: () => gateway.close(),
      });
    }
  } catch (error) {
    await Promise.all(replicas.map((replica) => replica.close()));
    await emulator.close();
    throw error;
  }
  return {
    emulator: createEmulatorClient(emulator),
    replicas,
    close: async () => {
      await Promise.all(replicas.map((replica) => replica.close()));
      await emulator.close();
    },
  };
}
