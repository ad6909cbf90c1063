import { util } from 'undici';
import { codeForStatus, TwilioError, type Product, type TwilioErrorBody } from './errors.js';
import type { Outcome } from './breaker.js';
import type { UpstreamTarget } from './paths.js';
import {
  isRetryableStatus,
  NETWORK_ERROR_CODES,
  parseRetryAfter,
  RETRY_AFTER_STATUSES,
  retryDelay,
  TIMEOUT_ERROR_CODES,
} from './retry-policy.js';
import type { Grant } from './budget.js';
import type { EndSignal } from './request-end.js';
import { perCredentials } from './per-credentials.js';
import { TextExchange } from './text-exchange.js';
import type { UpstreamTracer } from './tracing-hooks.js';
import type { Transport } from './transport.js';

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
  /** Each HTTP request sent to Twilio, retries included, as it is sent. */
  onAttempt(): void;
  /** Each call, once it is settled (not called for a call that was never sent). */
  onCall(call: UpstreamCall): void;
}

/** What one GraphQL request shares across its calls to all three products. */
export interface Session {
  /** Whose budget and breakers the calls use: the Twilio account (or API key) SID. */
  readonly account: string;
  readonly authorization: string;
  readonly fingerprint: string;
  /** Epoch ms: no attempt or retry starts after it, and no attempt's timeout reaches past it. */
  readonly deadline: number;
  /**
   * Aborted when the request's response is sent: nothing still in flight outlives it. Each
   * attempt in flight listens on it (a RequestEnd keeps its listeners in a Set).
   */
  readonly signal: EndSignal;
  /** Upstream requests (retries included) this request may send at most. */
  readonly maxCalls: number;
  readonly observer: UpstreamObserver | undefined;
  /** One span per call when tracing is on. */
  readonly tracer: UpstreamTracer | undefined;
  /** Requests sent so far. */
  sent: number;
  /** Set when Twilio refused the credentials: no further call of this request is sent. */
  rejected: TwilioError | null;
  /** While credentials Twilio has not accepted yet are being tried by one call, the others wait. */
  probe: Promise<void> | null;
}

export interface SessionOptions {
  credentials: Credentials;
  /** The account the credentials act as, when known (an API key's account); else the username. */
  account?: string;
  deadline: number;
  signal: EndSignal;
  maxCalls: number;
  observer?: UpstreamObserver;
  tracer?: UpstreamTracer;
}

/** The Authorization header of a credential pair, built once per credentials object. */
const basicAuthorization = perCredentials(
  ({ username, password }) => `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`,
);

export function createSession(transport: Transport, options: SessionOptions): Session {
  const { credentials } = options;
  return {
    account: options.account ?? credentials.username,
    authorization: basicAuthorization(credentials),
    fingerprint: transport.fingerprint(credentials),
    deadline: options.deadline,
    signal: options.signal,
    maxCalls: options.maxCalls,
    observer: options.observer,
    tracer: options.tracer,
    sent: 0,
    rejected: null,
    probe: null,
  };
}

/** The gateway's only HTTP client: every Twilio call goes through these functions. */
export interface Http {
  get<T>(operation: string, target: UpstreamTarget): Promise<T>;
  /** A read of one resource: Twilio's 404 is the answer "no such resource" (null), not an error. */
  getOrNull<T>(operation: string, target: UpstreamTarget): Promise<T | null>;
  postForm<T>(operation: string, target: UpstreamTarget, form: Record<string, string>): Promise<T>;
  /** @param idempotent Twilio documents the operation as safe to repeat (v4 Provision), so it may be retried. */
  postJson<T>(
    operation: string,
    target: UpstreamTarget,
    json: unknown,
    idempotent?: boolean,
  ): Promise<T>;
  postJsonNoContent(operation: string, target: UpstreamTarget, json: unknown): Promise<void>;
  delete(operation: string, target: UpstreamTarget): Promise<void>;
}

/** An attempt with less time than this left in the budget is not started. */
const MIN_ATTEMPT_MS = 20;
/** How long the other calls wait for the one trying unverified credentials before going anyway. */
const PROBE_WAIT_MS = 250;

interface Call {
  operation: string;
  method: 'GET' | 'POST' | 'DELETE';
  target: UpstreamTarget;
  body?: { contentType: string; text: string };
  parse: 'json' | 'none';
  notFoundAsNull?: boolean;
  /** Safe to send twice (GET, DELETE, or a POST Twilio documents as idempotent). */
  idempotent: boolean;
}

/** What one attempt came back with: a value, or the failure and whether it is worth repeating. */
type Attempt<T> =
  | { done: true; value: T; status: number }
  | {
      done: false;
      error: TwilioError;
      retryAfterSeconds: number | null;
      retryable: boolean;
      /** False when the failure came before anything was sent (cap, budget, breaker, end). */
      sent?: false;
    };

/**
 * What an attempt's exchange is aborted with: one for the process, as no one reads it (the
 * attempt's own cause says why it stopped).
 */
const ATTEMPT_STOPPED = Object.freeze(new Error('the attempt was stopped'));

/** Why an attempt was stopped. */
type AbortCause = 'timeout' | 'deadline' | 'ended';

/**
 * One request's client for one product. The gateway talks to Twilio through undici (the client
 * Node's own fetch is built on): on the same calls got spent four to six times the CPU per call
 * (bench/http-clients.ts). Each attempt takes a slot of the account's budget and passes its
 * breaker; a retry's wait holds neither, so a tenant that Twilio asked to pause holds up nobody.
 */
export function createHttp(transport: Transport, product: Product, session: Session): Http {
  const { settings } = transport;
  const { pool, prefix } = transport.origin(product);
  const headers: Record<string, string> = {
    authorization: session.authorization,
    'user-agent': settings.userAgent,
    accept: 'application/json',
    'accept-charset': 'utf-8',
  };
  const breaker = transport.breaker(session.account, product);

  /** Sends one attempt, or explains why it was not sent (a request-side failure, never the host's). */
  async function attempt<T>(call: Call, path: string): Promise<Attempt<T>> {
    let release: () => void;
    let waited = false;
    for (;;) {
      // Credentials nobody has seen Twilio accept yet: one call tries them while the others wait,
      // so wrong credentials cost Twilio one call, not one per field. The wait is short: a refusal
      // comes back at once, and a slow probe must not hold the whole request up.
      if (session.probe !== null && !waited) {
        await waitAtMost(session.probe, PROBE_WAIT_MS, session.signal);
        waited = true;
      }
      if (session.rejected !== null) return notSent(session.rejected);
      if (session.signal.aborted) return notSent(requestEnded(product));
      const remaining = session.deadline - Date.now();
      if (remaining < MIN_ATTEMPT_MS) return notSent(budgetSpent(product));
      if (session.sent >= session.maxCalls) return notSent(tooManyCalls(product, session.maxCalls));
      let grant: Grant;
      try {
        grant = await transport.budget.acquire(session.account, session.signal, remaining);
      } catch {
        return notSent(session.signal.aborted ? requestEnded(product) : budgetSpent(product));
      }
      if ('pausedMs' in grant) {
        // Twilio asked the account (here or on another replica) to wait: wait with the others,
        // or, when the pause is longer than a retry may wait or than the request has left, fail
        // as the call that was answered 429 did, without sending.
        const { pausedMs } = grant;
        if (
          pausedMs > settings.maxRetryAfterSeconds * 1000 ||
          Date.now() + pausedMs + MIN_ATTEMPT_MS >= session.deadline
        ) {
          return notSent(accountPaused(product, pausedMs));
        }
        if (!(await sleep(pausedMs, session.signal))) return notSent(requestEnded(product));
        continue;
      }
      release = grant.release;
      // Another call of this request became the probe while this one waited for its slot.
      if (session.probe === null || waited) break;
      release();
    }
    // Checked again: the wait for a slot may have taken the budget, or outlived the request, and
    // other calls of this request may have been sent meanwhile.
    if (session.signal.aborted || session.deadline - Date.now() < MIN_ATTEMPT_MS) {
      release();
      return notSent(session.signal.aborted ? requestEnded(product) : budgetSpent(product));
    }
    if (session.sent >= session.maxCalls) {
      release();
      return notSent(tooManyCalls(product, session.maxCalls));
    }
    const admission = breaker.admit();
    if (admission === null) {
      release();
      return notSent(breakerOpen(product));
    }
    let endProbe: (() => void) | undefined;
    if (session.probe === null && !transport.isVerified(session.fingerprint)) {
      session.probe = new Promise<void>((resolve) => (endProbe = resolve));
    }
    let health: Outcome = 'ignore';
    try {
      session.sent += 1;
      session.observer?.onAttempt();
      const exchanged = await exchange<T>(call, path, session.deadline - Date.now());
      const { result } = exchanged;
      health = exchanged.health;
      if (!result.done && result.error.twilio.status === 401) session.rejected = result.error;
      // Any other answer below 500 came past Twilio's authentication; a 5xx may not have.
      else if (result.done || (result.error.twilio.status ?? 500) < 500) {
        transport.markVerified(session.fingerprint);
      }
      return result;
    } finally {
      // Settled here, so no path (a throwing observer included) leaves a half-open probe out.
      admission.settle(health);
      release();
      if (endProbe) {
        session.probe = null;
        endProbe();
      }
    }
  }

  async function exchange<T>(
    call: Call,
    path: string,
    remainingMs: number,
  ): Promise<{ result: Attempt<T>; health: Outcome }> {
    const exchanged = new TextExchange();
    let cause: AbortCause | null = null;
    const stop = (why: AbortCause) => {
      cause ??= why;
      exchanged.abort(ATTEMPT_STOPPED);
    };
    const byDeadline = remainingMs < settings.timeoutMs;
    const timer = setTimeout(
      () => stop(byDeadline ? 'deadline' : 'timeout'),
      byDeadline ? remainingMs : settings.timeoutMs,
    );
    const onEnd = () => stop('ended');
    if (session.signal.aborted) onEnd();
    else session.signal.addEventListener('abort', onEnd);
    try {
      pool.dispatch(
        {
          path,
          method: call.method,
          headers: call.body ? { ...headers, 'content-type': call.body.contentType } : headers,
          body: call.body?.text,
        },
        exchanged,
      );
      const response = await exchanged.answer;
      const { status } = response;
      // A 408 is Twilio timing out on its side: the host's trouble, like a 5xx.
      const health: Outcome = status >= 500 || status === 408 ? 'failure' : 'success';
      if (status >= 200 && status < 300) {
        if (call.parse === 'none') {
          return { result: { done: true, value: undefined as T, status }, health };
        }
        const parsed = parseJson<T>(product, status, response.text);
        return { result: parsed, health: parsed.done ? health : 'failure' };
      }
      if (status === 404 && call.notFoundAsNull) {
        return { result: { done: true, value: null as T, status }, health };
      }
      const retryAfterSeconds = RETRY_AFTER_STATUSES.has(status)
        ? parseRetryAfter(util.parseHeaders(response.rawHeaders)['retry-after'])
        : null;
      // Twilio's limits are the account's: every call of it waits, here and on other replicas.
      if (status === 429 && retryAfterSeconds !== null) {
        transport.budget.pause(session.account, retryAfterSeconds * 1000);
      }
      const error = errorFromResponse(product, status, response.text, retryAfterSeconds);
      return {
        result: {
          done: false,
          error,
          retryAfterSeconds,
          retryable: isRetryableStatus(status, retryAfterSeconds),
        },
        health,
      };
    } catch (error) {
      return failedExchange(product, cause, errorCode(error));
    } finally {
      clearTimeout(timer);
      session.signal.removeEventListener('abort', onEnd);
    }
  }

  /** One call with its retries. */
  async function send<T>(call: Call): Promise<T> {
    const path = `${prefix}/${call.target}`;
    const started = performance.now();
    let sentAny = false;
    /** Retries actually sent, and the Retry-After seconds waited before them. */
    let retries = 0;
    let retryAfterWaitSeconds = 0;
    /** Tries that failed so far, for the backoff; a wait is counted once its retry is sent. */
    let failures = 0;
    let waitedSeconds = 0;
    let status: number | null = null;
    let answered: TwilioError | null = null;
    let failure: string | null = null;
    const endSpan = session.tracer?.startCall(product, call.operation, call.method);
    try {
      for (;;) {
        const outcome = await attempt<T>(call, path);
        const sent = outcome.done || outcome.sent !== false;
        // A retry refused before sending (breaker, budget, call cap): Twilio's last answer stands.
        if (!sent && answered !== null) throw answered;
        if (sent && sentAny) {
          retries += 1;
          retryAfterWaitSeconds += waitedSeconds;
        }
        sentAny ||= sent;
        if (outcome.done) {
          status = outcome.status;
          failure = null;
          return outcome.value;
        }
        status = outcome.error.twilio.status;
        answered = outcome.error;
        failure = outcome.error.code;
        // Twilio never processes a request it answers 429 ("always safe to retry", TWILIO.md §7),
        // so even a non-idempotent call is sent again after it; any other failure of one may have
        // changed something, and is not.
        const delay =
          call.idempotent || outcome.error.twilio.status === 429
            ? retryDelay(settings, outcome, failures)
            : null;
        // A retry that could not finish within the request's budget is not worth starting.
        if (delay === null || Date.now() + delay + MIN_ATTEMPT_MS >= session.deadline) {
          throw outcome.error;
        }
        failures += 1;
        waitedSeconds = outcome.retryAfterSeconds ?? 0;
        // The wait holds no slot; the request ending cuts it short, and the last answer stands.
        if (!(await sleep(delay, session.signal))) throw outcome.error;
      }
    } finally {
      endSpan?.({ status, retries, errorCode: failure });
      if (sentAny) {
        session.observer?.onCall({
          product,
          operation: call.operation,
          method: call.method,
          status,
          durationMs: performance.now() - started,
          retries,
          retryAfterWaitSeconds,
        });
      }
    }
  }

  return {
    get: (operation, target) =>
      send({ operation, method: 'GET', target, parse: 'json', idempotent: true }),
    getOrNull: (operation, target) =>
      send({
        operation,
        method: 'GET',
        target,
        parse: 'json',
        notFoundAsNull: true,
        idempotent: true,
      }),
    postForm: (operation, target, fields) =>
      send({
        operation,
        method: 'POST',
        target,
        body: formBody(fields),
        parse: 'json',
        idempotent: false,
      }),
    postJson: (operation, target, value, idempotent = false) =>
      send({ operation, method: 'POST', target, body: jsonBody(value), parse: 'json', idempotent }),
    postJsonNoContent: (operation, target, value) =>
      send({
        operation,
        method: 'POST',
        target,
        body: jsonBody(value),
        parse: 'none',
        idempotent: false,
      }),
    delete: (operation, target) =>
      send({ operation, method: 'DELETE', target, parse: 'none', idempotent: true }),
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
      null,
      'host',
    );
    return { done: false, error, retryAfterSeconds: null, retryable: false };
  }
}

/** Settles when `promise` does, after `ms`, or when `signal` aborts, whichever comes first. */
async function waitAtMost(promise: Promise<void>, ms: number, signal: EndSignal): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  await Promise.race([
    promise,
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
      onAbort = resolve;
      signal.addEventListener('abort', onAbort, { once: true });
    }),
  ]);
  clearTimeout(timer);
  if (onAbort) signal.removeEventListener('abort', onAbort);
}

/** Resolves true after `ms`, or false as soon as `signal` aborts. */
function sleep(ms: number, signal: EndSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'unknown error';
}

const noDetails = (product: Product) => ({ code: null, status: null, moreInfo: null, product });

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
    status >= 500 || status < 400 || status === 408 ? 'host' : 'request',
  );
}

/** No answer came back. Only our own per-attempt timeout and a failed connection blame the host. */
function failedExchange(
  product: Product,
  cause: AbortCause | null,
  code: string,
): { result: Attempt<never>; health: Outcome } {
  const failed = (error: TwilioError, retryable: boolean, health: Outcome) => ({
    result: { done: false as const, error, retryAfterSeconds: null, retryable },
    health,
  });
  if (cause === 'deadline') {
    return failed(
      new TwilioError(
        `Twilio ${product} API did not answer within the request's time budget`,
        'UPSTREAM_TIMEOUT',
        noDetails(product),
      ),
      false,
      'ignore',
    );
  }
  if (cause === 'ended') return failed(requestEnded(product), false, 'ignore');
  if (cause === 'timeout' || TIMEOUT_ERROR_CODES.has(code)) {
    return failed(
      new TwilioError(
        `Twilio ${product} API did not answer in time`,
        'UPSTREAM_TIMEOUT',
        noDetails(product),
        null,
        'host',
      ),
      true,
      'failure',
    );
  }
  if (NETWORK_ERROR_CODES.has(code)) {
    return failed(
      new TwilioError(
        `Twilio ${product} API is unreachable (${code})`,
        'UPSTREAM_UNAVAILABLE',
        noDetails(product),
        null,
        'host',
      ),
      true,
      'failure',
    );
  }
  // undici refused the request itself (an argument it will not send): nothing reached the host.
  return failed(
    new TwilioError(
      `Twilio ${product} API was not called (${code})`,
      'UPSTREAM_UNAVAILABLE',
      noDetails(product),
    ),
    false,
    'ignore',
  );
}

const notSent = (error: TwilioError): Attempt<never> => ({
  done: false,
  sent: false,
  error,
  retryAfterSeconds: null,
  retryable: false,
});

function budgetSpent(product: Product): TwilioError {
  return new TwilioError(
    `Twilio ${product} API was not called: the request's time budget is spent`,
    'UPSTREAM_TIMEOUT',
    noDetails(product),
  );
}

/** The account is paused for longer than this call may wait: Twilio's 429, without asking it. */
function accountPaused(product: Product, pausedMs: number): TwilioError {
  const seconds = Math.ceil(pausedMs / 1000);
  return new TwilioError(
    `Twilio ${product} API was not called: Twilio asked this account to wait ${seconds} s before its next request`,
    'RATE_LIMITED',
    { code: 20429, status: 429, moreInfo: null, product },
    seconds,
  );
}

function requestEnded(product: Product): TwilioError {
  return new TwilioError(
    `Twilio ${product} API call abandoned: the request was answered before it finished`,
    'UPSTREAM_TIMEOUT',
    noDetails(product),
  );
}

function tooManyCalls(product: Product, max: number): TwilioError {
  return new TwilioError(
    `Twilio ${product} API was not called: this request reached its limit of ${max} upstream calls; ask for fewer people or fields per request`,
    'TOO_MANY_UPSTREAM_CALLS',
    noDetails(product),
  );
}

/** While the account's breaker for a host is open, calls fail at once instead of piling on. */
function breakerOpen(product: Product): TwilioError {
  return new TwilioError(
    `Twilio ${product} API is failing for this account; calls to it are paused for a few seconds`,
    'UPSTREAM_UNAVAILABLE',
    noDetails(product),
  );
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
