import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../../resolvers/context.js';
import type { Metrics } from '../metrics.js';
import { operationName } from '../operation-name.js';

/** Operation names are chosen by clients: their length is bound here, their number in metrics.ts. */
const MAX_LABEL = 64;

export function createMetricsPlugin(metrics: Metrics): ApolloServerPlugin<Context> {
  return {
    requestDidStart() {
      const started = performance.now();
      return Promise.resolve({
        willSendResponse({ operationName: name, queryHash, response }) {
          const body = response.body.kind === 'single' ? response.body.singleResult : null;
          const hasErrors = (body?.errors?.length ?? 0) > 0;
          const hasData = body?.data !== undefined && body.data !== null;
          const outcome = !hasErrors ? 'ok' : hasData ? 'partial' : 'error';
          metrics.operation(
            operationName(name, queryHash).slice(0, MAX_LABEL),
            outcome,
            (performance.now() - started) / 1000,
          );
          return Promise.resolve();
        },
      });
    },
  };
}
