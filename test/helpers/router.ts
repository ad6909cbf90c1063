import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { composeSupergraph, type SubgraphSource } from '../../.ci/compose.js';
import { execute, type ExecuteOptions, type GraphQLResponse } from './graphql.js';

/**
 * The part of `@graphql-hive/gateway-runtime` used here. Its typings pull in lib "dom" (through
 * @whatwg-node/fetch), which would retype `fetch`'s Response (`json(): any`) and GraphQL errors
 * for the whole program, so the module is loaded untyped, behind these types.
 */
interface HiveRuntime {
  createGatewayRuntime(
    this: void,
    config: {
      supergraph: string;
      logging: boolean;
      landingPage: boolean;
      maskedErrors: boolean;
      propagateHeaders: {
        fromClientToSubgraphs(payload: { request: Request }): Record<string, string | null>;
      };
      plugins: () => unknown[];
    },
  ): ((request: IncomingMessage, response: ServerResponse) => void) & {
    dispose(): Promise<void> | void;
  };
}
const HIVE_RUNTIME: string = '@graphql-hive/gateway-runtime';

export interface RouterOptions {
  /** Composed from their SDL (as CI does), not by introspection: `_service` is behind auth. */
  subgraphs: SubgraphSource[];
  /** Client headers passed on to every subgraph, lower case. @default ['authorization'] */
  propagate?: string[];
  /** More of Hive Gateway's plugins (a response cache, ...), as its `plugins` option takes them. */
  plugins?: unknown[];
}

export interface Router {
  url: string;
  graphqlUrl: string;
  /** The supergraph SDL the router serves. */
  supergraph: string;
  execute<TData>(
    query: string,
    variables?: Record<string, unknown>,
    options?: ExecuteOptions,
  ): Promise<GraphQLResponse<TData>>;
  close(): Promise<void>;
}

/**
 * Hive Gateway's runtime in process, on a free loopback port, routing a supergraph composed from
 * the subgraphs' SDL. Hive sends subgraphs no client header unless told to; the ones named in
 * `propagate` go to every subgraph as the client sent them.
 */
export async function startRouter(options: RouterOptions): Promise<Router> {
  const supergraph = composeSupergraph(options.subgraphs);
  const propagate = options.propagate ?? ['authorization'];
  const { createGatewayRuntime } = (await import(HIVE_RUNTIME)) as HiveRuntime;
  const gateway = createGatewayRuntime({
    supergraph,
    logging: false,
    landingPage: false,
    // A test wants the subgraphs' own errors, not Hive's "Unexpected error."
    maskedErrors: false,
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) =>
        Object.fromEntries(propagate.map((name) => [name, request.headers.get(name)])),
    },
    plugins: () => options.plugins ?? [],
  });
  const server = createServer(gateway);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const graphqlUrl = `${url}/graphql`;
  return {
    url,
    graphqlUrl,
    supergraph,
    execute: (query, variables, executeOptions) =>
      execute(graphqlUrl, query, variables, executeOptions),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await gateway.dispose();
    },
  };
}
