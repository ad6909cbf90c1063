import { startEmulator, type EmulatorAccount } from '../../emulator/index.js';
import { loadConfig } from '../../server/config.js';
import { startGateway } from '../../server/http.js';
import type { DestinationStream } from '../../server/logger.js';
import { createEmulatorClient, type EmulatorClient } from './emulator.js';
import { execute, type ExecuteOptions, type GraphQLResponse } from './graphql.js';

export interface StackOptions {
  seedUsers?: number;
  /**
   * Extra gateway environment (as the real process would read it), e.g. TWILIO_RETRIES; a function
   * gets the emulator's accounts first (for settings that name them, like TWILIO_TENANTS).
   */
  env?: Record<string, string> | ((accounts: EmulatorAccount[]) => Record<string, string>);
  /** Where the gateway writes its JSON log lines (with env LOG_LEVEL set). */
  logDestination?: DestinationStream;
}

export interface Stack {
  /** Gateway base URL. */
  url: string;
  graphqlUrl: string;
  emulator: EmulatorClient;
  execute<TData>(
    query: string,
    variables?: Record<string, unknown>,
    options?: ExecuteOptions,
  ): Promise<GraphQLResponse<TData>>;
  close(): Promise<void>;
}

/**
 * The environment of a gateway whose Twilio is the emulator at `url`, acting as `account`: what
 * every test gateway (one stack, or replicas) starts from.
 */
export function emulatorGatewayEnv(account: EmulatorAccount, url: string): Record<string, string> {
  return {
    PORT: '0',
    HOST: '127.0.0.1',
    TWILIO_ACCOUNT_SID: account.accountSid,
    TWILIO_AUTH_TOKEN: account.authToken,
    TWILIO_FLEX_INSTANCE_SID: account.flexInstanceSid,
    TWILIO_CHAT_SERVICE_SIDS: account.chatServiceSids.join(','),
    TWILIO_FLEX_API_URL: url,
    TWILIO_CONVERSATIONS_API_URL: url,
    TWILIO_CHAT_API_URL: url,
    TWILIO_TASKROUTER_API_URL: url,
    TWILIO_TIMEOUT_MS: '2000',
    LOG_LEVEL: 'silent',
    // The audit trail's own stream (stderr by default) is read by the tests that set it.
    AUDIT_LOG: 'off',
    // Most suites test the graph, not auth: requests without credentials act as account one.
    AUTH_OPEN: 'true',
  };
}

/**
 * A real emulator and a real gateway on free loopback ports, the gateway configured through the
 * same environment variables a deployment uses, as the emulator's first account.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const emulator = await startEmulator({ port: 0, seedUsers: options.seedUsers ?? 120 });
  const [account] = emulator.accounts;
  if (!account) throw new Error('The emulator seeded no account');
  const gateway = await startGateway(
    loadConfig({
      ...emulatorGatewayEnv(account, emulator.url),
      ...(typeof options.env === 'function' ? options.env(emulator.accounts) : options.env),
    }),
    { logDestination: options.logDestination },
  );
  return {
    url: gateway.url,
    graphqlUrl: gateway.graphqlUrl,
    emulator: createEmulatorClient(emulator),
    execute: (query, variables, executeOptions) =>
      execute(gateway.graphqlUrl, query, variables, executeOptions),
    close: async () => {
      await gateway.close();
      await emulator.close();
    },
  };
}
