/**
 * How much one tenant's trouble costs another: tenant B's latency for a one-person profile while
 * tenant A (another Twilio account, on the same gateway) floods it under each kind of trouble.
 *
 *   npm run bench:isolation [-- --samples 150 --clients 16]
 *
 * Both tenants use Basic pass-through against the emulator's two accounts. B sends its profile
 * queries one after another; A runs `clients` loops of ten-person queries at the same time. The
 * emulator applies faults to A's account only (fault rules with accountSid).
 */
import { parseArgs } from 'node:util';
import { startEmulator, type EmulatorAccount } from '../emulator/index.js';
import { loadConfig } from '../server/config.js';
import { startGateway } from '../server/http.js';
import { basicAuthorization } from './measure/upstream.js';
import { median, percentile } from './measure/stats.js';

const { values } = parseArgs({
  options: {
    samples: { type: 'string', default: '150' },
    clients: { type: 'string', default: '16' },
  },
});
const samples = Number(values.samples);
const clients = Number(values.clients);

const emulator = await startEmulator({ seedUsers: 400 });
const [a, b] = emulator.accounts as [EmulatorAccount, EmulatorAccount];
/** A fresh gateway per condition, so no breaker or budget state carries from one to the next. */
const startFresh = () =>
  startGateway(
    loadConfig({
      PORT: '0',
      TWILIO_ACCOUNT_SID: a.accountSid,
      TWILIO_AUTH_TOKEN: a.authToken,
      TWILIO_FLEX_API_URL: emulator.url,
      TWILIO_CONVERSATIONS_API_URL: emulator.url,
      TWILIO_CHAT_API_URL: emulator.url,
      TWILIO_TASKROUTER_API_URL: emulator.url,
      // The attempt timeout and budget a deployment would use, scaled down so a run takes seconds.
      TWILIO_TIMEOUT_MS: '1500',
      REQUEST_BUDGET_MS: '2500',
      LOG_LEVEL: 'silent',
    }),
  );
let gateway = await startFresh();

const control = (path: string, body: unknown) =>
  fetch(`${emulator.url}/__emulator/${path}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then((response) => {
    if (!response.ok) throw new Error(`PUT ${path}: ${response.status}`);
  });

const peopleOf = async (account: EmulatorAccount) => {
  const response = await fetch(
    `${emulator.url}/__emulator/people?accountSid=${account.accountSid}&flex=true&conversations=true&limit=100`,
  );
  return ((await response.json()) as { people: { identity: string }[] }).people.map(
    (p) => p.identity,
  );
};
const [peopleA, peopleB] = await Promise.all([peopleOf(a), peopleOf(b)]);

const PROFILES = `query ($ids: [String!]!) {
  users(identities: $ids) { flexUser { fullName } conversationsUser { sid } chatUsers { sid } }
}`;
const ask = (account: EmulatorAccount, ids: string[]) =>
  fetch(gateway.graphqlUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: basicAuthorization(account.accountSid, account.authToken),
      'x-flex-instance-sid': account.flexInstanceSid,
      'x-chat-service-sids': account.chatServiceSids.join(','),
    },
    body: JSON.stringify({ query: PROFILES, variables: { ids } }),
  }).then(async (response) => {
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    return body.errors?.map((e) => e.extensions?.code ?? 'UNKNOWN') ?? [];
  });

/** B's latencies (ms) and error codes while A's clients loop, and how many answers A got. */
async function measure(flood: boolean) {
  let running = flood;
  let answeredA = 0;
  const floods = Array.from({ length: flood ? clients : 0 }, async (_, c) => {
    for (let i = 0; running; i += 1) {
      const start = ((c * 7 + i) * 10) % (peopleA.length - 10);
      await ask(a, peopleA.slice(start, start + 10));
      answeredA += 1;
    }
  });
  const latencies: number[] = [];
  const codes = new Map<string, number>();
  // Give A's clients a moment to fill the queues before B starts.
  if (flood) await new Promise((resolve) => setTimeout(resolve, 300));
  const started = performance.now();
  for (let i = 0; i < samples; i += 1) {
    const sent = performance.now();
    for (const code of await ask(b, [peopleB[i % peopleB.length] as string])) {
      codes.set(code, (codes.get(code) ?? 0) + 1);
    }
    latencies.push(performance.now() - sent);
  }
  const aPerSecond = (answeredA * 1000) / (performance.now() - started);
  running = false;
  await Promise.all(floods);
  return { latencies, codes, aPerSecond };
}

const conditions: [string, unknown][] = [
  ['B alone', null],
  ['A floods, Twilio answers normally (20 ms)', { latencyMs: 20 }],
  ['A rate-limited: 429, Retry-After 1 s', { rateLimitRate: 1, retryAfterSeconds: 1 }],
  ['A failing: 503', { errorRate: 1, errorStatus: 503 }],
  ['A stalled past its budget', { latencyMs: 4000 }],
];

console.log(
  `B: ${samples} sequential one-person profiles; A: ${clients} clients looping on ten-person profiles\n`,
);
console.log('| condition | B p50 ms | B p99 ms | B errors | A answers/s |');
console.log('| --- | --- | --- | --- | --- |');
for (const [name, fault] of conditions) {
  await gateway.close();
  gateway = await startFresh();
  // Both tenants' credentials are known good before the faults start.
  await Promise.all([ask(a, peopleA.slice(0, 1)), ask(b, peopleB.slice(0, 1))]);
  await control(
    'faults',
    fault === null ? {} : { rules: [{ ...fault, accountSid: a.accountSid }] },
  );
  const { latencies, codes, aPerSecond } = await measure(fault !== null);
  const errors = [...codes].map(([code, n]) => `${code} ×${n}`).join(', ') || 'none';
  console.log(
    `| ${name} | ${median(latencies).toFixed(1)} | ${percentile(latencies, 99).toFixed(1)} | ${errors} | ${fault === null ? '–' : aPerSecond.toFixed(0)} |`,
  );
  await control('faults', {});
}
await gateway.close();
await emulator.close();
