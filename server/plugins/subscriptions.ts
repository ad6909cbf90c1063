import type { ApolloServerPlugin } from '@apollo/server';
import { OperationTypeNode } from 'graphql';
import type { Context } from '../../resolvers/context.js';
import { requestError } from '../errors.js';

/**
 * The schema has no Subscription type. graphql-js validates a subscription against it anyway and
 * only execution fails, with "Schema is not configured to execute subscription operation." as an
 * INTERNAL_SERVER_ERROR in a 200; this refuses it as the client mistake it is.
 */
export function createNoSubscriptionsPlugin(): ApolloServerPlugin<Context> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation({ operation }) {
          if (operation?.operation === OperationTypeNode.SUBSCRIPTION) {
            throw requestError(
              'SUBSCRIPTION_NOT_SUPPORTED',
              'This gateway serves queries and mutations only, not subscriptions',
              400,
            );
          }
          return Promise.resolve();
        },
      }),
  };
}
