/**
 * Server CPU per fetch of the emulator: it must never be the bottleneck of a gateway benchmark.
 *
 *   npx tsx bench/emulator-speed.ts [seedUsers=10000] [fetches=20000]
 *
 * The emulator runs in a child process (this file with --serve) that reports its own
 * process.cpuUsage() before and after N sequential keep-alive fetches rotating over the four
 * single-user reads (Conversations, Chat, Flex v4, Flex v2).
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startEmulator } from '../emulator/index.js';
import type { EmulatorAccount, SeededPerson } from '../emulator/types.js';
import { basicAuthorization } from './measure/upstream.js';

const [seedArg, fetchesArg] = process.argv.slice(2).filter((arg) => arg !== '--serve');
const seedUsers = Number(seedArg ?? 10_000);

if (process.argv.includes('--serve')) {
  const started = performance.now();
  const emulator = await startEmulator({ seedUsers });
  console.log(JSON.stringify({ url: emulator.url, startMs: performance.now() - started }));
  createInterface({ input: process.stdin }).on('line', (line) => {
    if (line === 'cpu') console.log(JSON.stringify(process.cpuUsage()));
    if (line === 'quit') void emulator.close().then(() => process.exit(0));
  });
} else {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), String(seedUsers), '--serve'],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async <T>() => JSON.parse((await lines.next()).value as string) as T;
  const { url, startMs } = await next<{ url: string; startMs: number }>();

  const { accounts } = (await (await fetch(`${url}/__emulator/accounts`)).json()) as {
    accounts: EmulatorAccount[];
  };
  const account = accounts[0]!;
  const { people } = (await (
    await fetch(`${url}/__emulator/people?flex=true&conversations=true&limit=500`)
  ).json()) as { people: SeededPerson[] };
  const authorization = basicAuthorization(account.accountSid, account.authToken);
  const paths = people.flatMap((p) => [
    `/v1/Users/${p.userSid}`,
    `/v2/Services/${account.defaultChatServiceSid}/Users/${encodeURIComponent(p.identity)}`,
    `/v4/Instances/${account.flexInstanceSid}/Users/${p.flexUserSid}`,
    `/v2/Instances/${account.flexInstanceSid}/Users/${p.flexUserSid}`,
  ]);
  const run = async (n: number) => {
    for (let i = 0; i < n; i += 1) {
      const path = paths[i % paths.length]!;
      const response = await fetch(url + path, { headers: { authorization } });
      if (response.status !== 200) throw new Error(`${response.status} ${path}`);
      await response.arrayBuffer();
    }
  };

  await run(3000); // warm-up: let the JIT settle
  await fetch(`${url}/__emulator/requests`, { method: 'DELETE' });
  type Cpu = { user: number; system: number };
  child.stdin.write('cpu\n');
  const before = await next<Cpu>();
  const fetches = Number(fetchesArg ?? 20_000);
  const t0 = performance.now();
  await run(fetches);
  const wallMs = performance.now() - t0;
  child.stdin.write('cpu\n');
  const after = await next<Cpu>();
  const perFetch = (us: number) => (us / fetches).toFixed(1);
  console.log(
    `seedUsers=${seedUsers} startup=${startMs.toFixed(0)} ms fetches=${fetches} ` +
      `server CPU=${perFetch(after.user - before.user + after.system - before.system)} µs/fetch ` +
      `(user ${perFetch(after.user - before.user)}, system ${perFetch(after.system - before.system)}); ` +
      `wall ${((wallMs / fetches) * 1000).toFixed(0)} µs/fetch, sequential, client included`,
  );
  child.stdin.write('quit\n');
}
