import { GraphQLError } from 'graphql';

/**
 * Every `extensions.code` the gateway itself answers with, in one union. Apollo's own codes
 * (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED, OPERATION_RESOLUTION_FAILURE,
 * PERSISTED_QUERY_NOT_FOUND, ...) reach clients as Apollo sends them, beside these.
 */
export type ErrorCode = FieldErrorCode | RequestErrorCode | 'QUERY_TOO_COSTLY';

/** On a field: what an upstream call (or a value refused before it) came to. */
export type FieldErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'UPSTREAM_ERROR'
  | 'UPSTREAM_TIMEOUT'
  | 'UPSTREAM_UNAVAILABLE'
  | 'TOO_MANY_UPSTREAM_CALLS';

/** On the whole request: refusals server/ makes before any resolver runs. */
export type RequestErrorCode =
  | 'BAD_REQUEST'
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'METHOD_NOT_ALLOWED'
  | 'REQUEST_TIMEOUT'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'HEADERS_TOO_LARGE'
  | 'PERSISTED_QUERY_HASH_MISMATCH'
  | 'PERSISTED_QUERY_VERSION_NOT_SUPPORTED'
  | 'SUBSCRIPTION_NOT_SUPPORTED'
  | 'INTERNAL_SERVER_ERROR';

export type Product = 'flex' | 'conversations' | 'chat' | 'taskrouter';

/** Twilio's error body: `{ code, message, more_info, status }`. */
export interface TwilioErrorBody {
  code?: number;
  message?: string;
  more_info?: string;
  status?: number;
}

export interface TwilioErrorDetails {
  /** Twilio's own error code (20404, 20429, ...); null when the upstream sent no Twilio body. */
  code: number | null;
  /** HTTP status from the upstream; null when no response arrived (timeout, connection error). */
  status: number | null;
  moreInfo: string | null;
  product: Product;
}

/**
 * Whether a failure says the host is unwell, so it counts towards opening the account's breaker
 * for that host: a 5xx, a timeout of a call that was sent, a connection that failed. A 4xx, a
 * call never sent, or one cut short by the request's own deadline or end says nothing about it.
 */
export type FailureKind = 'host' | 'request';

/** One upstream failure, shaped for GraphQL: the field that needed it gets this error. */
export class TwilioError extends GraphQLError {
  readonly twilio: TwilioErrorDetails;
  readonly retryAfterSeconds: number | null;
  readonly kind: FailureKind;

  constructor(
    message: string,
    code: FieldErrorCode,
    twilio: TwilioErrorDetails,
    retryAfterSeconds: number | null = null,
    kind: FailureKind = 'request',
  ) {
    super(message, {
      extensions: {
        code,
        twilio: { code: twilio.code, status: twilio.status, moreInfo: twilio.moreInfo },
        ...(retryAfterSeconds === null ? {} : { retryAfterSeconds }),
      },
    });
    this.name = 'TwilioError';
    this.twilio = twilio;
    this.retryAfterSeconds = retryAfterSeconds;
    this.kind = kind;
  }

  get code(): FieldErrorCode {
    return this.extensions.code as FieldErrorCode;
  }

  get isNotFound(): boolean {
    return this.twilio.status === 404;
  }
}

/** The one table from upstream HTTP status to the gateway's error code. */
export function codeForStatus(status: number): FieldErrorCode {
  switch (status) {
    case 400:
      return 'BAD_USER_INPUT';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 408:
      // Twilio gave up waiting on its own side: a timeout, not a mistake in the request.
      return 'UPSTREAM_TIMEOUT';
    case 409:
      return 'CONFLICT';
    case 429:
      return 'RATE_LIMITED';
    default:
      // Twilio's API does not redirect; a 3xx comes from something in between, not from the input.
      return status >= 500 || status < 400 ? 'UPSTREAM_ERROR' : 'BAD_USER_INPUT';
  }
}

/**
 * A value the gateway will not put into a Twilio URL (a malformed SID, an empty or dot-only
 * identity, invalid Unicode): refused before any call. `field` names the value, for userErrors.
 */
export class InvalidUpstreamInput extends GraphQLError {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message, { extensions: { code: 'BAD_USER_INPUT' satisfies ErrorCode } });
    this.name = 'InvalidUpstreamInput';
  }
}
