// A load balancer for tests: each request goes to the next upstream in turn, as a round-robin
// balancer in front of gateway replicas does. It records which upstream served each request, so a
// test can say "this read went through replica B".
import { once } from 'node:events';
import { createServer, request as httpRequest } from 'node:http';

export interface RoundRobin {
  url: string;
  /** Index of the upstream each request went to, in arrival order. */
  served: number[];
  /** Sends the next request to this upstream (then round-robin goes on from there). */
  next(index: number): void;
  close(): Promise<void>;
}

export async function startRoundRobin(upstreams: string[]): Promise<RoundRobin> {
  let turn = 0;
  const served: number[] = [];
  const server = createServer((incoming, outgoing) => {
    const index = turn % upstreams.length;
    turn += 1;
    served.push(index);
    const target = new URL(incoming.url ?? '/', upstreams[index]);
    const proxied = httpRequest(
      target,
      { method: incoming.method, headers: { ...incoming.headers, host: target.host } },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    proxied.on('error', () => {
      if (!outgoing.headersSent) outgoing.writeHead(502);
      outgoing.end();
    });
    incoming.pipe(proxied);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    next: (index) => {
      turn = index;
    },
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
