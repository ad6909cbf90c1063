import fastifyCors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import type { CorsConfig } from './config.js';
import { ANY_ORIGIN, createOriginMatcher } from './cors-origins.js';

/**
 * What a browser frontend may send: its token, a request id to join logs, the per-request tenant
 * defaults, and the headers that satisfy Apollo's CSRF prevention on a GET. Authorization is
 * never covered by a `*` here (Fetch standard), so every header is listed by name.
 */
export const CORS_ALLOWED_HEADERS = [
  'Authorization',
  'Content-Type',
  'Accept',
  'X-Request-Id',
  'X-Flex-Instance-Sid',
  'X-Chat-Service-Sids',
  'Apollo-Require-Preflight',
  'X-Apollo-Operation-Name',
];

/** What a frontend may read besides the safelisted headers: the id to quote in a bug report. */
export const CORS_EXPOSED_HEADERS = ['X-Request-Id'];

/** How long a browser may reuse a preflight answer; Chromium caps it at 2 h anyway. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * Lets the configured browser origins call the gateway. A preflight (OPTIONS) is answered 204 by
 * @fastify/cors in its `onRequest` hook, before Apollo and its CSRF prevention see it. A request
 * from another origin gets no CORS headers, so the browser withholds the answer from the page;
 * its preflight falls through to the 405 every OPTIONS got before.
 */
export async function registerCors(app: FastifyInstance, config: CorsConfig): Promise<void> {
  if (config.origins.length === 0) return;
  const anyOrigin = config.origins.includes(ANY_ORIGIN);
  const allowed = createOriginMatcher(config.origins);
  await app.register(fastifyCors, {
    // A fixed `*` needs no Vary: Origin. Otherwise the caller's own origin is echoed, or, when it
    // is not allowed, false: then @fastify/cors sends no CORS header at all (given a list, it
    // would still answer the preflight 204 with its Allow-* headers, only without the origin).
    origin: anyOrigin
      ? ANY_ORIGIN
      : (origin, callback) => callback(null, origin !== undefined && allowed(origin)),
    // config.ts refuses credentials with `*`: browsers reject that pair, and it would let any
    // site act with a user's cookies.
    credentials: config.credentials && !anyOrigin,
    methods: ['GET', 'POST'],
    allowedHeaders: CORS_ALLOWED_HEADERS,
    exposedHeaders: CORS_EXPOSED_HEADERS,
    maxAge: PREFLIGHT_MAX_AGE_SECONDS,
  });
}
