import { GraphQLError } from 'graphql';

/**
 * The codes of the refusals server/ makes itself. Apollo's own (BAD_REQUEST,
 * GRAPHQL_PARSE_FAILED, OPERATION_RESOLUTION_FAILURE, PERSISTED_QUERY_NOT_FOUND, ...) reach clients
 * as Apollo sends them, beside these.
 */
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

/** A refusal before any resolver runs: Apollo answers it with `status` and nothing else. */
export function requestError(
  code: RequestErrorCode,
  message: string,
  status: number,
): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status } } });
}

/** 401; the message never repeats what the client sent. */
export const unauthenticated = (message: string) => requestError('UNAUTHENTICATED', message, 401);

export const forbidden = (message: string) => requestError('FORBIDDEN', message, 403);

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
export function codeForStatus(status: number): RequestErrorCode {
  if (status >= 500) return 'INTERNAL_SERVER_ERROR';
  return CODE_BY_STATUS[status] ?? 'BAD_REQUEST';
}
