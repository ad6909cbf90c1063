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

/** Process-wide pieces every tenant's client shares: sockets and the per-host concurrency cap. */
export interface SharedTransport {
  agents: { http: HttpAgent; https: HttpsAgent };
  /** Caps concurrent upstream calls to one host across all requests and tenants. */
  limiter: LimitFunction;
}

export interface HttpOptions {
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
  observer?: UpstreamObserver;
  userAgent?: string;
}

type SearchParams = Record<string, string | number>;

/** The gateway's only HTTP client: every Twilio call goes through these five functions. */
export interface Http {
  get<T>(operation: string, path: string, searchParams?: SearchParams): Promise<T>;
  postForm<T>(operation: string, path: string, form: Record<string, string>): Promise<T>;
  /** @param idempotent Twilio documents the operation as safe to repeat (v4 Provision), so it may be retried. */
  postJson<T>(operation: string, path: string, json: unknown, idempotent?: boolean): Promise<T>;
  postJsonNoContent(operation: string, path: string, json: unknown): Promise<void>;
  delete(operation: string, path: string): Promise<void>;
}

const RETRY_BASE_MS = 50;

export function createHttp(options: HttpOptions): Http {
  const { product, transport, observer } = options;
  const maxRetryAfterMs = (options.maxRetryAfterSeconds ?? 5) * 1000;
  const client: Got = got.extend({
    prefixUrl: options.baseUrl,
    username: options.credentials.username,
    password: options.credentials.password,
    agent: transport.agents,
    timeout: { request: options.timeoutMs ?? 10_000 },
    headers: {
      'user-agent': options.userAgent ?? 'identity-gateway',
      'accept-charset': 'utf-8',
    },
    retry: {
      limit: options.retries ?? 2,
      maxRetryAfter: maxRetryAfterMs,
      // got's default backoff starts at one second; a gateway answering a person's query cannot
      // wait that long for a 5xx, while a Retry-After from Twilio is honoured as sent.
      calculateDelay: ({ attemptCount, computedValue, retryAfter }) => {
        if (computedValue === 0 || retryAfter !== undefined) return computedValue;
        return RETRY_BASE_MS * 2 ** (attemptCount - 1) + Math.random() * RETRY_BASE_MS;
      },
    },
    throwHttpErrors: true,
  });

  async function call<T>(
    operation: string,
    method: string,
    path: string,
    init: OptionsInit,
    parse: 'json' | 'none',
  ): Promise<T> {
    return transport.limiter(async () => {
      const started = performance.now();
      let retries = 0;
      let retryAfterWaitSeconds = 0;
      let status: number | null = null;
      try {
        const response = (await client(path, {
          ...init,
          method: method as OptionsInit['method'],
          hooks: {
            beforeRetry: [
              (error) => {
                retries += 1;
                const retryAfter = Number(error.response?.headers['retry-after']);
                if (Number.isFinite(retryAfter)) retryAfterWaitSeconds += retryAfter;
              },
            ],
          },
        })) as Response<string>;
        status = response.statusCode;
        if (parse === 'none') return undefined as T;
        return JSON.parse(response.body) as T;
      } catch (error) {
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
  }

  return {
    get: (operation, path, searchParams) =>
      call(operation, 'GET', path, searchParams ? { searchParams } : {}, 'json'),
    postForm: (operation, path, form) => call(operation, 'POST', path, { form }, 'json'),
    postJson: (operation, path, json, idempotent = false) =>
      call(
        operation,
        'POST',
        path,
        idempotent ? { json, retry: { methods: ['POST'] } } : { json },
        'json',
      ),
    postJsonNoContent: (operation, path, json) => call(operation, 'POST', path, { json }, 'none'),
    delete: (operation, path) => call(operation, 'DELETE', path, {}, 'none'),
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

function parseErrorBody(body: unknown): TwilioErrorBody {
  const text = Buffer.isBuffer(body) ? body.toString('utf8') : body;
  if (typeof text !== 'string') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as TwilioErrorBody) : {};
  } catch {
    // 5xx from a proxy in front of Twilio is often HTML; the status alone then tells the story.
    return {};
  }
}
