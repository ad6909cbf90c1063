import { GraphQLError } from 'graphql';
import type { RequestErrorCode } from '../datasources/errors.js';

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
export function refusalCodeForStatus(status: number): RequestErrorCode {
  if (status >= 500) return 'INTERNAL_SERVER_ERROR';
  return CODE_BY_STATUS[status] ?? 'BAD_REQUEST';
}
