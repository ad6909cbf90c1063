import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../resolvers/context.js';
import { resolvers } from '../resolvers/index.js';
import { formatError } from './format-error.js';
import { loadTypeDefs } from './schema.js';

export interface ApolloOptions {
  plugins?: ApolloServerPlugin<Context>[];
  introspection?: boolean;
}

export function createApolloServer(options: ApolloOptions = {}): ApolloServer<Context> {
  return new ApolloServer<Context>({
    typeDefs: loadTypeDefs(),
    resolvers,
    plugins: options.plugins ?? [],
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: options.introspection ?? true,
    // Termination signals are handled by main.ts, which also stops the embedded emulator.
    stopOnTerminationSignals: false,
  });
}
