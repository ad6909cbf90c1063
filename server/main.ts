import { startEmulator, type RunningEmulator } from '../emulator/index.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { LOCAL_DEV_ORIGINS } from './cors-origins.js';
import { startGateway } from './http.js';

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
    baseUrls: { flex: emulator.url, conversations: emulator.url, chat: emulator.url },
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
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }

  let emulator: RunningEmulator | null = null;
  if (!config.credentials) {
    emulator = await startEmulator({ port: 0 });
    config = embeddedConfig(config, emulator);
  }
  const gateway = await startGateway(config);

  if (emulator) {
    const identity = await exampleIdentity(emulator);
    console.log(
      [
        `identity-gateway: no TWILIO_ACCOUNT_SID/TWILIO_AUTH_TOKEN set, so it runs against the`,
        `embedded Twilio emulator at ${emulator.url} (seeded demo data, account ${config.accountSid}).`,
        ``,
        `GraphQL endpoint and playground: ${gateway.graphqlUrl}`,
        ``,
        `Try:`,
        `  curl -s ${gateway.graphqlUrl} -H 'content-type: application/json' \\`,
        `    -d '{"query":"{ user(identity: \\"${identity}\\") { identity flexUser { fullName roles } conversationsUser { sid friendlyName } chatUsers { serviceSid sid } } }"}'`,
      ].join('\n'),
    );
  } else {
    console.log(
      `identity-gateway: ${gateway.graphqlUrl} (Twilio account ${config.accountSid ?? config.credentials?.username})`,
    );
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`identity-gateway: ${signal}, finishing in-flight requests`);
    void gateway
      .close()
      .then(() => emulator?.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

await main();
