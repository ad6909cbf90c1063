/**
 * Contender: GraphQL Mesh v1 composed from Twilio's OpenAPI specs (vendored in
 * vendor/twilio-oai: flex v2, conversations v1, chat v2, taskrouter v1), served by Hive Gateway's runtime
 * (`createGatewayRuntime` on a node:http server), plus the client code that does what the
 * composed schema cannot:
 * - the Flex v1 user list and the Flex v4 endpoints (by username, provision, deprovision) are not
 *   in the specs, so the client calls them over REST;
 * - the joins (Flex user → Conversations user → Chat user by identity) are not in the schema, so
 *   the client collects the identities and asks Hive for all the users in one aliased document.
 * The client lives in the same process as Hive Gateway and reaches it over loopback HTTP.
 *
 * Composition: the three specs define clashing names (FetchUser, ListUser, role enums, ...), so
 * each subgraph gets a prefix transform (`flex_`, `conversations_`, `chat_`), root fields included.
 */
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createPrefixTransform, getComposedSchemaFromConfig } from '@graphql-mesh/compose-cli';
import RedisCache from '@graphql-mesh/cache-redis';
import { DefaultLogger } from '@graphql-mesh/utils';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { loadOpenAPISubgraph } from '@omnigraph/openapi';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { basicAuthorization } from '../measure/upstream.js';
import type { GraphQLResult, MeshClient, Scenario, Variables } from '../scenarios/types.js';
import { handleRun, listen } from './run-server.js';
import type { ContenderModule } from './types.js';

const SPECS = fileURLToPath(new URL('../../vendor/twilio-oai/', import.meta.url));

const SUBGRAPHS = [
  { name: 'flex', file: 'twilio_flex_v2.json' },
  { name: 'conversations', file: 'twilio_conversations_v1.json' },
  { name: 'chat', file: 'twilio_chat_v2.json' },
  // For the full-picture workload's worker (FetchWorker); the nested lists (ListUserConversation,
  // ListUserChannel) are root fields of the conversations and chat specs already.
  { name: 'taskrouter', file: 'twilio_taskrouter_v1.json' },
];

/** mesh.config.ts's composeConfig, composed in-process with the emulator as every endpoint. */
export async function composeTwilioSupergraph(emulatorUrl: string, basicAuth: string) {
  return getComposedSchemaFromConfig(
    {
      subgraphs: SUBGRAPHS.map(({ name, file }) => ({
        sourceHandler: loadOpenAPISubgraph(name, {
          source: `${SPECS}${file}`,
          endpoint: emulatorUrl,
          operationHeaders: { Authorization: basicAuth },
        }),
        transforms: [createPrefixTransform({ value: `${name}_`, includeRootOperations: true })],
      })),
    },
    new DefaultLogger('mesh-compose'),
  );
}

/**
 * For the hot workload (BENCH_MESH_REDIS_URL set): Hive Gateway's response cache, on Redis through
 * @graphql-mesh/cache-redis, one entry per operation and variables shared by every client
 * (`session: () => null`: the contender has one account), kept as long as the gateway's TTL.
 */
function responseCacheOnRedis() {
  const url = process.env.BENCH_MESH_REDIS_URL;
  if (!url) return {};
  const ttlMs = Number(process.env.BENCH_CACHE_TTL_SECONDS ?? '30') * 1000;
  const logger = new DefaultLogger('mesh-cache');
  return {
    cache: new RedisCache({ url, lazyConnect: false, logger }),
    responseCaching: { session: () => null, ttl: ttlMs },
  };
}

function argTypes(schema: GraphQLSchema): MeshClient['argType'] {
  return (rootType, field, arg) => {
    const root = rootType === 'Query' ? schema.getQueryType() : schema.getMutationType();
    const type = root?.getFields()[field]?.args.find((a) => a.name === arg)?.type;
    if (!type) throw new Error(`The Mesh schema has no ${rootType}.${field}(${arg})`);
    return String(type);
  };
}

export const contender: ContenderModule = {
  name: 'mesh',
  kind: 'run',
  describe:
    'GraphQL Mesh v1 (OpenAPI: flex v2, conversations v1, chat v2, taskrouter v1) on Hive Gateway; client does the joins and calls REST for Flex v1 list / v4',
  packages: [
    '@graphql-hive/gateway-runtime',
    '@graphql-mesh/compose-cli',
    '@omnigraph/openapi',
    '@graphql-mesh/transport-rest',
  ],
  start: async (emulatorUrl, account) => {
    const basicAuth = basicAuthorization(account.accountSid, account.authToken);
    const supergraph = await composeTwilioSupergraph(emulatorUrl, basicAuth);
    const gateway = createGatewayRuntime({
      supergraph,
      logging: false,
      landingPage: false,
      graphiql: false,
      ...responseCacheOnRedis(),
    });

    let graphqlUrl = '';
    const schema = buildSchema(supergraph, { assumeValidSDL: true });
    const client: MeshClient = {
      graphql: async <T>(query: string, variables?: Variables) => {
        const response = await fetch(graphqlUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ query, variables }),
        });
        return (await response.json()) as GraphQLResult<T>;
      },
      argType: argTypes(schema),
      rest: async <T>(
        method: 'GET' | 'POST',
        path: string,
        options: { query?: Record<string, string>; json?: unknown } = {},
      ) => {
        const query = options.query ? `?${new URLSearchParams(options.query).toString()}` : '';
        const response = await fetch(`${emulatorUrl}${path}${query}`, {
          method,
          headers: {
            authorization: basicAuth,
            accept: 'application/json',
            ...(options.json === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: options.json === undefined ? undefined : JSON.stringify(options.json),
        });
        const text = await response.text();
        return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
      },
    };

    const runner = (scenario: Scenario, input: Variables) => scenario.mesh(client, account, input);
    const server = createServer((request, response) => {
      if (!handleRun(runner, request, response)) void gateway(request, response);
    });
    server.keepAliveTimeout = 60_000;
    const listening = await listen(server);
    graphqlUrl = `${listening.url}${gateway.graphqlEndpoint}`;
    return {
      url: listening.url,
      path: '/run',
      graphqlPath: gateway.graphqlEndpoint,
      close: async () => {
        await listening.close();
        await gateway.dispose();
      },
    };
  },
};
