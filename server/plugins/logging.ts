import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../../resolvers/context.js';
import type { Logger } from '../logger.js';
import { operationName } from '../operation-name.js';

/**
 * The level of an operation's line, by the codes of its errors:
 * - `info`: no error, or only PERSISTED_QUERY_NOT_FOUND (the normal first step of a persisted
 *   query: the client sends the document next);
 * - `error`: the gateway failed itself (INTERNAL_SERVER_ERROR, or an error with no code): a bug;
 * - `warn`: any other error, a client's mistake (a 4xx code: BAD_USER_INPUT, UNAUTHENTICATED,
 *   GRAPHQL_VALIDATION_FAILED, ...) or Twilio's failure (UPSTREAM_ERROR, UPSTREAM_TIMEOUT,
 *   RATE_LIMITED, ...): the operation failed, in whole or in part, but not the gateway's code.
 */
export function operationLogLevel(codes: string[]): 'info' | 'warn' | 'error' {
  const failures = codes.filter((code) => code !== 'PERSISTED_QUERY_NOT_FOUND');
  if (failures.length === 0) return 'info';
  if (failures.some((code) => code === 'INTERNAL_SERVER_ERROR' || code === 'UNKNOWN')) {
    return 'error';
  }
  return 'warn';
}

/**
 * One log line per operation: name, duration, upstream calls it caused, error codes. The line
 * carries the request id, as do the upstream call lines logged under it.
 */
export function createLoggingPlugin(log: Logger): ApolloServerPlugin<Context> {
  // The line's fields are fixed here, and none can hold a credential, so it skips the root
  // logger's redaction, which walks the wildcard paths on every line: about half the cost of
  // writing it.
  const operationLog = log.child({}, { redact: { paths: [] } });
  return {
    requestDidStart() {
      const started = performance.now();
      return Promise.resolve({
        willSendResponse({ contextValue, operationName: name, queryHash, response, errors }) {
          const body = response.body.kind === 'single' ? response.body.singleResult : null;
          const codes = (errors ?? body?.errors ?? []).map((e) => {
            const code = e.extensions?.code;
            return typeof code === 'string' ? code : 'UNKNOWN';
          });
          operationLog[operationLogLevel(codes)](
            {
              reqId: contextValue.telemetry?.requestId,
              operation: operationName(name, queryHash),
              ms: Math.round((performance.now() - started) * 10) / 10,
              upstreamCalls: contextValue.telemetry?.upstreamCalls ?? 0,
              upstreamRetries: contextValue.telemetry?.upstreamRetries ?? 0,
              errors: codes.length > 0 ? codes : undefined,
              ...contextValue.telemetry?.trace?.logFields,
            },
            'graphql operation',
          );
          return Promise.resolve();
        },
      });
    },
    // A request Apollo refuses before it is an operation (CSRF prevention, no query, a bad
    // body): no plugin hook has its request, so its line has no request id.
    invalidRequestWasReceived({ error }) {
      log.warn(
        { status: 400, code: 'BAD_REQUEST', detail: error.message.trim() },
        'request refused',
      );
      return Promise.resolve();
    },
  };
}
