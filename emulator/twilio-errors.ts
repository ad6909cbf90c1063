import { STATUS_CODES } from 'node:http';

/** Twilio's error body, as every product API returns it. */
export interface TwilioErrorBody {
  code: number;
  message: string;
  more_info: string;
  status: number;
}

/** Thrown by handlers and the store; app.ts turns it into the response. */
export class TwilioError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    /** Extra response headers, e.g. Retry-After on a 429. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toBody(): TwilioErrorBody {
    return {
      code: this.code,
      message: this.message,
      more_info: `https://www.twilio.com/docs/errors/${this.code}`,
      status: this.status,
    };
  }
}

export function missingParameter(name: string, where: 'post body' | 'query string'): TwilioError {
  return new TwilioError(400, 20001, `Missing required parameter ${name} in the ${where}`);
}

export function invalidParameter(name: string, detail: string): TwilioError {
  return new TwilioError(400, 20001, `Invalid parameter ${name}: ${detail}`);
}

export function authenticationFailed(): TwilioError {
  return new TwilioError(401, 20003, 'Authenticate', {
    'www-authenticate': 'Basic realm="Twilio API"',
  });
}

/** Product APIs name the resource by its path without the version prefix ("/Users/US…"). */
export function notFound(path: string): TwilioError {
  const resource = path.replace(/^\/v\d+(?=\/)/, '');
  return new TwilioError(404, 20404, `The requested resource ${resource} was not found`);
}

export function methodNotAllowed(allow: string): TwilioError {
  return new TwilioError(405, 20004, 'Method not allowed', { allow });
}

/**
 * A request refused before a handler runs: Fastify's own refusals (malformed JSON, a body too
 * large, a path with bad percent-encoding or a segment too long) and paths the emulator cannot
 * route as sent. Twilio's answers to these are unverified: 400 is code 20001 as for a bad
 * parameter, other statuses mirror into 200xx as the 5xx codes do.
 */
export function requestRefused(status: number, message: string): TwilioError {
  return new TwilioError(status, status === 400 ? 20001 : 20000 + status, message);
}

/**
 * Twilio's answer to a request over the account's concurrency limit and to a rate limit alike:
 * 429 / 20429 "Too Many Requests", Retry-After optional (TWILIO.md §7 and §8.10).
 */
export function tooManyRequests(retryAfterSeconds: number | null): TwilioError {
  const headers: Record<string, string> = { 'twilio-reached-rate-limit': 'true' };
  if (retryAfterSeconds !== null) headers['retry-after'] = String(retryAfterSeconds);
  return new TwilioError(429, 20429, 'Too Many Requests', headers);
}

/** Injected 5xx: Twilio's 205xx codes mirror the status (20500 Internal Server Error, 20503 Service Unavailable). */
export function serverError(status: number): TwilioError {
  return new TwilioError(status, 20000 + status, STATUS_CODES[status] ?? 'Server Error');
}
