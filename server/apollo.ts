import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { ValidationRule } from 'graphql';
import type { Context } from '../resolvers/context.js';
import { createFormatError } from './format-error.js';
import { introspectionOff } from './introspection-off.js';
import { QUERY_LIMITS } from './plugins/limits.js';
import type { Logger } from './logger.js';
import { createSchema, type SchemaAudit } from './schema.js';

export interface ApolloOptions {
  plugins: ApolloServerPlugin<Context>[];
  validationRules: ValidationRule[];
  /**
   * Schema introspection, and with it "Did you mean …?" suggestions in errors: they would show a
   * schema that introspection hides (field names, enum values) to anyone probing for it.
   */
  introspection: boolean;
  log: Logger;
  /** Where persisted queries are kept (apq-cache.ts: Redis when replicas share one). */
  apqCache: KeyValueCache<string>;
  /** The audit trail of mutations, when AUDIT_LOG is set. */
  audit: SchemaAudit | null;
}

/** How long a persisted-query document is kept. */
const APQ_TTL_SECONDS = 24 * 60 * 60;

export function createApolloServer(options: ApolloOptions): ApolloServer<Context> {
  return new ApolloServer<Context>({
    schema: createSchema(options.audit),
    // A subgraph schema turns Apollo's inline tracing (ftv1) on by default: resolver timings for
    // any client that asks, and a log line at start-up. The standalone endpoint has neither.
    // Apollo's cache control is replaced by plugins/cache-control.ts, which sets the same header
    // without a hook on every resolved field.
    plugins: [
      ...options.plugins,
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
    ],
    validationRules: [
      ...(options.introspection ? [] : [introspectionOff]),
      ...options.validationRules,
    ],
    // The parser stops at this many tokens: a huge document costs nothing past the limit.
    parseOptions: { maxTokens: QUERY_LIMITS.tokens },
    formatError: createFormatError({ log: options.log, suggestions: options.introspection }),
    // Apollo's own lines (a plugin hook that threw, ...) as JSON like the rest, not loglevel text.
    logger: options.log,
    includeStacktraceInErrorResponses: false,
    // Refused, when off, by introspectionOff above, whose message names GRAPHQL_INTROSPECTION.
    introspection: true,
    // Automatic persisted queries: clients send a hash instead of the document.
    persistedQueries: {
      cache: options.apqCache,
      ttl: APQ_TTL_SECONDS,
    },
    // Termination signals are handled by main.ts, which also stops the embedded emulator.
    stopOnTerminationSignals: false,
  });
}
