/**
 * Contender: client-side fan-out with Twilio's official Node SDK (`twilio`), the way a careful
 * developer would write it in a backend: SDK resources where the SDK has them
 * (`conversations.v1.users(x).fetch()`, `chat.v2.services(s).users(x).fetch()`,
 * `flexApi.v2.flexUser(i, s).fetch()/update()`, `taskrouter.v1.workspaces(w).workers(s).fetch()`,
 * `userConversations.page()`, `userChannels.page()`), the SDK's generic `client.request()` for Flex v1
 * list and v4 (not in the SDK), independent calls under Promise.all, each person fetched once.
 *
 * Pointing it at the emulator: the SDK builds https://<product>.twilio.com URLs. We pass our own
 * `httpClient` (the SDK's RequestClient with its default options) whose axios instance gets a
 * request interceptor that rewrites those origins to the emulator's loopback URL. To keep the
 * SDK's connection behaviour (its https.Agent: keep-alive, 20 sockets per host, 100 in total),
 * each Twilio host gets an http.Agent with the same settings, so the products still have
 * separate socket pools as they do against real Twilio. TWILIO_REGION / TWILIO_EDGE stay unset.
 */
import http from 'node:http';
import twilio from 'twilio';
import type { Scenario, TwilioLike, Variables } from '../scenarios/types.js';
import { startRunServer } from './run-server.js';
import type { ContenderModule } from './types.js';

const TWILIO_HOSTS = [
  'flex-api.twilio.com',
  'conversations.twilio.com',
  'chat.twilio.com',
  'taskrouter.twilio.com',
];

/** The SDK's own RequestClient defaults (twilio-node src/base/RequestClient.ts). */
const SDK_AGENT_OPTIONS: http.AgentOptions = {
  keepAlive: true,
  timeout: 30_000,
  maxSockets: 20,
  maxTotalSockets: 100,
  maxFreeSockets: 5,
};

export function createEmulatorTwilioClient(
  emulatorUrl: string,
  accountSid: string,
  authToken: string,
) {
  const emulator = new URL(emulatorUrl);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(emulator.hostname)) {
    throw new Error(`The bench only targets loopback, not ${emulator.hostname}`);
  }
  const agents = new Map(TWILIO_HOSTS.map((host) => [host, new http.Agent(SDK_AGENT_OPTIONS)]));
  const httpClient = new twilio.RequestClient({});
  httpClient.axios.interceptors.request.use((config) => {
    const url = new URL(config.url ?? '');
    const agent = agents.get(url.hostname);
    if (!agent) throw new Error(`Unexpected Twilio host ${url.hostname}`);
    config.url = `${emulator.origin}${url.pathname}${url.search}`;
    config.httpAgent = agent;
    return config;
  });
  const client = twilio(accountSid, authToken, { httpClient });
  return {
    client,
    destroy: () => agents.forEach((agent) => agent.destroy()),
  };
}

export const contender: ContenderModule = {
  name: 'twilio-sdk',
  kind: 'run',
  describe:
    'official twilio SDK in a Node backend: SDK resources + client.request() for Flex v1/v4, Promise.all, distinct people fetched once',
  packages: ['twilio'],
  start: async (emulatorUrl, account) => {
    const { client, destroy } = createEmulatorTwilioClient(
      emulatorUrl,
      account.accountSid,
      account.authToken,
    );
    // The SDK client satisfies the structural TwilioLike the scenarios are written against.
    const sdk: TwilioLike = client;
    const server = await startRunServer((scenario: Scenario, input: Variables) =>
      scenario.sdk(sdk, account, input),
    );
    return {
      url: server.url,
      path: '/run',
      close: async () => {
        await server.close();
        destroy();
      },
    };
  },
};
