import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/**
 * What a client sees of an error. Known errors (ours, Apollo's, Twilio's) keep their message and
 * code; anything else is a bug, so its message (which may hold internals) is replaced.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const code = formatted.extensions?.code;
  // A SID literal the scalar refused surfaces as a validation failure; say what it is.
  if (
    code === 'GRAPHQL_VALIDATION_FAILED' &&
    original instanceof GraphQLError &&
    original.extensions.code === 'BAD_USER_INPUT'
  ) {
    return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT' } };
  }
  if (code === 'INTERNAL_SERVER_ERROR' && !(original instanceof GraphQLError)) {
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  }
  return formatted;
}
