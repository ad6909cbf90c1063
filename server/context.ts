import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import CircuitBreaker from 'opossum';
import pLimit from 'p-limit';
import { TwilioError } from '../datasources/errors.js';
import type { SharedTransport } from '../datasources/http.js';
import { createHash } from 'node:crypto';
import {
  createDataSources,
  createTenantClients,
  type ClientSettings,
  type Credentials,
  type TenantClients,
} from '../datasources/index.js';
import type { Context, RequestTelemetry } from '../resolvers/context.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';
import { createTenantResolver } from './tenant.js';

export type Transports = ClientSettings['transports'];

/** Sockets and concurrency caps, one set per Twilio host, shared by every request. */
export function createTransports(config: Config): Transports & { destroy(): void } {
  const agents: SharedTransport['agents'][] = [];
  const transport = (): SharedTransport => {
    const options = { keepAlive: true, maxSockets: config.maxConcurrencyPerHost };
    const pair = { http: new HttpAgent(options), https: new HttpsAgent(options) };
    agents.push(pair);
    return {
      agents: pair,
      limiter: pLimit(config.maxConcurrencyPerHost),
      breaker: createBreaker(),
    };
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

/**
 * Opens when at least half of the last 10 s of calls (and at least 10 calls) failed with a 5xx, a
 * timeout or no connection; after 5 s one call is let through to probe. Twilio's 4xx answers are
 * about the request, not the host's health, so they never count.
 */
function createBreaker() {
  const breaker = new CircuitBreaker((call: () => Promise<unknown>) => call(), {
    timeout: false,
    errorThresholdPercentage: 50,
    volumeThreshold: 10,
    rollingCountTimeout: 10_000,
    resetTimeout: 5_000,
    errorFilter: (error: unknown) =>
      error instanceof TwilioError && error.twilio.status !== null && error.twilio.status < 500,
  });
  return { fire: <T>(call: () => Promise<T>) => breaker.fire(call) as Promise<T> };
}

export interface RequestInfo {
  id: string;
  headers: Record<string, string | string[] | undefined>;
  /** The request's own logger (carries its id), so upstream call lines join the request's. */
  log: Logger;
}

/** Tenants whose clients are kept; the least recently used beyond this are rebuilt when needed. */
const MAX_TENANT_CLIENTS = 1000;

/**
 * Each tenant's got clients, built once (got's option merging is the costliest part of a call
 * set-up) and reused by that tenant's requests. They hold credentials and settings, never data.
 * Keyed by the credentials themselves (the secret hashed), so a wrong secret never reuses the
 * client of a right one.
 */
function createTenantClientCache(settings: ClientSettings) {
  const cache = new Map<string, TenantClients>();
  return (credentials: Credentials): TenantClients => {
    const key = `${credentials.username}:${createHash('sha256').update(credentials.password).digest('base64')}`;
    let clients = cache.get(key);
    if (clients) {
      cache.delete(key); // re-inserted below: Map order is recency order
    } else {
      clients = createTenantClients(credentials, settings);
      if (cache.size >= MAX_TENANT_CLIENTS) cache.delete(cache.keys().next().value!);
    }
    cache.set(key, clients);
    return clients;
  };
}

/** Runs once per request: whose account, then that account's clients and fresh loaders. */
export function createContextFunction(config: Config, transports: Transports, metrics: Metrics) {
  const resolveTenant = createTenantResolver(config);
  const clientsFor = createTenantClientCache({
    baseUrls: config.baseUrls,
    transports,
    timeoutMs: config.timeoutMs,
    retries: config.retries,
    maxRetryAfterSeconds: config.maxRetryAfterSeconds,
    userAgent: 'identity-gateway/0.1',
  });
  return async (request: RequestInfo): Promise<Context> => {
    const tenant = await resolveTenant(request.headers);
    const telemetry: RequestTelemetry = {
      requestId: request.id,
      upstreamCalls: 0,
      upstreamRetries: 0,
    };
    const { apis, loaders } = createDataSources(clientsFor(tenant.credentials), {
      deadline: Date.now() + config.requestBudgetMs,
      observer: {
        onCall: (call) => {
          telemetry.upstreamCalls += 1;
          telemetry.upstreamRetries += call.retries;
          metrics.upstreamCall(call);
          request.log.debug(
            {
              upstream: call.product,
              endpoint: call.operation,
              method: call.method,
              status: call.status,
              ms: Math.round(call.durationMs * 10) / 10,
              retries: call.retries,
            },
            'twilio call',
          );
        },
      },
      loaderHooks: {
        onBatch: (loader, size) => metrics.loaderBatch(loader, size),
        onCacheHit: (loader) => metrics.loaderCacheHit(loader),
      },
    });
    return {
      apis,
      loaders,
      defaults: {
        flexInstanceSid: tenant.flexInstanceSid,
        chatServiceSids: tenant.chatServiceSids,
      },
      telemetry,
    };
  };
}
