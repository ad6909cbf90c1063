import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { RequestErrorCode } from '../datasources/errors.js';
import type { Logger } from './logger.js';

/**
 * Client mistakes Apollo refuses with a 400 but no code, which would read INTERNAL_SERVER_ERROR;
 * known by their message (@apollo/server's requestPipeline.js).
 */
const UNCODED_APOLLO_ERRORS = new Map<string, RequestErrorCode>([
  ['provided sha does not match query', 'PERSISTED_QUERY_HASH_MISMATCH'],
  ['Unsupported persisted query version', 'PERSISTED_QUERY_VERSION_NOT_SUPPORTED'],
]);

/** graphql-js's parser recurses; a document nested deeply enough overflows the stack. */
function isStackOverflow(error: unknown): boolean {
  for (let cause = error; cause instanceof Error;) {
    if (cause instanceof RangeError) return true;
    cause = cause instanceof GraphQLError ? cause.originalError : undefined;
  }
  return false;
}

export interface FormatErrorOptions {
  log: Logger;
  /** Keep graphql-js's "Did you mean …?" (field, argument, type and enum value names). */
  suggestions: boolean;
}

/** graphql-js ends a message with its suggestion: `… Did you mean "identity"?`. */
const SUGGESTION = / ?Did you mean .+\?$/s;

/**
 * An error about the request itself (validation; a variable's value, which is BAD_USER_INPUT
 * without a path) without its suggestion. Errors from resolvers keep their messages: they come
 * from Twilio or from us, never from graphql-js's schema lookups.
 */
function withoutSuggestion(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  const aboutRequest =
    code === 'GRAPHQL_VALIDATION_FAILED' || (code === 'BAD_USER_INPUT' && !formatted.path);
  if (!aboutRequest || !SUGGESTION.test(formatted.message)) return formatted;
  return { ...formatted, message: formatted.message.replace(SUGGESTION, '') };
}

/**
 * What a client sees of an error. Known errors (ours, Apollo's, Twilio's) keep their message and
 * code; anything else is a bug, so its message (which may hold internals) is replaced, and the
 * original goes to the log.
 */
export function createFormatError(options: FormatErrorOptions) {
  const { log } = options;
  return (shown: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = shown.extensions?.code;
    const formatted = options.suggestions ? shown : withoutSuggestion(shown);
    // A SID literal the scalar refused surfaces as a validation failure; say what it is.
    const cause = original instanceof GraphQLError ? original.originalError : undefined;
    if (
      code === 'GRAPHQL_VALIDATION_FAILED' &&
      cause instanceof GraphQLError &&
      cause.extensions.code === 'BAD_USER_INPUT'
    ) {
      return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT' } };
    }
    const apolloCode =
      code === 'INTERNAL_SERVER_ERROR' && original instanceof GraphQLError
        ? UNCODED_APOLLO_ERRORS.get(original.message)
        : undefined;
    if (apolloCode) {
      return { ...formatted, extensions: { ...formatted.extensions, code: apolloCode } };
    }
    if (code === 'GRAPHQL_PARSE_FAILED' && isStackOverflow(error)) {
      return {
        message: 'Syntax Error: the document is nested too deeply to parse',
        extensions: { code },
      };
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
