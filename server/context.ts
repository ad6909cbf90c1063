import CircuitBreaker from 'opossum';
import pLimit from 'p-limit';
import { Agent } from 'undici';
import { TwilioError } from '../datasources/errors.js';
import type { SharedTransport } from '../datasources/http.js';
import {
  createDataSources,
  createTenantClients,
  type ClientSettings,
} from '../datasources/index.js';
import type { Context, RequestTelemetry } from '../resolvers/context.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';
import { createTenantResolver } from './tenant.js';

export type Transports = ClientSettings['transports'];

/** Sockets and concurrency caps, one set per Twilio host, shared by every request. */
export function createTransports(config: Config): Transports & { destroy(): Promise<void> } {
  const transport = (): SharedTransport => ({
    // Keep-alive pools, as many sockets per host as calls the limiter lets through at once.
    // undici's own timers default to 10 s (connect) and 300 s (headers, body); the attempt's
    // timeout in datasources/http.ts is the one that counts, so these only match it.
    dispatcher: new Agent({
      connections: config.maxConcurrencyPerHost,
      connectTimeout: config.timeoutMs,
      headersTimeout: config.timeoutMs,
      bodyTimeout: config.timeoutMs,
    }),
    limiter: pLimit(config.maxConcurrencyPerHost),
    breaker: createBreaker(),
  });
  const transports = { flex: transport(), conversations: transport(), chat: transport() };
  return {
    ...transports,
    destroy: async () => {
      await Promise.all(Object.values(transports).map((t) => t.dispatcher.destroy()));
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
    // Opossum's latency percentiles and its once-a-second snapshot both sort every call's latency
    // in the window: at a few thousand calls a second that was 8 % of the gateway's CPU (roster
    // profile). The gateway's own metrics already time each call.
    rollingPercentilesEnabled: false,
    enableSnapshots: false,
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

/** Runs once per request: whose account, then that account's clients and fresh loaders. */
export function createContextFunction(config: Config, transports: Transports, metrics: Metrics) {
  const resolveTenant = createTenantResolver(config);
  // A tenant's clients are cheap to build (a base URL and an auth header each): built per request,
  // so no process-wide cache ever holds one tenant's credentials for the next.
  const settings: ClientSettings = {
    baseUrls: config.baseUrls,
    transports,
    timeoutMs: config.timeoutMs,
    retries: config.retries,
    maxRetryAfterSeconds: config.maxRetryAfterSeconds,
    userAgent: 'identity-gateway/0.1',
  };
  return async (request: RequestInfo): Promise<Context> => {
    const tenant = await resolveTenant(request.headers);
    const telemetry: RequestTelemetry = {
      requestId: request.id,
      upstreamCalls: 0,
      upstreamRetries: 0,
    };
    const { apis, loaders } = createDataSources(createTenantClients(tenant.credentials, settings), {
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
