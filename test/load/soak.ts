/**
 * Load and soak test on loopback: many concurrent clients for a bounded time against the real
 * gateway (its own process, so its memory is measured alone) and the emulator with faults on.
 *
 *   npm run soak -- --seconds 60 --clients 100
 *
 * It reports answers by kind, latency percentiles and the gateway's RSS over time, and fails
 * (exit 1) on any 5xx or malformed answer, a mutation applied other than exactly as reported, the
 * gateway dying, or RSS still growing after warm-up.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { startEmulator } from '../../emulator/index.js';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    clients: { type: 'string', default: '100' },
    'seed-users': { type: 'string', default: '2000' },
  },
});
const SECONDS = Number(args.seconds);
const CLIENTS = Number(args.clients);
const FAULTS = {
  latencyMs: 5,
  jitterMs: 10,
  errorRate: 0.03,
  errorStatus: 503,
  rateLimitRate: 0.03,
  retryAfterSeconds: 1,
  timeoutRate: 0.002,
};

interface Person {
  identity: string;
}

interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: { extensions?: { code?: string } }[];
}

async function json<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  return (await response.json()) as T;
}

/** A port that was free a moment ago: the gateway logs at error only, so it prints no start-up line. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startGatewayProcess(
  env: Record<string, string>,
): Promise<{ url: string; pid: number; stop(): Promise<number | null> }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  for (let i = 0; i < 300 && exited === undefined; i += 1) {
    const up = await fetch(`${url}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) {
      return {
        url,
        pid: child.pid!,
        stop: () =>
          new Promise((done) => {
            if (exited !== undefined) return done(exited);
            child.once('exit', (code) => done(code));
            child.kill('SIGTERM');
          }),
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`gateway did not become healthy (exit code ${String(exited)})`);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main() {
  // The mutation check needs every request of the run in the log: room for about 3,000 upstream
  // requests a second (this machine's gateway does fewer than 2,000), and a check that none fell out.
  const emulator = await startEmulator({
    port: 0,
    seedUsers: Number(args['seed-users']),
    requestLogCapacity: Math.max(100_000, SECONDS * 3000),
  });
  const account = emulator.accounts[0]!;
  const gateway = await startGatewayProcess({
    // Faults make every request a warning now; the soak reports them itself.
    LOG_LEVEL: 'error',
    AUTH_OPEN: 'true',
    TWILIO_ACCOUNT_SID: account.accountSid,
    TWILIO_AUTH_TOKEN: account.authToken,
    TWILIO_FLEX_INSTANCE_SID: account.flexInstanceSid,
    TWILIO_CHAT_SERVICE_SIDS: account.chatServiceSids.join(','),
    TWILIO_FLEX_API_URL: emulator.url,
    TWILIO_CONVERSATIONS_API_URL: emulator.url,
    TWILIO_CHAT_API_URL: emulator.url,
    TWILIO_TASKROUTER_API_URL: emulator.url,
    TWILIO_TIMEOUT_MS: '1000',
    REQUEST_BUDGET_MS: '4000',
  });
  const graphqlUrl = `${gateway.url}/graphql`;
  const { people } = await json<{ people: Person[] }>(
    `${emulator.url}/__emulator/people?conversations=true&limit=${CLIENTS * 4}`,
  );
  // Each client writes only to its own user, so what it saw can be checked against the log.
  const writeTargets = people.slice(0, CLIENTS).map((p) => p.identity);
  const readers = people.slice(CLIENTS);

  await fetch(`${emulator.url}/__emulator/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(FAULTS),
  });
  await fetch(`${emulator.url}/__emulator/requests`, { method: 'DELETE' });

  const kinds = new Map<string, number>();
  const count = (kind: string) => kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  const latencies: number[] = [];
  const problems: string[] = [];
  const mutations = writeTargets.map(() => ({ applied: 0, failed: 0 }));
  const rss: { second: number; mb: number }[] = [];
  const started = Date.now();
  const deadline = started + SECONDS * 1000;

  const sampler = setInterval(() => {
    void json<unknown>(`${gateway.url}/health`)
      .then(() => fetch(`${gateway.url}/metrics`))
      .then((r) => r.text())
      .then((text) => {
        const line = text.split('\n').find((l) => l.startsWith('process_resident_memory_bytes '));
        if (line)
          rss.push({
            second: Math.round((Date.now() - started) / 1000),
            mb: Number(line.split(' ')[1]) / 2 ** 20,
          });
      })
      .catch(() => problems.push('the gateway stopped answering /health'));
  }, 1000);

  async function client(index: number) {
    let n = 0;
    while (Date.now() < deadline) {
      n += 1;
      const roll = (index * 7919 + n * 104729) % 100;
      let body: object;
      let mutation = false;
      if (roll < 10) {
        mutation = true;
        body = {
          query: `mutation ($i: String!, $name: String!) { updateConversationsUser(input: { identity: $i, friendlyName: $name }) { userErrors { code } conversationsUser { friendlyName } } }`,
          variables: { i: writeTargets[index], name: `soak-${index}-${n}` },
        };
      } else if (roll < 25) {
        body = {
          query: `{ flexUsers(first: 10) { nodes { username conversationsUser { sid } chatUsers { serviceSid } } } }`,
        };
      } else {
        const person = readers[(index * 31 + n) % readers.length]!;
        body = {
          query: `query ($i: String!) { user(identity: $i) { flexUser { fullName email } conversationsUser { friendlyName } chatUsers { sid } } }`,
          variables: { i: person.identity },
        };
      }
      const t0 = performance.now();
      let status = 0;
      let parsed = null as GraphQLAnswer | null;
      try {
        const response = await fetch(graphqlUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        status = response.status;
        parsed = (await response.json()) as GraphQLAnswer;
      } catch (error) {
        problems.push(`transport failure: ${String(error)}`);
        count('transport failure');
        continue;
      }
      latencies.push(performance.now() - t0);
      if (status >= 500) problems.push(`HTTP ${status}`);
      if (!parsed || (parsed.data === undefined && !parsed.errors))
        problems.push(`malformed answer (HTTP ${status})`);
      const codes = (parsed?.errors ?? []).map((e) => e.extensions?.code ?? 'NO_CODE');
      if (codes.length === 0) count('ok');
      else
        for (const code of new Set(codes))
          count(parsed?.data ? `partial: ${code}` : `error: ${code}`);
      if (mutation) {
        const payload = parsed?.data?.updateConversationsUser as
          { conversationsUser: unknown } | null | undefined;
        if (payload?.conversationsUser) mutations[index]!.applied += 1;
        else mutations[index]!.failed += 1;
      }
    }
  }

  await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)));
  clearInterval(sampler);
  await fetch(`${emulator.url}/__emulator/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });

  // Every mutation reported applied reached Twilio and succeeded exactly once; none reported
  // failed was applied (updates are never retried, so one report is one POST at most).
  const { requests, dropped } = await json<{
    requests: { method: string; path: string; status: number }[];
    dropped: number;
  }>(`${emulator.url}/__emulator/requests`);
  if (dropped > 0) {
    problems.push(
      `the emulator's request log dropped ${dropped} entries: mutations cannot be checked`,
    );
  }
  let mutationMismatch = 0;
  writeTargets.forEach((identity, i) => {
    // Compared decoded: the gateway encodes more than encodeURIComponent does (dots, too).
    const path = `/v1/Users/${identity}`;
    const posts = requests.filter(
      (r) => r.method === 'POST' && decodeURIComponent(r.path) === path,
    );
    const ok = posts.filter((r) => r.status === 200).length;
    if (ok !== mutations[i]!.applied) {
      mutationMismatch += 1;
      problems.push(
        `${identity}: ${mutations[i]!.applied} updates reported applied, ${ok} applied upstream`,
      );
    }
  });

  const exitCode = await gateway.stop();
  await emulator.close();

  latencies.sort((a, b) => a - b);
  const total = latencies.length;
  const warm = rss.filter((s) => s.second >= Math.min(10, SECONDS / 3));
  const half = Math.floor(warm.length / 2);
  const mean = (xs: { mb: number }[]) =>
    xs.reduce((sum, x) => sum + x.mb, 0) / Math.max(xs.length, 1);
  const earlyMb = mean(warm.slice(0, half));
  const lateMb = mean(warm.slice(half));
  const growth = earlyMb > 0 ? (lateMb - earlyMb) / earlyMb : 0;
  const appliedTotal = mutations.reduce((s, m) => s + m.applied, 0);
  const failedTotal = mutations.reduce((s, m) => s + m.failed, 0);

  console.log(`soak: ${CLIENTS} clients, ${SECONDS} s, faults ${JSON.stringify(FAULTS)}`);
  console.log(
    `operations: ${total} (${(total / SECONDS).toFixed(0)}/s); upstream requests: ${requests.length}`,
  );
  console.log(
    `latency ms: p50 ${percentile(latencies, 50).toFixed(1)}, p90 ${percentile(latencies, 90).toFixed(1)}, p99 ${percentile(latencies, 99).toFixed(1)}, max ${(latencies.at(-1) ?? 0).toFixed(1)}`,
  );
  console.log('answers by kind:');
  for (const [kind, n] of [...kinds].sort((a, b) => b[1] - a[1])) console.log(`  ${kind}: ${n}`);
  console.log(
    `mutations: ${appliedTotal} applied, ${failedTotal} reported failed, ${mutationMismatch} targets mismatched`,
  );
  console.log(
    `gateway RSS MB over time: ${rss
      .filter((_, i) => i % 5 === 0)
      .map((s) => `${s.second}s=${s.mb.toFixed(0)}`)
      .join(' ')}`,
  );
  console.log(
    `RSS after warm-up: first half ${earlyMb.toFixed(1)} MB, second half ${lateMb.toFixed(1)} MB (${(growth * 100).toFixed(1)}%)`,
  );
  console.log(`gateway exit code after SIGTERM: ${exitCode}`);

  if (exitCode !== 0) problems.push(`gateway exited with ${exitCode}`);
  if (growth > 0.25) problems.push(`RSS grew ${(growth * 100).toFixed(0)}% after warm-up`);
  if (problems.length > 0) {
    console.error(`soak FAILED: ${[...new Set(problems)].slice(0, 20).join('; ')}`);
    process.exit(1);
  }
  console.log('soak passed');
}

await main();
