import { GraphQLError } from 'graphql';
import {
  createDataSources,
  createTransport,
  type AccountSettings,
  type DataSources,
  type Transport,
} from '../datasources/index.js';
import { RequestEnd } from '../datasources/request-end.js';
import { createSharedBudget, type SharedBudgetEvents } from '../datasources/shared-budget.js';
import type { ReadCache } from '../datasources/read-cache/read-cache.js';
import type { TenantJobs } from '../datasources/reconciliation/tenant-jobs.js';
import type { Context, RequestTelemetry } from '../resolvers/context.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';
import { bypassesCache } from './read-cache.js';
import type { ReconciliationJobs } from './reconciliation-jobs.js';
import type { SharedState } from './shared-state.js';
import { createTenantResolver, type Tenant } from './tenant.js';
import { NO_TRACING, type Tracing } from './tracing.js';

/**
 * The process-wide transport (sockets, per-account budgets and breakers), from the config.
 * `shared` is what replicas share (Redis), for the parts of it that must hold across replicas.
 */
export function createTransportFromConfig(
  config: Config,
  shared?: SharedState,
  observe?: { metrics: Metrics; log: Logger },
): Transport {
  const redis = shared?.redis ?? null;
  const sharedBudget = redis
    ? createSharedBudget(
        {
          redis,
          accountConcurrency: config.accountConcurrency,
          leaseMs: config.timeoutMs + LEASE_MARGIN_MS,
        },
        observe && sharedBudgetEvents(config, observe.metrics, observe.log),
      )
    : null;
  if (sharedBudget && observe) {
    observe.metrics.budgetFallback(sharedBudget.fallback());
    observe.metrics.budgetReplicas(sharedBudget.replicas());
  }
  return createTransport(
    {
      baseUrls: config.baseUrls,
      timeoutMs: config.timeoutMs,
      retries: config.retries,
      maxRetryAfterSeconds: config.maxRetryAfterSeconds,
      accountConcurrency: config.accountConcurrency,
      totalConcurrency: config.maxConcurrency,
      userAgent: 'identity-gateway/0.1',
    },
    {
      sharedBudget,
      budgetEvents: observe && {
        onWait: (account, ms) => observe.metrics.budgetWait(account, ms / 1000),
        onPause: (_account, source) => observe.metrics.budgetPause(source),
      },
    },
  );
}

/**
 * A slot's lease outlasts the longest attempt (each is cut at TWILIO_TIMEOUT_MS) by this, so only
 * a holder that died leaves a slot to expire.
 */
const LEASE_MARGIN_MS = 1000;

/** The shared budget's state changes: one log line each, and the gauges. */
function sharedBudgetEvents(config: Config, metrics: Metrics, log: Logger): SharedBudgetEvents {
  return {
    onFallback(fallback, share, replicas) {
      metrics.budgetFallback(fallback);
      if (fallback) {
        log.warn(
          { budget: 'local', accountConcurrency: share, replicas },
          `redis unusable: each account is held to ${share} calls in flight on this replica ` +
            `(TWILIO_ACCOUNT_CONCURRENCY ${config.accountConcurrency} / ${replicas} replicas)`,
        );
      } else {
        log.info(
          { budget: 'shared', accountConcurrency: config.accountConcurrency },
          'redis usable: the per-account budget is shared across replicas',
        );
      }
    },
    onRedisError: () => metrics.redisError('budget'),
    onReplicas: (replicas) => metrics.budgetReplicas(replicas),
  };
}

export interface RequestInfo {
  id: string;
  headers: Record<string, string | string[] | undefined>;
  /**
   * The process's logger. The request's own lines (upstream calls, a refusal) carry its id, so
   * they join the operation's line; their child logger is made only when one is written.
   */
  log: Logger;
}

const header = (headers: RequestInfo['headers'], name: string) => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * The reason every call still waiting when its request ends is abandoned with. One for the
 * process: no caller reads the reason beyond "the request ended" (datasources/http.ts checks
 * `aborted`), so none needs an Error (and its stack) of its own.
 */
const REQUEST_ENDED = Object.freeze(new Error('the request ended'));

/**
 * Runs once per request: whose account, then that account's clients and fresh loaders, built on
 * first use: a request whose resolvers never call Twilio (`{ __typename }`, a refused or
 * persisted-query-miss request) builds none of them and has nothing to abandon at its end.
 */
export function createContextFunction(
  config: Config,
  transport: Transport,
  metrics: Metrics,
  tracing: Tracing = NO_TRACING,
  readCache: ReadCache | null = null,
  reconciliations: ReconciliationJobs | null = null,
) {
  const resolveTenant = createTenantResolver(config);
  const backOffice = {
    bulkMaxItems: config.backOffice.bulkMaxItems,
    // Never more at once than the account's budget lets through.
    bulkConcurrency: Math.min(config.backOffice.bulkConcurrency, config.accountConcurrency),
    searchMaxPages: config.backOffice.searchMaxPages,
  };
  const createSources = sourcesFactory(config, transport, metrics, readCache);
  return async (request: RequestInfo): Promise<Context> => {
    const trace = tracing.startOperation(request.headers);
    let child: Logger | undefined;
    const log = () =>
      (child ??= request.log.child(
        trace ? { reqId: request.id, ...trace.logFields } : { reqId: request.id },
      ));
    let tenant: Tenant;
    try {
      tenant = await resolveTenant(request.headers);
    } catch (error) {
      // Refused before Apollo's plugins run (not even the logging one): this is the refusal's
      // only log line, and its span ends here.
      reportRefusal(error, log(), metrics);
      const code = error instanceof GraphQLError ? error.extensions.code : undefined;
      trace?.end('error', [typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR']);
      throw error;
    }
    const telemetry: RequestTelemetry = {
      requestId: request.id,
      upstreamCalls: 0,
      upstreamRetries: 0,
      trace: trace ?? undefined,
      caller: { tenant: tenant.id, ...tenant.caller },
    };
    // The deadline counts from the request's start, not from its first Twilio call.
    const deadline = Date.now() + config.requestBudgetMs;
    let sources: (DataSources & { ended: RequestEnd }) | undefined;
    const sourcesOf = () => (sources ??= createSources(request, tenant, telemetry, log, deadline));
    let jobs: TenantJobs | undefined;
    const scheme = header(request.headers, 'authorization')?.trim().split(/\s+/, 1)[0];
    // Read from Flex's Configuration only when the tenant leaves a default unset, and only when a
    // resolver needs it: a request that names its instance and services costs no extra call. A
    // failed read fails the fields that needed it, with Twilio's own error.
    let settings: Promise<AccountSettings> | undefined;
    const discovered = () =>
      (settings ??= transport.accountSettings(sourcesOf().session.fingerprint, async () => {
        const configuration = await sourcesOf().apis.flex.fetchConfiguration();
        return {
          flexInstanceSid: configuration?.flex_instance_sid ?? null,
          chatServiceSid: configuration?.chat_service_instance_sid ?? null,
          workspaceSid: configuration?.taskrouter_workspace_sid ?? null,
        };
      }));
    return Object.assign(Object.create(LAZY_SOURCES) as LazyContext, {
      sources: sourcesOf,
      defaults: {
        flexInstanceSid: async () => tenant.flexInstanceSid ?? (await discovered()).flexInstanceSid,
        chatServiceSids: async () => {
          if (tenant.chatServiceSids.length > 0) return tenant.chatServiceSids;
          const sid = (await discovered()).chatServiceSid;
          return sid ? [sid] : [];
        },
        chatServiceCount: Math.max(tenant.chatServiceSids.length, 1),
        conversationsServiceSids: tenant.conversationsServiceSids,
        flexIdentityEscapes: tenant.flexIdentityEscapes,
        workspaceSid: async () => (await discovered()).workspaceSid,
        flexChatServiceSid: async () => (await discovered()).chatServiceSid,
      },
      telemetry,
      backOffice,
      // Its tenant key is an HMAC: made only for a request that reaches a reconciliation field.
      tenantJobs: () => (jobs ??= reconciliations?.forTenant(tenant) ?? NO_RECONCILIATIONS),
      lifecycle: {
        end: () => sources?.ended.end(REQUEST_ENDED),
        credentialsRejected: () => (sources?.session.rejected ?? null) !== null,
        clientCredentials: scheme?.toLowerCase() === 'basic',
      },
    });
  };
}

type LazyContext = Context & { sources: () => DataSources; tenantJobs: () => TenantJobs };

/**
 * `apis`, `loaders` and `reconciliations` as getters on the context's prototype: Apollo copies
 * the context's own properties into each request's (Object.assign, which would call an own getter
 * and build everything at once), and keeps its prototype.
 */
const LAZY_SOURCES = {
  get apis() {
    return (this as unknown as LazyContext).sources().apis;
  },
  get loaders() {
    return (this as unknown as LazyContext).sources().loaders;
  },
  get reconciliations() {
    return (this as unknown as LazyContext).tenantJobs();
  },
};

/** Builds one request's clients and loaders, with the end that stops what they left running. */
function sourcesFactory(
  config: Config,
  transport: Transport,
  metrics: Metrics,
  readCache: ReadCache | null,
) {
  return (
    request: RequestInfo,
    tenant: Tenant,
    telemetry: RequestTelemetry,
    log: () => Logger,
    deadline: number,
  ) => {
    const trace = telemetry.trace;
    // Every call in flight or queued listens for the end of its request.
    const ended = new RequestEnd();
    // Built per request, so no process-wide cache ever holds one tenant's credentials for the
    // next (what is derived from them, an auth header, an HMAC, is kept on their own object).
    const sources = createDataSources(transport, {
      credentials: tenant.credentials,
      account: tenant.accountSid ?? undefined,
      deadline,
      signal: ended,
      maxCalls: config.maxUpstreamCallsPerRequest,
      observer: {
        onAttempt: () => {
          telemetry.upstreamCalls += 1;
        },
        onCall: (call) => {
          telemetry.upstreamRetries += call.retries;
          metrics.upstreamCall(call);
          // At info and above the line is never written: no child logger for it.
          if (!request.log.isLevelEnabled('debug')) return;
          log().debug(
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
      tracer: trace?.upstream,
      // Keyed by these credentials (the secret included): no other tenant or token finds it.
      cache: readCache?.forTenant(
        tenant.credentials,
        bypassesCache(request.headers['cache-control']),
      ),
      loaderHooks: {
        onBatch: (loader, size) => metrics.loaderBatch(loader, size),
        onCacheHit: (loader) => metrics.loaderCacheHit(loader),
        wave: trace?.upstream.wave,
      },
    });
    return { ...sources, ended };
  };
}

/** A context built without the job manager (never by the gateway itself): every use fails. */
const NO_RECONCILIATIONS = new Proxy({} as TenantJobs, {
  get: () => {
    throw new Error('Reconciliation jobs are not available here');
  },
});

/** A request refused while choosing its tenant: logged, and counted when it was its credentials. */
function reportRefusal(error: unknown, log: Logger, metrics: Metrics): void {
  if (!(error instanceof GraphQLError)) {
    log.error({ err: error }, 'unexpected error');
    return;
  }
  const { code, reason, claim } = error.extensions;
  const status = (error.extensions.http as { status?: number } | undefined)?.status;
  // The key set's fetch failing says why only in its cause: "fetch failed" (ECONNREFUSED).
  const original = error.originalError as (Error & { cause?: { code?: unknown } }) | undefined;
  const causeCode = original?.cause?.code;
  const cause = original
    ? {
        cause:
          typeof causeCode === 'string' ? `${original.message} (${causeCode})` : original.message,
      }
    : {};
  log.warn({ status, code, reason, claim, ...cause }, 'request refused');
  if (typeof reason === 'string') metrics.authRefusal(reason);
}
