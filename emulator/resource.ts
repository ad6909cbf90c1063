import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { methodNotAllowed } from './twilio-errors.js';

export type Handler = (request: FastifyRequest, reply: FastifyReply) => void;
export type Method = 'GET' | 'POST' | 'DELETE';

const ALL_METHODS = ['GET', 'POST', 'DELETE', 'PUT', 'PATCH'] as const;

/**
 * Registers the methods a Twilio resource supports and answers the others with Twilio's 405
 * (code 20004) rather than Fastify's 404, since the resource does exist.
 */
export function resource(
  app: FastifyInstance,
  path: string,
  handlers: Partial<Record<Method, Handler>>,
): void {
  const allow = Object.keys(handlers).join(', ');
  for (const method of ALL_METHODS) {
    const handler = handlers[method as Method];
    app.route({
      method,
      url: path,
      handler:
        handler ??
        (() => {
          throw methodNotAllowed(allow);
        }),
    });
  }
}
