import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../../resolvers/context.js';
import type { Logger } from '../logger.js';

/**
 * One log line per operation: name, duration, upstream calls it caused, error codes. The line
 * carries the request id, as do the upstream call lines logged under it.
 */
export function createLoggingPlugin(log: Logger): ApolloServerPlugin<Context> {
  return {
    requestDidStart() {
      const started = performance.now();
      return Promise.resolve({
        willSendResponse({ contextValue, operationName, response, errors }) {
          const body = response.body.kind === 'single' ? response.body.singleResult : null;
          const codes = (errors ?? body?.errors ?? []).map((e) => {
            const code = e.extensions?.code;
            return typeof code === 'string' ? code : 'UNKNOWN';
          });
          log.info(
            {
              reqId: contextValue.telemetry?.requestId,
              operation: operationName ?? null,
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
  };
}
