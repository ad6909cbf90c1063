import { GraphQLError } from 'graphql';
import type { ErrorCode, RequestErrorCode } from '../datasources/errors.js';

/** A refusal before any resolver runs: Apollo answers it with `status` and nothing else. */
export function requestError(
  code: RequestErrorCode,
  message: string,
  status: number,
  details: Record<string, string> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details, http: { status } } });
}

/**
 * Which check refused a request's credentials: `extensions.reason`, the `reason` label of
 * `auth_refusals_total` and of the log line. jose's own code (`ERR_JWT_EXPIRED`, ...) for a token
 * jose refused; one of these for the gateway's own checks.
 */
export type AuthRefusalReason =
  | 'CREDENTIALS_MISSING'
  | 'NO_ACCOUNT_CONFIGURED'
  | 'BASIC_NOT_ACCEPTED'
  | 'BASIC_MALFORMED'
  | 'BEARER_NOT_ACCEPTED'
  | 'SCHEME_NOT_SUPPORTED'
  | 'TOKEN_LIFETIME_TOO_LONG'
  | 'TOKEN_UNVERIFIABLE'
  | 'TENANT_UNKNOWN'
  | 'JWKS_UNREACHABLE'
  | `ERR_${string}`;

/** 401; the message never repeats what the client sent. */
export const unauthenticated = (
  message: string,
  reason: AuthRefusalReason,
  details: Record<string, string> = {},
) => requestError('UNAUTHENTICATED', message, 401, { reason, ...details });

export const forbidden = (message: string, reason: AuthRefusalReason) =>
  requestError('FORBIDDEN', message, 403, { reason });

/**
 * 503: the key set (JWKS) that tokens are checked against could not be fetched. The token may
 * well be good, so this is not a 401, which would tell the client to throw it away.
 */
export const keySetUnavailable = (message: string, reason: AuthRefusalReason, cause: unknown) =>
  new GraphQLError(message, {
    // Kept for the log line (a DNS failure, a refused connection), never sent to the client.
    originalError: cause instanceof Error ? cause : undefined,
    extensions: {
      code: 'UPSTREAM_UNAVAILABLE' satisfies ErrorCode,
      reason,
      http: { status: 503 },
    },
  });

/** A request header with a value of the wrong form. */
export const badHeader = (message: string) => requestError('BAD_USER_INPUT', message, 400);

export interface ErrorBody {
  errors: [{ message: string; extensions: { code: RequestErrorCode } }];
}

/**
 * A refusal made below GraphQL (by Fastify or Node's HTTP parser) in GraphQL's response shape, so
 * a typed client reads its message and code instead of an empty `errors` list.
 */
export function errorBody(code: RequestErrorCode, message: string): ErrorBody {
  return { errors: [{ message, extensions: { code } }] };
}

const CODE_BY_STATUS: Partial<Record<number, RequestErrorCode>> = {
  400: 'BAD_REQUEST',
  405: 'METHOD_NOT_ALLOWED',
  408: 'REQUEST_TIMEOUT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  431: 'HEADERS_TOO_LARGE',
};

/** The code of a refusal Fastify or Node makes, by its status; any other 4xx is a BAD_REQUEST. */
export function refusalCodeForStatus(status: number): RequestErrorCode {
  if (status >= 500) return 'INTERNAL_SERVER_ERROR';
  return CODE_BY_STATUS[status] ?? 'BAD_REQUEST';
}
