import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../../resolvers/context.js';

/**
 * When the response is ready: every Twilio call the request still has in flight or queued is
 * abandoned (a failed sibling can settle a field while other loads still run; none may outlive the
 * request), and a client whose own Twilio credentials Twilio refused gets 401, as the README
 * promises, with the challenge Twilio itself sends.
 */
export function createRequestEndPlugin(): ApolloServerPlugin<Context> {
  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ contextValue, response }) {
          const lifecycle = contextValue.lifecycle as Context['lifecycle'] | undefined;
          if (!lifecycle) return Promise.resolve();
          lifecycle.end();
          if (lifecycle.clientCredentials && lifecycle.credentialsRejected()) {
            response.http.status = 401;
            response.http.headers.set('www-authenticate', 'Basic realm="Twilio account"');
          }
          return Promise.resolve();
        },
      });
    },
  };
}
