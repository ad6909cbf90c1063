import type { ApolloServerPlugin } from '@apollo/server';
import { Kind } from 'graphql';
import type { Context } from '../../resolvers/context.js';

/**
 * Names the operation's span once the document is parsed, and ends it with the outcome and the
 * error codes when the response is ready. The span itself starts in the context function, which
 * runs first, so that the Twilio calls' spans have a parent to hang from.
 */
export function createTracingPlugin(): ApolloServerPlugin<Context> {
  return {
    requestDidStart({ contextValue }) {
      const trace = (contextValue.telemetry as Context['telemetry'] | undefined)?.trace;
      if (!trace) return Promise.resolve();
      return Promise.resolve({
        didResolveOperation({ operation, operationName }) {
          if (!operation) return Promise.resolve();
          trace.name({
            name: operationName ?? null,
            type: operation.operation,
            rootFields: operation.selectionSet.selections.map((selection) =>
              selection.kind === Kind.FIELD ? selection.name.value : `...${selection.kind}`,
            ),
          });
          return Promise.resolve();
        },
        willSendResponse({ response, errors }) {
          const body = response.body.kind === 'single' ? response.body.singleResult : null;
          const codes = (errors ?? body?.errors ?? []).map((e) => {
            const code = e.extensions?.code;
            return typeof code === 'string' ? code : 'UNKNOWN';
          });
          const hasData = body?.data !== undefined && body.data !== null;
          trace.end(codes.length === 0 ? 'ok' : hasData ? 'partial' : 'error', codes);
          return Promise.resolve();
        },
      });
    },
  };
}
