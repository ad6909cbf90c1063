import { randomUUID } from 'node:crypto';
import fastifyApollo from '@as-integrations/fastify';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { createReachabilityWatch } from '../datasources/reachability.js';
import type { Context } from '../resolvers/context.js';
import { createApolloServer } from './apollo.js';
import { createAuditLog } from './audit.js';
import type { Config } from './config.js';
import { createContextFunction, createTransportFromConfig } from './context.js';
import { registerCors } from './cors.js';
import { handleClientError, registerRefusals } from './http-refusals.js';
import {
  createLogDestination,
  createLogger,
  type DestinationStream,
  type Logger,
} from './logger.js';
import { createMetrics } from './metrics.js';
import { createCacheControlPlugin } from './plugins/cache-control.js';
import { createLoggingPlugin } from './plugins/logging.js';
import { createQueryLimits } from './plugins/limits.js';
import { createMetricsPlugin } from './plugins/metrics.js';
import { createRequestEndPlugin } from './plugins/request-end.js';
import { createPlaygroundPlugin, registerPlaygroundAssets } from './plugins/playground.js';
import { createPlaygroundOffPlugin } from './plugins/playground-off.js';
import { createNoSubscriptionsPlugin } from './plugins/subscriptions.js';
import { createTracingPlugin } from './plugins/tracing.js';
import { registerProbes, UPSTREAM_CHECK_MAX_AGE_MS } from './probes.js';
import { listenError } from './startup-error.js';
import { createApqCache } from './apq-cache.js';
import { createReadCacheFromConfig } from './read-cache.js';
import { registerReconciliationExport } from './reconciliation-export.js';
import { createReconciliationJobs } from './reconciliation-jobs.js';
import { createSharedState } from './shared-state.js';
import { startupWarnings } from './startup-warnings.js';
import { createTenantResolver } from './tenant.js';
import { createTracing } from './tracing.js';
import { jobGlobalId } from '../resolvers/reconciliation-model.js';

export interface RunningGateway {
  /** Base URL, e.g. http://127.0.0.1:4000 (no trailing slash). */
  url: string;
  graphqlUrl: string;
  /** Stops taking requests, lets in-flight ones finish, then frees sockets. */
  close(): Promise<void>;
}

/** A caller's request id is kept (so logs join across services) only if it is a plain token. */
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
export const MAX_BODY_BYTES = 64 * 1024;
const GRAPHQL_PATH = '/graphql';
const PLAYGROUND_ASSETS = '/playground';
/**
 * The request headers that choose whose data an answer holds. A cacheable answer
 * (`Cache-Control: private, max-age=30` from @cacheControl hints) must not be served from a cache
 * to a request with other credentials or defaults; Accept chooses between the playground and JSON.
 */
const VARY = 'Authorization, X-Flex-Instance-Sid, X-Chat-Service-Sids, Accept';
/** How long shutdown waits for in-flight requests before cutting their connections. */
export const SHUTDOWN_GRACE_MS = 10_000;

/**
 * The GraphQL route's requests, and requests for its path that no route takes (another method);
 * the path as the router reads it, percent-decoded.
 */
function isGraphqlRequest(request: FastifyRequest): boolean {
  if (request.routeOptions.url === GRAPHQL_PATH) return true;
  const path = request.url.split('?', 1)[0]!;
  try {
    return decodeURIComponent(path) === GRAPHQL_PATH;
  } catch {
    return false;
  }
}

/**
 * Graceful shutdown in two steps. First, while still listening, readiness turns 503 and whatever
 * arrives is still served, until no request is in flight: a load balancer that watches readiness
 * rather than being told (no preStop, no deregistration) sees 503 and stops sending, instead of
 * finding the port closed under requests it already routed. Then stop accepting, close each
 * connection as soon as it is idle (a keep-alive connection would otherwise hold the close open
 * for its whole timeout), and cut what is left when the grace period is over.
 */
function trackInFlight(app: FastifyInstance) {
  let inFlight = 0;
  let draining = false;
  let closing = false;
  let settled: (() => void) | undefined;
  app.addHook('onRequest', (_request, reply, done) => {
    inFlight += 1;
    // 'close' comes once per response, sent or abandoned by its client; onResponse misses the
    // latter and would leave the count too high for the rest of the process.
    reply.raw.once('close', () => {
      inFlight -= 1;
      if (inFlight > 0) return;
      settled?.();
      if (closing) app.server.closeIdleConnections();
    });
    done();
  });
  return {
    isDraining: () => draining,
    drain: async (graceMs: number) => {
      draining = true;
      const deadline = performance.now() + graceMs;
      if (inFlight > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, graceMs);
          settled = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      closing = true;
      const cut = setTimeout(
        () => app.server.closeAllConnections(),
        Math.max(0, deadline - performance.now()),
      );
      try {
        await app.close();
      } finally {
        clearTimeout(cut);
      }
    },
  };
}

export interface GatewayOptions {
  /**
   * Where log lines go when no `log` is given (a test's collector); stdout otherwise, buffered
   * for LOG_FLUSH_MS.
   */
  logDestination?: DestinationStream;
  /** The logger to write to, so that a host's own lines (main.ts's) are the same JSON. */
  log?: Logger;
}

/**
 * The gateway on a real HTTP server: /graphql (POST, GET), the probes, /metrics. Fails with a
 * StartupError when it cannot listen where the configuration says (port in use, unknown host).
 */
export async function startGateway(
  config: Config,
  options: GatewayOptions = {},
): Promise<RunningGateway> {
  const log =
    options.log ??
    createLogger(
      config.logLevel,
      options.logDestination ?? createLogDestination(1, config.logFlushMs),
    );
  for (const { warning, message } of startupWarnings(config)) log.warn({ warning }, message);
  const upstreams = createReachabilityWatch(config.baseUrls, {
    maxAgeMs: UPSTREAM_CHECK_MAX_AGE_MS,
  });
  const metrics = createMetrics({
    maxOperationNames: config.metricsMaxOperationNames,
    upstreams: () => upstreams.current(),
  });
  const { requestTimeoutMs, headersTimeoutMs, keepAliveTimeoutMs } = config.http;
  const app = Fastify({
    // Logging is the gateway's own (one line per operation, one per upstream call), not Fastify's.
    logger: false,
    forceCloseConnections: 'idle',
    // A GraphQL document plus variables has no business being larger; refused with 413.
    bodyLimit: MAX_BODY_BYTES,
    // A client that sends its request a byte at a time holds a socket for as long as it likes
    // unless the request has a deadline: 408 and the connection closes.
    requestTimeout: requestTimeoutMs,
    keepAliveTimeout: keepAliveTimeoutMs,
    http: {
      headersTimeout: headersTimeoutMs,
      // Node checks the two timeouts above only this often (30 s by default), so a slow request
      // would live up to a whole interval past its timeout.
      connectionsCheckingInterval: Math.ceil(Math.min(requestTimeoutMs, headersTimeoutMs) / 2),
    },
    clientErrorHandler: handleClientError,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('x-request-id', request.id);
    if (isGraphqlRequest(request)) {
      // CORS with a list of origins has already said `Vary: Origin`.
      const vary = reply.getHeader('vary');
      void reply.header('vary', vary === undefined ? VARY : `${String(vary)}, ${VARY}`);
    }
    done(null, payload);
  });
  registerRefusals(app, { log, isGraphqlRequest });
  await registerCors(app, config.cors);
  const shutdown = trackInFlight(app);

  const shared = createSharedState(config, log, metrics);
  const transport = createTransportFromConfig(config, shared, { metrics, log });
  const tracing = await createTracing(config.tracing);
  const readCache = createReadCacheFromConfig(config, shared, log, metrics);
  const limits = createQueryLimits({ searchMaxPages: config.backOffice.searchMaxPages });
  const audit = createAuditLog(config.backOffice);
  const reconciliations = createReconciliationJobs({
    config,
    transport,
    shared,
    log,
    metrics,
    audit,
    publicId: jobGlobalId,
  });
  const contextFor = createContextFunction(
    config,
    transport,
    metrics,
    tracing,
    readCache,
    reconciliations,
  );
  const apollo = createApolloServer({
    introspection: config.introspection,
    log,
    apqCache: createApqCache(shared, log, metrics),
    audit:
      config.backOffice.auditLog === null
        ? null
        : { log: audit, hashKey: config.backOffice.auditHashKey },
    validationRules: limits.validationRules,
    plugins: [
      createLoggingPlugin(log),
      createMetricsPlugin(metrics),
      createCacheControlPlugin(),
      createRequestEndPlugin(),
      createTracingPlugin(),
      createNoSubscriptionsPlugin(),
      ...limits.plugins,
      config.playground
        ? createPlaygroundPlugin<Context>({
            graphqlPath: GRAPHQL_PATH,
            assetsPath: PLAYGROUND_ASSETS,
          })
        : createPlaygroundOffPlugin<Context>(),
    ],
  });
  await apollo.start();
  if (config.playground) await registerPlaygroundAssets(app, PLAYGROUND_ASSETS);
  // People type the bare address into a browser; the playground, or the page saying it is off,
  // is at /graphql.
  app.get('/', (_request, reply) => reply.redirect(GRAPHQL_PATH));

  registerProbes(app, { isDraining: shutdown.isDraining, upstreams });
  app.get('/metrics', async (_request, reply) =>
    reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  );
  registerReconciliationExport(app, {
    resolveTenant: createTenantResolver(config),
    jobsFor: (tenant) => reconciliations.forTenant(tenant),
    log,
  });
  await app.register(fastifyApollo(apollo), {
    path: GRAPHQL_PATH,
    // Not OPTIONS (the integration's default): a preflight is CORS's to answer (cors.ts), and
    // Apollo refused one as a CSRF attempt; without CORS it is a 405 like any other method.
    method: ['GET', 'POST'],
    context: (request) =>
      contextFor({
        id: request.id,
        headers: request.headers,
        log,
      }),
  });

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await reconciliations.close();
    await app.close();
    await apollo.stop();
    await transport.destroy();
    await shared.close();
    await audit.close();
    throw listenError(error, config.host, config.port) ?? error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${port}`;
  // Jobs another replica left behind (its lease lapsed), now that this one can run them.
  reconciliations
    .sweep()
    .catch((error: unknown) =>
      log.warn({ err: { message: (error as Error).message } }, 'reconciliation sweep failed'),
    );
  return {
    url,
    graphqlUrl: `${url}/graphql`,
    close: async () => {
      await shutdown.drain(SHUTDOWN_GRACE_MS);
      // Before the transport and Redis go: each job checkpoints and hands its lease back.
      await reconciliations.close();
      await apollo.stop();
      await transport.destroy();
      await shared.close();
      await tracing.shutdown();
      await audit.close();
    },
  };
}
