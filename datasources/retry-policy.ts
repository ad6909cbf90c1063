/** Backoff before a retry Twilio gave no Retry-After for: 50 ms, then 100 ms, plus jitter. */
const RETRY_BASE_MS = 50;
/** Statuses worth another try of an idempotent call (got's list, which the gateway used before). */
const RETRY_STATUSES = new Set([408, 413, 429, 500, 502, 503, 504, 521, 522, 524]);
/** Statuses whose Retry-After is read (as got did); a 413 is retried only when it has one. */
export const RETRY_AFTER_STATUSES = new Set([413, 429, 503]);
/** Transport failures worth another try: the connection, not the request, went wrong. */
export const NETWORK_ERROR_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ENOTFOUND',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
]);
/** undici's own timers (connect, headers, body): timeouts like ours, reported as such. */
export const TIMEOUT_ERROR_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

export function isRetryableStatus(status: number, retryAfterSeconds: number | null): boolean {
  return RETRY_STATUSES.has(status) && (status !== 413 || retryAfterSeconds !== null);
}

/** Retry-After in seconds, as Twilio sends it, or as an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(
  value: string | string[] | undefined,
  now = Date.now(),
): number | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

export interface RetryRule {
  retries: number;
  maxRetryAfterSeconds: number;
}

/**
 * Milliseconds to wait before retry number `retries + 1`, or null when there is none: Twilio's
 * Retry-After when it sent one (none when longer than allowed), else exponential backoff.
 */
export function retryDelay(
  rule: RetryRule,
  failure: { retryable: boolean; retryAfterSeconds: number | null },
  retries: number,
  random = Math.random,
): number | null {
  if (!failure.retryable || retries >= rule.retries) return null;
  if (failure.retryAfterSeconds !== null) {
    return failure.retryAfterSeconds <= rule.maxRetryAfterSeconds
      ? failure.retryAfterSeconds * 1000
      : null;
  }
  return RETRY_BASE_MS * 2 ** retries + random() * RETRY_BASE_MS;
}
