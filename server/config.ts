import type { Credentials } from '../datasources/index.js';
import { isSid, type SidKind } from '../datasources/sids.js';
import { checkChatServiceSids } from './chat-services.js';
import { ANY_ORIGIN, checkCorsOrigins } from './cors-origins.js';
import { reconcileConfig, type ReconcileConfig } from './reconcile-config.js';

export interface Config {
  port: number;
  host: string;
  /** The gateway's own Twilio credentials; null when none are configured (embedded demo). */
  credentials: Credentials | null;
  /** The account the configured credentials act as (for API keys: TWILIO_ACCOUNT_SID). */
  accountSid: string | null;
  flexInstanceSid: string | null;
  chatServiceSids: string[];
  /** Non-default Conversations services a person's users are also looked up in. */
  conversationsServiceSids: string[];
  /** Joins by identity also try Flex's escaped form of it, in the same wave. */
  flexIdentityEscapes: boolean;
  baseUrls: { flex: string; conversations: string; chat: string; taskrouter: string };
  /** Per upstream attempt. */
  timeoutMs: number;
  /** Time one GraphQL request may spend on Twilio, retries and waits included. */
  requestBudgetMs: number;
  retries: number;
  maxRetryAfterSeconds: number;
  /** Calls in flight for the whole process, across accounts and hosts. */
  maxConcurrency: number;
  /** Calls in flight for one Twilio account, across its hosts. */
  accountConcurrency: number;
  /** Upstream requests (retries included) one GraphQL request may cause. */
  maxUpstreamCallsPerRequest: number;
  auth: AuthConfig;
  /**
   * Twilio accounts a bearer token may name (its tenant claim), with their defaults. A Map: a
   * tenant id comes from a token, and a plain object would answer "constructor" or "__proto__".
   */
  tenants: ReadonlyMap<string, TenantConfig>;
  /** pino level: fatal, error, warn, info, debug, trace or silent. */
  logLevel: string;
  /**
   * Longest a log line waits on stdout's buffer before it is written, in ms; 0 writes each line
   * as it comes. LOG_FLUSH_MS.
   */
  logFlushMs: number;
  /** Schema introspection; off in production unless enabled. */
  introspection: boolean;
  /** The browser playground at GET /graphql; off in production unless enabled. */
  playground: boolean;
  /** How long the gateway's own HTTP server waits on its clients. */
  http: HttpServerConfig;
  /** Distinct operation names /metrics labels; any other name counts as `other`. */
  metricsMaxOperationNames: number;
  /** OpenTelemetry traces over OTLP/HTTP; null when tracing is off (the default). */
  tracing: TracingConfig | null;
  /** `NODE_ENV=production`: sets other defaults, and start-up warns about settings unfit for it. */
  production: boolean;
  /** Which browser origins may call the gateway (CORS). */
  cors: CorsConfig;
  /** Redis that replicas share (APQ, the read cache, budgets); null keeps all state in process. */
  redis: RedisConfig | null;
  /** Seconds a Twilio read is served again from the cross-request cache; 0 turns the cache off. */
  cacheTtlSeconds: number;
  /** Bulk mutations, search and the audit trail (README "Back-office operations"). */
  backOffice: BackOfficeConfig;
  /** The reconciliation job (RECONCILE_*). */
  reconcile: ReconcileConfig;
}

export interface BackOfficeConfig {
  /** Items one bulk mutation may carry. BULK_MAX_ITEMS. */
  bulkMaxItems: number;
  /** Items of one bulk mutation sent to Twilio at once (each still takes an account slot). */
  bulkConcurrency: number;
  /** Flex v1 list pages (1000 users each) one `people` search may read. SEARCH_MAX_PAGES. */
  searchMaxPages: number;
  /** Where audit records go: `stdout`, `stderr`, a file path, or null (`off`). AUDIT_LOG. */
  auditLog: 'stdout' | 'stderr' | { file: string } | null;
  /** HMAC key for personal values in audit records; null records their names only. AUDIT_HASH_KEY. */
  auditHashKey: string | null;
}

export interface RedisConfig {
  /** `redis://` or `rediss://` (TLS), with the password in the URL when Redis has AUTH on. */
  url: string;
  /**
   * The secret every replica keys cache entries with (HMAC of the tenant's credentials), so that
   * replicas find each other's entries and nobody without it can compute a key. REDIS_KEY_SECRET.
   */
  keySecret: string;
  /** Longest a Redis command may take before it counts as failed (then: a miss, a local budget). */
  commandTimeoutMs: number;
}

export interface CorsConfig {
  /**
   * Checked entries of `CORS_ORIGINS`: `['*']`, or exact origins and `scheme://host:*` (any
   * port); empty when no browser page on another origin may read answers.
   */
  origins: readonly string[];
  /** Send `Access-Control-Allow-Credentials: true`; never with `*`. */
  credentials: boolean;
}

export interface TracingConfig {
  /** OTEL_SERVICE_NAME. @default 'identity-gateway' */
  serviceName: string;
  /** Where spans are POSTed: the full URL, e.g. http://localhost:4318/v1/traces. */
  tracesUrl: string;
}

export interface HttpServerConfig {
  /** Until the whole request (headers and body) has arrived; then 408 and the connection closes. */
  requestTimeoutMs: number;
  /** Until the request's headers have arrived; never more than requestTimeoutMs. */
  headersTimeoutMs: number;
  /** How long an idle keep-alive connection is kept open for the client's next request. */
  keepAliveTimeoutMs: number;
}

export interface AuthConfig {
  /** Requests without credentials act as the configured account. Only for demos and trusted networks. */
  open: boolean;
  /** `Authorization: Basic AccountSid:AuthToken` (or ApiKeySid:Secret) acts as that Twilio account. */
  passthrough: boolean;
  /** `Authorization: Bearer <JWT>` verified against a secret or a JWKS; null when not configured. */
  jwt: {
    secret: string | null;
    jwksUrl: string | null;
    issuer: string | null;
    audience: string | null;
    /** The claim naming a tenant of `TWILIO_TENANTS`; a token without it acts as the configured account. */
    tenantClaim: string;
    /** Longest a token may be valid: from its `iat` to its `exp` (from now when it has no `iat`). */
    maxAgeSeconds: number;
  } | null;
}

export interface TenantConfig {
  credentials: Credentials;
  /** The account an API key belongs to (its budget and breakers); the AccountSid otherwise. */
  accountSid: string | null;
  flexInstanceSid: string | null;
  chatServiceSids: string[];
  conversationsServiceSids: string[];
  flexIdentityEscapes: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const TWILIO_HOSTS = {
  flex: 'https://flex-api.twilio.com',
  conversations: 'https://conversations.twilio.com',
  chat: 'https://chat.twilio.com',
  taskrouter: 'https://taskrouter.twilio.com',
};

type Env = Record<string, string | undefined>;

/** The only reader of the environment: every setting, validated, with its default. */
export function loadConfig(env: Env = process.env): Config {
  const read = (name: string) => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const sid = (name: string, kind: SidKind, what: string) => {
    const value = read(name);
    if (value !== undefined && !isSid(kind, value)) {
      throw new ConfigError(`${name} must be ${what}, got ${JSON.stringify(value)}`);
    }
    return value ?? null;
  };
  const int = (name: string, fallback: number, min: number, max: number) => {
    const value = read(name);
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
      throw new ConfigError(
        `${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`,
      );
    }
    return parsed;
  };
  const bool = (name: string, fallback: boolean) => {
    const value = read(name);
    if (value === undefined) return fallback;
    if (value !== 'true' && value !== 'false') {
      throw new ConfigError(`${name} must be true or false, got ${JSON.stringify(value)}`);
    }
    return value === 'true';
  };
  const oneOf = (name: string, fallback: string, allowed: string[]) => {
    const value = read(name) ?? fallback;
    if (!allowed.includes(value)) {
      throw new ConfigError(
        `${name} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`,
      );
    }
    return value;
  };
  const url = (name: string, fallback: string) => {
    const value = read(name) ?? fallback;
    try {
      return new URL(value).toString().replace(/\/$/, '');
    } catch {
      throw new ConfigError(`${name} must be a URL, got ${JSON.stringify(value)}`);
    }
  };

  const production = read('NODE_ENV') === 'production';
  const accountSid = sid('TWILIO_ACCOUNT_SID', 'account', 'an account SID (AC + 32 hex digits)');
  const authToken = read('TWILIO_AUTH_TOKEN');
  const apiKey = sid('TWILIO_API_KEY', 'apiKey', 'an API key SID (SK + 32 hex digits)');
  const apiSecret = read('TWILIO_API_SECRET');
  let credentials: Credentials | null = null;
  if (apiKey || apiSecret) {
    if (!apiKey || !apiSecret)
      throw new ConfigError('Set both TWILIO_API_KEY and TWILIO_API_SECRET');
    credentials = { username: apiKey, password: apiSecret };
  } else if (accountSid || authToken) {
    if (!accountSid || !authToken) {
      throw new ConfigError('Set both TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN');
    }
    credentials = { username: accountSid, password: authToken };
  }

  const serviceList = (name: string) => {
    const checked = checkChatServiceSids(
      (read(name) ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    );
    if ('problem' in checked) throw new ConfigError(`${name} ${checked.problem}`);
    return checked.sids;
  };
  const chatServiceSids = serviceList('TWILIO_CHAT_SERVICE_SIDS');
  // On by default: joins by identity also try Flex's other form (TWILIO.md: exact first, escaped
  // next covers both Flex UI versions), a second call only for an identity with a character to
  // escape. Tenants of TWILIO_TENANTS inherit it unless their flexIdentityEscapes says otherwise.
  const flexIdentityEscapes = bool('TWILIO_FLEX_IDENTITY_ESCAPES', true);

  return {
    port: int('PORT', 4000, 0, 65535),
    host: read('HOST') ?? '127.0.0.1',
    credentials,
    accountSid,
    flexInstanceSid: sid(
      'TWILIO_FLEX_INSTANCE_SID',
      'flexInstance',
      'a Flex instance SID (GO + 32 hex digits)',
    ),
    chatServiceSids,
    conversationsServiceSids: serviceList('TWILIO_CONVERSATIONS_SERVICE_SIDS'),
    flexIdentityEscapes,
    baseUrls: {
      flex: url('TWILIO_FLEX_API_URL', TWILIO_HOSTS.flex),
      conversations: url('TWILIO_CONVERSATIONS_API_URL', TWILIO_HOSTS.conversations),
      chat: url('TWILIO_CHAT_API_URL', TWILIO_HOSTS.chat),
      taskrouter: url('TWILIO_TASKROUTER_API_URL', TWILIO_HOSTS.taskrouter),
    },
    timeoutMs: int('TWILIO_TIMEOUT_MS', 10_000, 100, 120_000),
    requestBudgetMs: int('REQUEST_BUDGET_MS', 15_000, 100, 300_000),
    retries: int('TWILIO_RETRIES', 2, 0, 10),
    maxRetryAfterSeconds: int('TWILIO_MAX_RETRY_AFTER_SECONDS', 5, 0, 120),
    maxConcurrency: int('TWILIO_MAX_CONCURRENCY', 256, 1, 4096),
    // Twilio allows about 100 concurrent requests per account, shared with Flex UI and Functions
    // (TWILIO.md §9): half of it leaves them room.
    accountConcurrency: int('TWILIO_ACCOUNT_CONCURRENCY', 50, 1, 1000),
    maxUpstreamCallsPerRequest: int('REQUEST_MAX_UPSTREAM_CALLS', 500, 1, 100_000),
    auth: {
      open: bool('AUTH_OPEN', false),
      passthrough: bool('AUTH_BASIC_PASSTHROUGH', true),
      jwt:
        read('AUTH_JWT_SECRET') || read('AUTH_JWKS_URL')
          ? {
              secret: read('AUTH_JWT_SECRET') ?? null,
              jwksUrl: read('AUTH_JWKS_URL') ? url('AUTH_JWKS_URL', '') : null,
              issuer: read('AUTH_JWT_ISSUER') ?? null,
              audience: read('AUTH_JWT_AUDIENCE') ?? null,
              tenantClaim: read('AUTH_JWT_TENANT_CLAIM') ?? 'tenant',
              maxAgeSeconds: int('AUTH_JWT_MAX_AGE_SECONDS', 86_400, 1, 366 * 86_400),
            }
          : null,
    },
    tenants: parseTenants(read('TWILIO_TENANTS'), flexIdentityEscapes),
    logLevel: oneOf('LOG_LEVEL', 'info', [
      'fatal',
      'error',
      'warn',
      'info',
      'debug',
      'trace',
      'silent',
    ]),
    logFlushMs: int('LOG_FLUSH_MS', 100, 0, 10_000),
    introspection: bool('GRAPHQL_INTROSPECTION', !production),
    playground: bool('GRAPHQL_PLAYGROUND', !production),
    http: httpServer(int),
    metricsMaxOperationNames: int('METRICS_MAX_OPERATION_NAMES', 100, 0, 10_000),
    tracing: tracingConfig(read, oneOf, url),
    production,
    cors: corsSettings(read('CORS_ORIGINS'), bool('CORS_CREDENTIALS', false)),
    redis: redisConfig(read, int),
    cacheTtlSeconds: int('CACHE_TTL_SECONDS', 30, 0, 86_400),
    backOffice: backOfficeConfig(read, int),
    reconcile: reconcileConfig(read, int, (message) => new ConfigError(message)),
  };
}

function backOfficeConfig(
  read: (name: string) => string | undefined,
  int: (name: string, fallback: number, min: number, max: number) => number,
): BackOfficeConfig {
  const auditLog = read('AUDIT_LOG') ?? 'stderr';
  const auditHashKey = read('AUDIT_HASH_KEY') ?? null;
  if (auditHashKey !== null && auditHashKey.length < 32) {
    throw new ConfigError('AUDIT_HASH_KEY must be at least 32 characters');
  }
  return {
    bulkMaxItems: int('BULK_MAX_ITEMS', 100, 1, 1000),
    bulkConcurrency: int('BULK_CONCURRENCY', 8, 1, 100),
    searchMaxPages: int('SEARCH_MAX_PAGES', 10, 1, 1000),
    // stderr by default: apart from the request log on stdout without any setting, and kept by
    // every container runtime, where a file inside the container would be lost with it.
    auditLog:
      auditLog === 'off'
        ? null
        : auditLog === 'stdout' || auditLog === 'stderr'
          ? auditLog
          : { file: auditLog },
    auditHashKey,
  };
}

function redisConfig(
  read: (name: string) => string | undefined,
  int: (name: string, fallback: number, min: number, max: number) => number,
): RedisConfig | null {
  const value = read('REDIS_URL');
  if (value === undefined) return null;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    // The URL may hold Redis's password: never echo it.
    throw new ConfigError('REDIS_URL must be a redis:// or rediss:// URL');
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new ConfigError(`REDIS_URL must be a redis:// or rediss:// URL, got ${parsed.protocol}`);
  }
  const keySecret = read('REDIS_KEY_SECRET');
  if (keySecret === undefined || keySecret.length < 32) {
    throw new ConfigError(
      'REDIS_URL needs REDIS_KEY_SECRET: at least 32 characters, the same on every replica ' +
        '(it keys the shared cache by tenant credentials)',
    );
  }
  return {
    url: value,
    keySecret,
    commandTimeoutMs: int('REDIS_COMMAND_TIMEOUT_MS', 200, 10, 10_000),
  };
}

/**
 * Tracing is on when an OTLP endpoint is configured or TRACING=otlp, with OpenTelemetry's own
 * variable names; OTEL_SDK_DISABLED=true or TRACING=off turns it off whatever else is set.
 */
function tracingConfig(
  read: (name: string) => string | undefined,
  oneOf: (name: string, fallback: string, allowed: string[]) => string,
  url: (name: string, fallback: string) => string,
): TracingConfig | null {
  const endpoint = read('OTEL_EXPORTER_OTLP_ENDPOINT');
  const tracesEndpoint = read('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
  const configured = endpoint !== undefined || tracesEndpoint !== undefined;
  const mode = oneOf('TRACING', configured ? 'otlp' : 'off', ['otlp', 'off']);
  if (mode === 'off' || read('OTEL_SDK_DISABLED') === 'true') return null;
  // One exporter package: every OTLP/HTTP collector takes JSON as well as protobuf on :4318.
  const protocol =
    read('OTEL_EXPORTER_OTLP_TRACES_PROTOCOL') ?? read('OTEL_EXPORTER_OTLP_PROTOCOL');
  if (protocol !== undefined && protocol !== 'http/json') {
    throw new ConfigError(
      `OTEL_EXPORTER_OTLP_PROTOCOL must be http/json (the gateway exports OTLP/HTTP JSON), got ${JSON.stringify(protocol)}`,
    );
  }
  return {
    serviceName: read('OTEL_SERVICE_NAME') ?? 'identity-gateway',
    // Per OTel's exporter spec: the signal's own endpoint as given, the general one plus /v1/traces.
    tracesUrl: tracesEndpoint
      ? url('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', '')
      : `${url('OTEL_EXPORTER_OTLP_ENDPOINT', 'http://localhost:4318')}/v1/traces`,
  };
}

function corsSettings(list: string | undefined, credentials: boolean): CorsConfig {
  const checked = checkCorsOrigins(
    (list ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
  if ('problem' in checked) throw new ConfigError(`CORS_ORIGINS ${checked.problem}`);
  if (credentials && checked.origins.includes(ANY_ORIGIN)) {
    throw new ConfigError(
      'CORS_CREDENTIALS=true cannot go with CORS_ORIGINS=*: browsers refuse credentials from ' +
        'every origin; list the origins instead',
    );
  }
  return { origins: checked.origins, credentials };
}

/**
 * The server's timeouts on its clients. Node refuses a headers timeout longer than the request
 * timeout, so the headers default follows a lower request timeout down.
 */
function httpServer(
  int: (name: string, fallback: number, min: number, max: number) => number,
): HttpServerConfig {
  const requestTimeoutMs = int('HTTP_REQUEST_TIMEOUT_MS', 30_000, 100, 600_000);
  return {
    requestTimeoutMs,
    headersTimeoutMs: int(
      'HTTP_HEADERS_TIMEOUT_MS',
      Math.min(10_000, requestTimeoutMs),
      100,
      requestTimeoutMs,
    ),
    // Longer than the 60 s idle timeout load balancers commonly keep (AWS ALB's default): if the
    // gateway closed an idle connection first, a balancer could send the next request down a
    // socket that is closing, and its client would get a 502.
    keepAliveTimeoutMs: int('HTTP_KEEP_ALIVE_TIMEOUT_MS', 72_000, 1000, 600_000),
  };
}

/**
 * `TWILIO_TENANTS`: a JSON object from tenant id to `{ accountSid, authToken }` (or
 * `{ apiKey, apiSecret }`), optionally `flexInstanceSid`, `chatServiceSids`,
 * `conversationsServiceSids` and `flexIdentityEscapes` (else `flexIdentityEscapes`, the global setting).
 */
function parseTenants(
  json: string | undefined,
  flexIdentityEscapes: boolean,
): Map<string, TenantConfig> {
  const tenants = new Map<string, TenantConfig>();
  if (json === undefined) return tenants;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new ConfigError('TWILIO_TENANTS must be a JSON object');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError('TWILIO_TENANTS must be a JSON object');
  }
  for (const [id, value] of Object.entries(parsed as Record<string, unknown>)) {
    const bad = (what: string) => new ConfigError(`TWILIO_TENANTS.${id}: ${what}`);
    if (typeof value !== 'object' || value === null) throw bad('must be an object');
    const t = value as Record<string, unknown>;
    let credentials: Credentials;
    if (
      typeof t.apiKey === 'string' &&
      typeof t.apiSecret === 'string' &&
      isSid('apiKey', t.apiKey)
    ) {
      credentials = { username: t.apiKey, password: t.apiSecret };
    } else if (
      typeof t.accountSid === 'string' &&
      typeof t.authToken === 'string' &&
      isSid('account', t.accountSid)
    ) {
      credentials = { username: t.accountSid, password: t.authToken };
    } else {
      throw bad('needs accountSid (AC…) and authToken, or apiKey (SK…) and apiSecret');
    }
    const accountSid = t.accountSid ?? null;
    if (accountSid !== null && !isSid('account', accountSid)) {
      throw bad('accountSid must be an account SID (AC + 32 hex digits)');
    }
    const flexInstanceSid = t.flexInstanceSid ?? null;
    if (flexInstanceSid !== null && !isSid('flexInstance', flexInstanceSid)) {
      throw bad('flexInstanceSid must be a Flex instance SID (GO + 32 hex digits)');
    }
    const services = (name: 'chatServiceSids' | 'conversationsServiceSids') => {
      const value = t[name];
      const checked = Array.isArray(value)
        ? checkChatServiceSids(value)
        : value === undefined
          ? { sids: [] }
          : { problem: 'must be a list of chat service SIDs (IS + 32 hex digits)' };
      if ('problem' in checked) throw bad(`${name} ${checked.problem}`);
      return checked.sids;
    };
    if (t.flexIdentityEscapes !== undefined && typeof t.flexIdentityEscapes !== 'boolean') {
      throw bad('flexIdentityEscapes must be true or false');
    }
    tenants.set(id, {
      credentials,
      accountSid,
      flexInstanceSid,
      chatServiceSids: services('chatServiceSids'),
      conversationsServiceSids: services('conversationsServiceSids'),
      flexIdentityEscapes: t.flexIdentityEscapes ?? flexIdentityEscapes,
    });
  }
  return tenants;
}
