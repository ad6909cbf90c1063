import { parseArgs } from 'node:util';
import { startEmulator, type RunningEmulator } from '../emulator/index.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { LOCAL_DEV_ORIGINS } from './cors-origins.js';
import { startGateway, type RunningGateway } from './http.js';
import { limitHeapGrowth } from './heap.js';
import { createLogDestination, createLogger } from './logger.js';
import { StartupError } from './startup-error.js';

const USAGE = `identity-gateway: one GraphQL endpoint for a person across Twilio Flex, Conversations
and Programmable Chat.

Usage:
  npm start                  bundle (npm run build) and run: http://127.0.0.1:4000/graphql
  npm run dev                run the TypeScript sources, restarting on change
  node --max-semi-space-size=8 dist/main.mjs
                             run the bundle npm run build wrote
  npm start -- --help        this text

Without Twilio credentials it starts an embedded Twilio emulator, seeded with demo data, and runs
against it. Other commands: npm test (the tests), npm run check (what to run before pushing),
npm run emulator (the emulator alone; npm run emulator -- --help).

Settings come from the process environment only. The main ones (all of them, with defaults, are in
docs/configuration.md):
  TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN   the Twilio account (or TWILIO_API_KEY, TWILIO_API_SECRET)
  TWILIO_FLEX_INSTANCE_SID                default Flex instance (GO...)
  TWILIO_CHAT_SERVICE_SIDS                chat services (IS...) to look people up in, comma-separated
  TWILIO_TENANTS                          more accounts, as JSON (tenant id -> credentials)
  AUTH_JWT_SECRET or AUTH_JWKS_URL        accept bearer tokens from frontends
  PORT, HOST                              where it listens (4000, 127.0.0.1)
  LOG_LEVEL                               pino level (info; silent turns logs off)
  LOG_FLUSH_MS                            longest a line waits in stdout's buffer (100; 0: none)
To read them from a file: node --env-file=.env --max-semi-space-size=8 dist/main.mjs
(.env.example lists them).

Options:
  -h, --help   print this and exit
`;

/** Handles the command line: only --help; anything else is a mistake worth stopping for. */
function readCommandLine(): void {
  let help: boolean | undefined;
  try {
    ({ help } = parseArgs({ options: { help: { type: 'boolean', short: 'h' } } }).values);
  } catch (error) {
    console.error(`identity-gateway: ${(error as Error).message}\nRun with --help for usage.`);
    process.exit(2);
  }
  if (help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
}

/** With no credentials, the gateway runs against the local emulator's first seeded account. */
function embeddedConfig(config: Config, emulator: RunningEmulator): Config {
  const [account] = emulator.accounts;
  if (!account) throw new Error('The emulator seeded no account');
  return {
    ...config,
    credentials: { username: account.accountSid, password: account.authToken },
    accountSid: account.accountSid,
    flexInstanceSid: account.flexInstanceSid,
    chatServiceSids: account.chatServiceSids,
    baseUrls: {
      flex: emulator.url,
      conversations: emulator.url,
      chat: emulator.url,
      taskrouter: emulator.url,
    },
    // The demo answers without credentials: its data is the emulator's seed, not anyone's.
    auth: { ...config.auth, open: true },
    // A frontend's dev server, on whatever port, can call the demo with no setting.
    cors:
      config.cors.origins.length > 0 ? config.cors : { ...config.cors, origins: LOCAL_DEV_ORIGINS },
  };
}

async function exampleIdentity(emulator: RunningEmulator): Promise<string> {
  const response = await fetch(
    `${emulator.url}/__emulator/people?flex=true&conversations=true&extraChat=true&limit=1`,
  );
  const { people } = (await response.json()) as { people: { identity: string }[] };
  return people[0]?.identity ?? 'someone@example.com';
}

async function main() {
  readCommandLine();
  limitHeapGrowth();
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      // LOG_LEVEL itself may be what is wrong.
      createLogger('info').fatal(`Configuration error: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const log = createLogger(config.logLevel, createLogDestination(1, config.logFlushMs));

  let emulator: RunningEmulator | null = null;
  if (!config.credentials && config.production) {
    // A deployment that lost its secret must not quietly serve the demo's open emulator.
    log.fatal(
      'Configuration error: NODE_ENV=production needs Twilio credentials (TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN, or TWILIO_API_KEY and TWILIO_API_SECRET); the embedded demo emulator runs only outside production',
    );
    process.exit(1);
  }
  if (!config.credentials) {
    emulator = await startEmulator({ port: 0 });
    config = embeddedConfig(config, emulator);
  }
  let gateway: RunningGateway;
  try {
    gateway = await startGateway(config, { log });
  } catch (error) {
    if (error instanceof StartupError) {
      log.fatal({ code: error.code }, `Cannot start: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }

  const where = config.playground ? 'GraphQL endpoint and playground' : 'GraphQL endpoint';
  if (emulator) {
    const identity = await exampleIdentity(emulator);
    const query = `{ user(identity: ${JSON.stringify(identity)}) { identity flexUser { fullName roles } conversationsUser { sid friendlyName } chatUsers { serviceSid sid } } }`;
    log.info(
      {
        graphqlUrl: gateway.graphqlUrl,
        emulatorUrl: emulator.url,
        accountSid: config.accountSid,
        exampleIdentity: identity,
        try: `curl -s ${gateway.graphqlUrl} -H 'content-type: application/json' -d '${JSON.stringify({ query })}'`,
      },
      `identity-gateway: ${where} ${gateway.graphqlUrl}, against the embedded Twilio emulator ` +
        `(no TWILIO_ACCOUNT_SID/TWILIO_AUTH_TOKEN set: seeded demo data)`,
    );
  } else {
    log.info(
      {
        graphqlUrl: gateway.graphqlUrl,
        accountSid: config.accountSid ?? config.credentials?.username,
      },
      `identity-gateway: ${where} ${gateway.graphqlUrl}`,
    );
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, `identity-gateway: ${signal}, finishing in-flight requests`);
    void gateway
      .close()
      .then(() => emulator?.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

await main();
