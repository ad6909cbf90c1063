import type { Agent as HttpAgent } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import got, { HTTPError, RequestError, type Got, type OptionsInit, type Response } from 'got';
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
  agents: { http: HttpAgent; https: HttpsAgent };
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

const RETRY_BASE_MS = 50;
/** An attempt with less time than this left in the budget is not started. */
const MIN_ATTEMPT_MS = 20;

/** Per call, through got's `context`: what retries must know about the request they serve. */
interface CallContext extends Record<string, unknown> {
  deadline: number;
  onRetry(retryAfterSeconds: number | null): void;
}

export function createTwilioClient(options: ClientOptions): TwilioClient {
  const { product, transport } = options;
  const timeoutMs = options.timeoutMs ?? 10_000;
  // got's extend merges and validates every option: done once per tenant, not per request.
  const client: Got = got.extend({
    prefixUrl: options.baseUrl,
    username: options.credentials.username,
    password: options.credentials.password,
    agent: transport.agents,
    timeout: { request: timeoutMs },
    headers: {
      'user-agent': options.userAgent ?? 'identity-gateway',
      'accept-charset': 'utf-8',
    },
    retry: {
      limit: options.retries ?? 2,
      maxRetryAfter: (options.maxRetryAfterSeconds ?? 5) * 1000,
      // got's default backoff starts at one second; a gateway answering a person's query cannot
      // wait that long for a 5xx, while a Retry-After from Twilio is honoured as sent.
      calculateDelay: ({ attemptCount, computedValue, retryAfter, error }) => {
        if (computedValue === 0) return 0;
        const delay =
          retryAfter !== undefined
            ? computedValue
            : RETRY_BASE_MS * 2 ** (attemptCount - 1) + Math.random() * RETRY_BASE_MS;
        // A retry that could not finish within the request's budget is not worth starting.
        const { deadline } = error.options.context as CallContext;
        return Date.now() + delay + MIN_ATTEMPT_MS < deadline ? delay : 0;
      },
    },
    hooks: {
      beforeRetry: [
        (error) => {
          const retryAfter = Number(error.response?.headers['retry-after']);
          (error.options.context as CallContext).onRetry(
            Number.isFinite(retryAfter) ? retryAfter : null,
          );
        },
      ],
    },
    throwHttpErrors: true,
  });

  return {
    forRequest({ deadline = Number.POSITIVE_INFINITY, observer }) {
      async function call<T>(
        operation: string,
        method: string,
        path: string,
        init: OptionsInit,
        parse: 'json' | 'none',
        notFoundAsNull = false,
      ): Promise<T> {
        const attempt = () =>
          transport.limiter(async () => {
            const remaining = deadline - Date.now();
            if (remaining < MIN_ATTEMPT_MS) throw budgetSpent(product);
            const started = performance.now();
            let retries = 0;
            let retryAfterWaitSeconds = 0;
            let status: number | null = null;
            const context: CallContext = {
              deadline,
              onRetry: (retryAfter) => {
                retries += 1;
                if (retryAfter !== null) retryAfterWaitSeconds += retryAfter;
              },
            };
            try {
              const response = (await client(path, {
                ...init,
                method: method as OptionsInit['method'],
                // Each option given here is merged per call: only override the timeout when the
                // budget left is shorter than the client's own.
                ...(remaining < timeoutMs ? { timeout: { request: remaining } } : {}),
                context,
              })) as Response<string>;
              status = response.statusCode;
              if (parse === 'none') return undefined as T;
              return JSON.parse(response.body) as T;
            } catch (error) {
              if (
                notFoundAsNull &&
                error instanceof HTTPError &&
                error.response.statusCode === 404
              ) {
                status = 404;
                return null as T;
              }
              const twilioError = toTwilioError(error, product);
              status = twilioError.twilio.status;
              throw twilioError;
            } finally {
              observer?.onCall({
                product,
                operation,
                method,
                status,
                durationMs: performance.now() - started,
                retries,
                retryAfterWaitSeconds,
              });
            }
          });
        return transport.breaker
          ? transport.breaker.fire(attempt).catch(fromOpenBreaker(product))
          : attempt();
      }

      return {
        get: (operation, path, searchParams) =>
          call(operation, 'GET', path, searchParams ? { searchParams } : {}, 'json'),
        getOrNull: (operation, path, searchParams) =>
          call(operation, 'GET', path, searchParams ? { searchParams } : {}, 'json', true),
        postForm: (operation, path, form) => call(operation, 'POST', path, { form }, 'json'),
        postJson: (operation, path, json, idempotent = false) =>
          call(
            operation,
            'POST',
            path,
            idempotent ? { json, retry: { methods: ['POST'] } } : { json },
            'json',
          ),
        postJsonNoContent: (operation, path, json) =>
          call(operation, 'POST', path, { json }, 'none'),
        delete: (operation, path) => call(operation, 'DELETE', path, {}, 'none'),
      };
    },
  };
}

/**
 * The one place an upstream failure becomes a GraphQL error. Only Twilio's public error message is
 * passed on: got's own messages carry the URL, and options carry the credentials.
 */
export function toTwilioError(error: unknown, product: Product): TwilioError {
  if (error instanceof TwilioError) return error;
  if (error instanceof HTTPError) {
    const status = error.response.statusCode;
    const body = parseErrorBody(error.response.body);
    const retryAfter = Number(error.response.headers['retry-after']);
    return new TwilioError(
      body.message ?? `Twilio ${product} API answered HTTP ${status}`,
      codeForStatus(status),
      { code: body.code ?? null, status, moreInfo: body.more_info ?? null, product },
      status === 429 && Number.isFinite(retryAfter) ? retryAfter : null,
    );
  }
  if (error instanceof RequestError && error.code === 'ETIMEDOUT') {
    return new TwilioError(`Twilio ${product} API did not answer in time`, 'UPSTREAM_TIMEOUT', {
      code: null,
      status: null,
      moreInfo: null,
      product,
    });
  }
  const code = error instanceof RequestError ? error.code : 'unknown error';
  return new TwilioError(`Twilio ${product} API is unreachable (${code})`, 'UPSTREAM_UNAVAILABLE', {
    code: null,
    status: null,
    moreInfo: null,
    product,
  });
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

function parseErrorBody(body: unknown): TwilioErrorBody {
  const text = Buffer.isBuffer(body) ? body.toString('utf8') : body;
  if (typeof text !== 'string') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? parsed : {};
  } catch {
    // 5xx from a proxy in front of Twilio is often HTML; the status alone then tells the story.
    return {};
  }
}
