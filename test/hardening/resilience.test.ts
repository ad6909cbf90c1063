import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.js';

describe('resilience to upstream faults', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({
      seedUsers: 40,
      env: { TWILIO_RETRIES: '2', TWILIO_TIMEOUT_MS: '1000' },
    });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.emulator.clearRequests());
  afterEach(() => stack.emulator.setFaults({}));

  it('retries a read on 503 twice, then reports UPSTREAM_ERROR', async () => {
    await stack.emulator.setFaults({ errorRate: 1, errorStatus: 503, path: '^/v1/Users/' });
    const result = await stack.execute(`{ conversationsUser(identity: "someone") { sid } }`);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_ERROR',
      twilio: { status: 503 },
    });
    expect(await stack.emulator.requestLines()).toEqual(Array(3).fill('GET /v1/Users/someone'));
  });

  it('waits the Retry-After Twilio sends before retrying a 429', async () => {
    await stack.emulator.setFaults({ rateLimitRate: 1, retryAfterSeconds: 1, path: '^/v1/Users/' });
    const result = await stack.execute(`{ conversationsUser(identity: "someone") { sid } }`);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      twilio: { code: 20429 },
    });
    const requests = await stack.emulator.requests();
    expect(requests).toHaveLength(3);
    const gaps = requests
      .slice(1)
      .map((r, i) => Date.parse(r.time) - Date.parse(requests[i]!.time));
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(950);
  });

  it('never retries a non-idempotent update, and retries the idempotent v4 Provision', async () => {
    const person = await stack.emulator.person({ flex: true, deactivated: false });
    await stack.emulator.setFaults({ errorRate: 1, errorStatus: 503, path: '^/v[24]/Instances/' });
    const result = await stack.execute(
      `mutation ($sid: FlexUserSid!) {
        update: updateFlexUser(input: { sid: $sid, locale: "en-GB" }) { userErrors { code } }
      }`,
      { sid: person.flexUserSid },
    );
    expect(result.errors?.[0]).toMatchObject({
      path: ['update'],
      extensions: { code: 'UPSTREAM_ERROR' },
    });
    const provision = await stack.execute(
      `mutation { provisionFlexUser(input: { username: "retry.me@owlbank.example", email: "retry.me@owlbank.example",
        fullName: "Retry Me", roles: [AGENT] }) { userErrors { code } } }`,
    );
    expect(provision.errors?.[0]?.extensions?.code).toBe('UPSTREAM_ERROR');
    const lines = await stack.emulator.requestLines();
    expect(lines.filter((l) => l.startsWith('POST /v2/'))).toHaveLength(1);
    expect(lines.filter((l) => l.endsWith('/Users/Provision'))).toHaveLength(3);
  });

  it('cuts a stalled call at the request budget, well before the attempt timeout, and does not retry past it', async () => {
    // The attempt timeout (20 s) is far beyond this test's own 5 s limit: the test can pass only
    // if the 500 ms budget cut the call.
    const budgeted = await startStack({
      seedUsers: 20,
      env: { REQUEST_BUDGET_MS: '500', TWILIO_TIMEOUT_MS: '20000', TWILIO_RETRIES: '2' },
    });
    try {
      const person = await budgeted.emulator.person({
        flex: true,
        conversations: true,
        deactivated: false,
      });
      await budgeted.emulator.setFaults({ timeoutRate: 1, path: '^/v1/Users/' });
      const result = await budgeted.execute<{
        user: { flexUser: { sid: string }; conversationsUser: null };
      }>(
        `query ($i: String!) { user(identity: $i) { flexUser { sid } conversationsUser { sid } } }`,
        { i: person.identity },
      );
      expect(result.data).toEqual({
        user: { flexUser: { sid: person.flexUserSid }, conversationsUser: null },
      });
      expect(result.errors?.[0]).toMatchObject({
        path: ['user', 'conversationsUser'],
        extensions: { code: 'UPSTREAM_TIMEOUT' },
      });
      const lines = await budgeted.emulator.requestLines();
      expect(lines.filter((line) => line.startsWith('GET /v1/Users/'))).toHaveLength(1);
    } finally {
      await budgeted.close();
    }
  }, 5_000);

  it('stops calling a product that keeps failing, and fails fast meanwhile', async () => {
    const isolated = await startStack({ seedUsers: 20, env: { TWILIO_RETRIES: '0' } });
    try {
      await isolated.emulator.setFaults({ errorRate: 1, errorStatus: 500, path: '^/v1/Users/' });
      const ids = Array.from({ length: 12 }, (_, i) => `"broken${i}"`).join(',');
      await isolated.execute(`{ users(identities: [${ids}]) { conversationsUser { sid } } }`);
      expect(await isolated.emulator.requestLines()).toHaveLength(12);
      await isolated.emulator.clearRequests();

      const result = await isolated.execute(`{ conversationsUser(identity: "next") { sid } }`);
      expect(result.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
      expect(await isolated.emulator.requestLines()).toEqual([]);
      // Other products are not affected.
      const flex = await isolated.execute(`{ flexUsers(first: 1) { nodes { sid } } }`);
      expect(flex.errors).toBeUndefined();
    } finally {
      await isolated.close();
    }
  });

  it('keeps at most TWILIO_MAX_CONCURRENCY calls in flight in the process', async () => {
    const capped = await startStack({
      seedUsers: 40,
      // Calls in flight are the subject: the seeded emails are not asked for in Flex's form too.
      env: { TWILIO_MAX_CONCURRENCY: '3', TWILIO_FLEX_IDENTITY_ESCAPES: 'false' },
    });
    try {
      await capped.emulator.setFaults({ latencyMs: 40 });
      const people = await capped.emulator.people({ conversations: true, limit: 12 });
      await capped.emulator.clearRequests();
      const result = await capped.execute(
        `query ($ids: [String!]!) { users(identities: $ids) { conversationsUser { sid } } }`,
        {
          ids: people.map((p) => p.identity),
        },
      );
      expect(result.errors).toBeUndefined();
      const requests = await capped.emulator.requests();
      expect(requests).toHaveLength(12);
      // The emulator's own count of calls in flight, exact (the log's arrival times are whole
      // milliseconds, so overlaps read from it are off by up to one).
      const account = capped.emulator.accounts[0]!.accountSid;
      const peak = (await capped.emulator.concurrency())[account]?.peak ?? 0;
      expect(peak).toBeGreaterThan(0);
      expect(peak).toBeLessThanOrEqual(3);
    } finally {
      await capped.close();
    }
  });

  it('finishes a request in flight when the gateway shuts down', async () => {
    const draining = await startStack({ seedUsers: 20 });
    const person = await draining.emulator.person({ conversations: true });
    await draining.emulator.setFaults({ latencyMs: 400 });
    const inFlight = draining.execute<{ conversationsUser: { sid: string } }>(
      `query ($i: String!) { conversationsUser(identity: $i) { sid } }`,
      { i: person.identity },
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closing = draining.close();
    const result = await inFlight;
    await closing;
    expect(result.errors).toBeUndefined();
    expect(result.data?.conversationsUser.sid).toBe(person.userSid);
  });

  it('reads the flex list while Chat is down, with the error on the chat field of each user', async () => {
    await stack.emulator.setFaults({ errorRate: 1, errorStatus: 503, path: '^/v2/Services/' });
    const result = await stack.execute<{
      flexUsers: { nodes: { sid: string; chatUsers: null }[] };
    }>(`{ flexUsers(first: 3) { nodes { sid chatUsers { sid } } } }`);
    expect(result.data?.flexUsers.nodes).toHaveLength(3);
    expect(result.data?.flexUsers.nodes.every((n) => n.chatUsers === null)).toBe(true);
    // Errors come in the order the failures happened; the set of paths is what matters.
    expect(result.errors?.map((e) => e.path?.join('.')).sort()).toEqual([
      'flexUsers.nodes.0.chatUsers',
      'flexUsers.nodes.1.chatUsers',
      'flexUsers.nodes.2.chatUsers',
    ]);
    expect(result.errors?.every((e) => e.extensions?.code === 'UPSTREAM_ERROR')).toBe(true);
  });
});

describe('a Retry-After longer than the gateway waits', () => {
  // Its own gateway: the account stays paused for the 30 s Twilio asked, which would fail the
  // other tests' calls of that account.
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ seedUsers: 20, env: { TWILIO_RETRIES: '2' } });
  });
  afterAll(() => stack.close());

  it('is not waited for, and pauses the whole account: its next calls fail without being sent', async () => {
    await stack.emulator.setFaults({
      rateLimitRate: 1,
      retryAfterSeconds: 30,
      path: '^/v1/Users/',
    });
    const result = await stack.execute(`{ conversationsUser(identity: "someone") { sid } }`);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSeconds: 30,
    });
    expect(await stack.emulator.requestLines()).toEqual(['GET /v1/Users/someone']);

    // Twilio's limit is the account's: a call of it to another host waits for the same 30 s, so it
    // fails as the first did, and Twilio sees nothing more.
    await stack.emulator.setFaults({});
    const next = await stack.execute(`{ flexUsers(first: 1) { nodes { sid } } }`);
    expect(next.errors?.[0]?.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      twilio: { code: 20429, status: 429 },
    });
    expect((next.errors?.[0]?.extensions?.retryAfterSeconds as number) <= 30).toBe(true);
    expect(await stack.emulator.requestLines()).toEqual(['GET /v1/Users/someone']);
  });
});
