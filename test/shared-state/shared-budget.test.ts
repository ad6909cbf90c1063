/**
 * The per-account Twilio budget across replicas: two real gateways sharing a real Redis in front
 * of one emulator, which counts each account's requests in flight. TWILIO_ACCOUNT_CONCURRENCY is
 * the cap of the whole deployment with Redis, and of each replica without it.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadThrough, metric } from '../helpers/budget-load.js';
import { basicAuth } from '../helpers/graphql.js';
import { LogLines } from '../helpers/log-lines.js';
import { redisOrSkip, startRedis, type RedisServer } from '../helpers/redis.js';
import { startReplicas, TEST_KEY_SECRET, type Replicas } from '../helpers/replicas.js';
import { waitFor } from '../helpers/wait-for.js';

const redis = redisOrSkip();
const root = fileURLToPath(new URL('../../', import.meta.url));
const CAP = 4;
const BUDGET_ENV = {
  TWILIO_ACCOUNT_CONCURRENCY: String(CAP),
  TWILIO_RETRIES: '0',
  REQUEST_BUDGET_MS: '8000',
  // Calls per account are the subject: the seeded emails are not asked for in Flex's form too.
  TWILIO_FLEX_IDENTITY_ESCAPES: 'false',
};

async function identitiesOf(stack: Replicas, count = 40): Promise<string[]> {
  const people = await stack.emulator.people({ conversations: true, limit: count });
  return people.map((p) => p.identity);
}

describe.skipIf('skip' in redis)('TWILIO_ACCOUNT_CONCURRENCY across replicas', () => {
  let server: RedisServer;
  const open: Replicas[] = [];
  beforeAll(async () => {
    server = await startRedis(redis as { path: string });
  });
  afterAll(async () => {
    await Promise.all(open.map((stack) => stack.close()));
    await server?.stop();
  });

  it('never has more than the cap in flight at the emulator, with Redis; each replica has it without', async () => {
    const shared = await startReplicas({ seedUsers: 60, redisUrl: server.url, env: BUDGET_ENV });
    const alone = await startReplicas({ seedUsers: 60, env: BUDGET_ENV });
    open.push(shared, alone);
    const account = shared.emulator.accounts[0]!.accountSid;
    for (const stack of [shared, alone]) {
      await stack.emulator.setFaults({ latencyMs: 40 });
    }
    await waitFor(
      async () => (await metric(shared.replicas[0]!.url, 'twilio_budget_fallback')) === 0,
      'the budget is shared',
    );

    const ids = await identitiesOf(shared);
    const withRedis = await loadThrough(shared.replicas, shared.emulator, ids);
    for (const answer of withRedis.answers) expect(answer.errors).toBeUndefined();
    // The emulator's own count, from each request's arrival to its response's close: the log's
    // whole-millisecond times can overlap two calls that did not.
    expect(withRedis.peak).toBe(CAP);

    // The same load without REDIS_URL: each replica keeps its own cap, so together they pass it.
    const withoutRedis = await loadThrough(
      alone.replicas,
      alone.emulator,
      await identitiesOf(alone),
    );
    for (const answer of withoutRedis.answers) expect(answer.errors).toBeUndefined();
    expect(withoutRedis.peak).toBeGreaterThan(CAP);

    // The waits are in /metrics, by account.
    const waits = await metric(
      shared.replicas[0]!.url,
      'twilio_budget_wait_seconds_count',
      `account="${account}"`,
    );
    expect(waits).toBeGreaterThan(0);
  });
});

describe.skipIf('skip' in redis)('a 429 with Retry-After seen by one replica', () => {
  let server: RedisServer;
  let stack: Replicas;
  beforeAll(async () => {
    server = await startRedis(redis as { path: string });
    stack = await startReplicas({ seedUsers: 40, redisUrl: server.url, env: BUDGET_ENV });
  });
  afterAll(async () => {
    await stack?.close();
    await server?.stop();
  });

  it('pauses that account on every replica for that time, and no other account', async () => {
    const [a, b] = stack.replicas as [Replicas['replicas'][0], Replicas['replicas'][0]];
    const [first, second] = stack.emulator.accounts;
    await waitFor(
      async () => (await metric(b.url, 'twilio_budget_fallback')) === 0,
      'the budget is shared',
    );
    const ids = await identitiesOf(stack, 6);
    const other = (await stack.emulator.people({ accountSid: second!.accountSid, limit: 1 }))[0]!;
    // Both replicas have had their credentials accepted, so nothing waits on a first probe.
    for (const replica of [a, b])
      await replica.execute('{ flexUsers(first: 1) { nodes { sid } } }');
    await stack.emulator.clearRequests();
    await stack.emulator.setFaults({
      rules: [{ path: '^/v1/Users/rate-limited$', rateLimitRate: 1, retryAfterSeconds: 2 }],
    });

    const limited = await a.execute('{ conversationsUser(identity: "rate-limited") { sid } }');
    expect(limited.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    const people = `query ($ids: [String!]!) { users(identities: $ids) { conversationsUser { sid } } }`;
    const [throughB, throughA, otherAccount] = await Promise.all([
      b.execute(people, { ids: ids.slice(0, 3) }),
      a.execute(people, { ids: ids.slice(3, 6) }),
      b.execute(
        `query ($id: String!) { conversationsUser(identity: $id) { identity } }`,
        { id: other.identity },
        { headers: { authorization: basicAuth(second!.accountSid, second!.authToken) } },
      ),
    ]);
    for (const answer of [throughB, throughA, otherAccount]) expect(answer.errors).toBeUndefined();

    const log = await stack.emulator.requests();
    const rateLimited = log.find((r) => r.status === 429);
    expect(rateLimited?.path).toBe('/v1/Users/rate-limited');
    const at = Date.parse(rateLimited!.time);
    const after = log.filter((r) => r.account === first!.accountSid && r !== rateLimited);
    expect(after).toHaveLength(6);
    // The pause starts when A reads the answer, after the emulator logged its arrival.
    for (const request of after) expect(Date.parse(request.time) - at).toBeGreaterThanOrEqual(2000);
    // The other account's call went out at once, before any of the paused account's.
    const otherAt = log.findIndex((r) => r.account === second!.accountSid);
    expect(otherAt).toBeGreaterThanOrEqual(0);
    expect(otherAt).toBeLessThan(log.indexOf(after[0]!));

    expect(await metric(a.url, 'twilio_budget_pauses_total', 'source="twilio"')).toBe(1);
    expect(await metric(b.url, 'twilio_budget_pauses_total', 'source="shared"')).toBe(1);
  });
});

describe.skipIf('skip' in redis)('Redis failing under the budget', () => {
  let server: RedisServer;
  let stack: Replicas;
  const logs = [new LogLines(), new LogLines()];
  beforeAll(async () => {
    server = await startRedis(redis as { path: string });
    stack = await startReplicas({
      seedUsers: 60,
      redisUrl: server.url,
      env: { ...BUDGET_ENV, REQUEST_BUDGET_MS: '4000', LOG_LEVEL: 'info' },
      logDestination: (index) => logs[index],
    });
    await stack.emulator.setFaults({ latencyMs: 40 });
  });
  afterAll(async () => {
    await stack?.close();
    await server?.stop();
  });
  afterEach(() => server.start().catch(() => undefined));

  it('keeps answering on a local share while Redis is down, and shares the cap again once it is back', async () => {
    const [a, b] = stack.replicas as [Replicas['replicas'][0], Replicas['replicas'][0]];
    const ids = await identitiesOf(stack);
    await waitFor(
      async () => (await metric(a.url, 'twilio_budget_replicas')) === 2,
      'replica A sees two replicas',
    );
    expect(await metric(a.url, 'twilio_budget_fallback')).toBe(0);

    // Redis dies in the middle of a load: every request still answers, within its budget.
    const during = loadThrough([a, b], stack.emulator, ids, { requests: 6 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await server.kill();
    for (const answer of (await during).answers) expect(answer.errors).toBeUndefined();
    await waitFor(
      async () => (await metric(a.url, 'twilio_budget_fallback')) === 1,
      'A falls back to its local share',
    );

    // Down: A alone keeps to its share, the cap over the two replicas it last saw.
    const down = await loadThrough([a], stack.emulator, ids);
    for (const answer of down.answers) expect(answer.errors).toBeUndefined();
    expect(down.peak).toBe(CAP / 2);

    await server.start();
    for (const replica of [a, b]) {
      await waitFor(
        async () => (await metric(replica.url, 'twilio_budget_fallback')) === 0,
        'the budget is shared again',
        10_000,
      );
    }
    // Back: A alone may use the whole cap, and both together never pass it.
    const alone = await loadThrough([a], stack.emulator, ids);
    expect(alone.peak).toBe(CAP);
    const both = await loadThrough([a, b], stack.emulator, ids);
    for (const answer of [...alone.answers, ...both.answers]) expect(answer.errors).toBeUndefined();
    expect(both.peak).toBeLessThanOrEqual(CAP);

    // One line per change of state, not one per call.
    const budgetLines = logs[0]!.lines.filter((line) => 'budget' in line).map((l) => l.budget);
    expect(budgetLines).toEqual(['shared', 'local', 'shared']);
    expect(await metric(a.url, 'redis_up')).toBe(1);
  });
});

/** A gateway in its own process (the TypeScript sources, through tsx), to be killed like a crash. */
async function spawnGateway(env: Record<string, string>): Promise<{
  graphqlUrl: string;
  kill(): Promise<void>;
}> {
  const inherited: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(inherited)) {
    if (/^(TWILIO_|REDIS_|AUTH_|OTEL_|TRACING)/.test(name)) delete inherited[name];
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...inherited, PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const lines = createInterface({ input: child.stdout });
  const graphqlUrl = await new Promise<string>((resolve, reject) => {
    lines.on('line', (line) => {
      const url = /"graphqlUrl":"([^"]+)"/.exec(line)?.[1];
      if (url) resolve(url);
    });
    child.once('exit', (code) => reject(new Error(`the gateway exited (${code})`)));
  });
  return {
    graphqlUrl,
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

describe.skipIf('skip' in redis)('a replica killed while holding slots', () => {
  let server: RedisServer;
  let stack: Replicas;
  let probe: Redis;
  let doomed: Awaited<ReturnType<typeof spawnGateway>> | undefined;
  beforeAll(async () => {
    server = await startRedis(redis as { path: string });
    probe = new Redis(server.url, { lazyConnect: true });
    await probe.connect();
  });
  afterAll(async () => {
    await doomed?.kill();
    probe?.disconnect();
    await stack?.close();
    await server?.stop();
  });

  it(
    'leaks them no longer than the lease: attempt timeout + 1 s',
    { timeout: 60_000 },
    async () => {
      // TWILIO_TIMEOUT_MS 2000: a slot's lease is 3 s; the survivor's request may wait 10 s.
      const env = { ...BUDGET_ENV, TWILIO_TIMEOUT_MS: '2000', REQUEST_BUDGET_MS: '10000' };
      stack = await startReplicas({ count: 1, seedUsers: 40, redisUrl: server.url, env });
      const [survivor] = stack.replicas;
      const [account] = stack.emulator.accounts;
      const slots = `semaphore:identity-gateway:budget:${account!.accountSid}`;
      doomed = await spawnGateway({
        ...env,
        TWILIO_ACCOUNT_SID: account!.accountSid,
        TWILIO_AUTH_TOKEN: account!.authToken,
        TWILIO_FLEX_API_URL: stack.emulator.url,
        TWILIO_CONVERSATIONS_API_URL: stack.emulator.url,
        TWILIO_CHAT_API_URL: stack.emulator.url,
        AUTH_OPEN: 'true',
        REDIS_URL: server.url,
        REDIS_KEY_SECRET: TEST_KEY_SECRET,
      });
      await stack.emulator.setFaults({ rules: [{ path: '^/v1/Users/stalled-', timeoutRate: 1 }] });
      // The doomed replica takes the whole cap with calls Twilio never answers...
      void fetch(doomed.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `query ($ids: [String!]!) { users(identities: $ids) { conversationsUser { sid } } }`,
          variables: { ids: Array.from({ length: CAP }, (_, i) => `stalled-${i}`) },
        }),
      }).catch(() => undefined);
      await waitFor(
        async () => (await stack.emulator.concurrency())[account!.accountSid]?.inFlight === CAP,
        'the doomed replica holds every slot',
      );
      // ...and dies holding them: nobody releases its slots in Redis.
      await doomed.kill();
      doomed = undefined;
      expect(await probe.zcard(slots)).toBe(CAP);

      const ids = await identitiesOf(stack, 3);
      const answer = await survivor!.execute(
        `query ($ids: [String!]!) { users(identities: $ids) { conversationsUser { sid } } }`,
        { ids },
      );
      expect(answer.errors).toBeUndefined();
      // The dead holders' entries are gone, and the survivor gives its own back (without waiting).
      await waitFor(async () => (await probe.zcard(slots)) === 0, 'no slot held');
    },
  );
});
