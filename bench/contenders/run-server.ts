/**
 * For contenders whose joins live in client code (the SDK fan-out, the Mesh client): a tiny
 * loopback HTTP endpoint, POST /run/<scenario> with the workload input as JSON, answering
 * {"data": ...} or {"errors": [...]}. The driver and the load generator call it the way they call
 * a GraphQL server, so every contender gets one HTTP request per workload step from outside.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { scenarios } from '../scenarios/index.js';
import { hot } from '../scenarios/profile.js';
import type { Scenario, Variables } from '../scenarios/types.js';

export type Runner = (scenario: Scenario, input: Variables) => Promise<unknown>;

async function readJson(request: IncomingMessage): Promise<Variables> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Variables) : {};
}

function send(response: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

/** Handles /run/<scenario>; returns false for any other path (so a host can serve more). */
export function handleRun(
  runner: Runner,
  request: IncomingMessage,
  response: ServerResponse,
): boolean {
  const match = /^\/run\/([a-z-]+)$/.exec(request.url ?? '');
  if (!match) return false;
  // The hot workload runs apart from the others (hot.ts), through the same endpoint.
  const scenario = [...scenarios, hot].find((s) => s.name === match[1]);
  if (request.method !== 'POST' || !scenario) {
    send(response, 404, { errors: [{ message: 'POST /run/<scenario>' }] });
    return true;
  }
  readJson(request)
    .then((input) => runner(scenario, input))
    .then(
      (data) => send(response, 200, { data }),
      (error: unknown) =>
        send(response, 500, { errors: [{ message: (error as Error)?.message ?? String(error) }] }),
    );
  return true;
}

export async function listen(server: Server): Promise<{ url: string; close(): Promise<void> }> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A server that answers only /run/<scenario>. */
export function startRunServer(runner: Runner) {
  const server = createServer((request, response) => {
    if (!handleRun(runner, request, response)) {
      send(response, 404, { errors: [{ message: 'not found' }] });
    }
  });
  server.keepAliveTimeout = 60_000;
  return listen(server);
}
