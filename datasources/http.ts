import type { Dispatcher } from 'undici';
import type { LimitFunction } from 'p-limit';
import { codeForStatus, TwilioError, type Product, type TwilioErrorBody } from './errors.js';

export interface Credentials {
  /** AccountSid (AC…) or API key SID (SK…). */
  username: string;
  /** Auth token or API key secret. */
  password: string;
}

/** What the HTTP layer reports about every upstream call (metrics, logs). */
export interface UpstreamCall {
  product: Product;
  operation: string;
  method: string;
  /** Final HTTP status; null when no response arrived. */
  status: number | null;
  durationMs: number;
  retries: number;
  /** Seconds Twilio asked us to wait, summed over the retries that honoured Retry-After. */
  retryAfterWaitSeconds: number;
}

export interface UpstreamObserver {
  onCall(call: UpstreamCall): void;
}

/** Process-wide pieces every tenant's client shares: sockets, the concurrency cap, the breaker. */
export interface SharedTransport {
  /** undici's keep-alive connection pool to the product's host. */
  dispatcher: Dispatcher;
  /** Caps concurrent upstream calls to one host across all requests and tenants. */
  limiter: LimitFunction;
  /**
   * Stops calling a host that keeps failing (5xx, timeouts, refused connections) for a while.
   * It must reject with an error whose `code` is 'EOPENBREAKER' while open.
   */
  breaker?: { fire<T>(call: () => Promise<T>): Promise<T> };
}

export interface ClientOptions {
  product: Product;
  baseUrl: string;
  credentials: Credentials;
  transport: SharedTransport;
  /** Per attempt. @default 10000 */
  timeoutMs?: number;
  /** Retries of idempotent calls on 429/5xx/network errors. @default 2 */
  retries?: number;
  /** A Retry-After longer than this is not waited for: the call fails with RATE_LIMITED. @default 5 */
  maxRetryAfterSeconds?: number;
  userAgent?: string;
}

/** What one request adds to a tenant's client. */
export interface RequestScope {
  /**
   * When the request must be answered by (epoch ms): no attempt or retry starts after it, and an
   * attempt's timeout never reaches past it.
   */
  deadline?: number;
  observer?: UpstreamObserver;
}

type SearchParams = Record<string, string | number>;

/** The gateway's only HTTP client: every Twilio call goes through these functions. */
export interface Http {
  get<T>(operation: string, path: string, searchParams?: SearchParams): Promise<T>;
  /** A read of one resource: Twilio's 404 is the answer "no such resource" (null), not an error. */
  getOrNull<T>(operation: string, path: string, searchParams?: SearchParams): Promise<T | null>;
  postForm<T>(operation: string, path: string, form: Record<string, string>): Promise<T>;
  /** @param idempotent Twilio documents the operation as safe to repeat (v4 Provision), so it may be retried. */
  postJson<T>(operation: string, path: string, json: unknown, idempotent?: boolean): Promise<T>;
  postJsonNoContent(operation: string, path: string, json: unknown): Promise<void>;
  delete(operation: string, path: string): Promise<void>;
}

/** One tenant's client for one product. Built once per tenant; each request takes a view of it. */
export interface TwilioClient {
  forRequest(scope: RequestScope): Http;
}

/** Backoff before a retry Twilio gave no Retry-After for: 50 ms, then 100 ms, plus jitter. */
const RETRY_BASE_MS = 50;
/** An attempt with less time than this left in the budget is not started. */
const MIN_ATTEMPT_MS = 20;
/** Statuses worth another try of an idempotent call (got's list, which the gateway used before). */
const RETRY_STATUSES = new Set([408, 413, 429, 500, 502, 503, 504, 521, 522, 524]);
/** Statuses whose Retry-After is read (as got did); a 413 is retried only when it has one. */
const RETRY_AFTER_STATUSES = new Set([413, 429, 503]);
/** Transport failures worth another try: the connection, not the request, went wrong. */
const RETRY_ERROR_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ENOTFOUND',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'ETIMEDOUT',
]);
/** undici's own timers (connect, headers, body): timeouts like ours, reported as such. */
const TIMEOUT_ERROR_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

interface Call {
  operation: string;
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  searchParams?: SearchParams;
  body?: { contentType: string; text: string };
  parse: 'json' | 'none';
  notFoundAsNull?: boolean;
  /** Safe to send twice (GET, DELETE, or a POST Twilio documents as idempotent). */
  idempotent: boolean;
}

/** What one attempt came back with: a response we will not retry, or the failure and its wait. */
type Attempt<T> =
  | { done: true; value: T; status: number }
  | { done: false; error: TwilioError; retryAfterSeconds: number | null; retryable: boolean };

/**
 * The gateway talks to Twilio through undici (the client Node's own fetch is built on). It
 * replaced got: on the same calls got spent four to six times the CPU per call
 * (bench/http-clients.ts), 28 % of the gateway's CPU on a one-person query, and a roster query
 * makes a hundred calls. Retries, the per-attempt timeout and the request's deadline are the
 * policy below, written out because they are the gateway's own rules, not a library's defaults.
 */
export function createTwilioClient(options: ClientOptions): TwilioClient {
  const { product, transport } = options;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const retryLimit = options.retries ?? 2;
  const maxRetryAfterSeconds = options.maxRetryAfterSeconds ?? 5;
  const base = new URL(options.baseUrl);
  const origin = base.origin;
  const prefix = base.pathname.replace(/\/+$/, '');
  // Built once per tenant: the only copy of the credentials, sent as Basic auth on every call.
  const headers: Record<string, string> = {
    authorization: `Basic ${Buffer.from(
      `${options.credentials.username}:${options.credentials.password}`,
    ).toString('base64')}`,
    'user-agent': options.userAgent ?? 'identity-gateway',
    accept: 'application/json',
    'accept-charset': 'utf-8',
  };

  /** Milliseconds to wait before the next attempt, or null when there is none. */
  function retryDelay(
    call: Call,
    outcome: Extract<Attempt<unknown>, { done: false }>,
    retries: number,
  ): number | null {
    if (!call.idempotent || !outcome.retryable || retries >= retryLimit) return null;
    if (outcome.retryAfterSeconds !== null) {
      // Twilio asked for a pause: honour it as sent, or give up when it is longer than allowed.
      return outcome.retryAfterSeconds <= maxRetryAfterSeconds
        ? outcome.retryAfterSeconds * 1000
        : null;
    }
    return RETRY_BASE_MS * 2 ** retries + Math.random() * RETRY_BASE_MS;
  }

  async function attempt<T>(call: Call, url: string, remainingMs: number): Promise<Attempt<T>> {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), Math.min(timeoutMs, remainingMs));
    try {
      const response = await transport.dispatcher.request({
        origin,
        path: url,
        method: call.method,
        headers: call.body ? { ...headers, 'content-type': call.body.contentType } : headers,
        body: call.body?.text,
        signal: abort.signal,
      });
      const status = response.statusCode;
      if (status >= 200 && status < 300) {
        if (call.parse === 'none') {
          await response.body.dump();
          return { done: true, value: undefined as T, status };
        }
        return parseJson<T>(product, status, await response.body.text());
      }
      if (status === 404 && call.notFoundAsNull) {
        await response.body.dump();
        return { done: true, value: null as T, status };
      }
      const retryAfterSeconds = RETRY_AFTER_STATUSES.has(status)
        ? parseRetryAfter(response.headers['retry-after'])
        : null;
      return {
        done: false,
        error: errorFromResponse(product, status, await response.body.text(), retryAfterSeconds),
        retryAfterSeconds,
        retryable: RETRY_STATUSES.has(status) && (status !== 413 || retryAfterSeconds !== null),
      };
    } catch (error) {
      const code =
        abort.signal.aborted || TIMEOUT_ERROR_CODES.has(errorCode(error))
          ? 'ETIMEDOUT'
          : errorCode(error);
      return {
        done: false,
        error: transportError(product, code),
        retryAfterSeconds: null,
        retryable: RETRY_ERROR_CODES.has(code),
      };
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    forRequest({ deadline = Number.POSITIVE_INFINITY, observer }) {
      /** One call with its retries, under the host's concurrency cap and breaker. */
      async function send<T>(call: Call): Promise<T> {
        const url = `${prefix}/${call.path}${queryString(call.searchParams)}`;
        const run = () =>
          transport.limiter(async () => {
            let remaining = deadline - Date.now();
            // Not called at all: nothing to report to the observer.
            if (remaining < MIN_ATTEMPT_MS) throw budgetSpent(product);
            const started = performance.now();
            let retries = 0;
            let retryAfterWaitSeconds = 0;
            let status: number | null = null;
            try {
              for (;;) {
                const outcome = await attempt<T>(call, url, remaining);
                if (outcome.done) {
                  status = outcome.status;
                  return outcome.value;
                }
                status = outcome.error.twilio.status;
                const delay = retryDelay(call, outcome, retries);
                // A retry that could not finish within the request's budget is not worth starting.
                if (delay === null || Date.now() + delay + MIN_ATTEMPT_MS >= deadline) {
                  throw outcome.error;
                }
                retries += 1;
                if (outcome.retryAfterSeconds !== null) {
                  retryAfterWaitSeconds += outcome.retryAfterSeconds;
                }
                await sleep(delay);
                remaining = deadline - Date.now();
                // The timer woke late and the budget ran out meanwhile: the last answer stands.
                if (remaining < MIN_ATTEMPT_MS) throw outcome.error;
              }
            } finally {
              observer?.onCall({
                product,
                operation: call.operation,
                method: call.method,
                status,
                durationMs: performance.now() - started,
                retries,
                retryAfterWaitSeconds,
              });
            }
          });
        return transport.breaker
          ? transport.breaker.fire(run).catch(fromOpenBreaker(product))
          : run();
      }

      return {
        get: (operation, path, searchParams) =>
          send({ operation, method: 'GET', path, searchParams, parse: 'json', idempotent: true }),
        getOrNull: (operation, path, searchParams) =>
          send({
            operation,
            method: 'GET',
            path,
            searchParams,
            parse: 'json',
            notFoundAsNull: true,
            idempotent: true,
          }),
        postForm: (operation, path, fields) =>
          send({
            operation,
            method: 'POST',
            path,
            body: formBody(fields),
            parse: 'json',
            idempotent: false,
          }),
        postJson: (operation, path, value, idempotent = false) =>
          send({
            operation,
            method: 'POST',
            path,
            body: jsonBody(value),
            parse: 'json',
            idempotent,
          }),
        postJsonNoContent: (operation, path, value) =>
          send({
            operation,
            method: 'POST',
            path,
            body: jsonBody(value),
            parse: 'none',
            idempotent: false,
          }),
        delete: (operation, path) =>
          send({ operation, method: 'DELETE', path, parse: 'none', idempotent: true }),
      };
    },
  };
}

/** Request bodies, encoded once per call. */
function formBody(fields: Record<string, string>): NonNullable<Call['body']> {
  return {
    contentType: 'application/x-www-form-urlencoded',
    text: new URLSearchParams(fields).toString(),
  };
}

function jsonBody(value: unknown): NonNullable<Call['body']> {
  return { contentType: 'application/json', text: JSON.stringify(value) };
}

function parseJson<T>(product: Product, status: number, text: string): Attempt<T> {
  try {
    return { done: true, value: JSON.parse(text) as T, status };
  } catch {
    // A proxy's HTML page, or a cut-off body: the same request would most likely get it again.
    const error = new TwilioError(
      `Twilio ${product} API answered HTTP ${status} with a body that is not JSON`,
      'UPSTREAM_ERROR',
      { code: null, status, moreInfo: null, product },
    );
    return { done: false, error, retryAfterSeconds: null, retryable: false };
  }
}

/** Retry-After in seconds, as Twilio sends it, or as an HTTP date; null when absent or unreadable. */
function parseRetryAfter(value: string | string[] | undefined): number | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function queryString(searchParams: SearchParams | undefined): string {
  if (!searchParams) return '';
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(searchParams)) query.append(name, String(value));
  const text = query.toString();
  return text ? `?${text}` : '';
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'unknown error';
}

/**
 * The one place an upstream answer becomes a GraphQL error. Only Twilio's public error message is
 * passed on, never the URL or the request's headers.
 */
export function errorFromResponse(
  product: Product,
  status: number,
  body: string,
  retryAfterSeconds: number | null,
): TwilioError {
  const parsed = parseErrorBody(body);
  return new TwilioError(
    parsed.message ?? `Twilio ${product} API answered HTTP ${status}`,
    codeForStatus(status),
    { code: parsed.code ?? null, status, moreInfo: parsed.more_info ?? null, product },
    status === 429 ? retryAfterSeconds : null,
  );
}

/** No answer came back: the attempt timed out, or the connection failed. */
function transportError(product: Product, code: string): TwilioError {
  const details = { code: null, status: null, moreInfo: null, product };
  return code === 'ETIMEDOUT'
    ? new TwilioError(`Twilio ${product} API did not answer in time`, 'UPSTREAM_TIMEOUT', details)
    : new TwilioError(
        `Twilio ${product} API is unreachable (${code})`,
        'UPSTREAM_UNAVAILABLE',
        details,
      );
}

function budgetSpent(product: Product): TwilioError {
  return new TwilioError(
    `Twilio ${product} API was not called: the request's time budget is spent`,
    'UPSTREAM_TIMEOUT',
    { code: null, status: null, moreInfo: null, product },
  );
}

/** While a host's breaker is open, calls fail at once instead of piling onto a failing upstream. */
function fromOpenBreaker(product: Product) {
  return (error: unknown): never => {
    if ((error as { code?: unknown } | null)?.code === 'EOPENBREAKER') {
      throw new TwilioError(
        `Twilio ${product} API is failing; calls to it are paused for a few seconds`,
        'UPSTREAM_UNAVAILABLE',
        { code: null, status: null, moreInfo: null, product },
      );
    }
    throw error;
  };
}

function parseErrorBody(text: string): TwilioErrorBody {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? parsed : {};
  } catch {
    // 5xx from a proxy in front of Twilio is often HTML; the status alone then tells the story.
    return {};
  }
}
