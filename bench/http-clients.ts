/**
 * Client CPU per upstream call, for the HTTP clients the gateway could use: the measured reason the
 * gateway calls Twilio through undici rather than got (which it used at first).
 *
 *   npm run bench:http [-- calls=3000]
 *
 * The emulator runs in its own process; this process makes the calls, 10 at a time, rotating over
 * 100 Conversations users, and reports its own process.cpuUsage() per call. Clients take turns
 * over 4 rounds and the median round is printed, so a noisy neighbour moves every client alike.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import got from 'got';
import { Agent, Pool } from 'undici';
import { TextExchange } from '../datasources/text-exchange.js';
import type { EmulatorAccount } from '../emulator/types.js';
import { basicAuthorization } from './measure/upstream.js';

const calls = Number(process.argv[2] ?? 3000);
const CONCURRENCY = 10;
const ROUNDS = 4;

const emulator = spawn(
  process.execPath,
  ['--import', 'tsx', fileURLToPath(new URL('../emulator/main.ts', import.meta.url))],
  { env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] },
);
const lines = createInterface({ input: emulator.stdout });
const base = await new Promise<string>((resolve) =>
  lines.on('line', (line) => {
    const match = /listening on (http:\/\/\S+)/.exec(line);
    if (match) resolve(match[1]!);
  }),
);

try {
  const { accounts } = (await (await fetch(`${base}/__emulator/accounts`)).json()) as {
    accounts: EmulatorAccount[];
  };
  const { accountSid: username, authToken: password } = accounts[0]!;
  const authorization = basicAuthorization(username, password);
  const list = (await (
    await fetch(`${base}/v1/Users?PageSize=100`, { headers: { authorization } })
  ).json()) as { users: { identity: string }[] };
  const paths = list.users.map((user) => `v1/Users/${encodeURIComponent(user.identity)}`);

  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const gotPlain = got.extend({ prefixUrl: base, username, password, responseType: 'json' });
  // As the gateway configured got: shared agent, timeout, retry policy with a hook, per-call context.
  const gotGateway = got.extend({
    prefixUrl: base,
    username,
    password,
    agent: { http: agent },
    timeout: { request: 10_000 },
    headers: { 'user-agent': 'identity-gateway', 'accept-charset': 'utf-8' },
    retry: { limit: 2, calculateDelay: ({ computedValue }) => computedValue },
    hooks: { beforeRetry: [() => undefined] },
  });
  const dispatcher = new Agent({ connections: 64 });
  const origin = new URL(base).origin;
  const pool = new Pool(origin, { connections: 64 });
  const headers = { authorization, 'user-agent': 'identity-gateway', accept: 'application/json' };

  const clients: Record<string, (path: string) => Promise<unknown>> = {
    'got 14, plain (as naive-apollo)': (path) => gotPlain.get(path).json(),
    'got 14, as the gateway had it': async (path) =>
      JSON.parse(
        (await gotGateway(path, { method: 'GET', context: { deadline: 0 } })).body,
      ) as unknown,
    'undici Pool.dispatch, a TextExchange per call (gateway now)': async (path) => {
      // datasources/http.ts's attempt: its own handler, one timer, no AbortController.
      const exchange = new TextExchange();
      const timer = setTimeout(() => exchange.abort(new Error('timeout')), 10_000);
      try {
        pool.dispatch({ path: `/${path}`, method: 'GET', headers }, exchange);
        return JSON.parse((await exchange.answer).text) as unknown;
      } finally {
        clearTimeout(timer);
      }
    },
    'undici Agent.request (gateway until 2010f41)': async (path) => {
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(), 10_000);
      try {
        const response = await dispatcher.request({
          origin,
          path: `/${path}`,
          method: 'GET',
          headers,
          signal: abort.signal,
        });
        return JSON.parse(await response.body.text()) as unknown;
      } finally {
        clearTimeout(timer);
      }
    },
    'fetch (Node built-in)': async (path) =>
      (await fetch(`${base}/${path}`, { headers: { authorization } })).json() as Promise<unknown>,
    'node:http': (path) =>
      new Promise((resolve, reject) => {
        http
          .get(`${base}/${path}`, { agent, headers: { authorization } }, (response) => {
            let body = '';
            response.setEncoding('utf8');
            response.on('data', (chunk: string) => (body += chunk));
            response.on('end', () => resolve(JSON.parse(body)));
          })
          .on('error', reject);
      }),
  };

  const run = async (client: (path: string) => Promise<unknown>, n: number) => {
    let next = 0;
    const worker = async () => {
      while (next < n) await client(paths[next++ % paths.length]!);
    };
    const before = process.cpuUsage();
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const used = process.cpuUsage(before);
    return (used.user + used.system) / n;
  };

  for (const client of Object.values(clients)) await run(client, 500); // warm-up
  const perCall = new Map<string, number[]>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, client] of Object.entries(clients)) {
      perCall.set(name, [...(perCall.get(name) ?? []), await run(client, calls)]);
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
  const gatewayUs = median(
    perCall.get('undici Pool.dispatch, a TextExchange per call (gateway now)')!,
  );
  console.log(`${calls} GETs per client and round, ${CONCURRENCY} at a time, ${ROUNDS} rounds`);
  console.log("| client | client CPU µs per call | ÷ the gateway's |\n| --- | --- | --- |");
  for (const [name, values] of perCall) {
    const us = median(values);
    console.log(`| ${name} | ${us.toFixed(0)} | ${(us / gatewayUs).toFixed(2)}× |`);
  }
} finally {
  emulator.kill();
}
