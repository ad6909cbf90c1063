import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import formbody from '@fastify/formbody';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import { accountOfAuthorization } from './basic-auth.js';
import './request-context.js';
import { registerChatChannelRoutes } from './routes/chat-channels.js';
import { registerChatRoutes } from './routes/chat.js';
import { registerConversationControlRoutes } from './routes/control-conversations.js';
import { registerControlRoutes } from './routes/control.js';
import { registerConversationsRoutes } from './routes/conversations.js';
import { registerFlexRoutes } from './routes/flex.js';
import { registerUserConversationsRoutes } from './routes/user-conversations.js';
import { registerTaskRouterRoutes } from './routes/taskrouter.js';
import type { AccountState } from './store.js';
import {
  authenticationFailed,
  notFound,
  requestRefused,
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
  if (
    path.startsWith('/v1/Users') ||
    path.startsWith('/v1/Services') ||
    path.startsWith('/v1/Conversations')
  ) {
    return 'conversations.twilio.com';
  }
  return 'flex-api.twilio.com';
}

export function sendTwilioError(reply: FastifyReply, error: TwilioError): void {
  void reply.code(error.status).headers(error.headers).send(error.toBody());
}

function setDuration(request: FastifyRequest, reply: FastifyReply): void {
  const seconds = (performance.now() - request.startedAt) / 1000;
  reply.header('twilio-request-duration', seconds.toFixed(3));
}

/**
 * The HTTP app: Twilio's headers, Basic auth, fault injection, concurrency counting and the
 * request log on every Twilio route (in one onRequest hook, callback style, so an unfaulted
 * request never waits on a timer), Twilio error bodies, and the routes of each product plus the
 * control API.
 */
export function createApp(world: World): FastifyInstance {
  const app = Fastify({
    logger: false,
    // A stalled (timeout-fault) request must not hold close() open.
    forceCloseConnections: true,
    routerOptions: { maxParamLength: 1000 },
    frameworkErrors: refuseUnroutable,
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

  /**
   * Logs a Twilio request as it arrives, sets Twilio's headers and resolves its credentials:
   * the account, or undefined when they name none (answered 401 once no fault intervenes).
   */
  function arrive(request: FastifyRequest, reply: FastifyReply): AccountState | undefined {
    const url = request.url;
    request.startedAt = performance.now();
    const queryAt = url.indexOf('?');
    const path = queryAt === -1 ? url : url.slice(0, queryAt);
    request.twilioPath = path;
    const account = accountOfAuthorization(world.store, request.headers.authorization);
    const entry = {
      method: request.method,
      path,
      query: queryAt === -1 ? '' : url.slice(queryAt + 1),
      account: account === undefined ? null : account.record.sid,
      status: 0,
      time: new Date().toISOString(),
      durationMs: 0,
    };
    request.logEntry = entry;
    world.log.add(entry);
    reply.headers(STATIC_HEADERS);
    reply.header('twilio-request-id', `RQ${randomUUID().replaceAll('-', '')}`);
    reply.header('x-api-domain', apiDomain(path));
    return account;
  }

  /**
   * Fastify refuses a path with bad percent-encoding (or escapes that do not spell UTF-8) or a
   * segment over maxParamLength before any hook runs, in its own body: log and answer these as
   * Twilio requests too, so a test reading the log sees every request a client sent.
   */
  function refuseUnroutable(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
    const status = error.statusCode ?? 400;
    if (request.url.startsWith(CONTROL_PREFIX)) {
      void reply.code(status).send({ error: error.message });
      return;
    }
    arrive(request, reply);
    setDuration(request, reply); // onSend and onResponse do not run for these replies
    sendTwilioError(reply, requestRefused(status, error.message));
    settle(request, reply);
  }

  function settle(request: FastifyRequest, reply: FastifyReply): void {
    const entry = request.logEntry;
    if (entry !== null) {
      entry.status = reply.statusCode;
      entry.durationMs = Math.round((performance.now() - request.startedAt) * 1000) / 1000;
    }
  }

  app.addHook('onRequest', (request, reply, done) => {
    if (request.url.startsWith(CONTROL_PREFIX)) {
      done();
      return;
    }
    const account = arrive(request, reply);
    const path = request.twilioPath;
    // find-my-way ends the path at a raw '#' and parses what follows as the query string, so
    // /v1/Users/a#b would be served as identity "a" while logged as "a#b". A request-target
    // carries no fragment (RFC 9112 §3.2), so this is a malformed request, not an identity.
    if (path.includes('#')) {
      sendTwilioError(reply, requestRefused(400, `The request path ${path} contains a raw '#'`));
      return;
    }
    // Faults are decided before authenticating, so a rule for every account (accountSid null)
    // answers even a request with bad credentials, as it always did; a rule for one account
    // matches only requests whose credentials resolved to it.
    const rule = world.faults.ruleFor(path, account === undefined ? null : account.record.sid);
    if (account !== undefined) {
      const load = world.concurrency.of(account.record.sid);
      if (rule !== null && rule.refuses(load.inFlight)) {
        // Over the limit Twilio never processes the request (TWILIO.md §7): not counted either.
        sendTwilioError(reply, tooManyRequests(rule.settings.retryAfterSeconds));
        return;
      }
      world.concurrency.admit(load, reply.raw);
    }
    const decision = rule === null ? null : rule.decide();
    if (rule === null || decision === null) {
      proceed(request, reply, account, done);
      return;
    }
    const settings = rule.settings;
    const act = () => {
      switch (decision.outcome) {
        case 'pass':
          proceed(request, reply, account, done);
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

  /** On to the route as `account`, or Twilio's 401 when the credentials named no account. */
  function proceed(
    request: FastifyRequest,
    reply: FastifyReply,
    account: AccountState | undefined,
    done: (error?: Error) => void,
  ): void {
    if (account === undefined) {
      sendTwilioError(reply, authenticationFailed());
      return;
    }
    request.account = account;
    done();
  }

  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.logEntry !== null) setDuration(request, reply);
    done(null, payload);
  });

  app.addHook('onResponse', (request, reply, done) => {
    settle(request, reply);
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
    sendTwilioError(reply, requestRefused(status, (error as Error).message));
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
  registerUserConversationsRoutes(app);
  registerChatRoutes(app, world);
  registerChatChannelRoutes(app);
  registerTaskRouterRoutes(app);
  registerControlRoutes(app, world);
  registerConversationControlRoutes(app, world);
  return app;
}
