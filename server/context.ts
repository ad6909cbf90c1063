import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import pLimit from 'p-limit';
import { createDataSources, type DataSourceOptions } from '../datasources/index.js';
import type { SharedTransport, UpstreamObserver } from '../datasources/http.js';
import type { Context } from '../resolvers/context.js';
import type { Config } from './config.js';
import { resolveTenant } from './tenant.js';

export type Transports = DataSourceOptions['transports'];

/** Sockets and concurrency caps, one set per Twilio host, shared by every request. */
export function createTransports(config: Config): Transports & { destroy(): void } {
  const agents: SharedTransport['agents'][] = [];
  const transport = (): SharedTransport => {
    const options = { keepAlive: true, maxSockets: config.maxConcurrencyPerHost };
    const pair = { http: new HttpAgent(options), https: new HttpsAgent(options) };
    agents.push(pair);
    return { agents: pair, limiter: pLimit(config.maxConcurrencyPerHost) };
  };
  return {
    flex: transport(),
    conversations: transport(),
    chat: transport(),
    destroy: () => {
      for (const pair of agents) {
        pair.http.destroy();
        pair.https.destroy();
      }
    },
  };
}

/** Runs once per request: whose account, then that account's clients and fresh loaders. */
export function createContextFunction(
  config: Config,
  transports: Transports,
  observer?: UpstreamObserver,
) {
  return (headers: Record<string, string | string[] | undefined>): Context => {
    const tenant = resolveTenant(headers, config);
    const { apis, loaders } = createDataSources(tenant.credentials, {
      baseUrls: config.baseUrls,
      transports,
      timeoutMs: config.timeoutMs,
      retries: config.retries,
      maxRetryAfterSeconds: config.maxRetryAfterSeconds,
      observer,
      userAgent: 'identity-gateway/0.1',
    });
    return {
      apis,
      loaders,
      defaults: { flexInstanceSid: tenant.flexInstanceSid, chatServiceSids: tenant.chatServiceSids },
    };
  };
}
