/**
 * Contender: this gateway, started the way a deployment starts it: `npm run build` bundles it
 * into plain JavaScript (dist/, what `npm start` runs), and the environment a deployment sets goes
 * through the gateway's own loadConfig() into startGateway(). This file is the only place the
 * bench touches the gateway's code.
 *
 * Two rows (docs in bench/README.md):
 * - `gateway`, every production feature on: bearer JWTs (AUTH_JWT_SECRET; the driver sends the
 *   token this contender mints), query limits, metrics, one log line per operation at `info`
 *   (written to /dev/null through pino's own destination, so nothing the driver must drain),
 *   breakers and budgets (always on), the audit log (to /dev/null), and the cross-request cache
 *   configured but missing: every request says `Cache-Control: no-cache`, so each read computes
 *   its key, goes to Twilio and fills the cache, as a miss does; only the store's lookup (a Map
 *   read) is skipped.
 * - `gateway-lean` (gateway-lean.ts): what the bench measured before, a reference for profiling:
 *   AUTH_OPEN=true, LOG_LEVEL=warn, CACHE_TTL_SECONDS=0 (no cache at all).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SignJWT } from 'jose';
import { pino } from 'pino';
import type * as Gateway from '../../server/index.js';
import type { ContenderModule, StartedContender } from './types.js';
import type { BenchAccount } from '../scenarios/types.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Builds dist/ from the current sources and loads it (not the TypeScript sources through tsx). */
async function loadBuiltGateway(): Promise<typeof Gateway> {
  // The hot workload starts several gateways from one build: its driver builds once.
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  }
  // cpu-ab.ts compares two builds: it names the other one's directory.
  const dist = process.env.BENCH_GATEWAY_DIST;
  const entry = dist
    ? pathToFileURL(join(dist, 'index.mjs'))
    : new URL('../../dist/index.mjs', import.meta.url);
  return (await import(entry.href)) as typeof Gateway;
}

export interface GatewayBenchConfig {
  twilioAccountSid: string;
  twilioAuthToken: string;
  flexInstanceSid: string;
  chatServiceSids: string[];
  flexApiUrl: string;
  conversationsApiUrl: string;
  chatApiUrl: string;
  taskrouterApiUrl: string;
  port: 0;
}

/**
 * Both rows: the other contenders ask Flex for an identity as it is; with escapes on (the
 * default) the gateway also asks for the escaped form of email identities (profile 4–8 calls
 * instead of 2–4, roster 167 instead of 101), work the others don't do.
 */
const SAME_CALLS_ENV: Record<string, string> = { TWILIO_FLEX_IDENTITY_ESCAPES: 'false' };

/** Today's bench settings: no client authentication, no request log, no cache. */
export const LEAN_ENV: Record<string, string> = {
  AUTH_OPEN: 'true',
  LOG_LEVEL: 'warn',
  // Nothing kept across requests: the other contenders read Twilio for every workload, so
  // the main scenarios compare the same work. The hot workload (hot.ts) measures the cache,
  // with its variants: CACHE_TTL_SECONDS, REDIS_URL, REDIS_KEY_SECRET.
  CACHE_TTL_SECONDS: '0',
  ...SAME_CALLS_ENV,
};

/** A deployment's settings, as far as they change the work per request. */
const JWT_SECRET = 'bench-only-secret-bench-only-secret-0123456789';
const PRODUCTION_ENV: Record<string, string> = {
  AUTH_JWT_SECRET: JWT_SECRET,
  LOG_LEVEL: 'info',
  CACHE_TTL_SECONDS: '30',
  AUDIT_LOG: '/dev/null',
  ...SAME_CALLS_ENV,
};

export async function startGatewayForBench(
  config: GatewayBenchConfig,
  env: Record<string, string> = LEAN_ENV,
  logToDevNull = false,
) {
  const { limitHeapGrowth, loadConfig, startGateway, createLogDestination } =
    await loadBuiltGateway();
  // As main.ts does for npm start: the process's heap settings are the entry point's.
  limitHeapGrowth();
  const settings = loadConfig({
    NODE_ENV: process.env.NODE_ENV ?? 'production',
    HOST: '127.0.0.1',
    PORT: String(config.port),
    TWILIO_ACCOUNT_SID: config.twilioAccountSid,
    TWILIO_AUTH_TOKEN: config.twilioAuthToken,
    TWILIO_FLEX_INSTANCE_SID: config.flexInstanceSid,
    TWILIO_CHAT_SERVICE_SIDS: config.chatServiceSids.join(','),
    TWILIO_FLEX_API_URL: config.flexApiUrl,
    TWILIO_CONVERSATIONS_API_URL: config.conversationsApiUrl,
    TWILIO_CHAT_API_URL: config.chatApiUrl,
    TWILIO_TASKROUTER_API_URL: config.taskrouterApiUrl,
    ...env,
    ...(JSON.parse(process.env.BENCH_GATEWAY_ENV ?? '{}') as Record<string, string>),
  });
  // The gateway's own destination (buffered for LOG_FLUSH_MS), on /dev/null: the lines are
  // formatted and written as in production, and no pipe to the driver fills up. Builds from
  // before createLogDestination (cpu-ab.ts's base) wrote each line at once, as pino's does.
  const logDestination = logToDevNull
    ? (createLogDestination?.('/dev/null', settings.logFlushMs) ??
      pino.destination({ dest: '/dev/null', sync: false }))
    : undefined;
  const gateway = await startGateway(settings, logDestination ? { logDestination } : {});
  return { url: gateway.url, graphqlUrl: gateway.graphqlUrl, close: () => gateway.close() };
}

/** A token as a client holds one: valid for an hour, reused for every request. */
function benchToken(): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('bench-client')
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(JWT_SECRET));
}

export async function startGatewayContender(
  emulatorUrl: string,
  account: BenchAccount,
  production: boolean,
): Promise<StartedContender> {
  const gateway = await startGatewayForBench(
    {
      twilioAccountSid: account.accountSid,
      twilioAuthToken: account.authToken,
      flexInstanceSid: account.flexInstanceSid,
      chatServiceSids: account.chatServiceSids,
      flexApiUrl: emulatorUrl,
      conversationsApiUrl: emulatorUrl,
      chatApiUrl: emulatorUrl,
      taskrouterApiUrl: emulatorUrl,
      port: 0,
    },
    production ? PRODUCTION_ENV : LEAN_ENV,
    production,
  );
  return {
    url: gateway.url,
    path: new URL(gateway.graphqlUrl).pathname,
    ...(production
      ? { headers: { authorization: `Bearer ${await benchToken()}`, 'cache-control': 'no-cache' } }
      : {}),
    close: gateway.close,
  };
}

export const contender: ContenderModule = {
  name: 'gateway',
  kind: 'graphql',
  describe:
    'identity-gateway as npm run build bundles it, every production feature on: bearer JWT, limits, metrics, info logs (to /dev/null), breakers, budgets, audit, cache configured but missing',
  packages: [],
  start: (emulatorUrl, account) => startGatewayContender(emulatorUrl, account, true),
};
