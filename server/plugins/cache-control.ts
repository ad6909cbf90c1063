import type {
  ApolloServerPlugin,
  GraphQLRequestContextWillSendResponse,
  GraphQLRequestListener,
} from '@apollo/server';
import type { OperationDefinitionNode } from 'graphql';
import type { Context } from '../../resolvers/context.js';
import {
  operationCachePolicy,
  requestCachePolicy,
  restrict,
  type CacheHint,
  type OperationCachePolicy,
} from '../cache-policy.js';

/** What Apollo's cache-control plugin sends for an answer no cache may keep. */
const UNCACHEABLE = 'no-store';
/** The only `Cache-Control` it refines; any other one set before it is left alone. */
const CACHEABLE = /^max-age=(\d+), (public|private)$/;

/**
 * The policy of each operation, computed the first time it is seen. Apollo keeps parsed documents
 * (and so their operation nodes) for the same query text, or the same persisted-query hash.
 */
const policies = new WeakMap<OperationDefinitionNode, OperationCachePolicy>();

/** Apollo's cache-control plugin's `willSendResponse`, unchanged, over the policy set above. */
function setCacheControl({
  response,
  overallCachePolicy,
}: GraphQLRequestContextWillSendResponse<Context>) {
  const existing = response.http.headers.get('cache-control');
  const policy: CacheHint = { maxAge: overallCachePolicy.maxAge, scope: overallCachePolicy.scope };
  if (existing !== undefined && existing !== UNCACHEABLE) {
    const match = CACHEABLE.exec(existing);
    if (!match) return;
    restrict(policy, {
      maxAge: Number(match[1]),
      scope: match[2] === 'public' ? 'PUBLIC' : 'PRIVATE',
    });
  }
  const cacheable =
    policy.maxAge !== undefined &&
    policy.maxAge !== 0 &&
    existing !== UNCACHEABLE &&
    response.body.kind === 'single' &&
    !response.body.singleResult.errors;
  response.http.headers.set(
    'cache-control',
    cacheable
      ? `max-age=${policy.maxAge}, ${(policy.scope ?? 'PUBLIC').toLowerCase()}`
      : UNCACHEABLE,
  );
}

/** One listener for every request: its hooks read everything from the request they are given. */
const listener: GraphQLRequestListener<Context> = {
  didResolveOperation({ schema, document, operation, request, overallCachePolicy }) {
    if (operation) {
      let policy = policies.get(operation);
      if (policy?.schema !== schema) {
        policy = operationCachePolicy(schema, document, operation);
        policies.set(operation, policy);
      }
      overallCachePolicy.restrict(requestCachePolicy(policy, request.variables));
    }
    return Promise.resolve();
  },
  willSendResponse(requestContext) {
    setCacheControl(requestContext);
    return Promise.resolve();
  },
};

/**
 * `Cache-Control` from the schema's `@cacheControl` hints, as Apollo Server's own cache-control
 * plugin sets it (apollo.ts turns that one off), computed once per operation from the document
 * (cache-policy.ts) instead of in a hook on every resolved field: Apollo's hook made it wrap every
 * resolver of the schema and run for every field of every answer. It never looks at execution, so
 * it holds for any executor.
 */
export function createCacheControlPlugin(): ApolloServerPlugin<Context> {
  return { requestDidStart: () => Promise.resolve(listener) };
}
