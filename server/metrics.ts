import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { UpstreamCall } from '../datasources/http.js';
import type { Reachability } from '../datasources/reachability.js';
import { FINDING_KINDS, type FindingKind } from '../datasources/reconciliation/classifier.js';

export interface MetricsOptions {
  /**
   * Operation names are chosen by clients: each new one is a new series in every operation metric,
   * so only the first this many distinct names get their own; later ones are counted as `other`.
   */
  maxOperationNames: number;
  /**
   * Where `twilio_host_up` reads whether each Twilio host answers; awaited on each scrape, so it
   * must hand back a recent result rather than probe every time. Without it the gauge is empty.
   */
  upstreams?: () => Promise<Reachability>;
}

/**
 * Accounts `twilio_budget_wait_seconds` names: pass-through lets any number of accounts appear,
 * and each would be a series of every bucket.
 */
const MAX_ACCOUNT_LABELS = 20;

/** Prometheus metrics of one gateway (own registry, so two gateways in one process never clash). */
export function createMetrics(options: MetricsOptions) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const operations = new Counter({
    name: 'graphql_operations_total',
    help: 'GraphQL operations by operation name and outcome (ok, partial: data and errors, error: no data).',
    labelNames: ['operation', 'outcome'],
    registers,
  });
  const operationSeconds = new Histogram({
    name: 'graphql_operation_duration_seconds',
    help: 'Time to answer a GraphQL operation.',
    labelNames: ['operation'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const upstreamCalls = new Counter({
    name: 'twilio_requests_total',
    help: 'Calls to Twilio by product, endpoint (operation) and final HTTP status ("none" when no answer came).',
    labelNames: ['product', 'endpoint', 'method', 'status'],
    registers,
  });
  const upstreamSeconds = new Histogram({
    name: 'twilio_request_duration_seconds',
    help: 'Time of a call to Twilio, retries included.',
    labelNames: ['product', 'endpoint'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const upstreamRetries = new Counter({
    name: 'twilio_retries_total',
    help: 'Retries of calls to Twilio (429, 5xx, network errors on idempotent calls).',
    labelNames: ['product', 'endpoint'],
    registers,
  });
  const rateLimitWait = new Counter({
    name: 'twilio_rate_limit_wait_seconds_total',
    help: 'Seconds spent waiting because Twilio answered 429 with Retry-After.',
    labelNames: ['product'],
    registers,
  });
  const batchSize = new Histogram({
    name: 'dataloader_batch_size',
    help: 'Distinct keys a loader fetched in one wave.',
    labelNames: ['loader'],
    buckets: [1, 2, 5, 10, 25, 50, 100, 250],
    registers,
  });
  const cacheHits = new Counter({
    name: 'dataloader_cache_hits_total',
    help: 'Loads served from the per-request loader cache without an upstream call.',
    labelNames: ['loader'],
    registers,
  });

  const authRefusals = new Counter({
    name: 'auth_refusals_total',
    help: 'Requests refused before any resolver ran because of their credentials, by reason (extensions.reason: a jose error code or the gateway check that failed).',
    labelNames: ['reason'],
    registers,
  });
  new Gauge({
    name: 'twilio_host_up',
    help: 'Whether the Twilio host of each product answered HTTP at its last check (1) or not (0); checked when scraped, at most every 15 s.',
    labelNames: ['product'],
    registers,
    async collect() {
      if (!options.upstreams) return;
      const { upstreams } = await options.upstreams();
      for (const [product, state] of Object.entries(upstreams)) {
        this.set({ product }, state === 'up' ? 1 : 0);
      }
    },
  });

  const redisUp = new Gauge({
    name: 'redis_up',
    help: 'Whether the shared Redis (REDIS_URL) is connected (1) or not (0); absent without REDIS_URL.',
    registers,
  });
  const redisErrors = new Counter({
    name: 'redis_errors_total',
    help: 'Redis failures by kind (connection, or the user of Redis whose command failed); each is served locally instead.',
    labelNames: ['kind'],
    registers,
  });

  const budgetWait = new Histogram({
    name: 'twilio_budget_wait_seconds',
    help: `Time a call to Twilio waited for a slot of its account's budget (in process, and across replicas with REDIS_URL), by account: the first ${MAX_ACCOUNT_LABELS} accounts seen by their SID, any other as other.`,
    labelNames: ['account'],
    buckets: [0.001, 0.005, 0.025, 0.1, 0.25, 1, 2.5, 5, 10],
    registers,
  });
  const budgetPauses = new Counter({
    name: 'twilio_budget_pauses_total',
    help: 'Accounts paused because Twilio answered 429 with Retry-After: to this replica (source twilio), or to another one, learned through Redis (source shared).',
    labelNames: ['source'],
    registers,
  });
  const budgetFallback = new Gauge({
    name: 'twilio_budget_fallback',
    help: "With REDIS_URL: 1 while Redis fails and each account is held to this replica's local share of TWILIO_ACCOUNT_CONCURRENCY, 0 while the cap is shared (and without REDIS_URL).",
    registers,
  });
  const budgetReplicas = new Gauge({
    name: 'twilio_budget_replicas',
    help: 'With REDIS_URL: replicas alive at the last heartbeat in Redis, which the local share divides the cap by; 0 without REDIS_URL.',
    registers,
  });

  const reconcileRunning = new Gauge({
    name: 'reconcile_jobs_running',
    help: 'Reconciliation jobs running on this replica.',
    registers,
  });
  const reconcilePages = new Counter({
    name: 'reconcile_pages_total',
    help: 'Twilio list pages read by reconciliation jobs on this replica.',
    registers,
  });
  const reconcileFindings = new Counter({
    name: 'reconcile_findings_total',
    help: 'Findings of reconciliation jobs on this replica, by kind.',
    labelNames: ['kind'],
    registers,
  });
  // Bound once: a finding is counted without building a label object, and every kind shows as 0.
  const findingsOfKind = new Map(
    FINDING_KINDS.map((kind) => [kind, reconcileFindings.labels({ kind })] as const),
  );

  const accountLabels = new Set<string>();
  const accountLabel = (account: string): string => {
    if (accountLabels.has(account)) return account;
    if (accountLabels.size >= MAX_ACCOUNT_LABELS) return 'other';
    accountLabels.add(account);
    return account;
  };

  const readCache = (name: string, help: string) =>
    new Counter({ name, help, labelNames: ['product'], registers });
  const readCacheHits = readCache(
    'twilio_cache_hits_total',
    'Twilio reads answered from the cross-request cache (CACHE_TTL_SECONDS), by product.',
  );
  const readCacheMisses = readCache(
    'twilio_cache_misses_total',
    'Twilio reads the cross-request cache could not answer (or a Cache-Control: no-cache request skipped), by product.',
  );
  const readCacheEvictions = readCache(
    'twilio_cache_evictions_total',
    'Entries the in-process cache dropped to stay within its size bound, by product (Redis evicts on its own, see its evicted_keys).',
  );
  const redisSeconds = new Histogram({
    name: 'redis_command_duration_seconds',
    help: 'Round trip of a Redis command, failures included, by user of Redis (cache, apq).',
    labelNames: ['kind'],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers,
  });

  const operationNames = new Set<string>();
  const operationLabel = (name: string): string => {
    if (operationNames.has(name)) return name;
    if (operationNames.size >= options.maxOperationNames) return 'other';
    operationNames.add(name);
    return name;
  };

  return {
    registry,
    /** `name` as operation-name.ts gives it: anonymous operations are named by their hash. */
    operation(name: string, outcome: 'ok' | 'partial' | 'error', seconds: number) {
      const operation = operationLabel(name);
      operations.inc({ operation, outcome });
      operationSeconds.observe({ operation }, seconds);
    },
    upstreamCall(call: UpstreamCall) {
      const labels = { product: call.product, endpoint: call.operation };
      upstreamCalls.inc({ ...labels, method: call.method, status: call.status ?? 'none' });
      upstreamSeconds.observe(labels, call.durationMs / 1000);
      if (call.retries > 0) upstreamRetries.inc(labels, call.retries);
      if (call.retryAfterWaitSeconds > 0) {
        rateLimitWait.inc({ product: call.product }, call.retryAfterWaitSeconds);
      }
    },
    loaderBatch(loader: string, size: number) {
      batchSize.observe({ loader }, size);
    },
    loaderCacheHit(loader: string) {
      cacheHits.inc({ loader });
    },
    redisUp(up: boolean) {
      redisUp.set(up ? 1 : 0);
    },
    /** `kind` is a fixed word of the code's (connection, cache, budget, apq), never a message. */
    redisError(kind: string) {
      redisErrors.inc({ kind });
    },
    budgetWait(account: string, seconds: number) {
      budgetWait.observe({ account: accountLabel(account) }, seconds);
    },
    budgetPause(source: 'twilio' | 'shared') {
      budgetPauses.inc({ source });
    },
    budgetFallback(fallback: boolean) {
      budgetFallback.set(fallback ? 1 : 0);
    },
    budgetReplicas(count: number) {
      budgetReplicas.set(count);
    },
    readCache(event: 'hit' | 'miss' | 'eviction', product: string) {
      const counter = { hit: readCacheHits, miss: readCacheMisses, eviction: readCacheEvictions };
      counter[event].inc({ product });
    },
    redisCommand(kind: string, seconds: number) {
      redisSeconds.observe({ kind }, seconds);
    },
    reconcileJobsRunning(count: number) {
      reconcileRunning.set(count);
    },
    reconcilePage() {
      reconcilePages.inc();
    },
    reconcileFinding(kind: FindingKind) {
      findingsOfKind.get(kind)?.inc();
    },
    /** `reason` comes from a fixed set (AuthRefusalReason), so it is a bounded label. */
    authRefusal(reason: string) {
      authRefusals.inc({ reason });
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
