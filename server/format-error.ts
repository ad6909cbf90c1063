import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from './logger.js';

/**
 * What a client sees of an error. Known errors (ours, Apollo's, Twilio's) keep their message and
 * code; anything else is a bug, so its message (which may hold internals) is replaced, and the
 * original goes to the log.
 */
export function createFormatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = formatted.extensions?.code;
    // A SID literal the scalar refused surfaces as a validation failure; say what it is.
    const cause = original instanceof GraphQLError ? original.originalError : undefined;
    if (
      code === 'GRAPHQL_VALIDATION_FAILED' &&
      cause instanceof GraphQLError &&
      cause.extensions.code === 'BAD_USER_INPUT'
    ) {
      return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT' } };
    }
    if (code === 'INTERNAL_SERVER_ERROR' && !(original instanceof GraphQLError)) {
      log.error({ err: original, path: formatted.path }, 'unexpected error');
      return {
        message: 'Internal server error',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      };
    }
    return formatted;
  };
}
