import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import './request-context.js';
import { registerChatRoutes } from './routes/chat.js';
import { registerControlRoutes } from './routes/control.js';
import { registerConversationsRoutes } from './routes/conversations.js';
import { registerFlexRoutes } from './routes/flex.js';
import {
  authenticationFailed,
  notFound,
  serverError,
  tooManyRequests,
  TwilioError,
} from './twilio-errors.js';
import type { World } from './world.js';

const CONTROL_PREFIX = '/__emulator/';

/** Headers seen on every real Twilio product API response (TWILIO.md §8.10). */
const STATIC_HEADERS = {
  'x-home-region': 'us1',
  'x-shenanigans': 'none',
  'strict-transport-security': 'max-age=31536000',
  'access-control-allow-origin': '*',
  'access-control-allow-headers':
    'Accept, Authorization, Content-Type, If-Match, If-Modified-Since, If-None-Match, If-Unmodified-Since, Idempotency-Key',
  'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
  'access-control-expose-headers': 'ETag, Twilio-Request-Id',
  'access-control-allow-credentials': 'true',
};

function apiDomain(path: string): string {
  if (path.startsWith('/v2/Services')) return 'chat.twilio.com';
  if (path.startsWith('/v1/Users') || path.startsWith('/v1/Services')) {
    return 'conversations.twilio.com';
  }
  return 'flex-api.twilio.com';
}

export function sendTwilioError(reply: FastifyReply, error: TwilioError): void {
  void reply.code(error.status).headers(error.headers).send(error.toBody());
}

/**
 * The HTTP app: Twilio's headers, Basic auth, fault injection and the request log on every Twilio
 * route (in one onRequest hook, callback style, so an unfaulted request never waits on a timer),
 * Twilio error bodies, and the routes of each product plus the control API.
 */
export function createApp(world: World): FastifyInstance {
  const app = Fastify({
    logger: false,
    // A stalled (timeout-fault) request must not hold close() open.
    forceCloseConnections: true,
    routerOptions: { maxParamLength: 1000 },
  });
  app.decorateRequest('account', null);
  app.decorateRequest('twilioPath', '');
  app.decorateRequest('startedAt', 0);
  app.decorateRequest('logEntry', null);
  void app.register(formbody);
  // Bodies of other types are read and ignored, as Twilio ignores what it does not parse.
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, _body, done) =>
    done(null, undefined),
  );

  app.addHook('onRequest', (request, reply, done) => {
    const url = request.url;
    if (url.startsWith(CONTROL_PREFIX)) {
      done();
      return;
    }
    request.startedAt = performance.now();
    const queryAt = url.indexOf('?');
    const path = queryAt === -1 ? url : url.slice(0, queryAt);
    request.twilioPath = path;
    const entry = {
      method: request.method,
      path,
      query: queryAt === -1 ? '' : url.slice(queryAt + 1),
      account: null,
      status: 0,
      time: new Date().toISOString(),
      durationMs: 0,
    };
    request.logEntry = entry;
    world.log.add(entry);
    reply.headers(STATIC_HEADERS);
    reply.header('twilio-request-id', `RQ${randomUUID().replaceAll('-', '')}`);
    reply.header('x-api-domain', apiDomain(path));

    const decision = world.faults.decide(path);
    if (decision === null) {
      authenticate(request, reply, done);
      return;
    }
    const settings = world.faults.settings;
    const act = () => {
      switch (decision.outcome) {
        case 'pass':
          authenticate(request, reply, done);
          return;
        case 'rateLimit':
          sendTwilioError(reply, tooManyRequests(settings.retryAfterSeconds));
          return;
        case 'error':
          sendTwilioError(reply, serverError(settings.errorStatus));
          return;
        case 'timeout':
          // Never answer; the log entry keeps status 0. The socket closes when the client gives
          // up or close() destroys it.
          return;
      }
    };
    if (decision.delayMs > 0) setTimeout(act, decision.delayMs);
    else act();
  });

  function authenticate(
    request: FastifyRequest,
    reply: FastifyReply,
    done: (error?: Error) => void,
  ): void {
    const header = request.headers.authorization;
    const account =
      // The scheme name is case-insensitive (RFC 9110).
      header !== undefined && header.length > 6 && header.slice(0, 6).toLowerCase() === 'basic '
        ? world.store.authenticate(Buffer.from(header.slice(6), 'base64').toString())
        : undefined;
    if (account === undefined) {
      sendTwilioError(reply, authenticationFailed());
      return;
    }
    request.account = account;
    if (request.logEntry) request.logEntry.account = account.record.sid;
    done();
  }

  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.logEntry !== null) {
      const seconds = (performance.now() - request.startedAt) / 1000;
      reply.header('twilio-request-duration', seconds.toFixed(3));
    }
    done(null, payload);
  });

  app.addHook('onResponse', (request, reply, done) => {
    const entry = request.logEntry;
    if (entry !== null) {
      entry.status = reply.statusCode;
      entry.durationMs = Math.round((performance.now() - request.startedAt) * 1000) / 1000;
    }
    done();
  });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof TwilioError) {
      sendTwilioError(reply, error);
      return;
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) {
      console.error(`emulator: ${request.method} ${request.url} failed:`, error);
      sendTwilioError(reply, serverError(500));
      return;
    }
    // Fastify's own refusals (malformed JSON, body too large, ...) in Twilio's error shape.
    const code = status === 400 ? 20001 : 20000 + status;
    sendTwilioError(reply, new TwilioError(status, code, (error as Error).message));
  });

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith(CONTROL_PREFIX)) {
      void reply.code(404).send({ error: `no control route ${request.method} ${request.url}` });
      return;
    }
    sendTwilioError(reply, notFound(request.twilioPath));
  });

  registerFlexRoutes(app, world);
  registerConversationsRoutes(app, world);
  registerChatRoutes(app, world);
  registerControlRoutes(app, world);
  return app;
}
