/**
 * Contender: this gateway, started the way a deployment starts it: `npm run build` bundles it
 * into plain JavaScript (dist/, what `npm start` runs), and the environment a deployment sets goes
 * through the gateway's own loadConfig() into startGateway(). This file is the only place the
 * bench touches the gateway's code.
 *
 * Two settings differ from a default deployment, so that it does the same work as the other
 * contenders: AUTH_OPEN=true (no client authentication: none of the others verifies a token),
 * and LOG_LEVEL=warn (none of the others logs each request).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type * as Gateway from '../../server/index.js';
import type { ContenderModule } from './types.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Builds dist/ from the current sources and loads it (not the TypeScript sources through tsx). */
async function loadBuiltGateway(): Promise<typeof Gateway> {
  // The hot workload starts several gateways from one build: its driver builds once.
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  }
  return (await import(new URL('../../dist/index.mjs', import.meta.url).href)) as typeof Gateway;
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

export async function startGatewayForBench(config: GatewayBenchConfig) {
  const { limitHeapGrowth, loadConfig, startGateway } = await loadBuiltGateway();
  // As main.ts does for npm start: the process's heap settings are the entry point's.
  limitHeapGrowth();
  const gateway = await startGateway(
    loadConfig({
      NODE_ENV: process.env.NODE_ENV ?? 'production',
      AUTH_OPEN: 'true',
      LOG_LEVEL: 'warn',
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
      // Nothing kept across requests: the other contenders read Twilio for every workload, so
      // the main scenarios compare the same work. The hot workload (hot.ts) measures the cache,
      // with its variants: CACHE_TTL_SECONDS, REDIS_URL, REDIS_KEY_SECRET.
      CACHE_TTL_SECONDS: '0',
      ...(JSON.parse(process.env.BENCH_GATEWAY_ENV ?? '{}') as Record<string, string>),
    }),
  );
  return { url: gateway.url, graphqlUrl: gateway.graphqlUrl, close: () => gateway.close() };
}

export const contender: ContenderModule = {
  name: 'gateway',
  kind: 'graphql',
  describe:
    'identity-gateway (Apollo Server 5 + per-request DataLoaders over undici), as npm run build bundles it',
  packages: [],
  start: async (emulatorUrl, account) => {
    const gateway = await startGatewayForBench({
      twilioAccountSid: account.accountSid,
      twilioAuthToken: account.authToken,
      flexInstanceSid: account.flexInstanceSid,
      chatServiceSids: account.chatServiceSids,
      flexApiUrl: emulatorUrl,
      conversationsApiUrl: emulatorUrl,
      chatApiUrl: emulatorUrl,
      taskrouterApiUrl: emulatorUrl,
      port: 0,
    });
    return {
      url: gateway.url,
      path: new URL(gateway.graphqlUrl).pathname,
      close: gateway.close,
    };
  },
};
