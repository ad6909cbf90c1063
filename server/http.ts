import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify from 'fastify';
import { createApolloServer } from './apollo.js';
import type { Config } from './config.js';
import { createContextFunction, createTransports } from './context.js';

export interface RunningGateway {
  /** Base URL, e.g. http://127.0.0.1:4000 (no trailing slash). */
  url: string;
  graphqlUrl: string;
  /** Stops taking requests, lets in-flight ones finish, then frees sockets. */
  close(): Promise<void>;
}

/** The gateway on a real HTTP server: POST/GET /graphql, GET /health. */
export async function startGateway(config: Config): Promise<RunningGateway> {
  const app = Fastify({ logger: false, forceCloseConnections: 'idle' });
  const transports = createTransports(config);
  const contextFor = createContextFunction(config, transports);
  const apollo = createApolloServer({ plugins: [fastifyApolloDrainPlugin(app)] });
  await apollo.start();

  app.get('/health', async () => ({ status: 'ok' }));
  await app.register(fastifyApollo(apollo), {
    path: '/graphql',
    context: async (request) => contextFor(request.headers),
  });

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  return {
    url,
    graphqlUrl: `${url}/graphql`,
    close: async () => {
      await app.close(); // runs Apollo's drain plugin and apollo.stop()
      transports.destroy();
    },
  };
}
