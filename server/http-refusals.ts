import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody, refusalCodeForStatus } from './errors.js';
import type { Logger } from './logger.js';

export interface RefusalOptions {
  log: Logger;
  /** Whether a request is for the GraphQL endpoint. */
  isGraphqlRequest: (request: FastifyRequest) => boolean;
}

/** A refusal in GraphQL's shape, with a code, on the GraphQL endpoint; in Fastify's elsewhere. */
function refuse(
  isGraphqlRequest: RefusalOptions['isGraphqlRequest'],
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  message: string,
) {
  if (isGraphqlRequest(request)) {
    return reply.code(status).send(errorBody(refusalCodeForStatus(status), message));
  }
  return reply.code(status).send({ statusCode: status, error: STATUS_CODES[status], message });
}

/**
 * Requests refused by Fastify before Apollo sees them (a body that is not JSON, over the limit,
 * of a type nobody parses, an unknown method) answer in GraphQL's shape on the GraphQL endpoint:
 * a typed client reads Fastify's `{statusCode, error, message}` as an empty list of errors.
 * Anything else thrown here is a bug: logged, and answered 500 without its message.
 */
export function registerRefusals(app: FastifyInstance, options: RefusalOptions): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = refusalCodeForStatus(status);
      options.log.warn(
        { reqId: request.id, status, code, detail: error.message },
        'request refused',
      );
      return refuse(options.isGraphqlRequest, request, reply, status, error.message);
    }
    options.log.error({ err: error, reqId: request.id }, 'unexpected error');
    return refuse(options.isGraphqlRequest, request, reply, 500, 'Internal server error');
  });

  // A method no route takes on a path that exists is a 405; Fastify would say 404.
  app.setNotFoundHandler((request, reply) => {
    if (options.isGraphqlRequest(request)) {
      void reply.header('allow', 'GET, POST');
      const message = `Send GraphQL with GET or POST, not ${request.method}`;
      options.log.warn(
        // A preflight lands here when its origin is not in CORS_ORIGINS: the origin says which.
        {
          reqId: request.id,
          status: 405,
          code: 'METHOD_NOT_ALLOWED',
          detail: message,
          origin: request.headers.origin,
        },
        'request refused',
      );
      return refuse(options.isGraphqlRequest, request, reply, 405, message);
    }
    const message = `Route ${request.method}:${request.url} not found`;
    return refuse(options.isGraphqlRequest, request, reply, 404, message);
  });
}

/** What Node's HTTP parser refuses, by its error code; anything else is a plain 400. */
const CLIENT_ERRORS: Record<string, { status: number; message: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, message: 'The request was not received in time' },
  HPE_HEADER_OVERFLOW: { status: 431, message: 'The request headers are too large' },
};
const NOT_HTTP = { status: 400, message: 'The request is not valid HTTP' };

/**
 * Fastify's `clientErrorHandler` option: what Node's HTTP server reports before any request
 * exists (malformed HTTP, headers too large, a request not received within its timeout). Its
 * answer is written straight to the socket, as Fastify's default one is, but in GraphQL's shape:
 * the path is unknown here, and most of these come from GraphQL clients.
 */
export function handleClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  // A reset connection has no one left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, message } =
    (error.code !== undefined && Object.hasOwn(CLIENT_ERRORS, error.code)
      ? CLIENT_ERRORS[error.code]
      : undefined) ?? NOT_HTTP;
  const body = JSON.stringify(errorBody(refusalCodeForStatus(status), message));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy(error);
}
