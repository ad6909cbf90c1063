import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EmulatorAccount } from '../../emulator/index.js';
import { basicAuth, expectData } from '../helpers/graphql.js';
import { redisOrSkip, startRedis, type RedisServer } from '../helpers/redis.js';
import { startReplicas, type Replica, type Replicas } from '../helpers/replicas.js';
import { waitFor } from '../helpers/wait-for.js';

const redis = redisOrSkip();

const PERSON = /* GraphQL */ `
  query ($id: String!) {
    user(identity: $id) {
      identity
      flexUser {
        sid
        fullName
        email
      }
      conversationsUser {
        sid
        friendlyName
      }
      chatUsers {
        serviceSid
        sid
        friendlyName
      }
    }
  }
`;

interface PersonData {
  user: {
    identity: string;
    flexUser: { sid: string; fullName: string | null; email: string | null } | null;
    conversationsUser: { sid: string; friendlyName: string | null } | null;
    chatUsers: { serviceSid: string; sid: string; friendlyName: string | null }[] | null;
  } | null;
}

const asTenant = (account: EmulatorAccount, token = account.authToken) => ({
  authorization: basicAuth(account.accountSid, token),
  'x-flex-instance-sid': account.flexInstanceSid,
  'x-chat-service-sids': account.chatServiceSids.join(','),
});

const read = async (replica: Replica, identity: string, headers?: Record<string, string>) =>
  expectData(await replica.execute<PersonData>(PERSON, { id: identity }, { headers }));

const metric = async (replica: Replica, name: string) => {
  const text = await (await fetch(`${replica.url}/metrics`)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith(name))
    .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
};

/** How many times each request line appears. */
const counts = (lines: string[]) => {
  const seen: Record<string, number> = {};
  for (const line of lines) seen[line] = (seen[line] ?? 0) + 1;
  return seen;
};

describe.skipIf('skip' in redis)('the read cache, shared by two replicas through Redis', () => {
  let server: RedisServer;
  let stack: Replicas;
  let a: Replica;
  let b: Replica;

  beforeAll(async () => {
    server = await startRedis(redis as { path: string });
    stack = await startReplicas({ count: 2, seedUsers: 60, redisUrl: server.url });
    [a, b] = stack.replicas as [Replica, Replica];
    const isUp = async (replica: Replica) => (await metric(replica, 'redis_up')) === 1;
    await waitFor(async () => (await isUp(a)) && (await isUp(b)), 'both replicas on Redis');
  });
  afterAll(async () => {
    await stack?.close();
    await server?.stop();
  });
  beforeEach(() => stack.emulator.clearRequests());

  /** A person of the first account with all three products, read by no other test. */
  let next = 0;
  const freshPerson = async () => {
    const people = await stack.emulator.people({ flex: true, conversations: true });
    const person = people[next++];
    if (!person) throw new Error('the seed has too few people');
    return person;
  };

  it('costs Twilio one call per resource for a person read through A, then none through B', async () => {
    const person = await freshPerson();
    const fromA = await read(a, person.identity);
    const afterA = await stack.emulator.requestLines();
    expect(Object.values(counts(afterA)).every((n) => n === 1)).toBe(true);
    expect(afterA.length).toBeGreaterThanOrEqual(3);

    const hitsBefore = await metric(b, 'twilio_cache_hits_total');
    expect(await read(b, person.identity)).toEqual(fromA);
    expect(await read(a, person.identity)).toEqual(fromA);
    expect(await stack.emulator.requestLines()).toEqual(afterA);
    expect(await metric(b, 'twilio_cache_hits_total')).toBeGreaterThan(hitsBefore);
  });

  it('never caches presence: isOnline and isNotifiable come from Twilio on every request', async () => {
    const person = await freshPerson();
    const query = `query ($id: String!) { conversationsUser(identity: $id) { sid friendlyName isOnline isNotifiable } }`;
    const ask = (replica: Replica) =>
      replica.execute<{ conversationsUser: { isOnline: boolean | null } }>(query, {
        id: person.identity,
      });
    const first = expectData(await ask(a));
    await stack.emulator.clearRequests();
    for (const replica of [b, a, b]) {
      expect(expectData(await ask(replica))).toEqual(first);
    }
    // The record itself comes from the cache; its presence, by SID, from Twilio each time.
    expect(await stack.emulator.requestLines()).toEqual(
      Array(3).fill(`GET /v1/Users/${person.userSid}`),
    );
  });

  it('reads from Twilio for a request saying Cache-Control: no-cache, and caches that answer', async () => {
    const person = await freshPerson();
    await read(a, person.identity);
    const once = await stack.emulator.requestLines();
    await read(b, person.identity, { 'cache-control': 'no-cache' });
    expect(await stack.emulator.requestLines()).toEqual([...once, ...once]);
    await read(a, person.identity);
    expect(await stack.emulator.requestLines()).toEqual([...once, ...once]);
  });

  it('shows a Flex user updated through A in the next read through B', async () => {
    const person = await freshPerson();
    const before = await read(b, person.identity);
    await read(a, person.identity);
    const email = `changed-${Date.now()}@example.com`;
    const updated = await a.execute<{ updateFlexUser: { userErrors: unknown[] } }>(
      `mutation ($sid: FlexUserSid!, $email: String!) {
        updateFlexUser(input: { sid: $sid, email: $email }) { userErrors { message } flexUser { email } }
      }`,
      { sid: person.flexUserSid, email },
    );
    expect(expectData(updated).updateFlexUser.userErrors).toEqual([]);
    const after = await read(b, person.identity);
    expect(after.user?.flexUser?.email).toBe(email);
    expect(after.user?.flexUser?.sid).toBe(before.user?.flexUser?.sid);
  });

  it('shows a Conversations user updated through A in the next read through B, in Chat too', async () => {
    const person = await freshPerson();
    await read(b, person.identity);
    const name = `Renamed ${Date.now()}`;
    const updated = await a.execute<{ updateConversationsUser: { userErrors: unknown[] } }>(
      `mutation ($id: String!, $name: String!) {
        updateConversationsUser(input: { identity: $id, friendlyName: $name }) { userErrors { message } }
      }`,
      { id: person.identity, name },
    );
    expect(expectData(updated).updateConversationsUser.userErrors).toEqual([]);
    const after = await read(b, person.identity);
    expect(after.user?.conversationsUser?.friendlyName).toBe(name);
    // The Conversations user is the Chat user of the default service: that view changed too.
    const defaultChat = after.user?.chatUsers?.find((c) => c.sid === person.userSid);
    expect(defaultChat?.friendlyName).toBe(name);
  });

  it('shows a Chat user updated through A in the next read through B', async () => {
    const people = await stack.emulator.people({ extraChat: true });
    const person = people.at(-1)!;
    const serviceSid = person.chatServiceSids.at(-1)!;
    await read(b, person.identity);
    const name = `Chat name ${Date.now()}`;
    const updated = await a.execute<{ updateChatUser: { userErrors: unknown[] } }>(
      `mutation ($service: ChatServiceSid!, $id: String!, $name: String!) {
        updateChatUser(input: { serviceSid: $service, identity: $id, friendlyName: $name }) { userErrors { message } }
      }`,
      { service: serviceSid, id: person.identity, name },
    );
    expect(expectData(updated).updateChatUser.userErrors).toEqual([]);
    const after = await read(b, person.identity);
    expect(after.user?.chatUsers?.find((c) => c.serviceSid === serviceSid)?.friendlyName).toBe(
      name,
    );
  });

  it('keeps two tenants apart, and gives a wrong token no cached answer', async () => {
    const [one, two] = stack.emulator.accounts as [EmulatorAccount, EmulatorAccount];
    const inOne = new Set(
      (await stack.emulator.people({ accountSid: one.accountSid })).map((p) => p.identity),
    );
    const shared = (
      await stack.emulator.people({ accountSid: two.accountSid, flex: true, conversations: true })
    ).find((p) => inOne.has(p.identity));
    if (!shared) throw new Error('the seed shares no identity between the accounts');
    const id = shared.identity;

    // Each tenant's own answer, read first through a different replica.
    const ofOne = await read(a, id, asTenant(one));
    const ofTwo = await read(b, id, asTenant(two));
    expect(ofOne.user?.flexUser?.fullName).not.toBe(ofTwo.user?.flexUser?.fullName);
    expect(ofOne.user?.conversationsUser?.sid).not.toBe(ofTwo.user?.conversationsUser?.sid);
    for (const replica of [a, b]) {
      expect(await read(replica, id, asTenant(one))).toEqual(ofOne);
      expect(await read(replica, id, asTenant(two))).toEqual(ofTwo);
    }

    // Both answers are cached now; wrong tokens still go to Twilio and are refused.
    await stack.emulator.clearRequests();
    for (const [replica, headers] of [
      [a, asTenant(one, 'wrong-token')],
      [b, asTenant(one, two.authToken)],
    ] as const) {
      const refused = await replica.execute<PersonData>(PERSON, { id }, { headers });
      expect(refused.data?.user?.flexUser ?? null).toBeNull();
      expect(refused.errors?.map((e) => e.extensions?.code)).toContain('UNAUTHENTICATED');
    }
    const statuses = (await stack.emulator.requests()).map((r) => r.status);
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((status) => status === 401)).toBe(true);
  });

  it('keeps no credential, identity or username in Redis key names, and no credential in values', async () => {
    const person = await freshPerson();
    await read(a, person.identity);
    const client = new Redis(server.url);
    try {
      const keys = await client.keys('*');
      const cached = keys.filter((key) => key.startsWith('igw:cache:'));
      expect(cached.length).toBeGreaterThan(0);
      const account = stack.emulator.accounts[0]!;
      for (const key of keys) {
        expect(key).not.toContain(person.identity);
        expect(key).not.toContain(account.accountSid);
        expect(key).not.toContain(account.authToken);
      }
      const values = await Promise.all(cached.map((key) => client.get(key)));
      expect(values.some((value) => value?.includes(person.identity))).toBe(true);
      for (const value of values) expect(value ?? '').not.toContain(account.authToken);
    } finally {
      client.disconnect();
    }
  });

  it('shares persisted queries: a hash registered through A is known to B', async () => {
    const query = '{ __typename }';
    const { createHash } = await import('node:crypto');
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const post = (replica: Replica, body: object) =>
      fetch(replica.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then((r) => r.json() as Promise<{ data?: unknown; errors?: unknown[] }>);
    expect((await post(a, { query, extensions })).data).toEqual({ __typename: 'Query' });
    expect(await post(b, { extensions })).toEqual({ data: { __typename: 'Query' } });
  });

  it('keeps answering while Redis is down, and caches again once it is back', async () => {
    const person = await freshPerson();
    await read(a, person.identity);
    const once = await stack.emulator.requestLines();
    const errorsBefore = await metric(a, 'redis_errors_total{kind="cache"}');

    await server.kill();
    // Every read goes to Twilio, and answers; nothing waits on the dead connection.
    const down = await read(b, person.identity);
    await read(a, person.identity);
    expect(down.user?.identity).toBe(person.identity);
    expect(await stack.emulator.requestLines()).toEqual([...once, ...once, ...once]);
    expect(await metric(a, 'redis_errors_total{kind="cache"}')).toBeGreaterThan(errorsBefore);
    // A write whose invalidation cannot reach Redis still reports what Twilio did.
    const email = `while-down-${Date.now()}@example.com`;
    const updated = await a.execute<{
      updateFlexUser: { userErrors: unknown[]; flexUser: { email: string } | null };
    }>(
      `mutation ($sid: FlexUserSid!, $email: String!) {
        updateFlexUser(input: { sid: $sid, email: $email }) { userErrors { message } flexUser { email } }
      }`,
      { sid: person.flexUserSid, email },
    );
    expect(expectData(updated).updateFlexUser).toEqual({ userErrors: [], flexUser: { email } });

    await server.start();
    const isUp = async (replica: Replica) => (await metric(replica, 'redis_up')) === 1;
    await waitFor(async () => (await isUp(a)) && (await isUp(b)), 'both back on Redis', 10_000);
    expect((await read(b, person.identity)).user?.flexUser?.email).toBe(email);
    // Another person: the one just written is not cached again within a request budget (the
    // invalidation, sent again on reconnecting, holds off reads that began before the write).
    const other = await freshPerson();
    await read(a, other.identity);
    await stack.emulator.clearRequests();
    await read(b, other.identity);
    await read(a, other.identity);
    expect(await stack.emulator.requestLines()).toEqual([]);
  });
});

describe.skipIf('skip' in redis)('the shared read cache after its TTL', () => {
  let server: RedisServer;
  let stack: Replicas;

  beforeAll(async () => {
    server = await startRedis(redis as { path: string });
    stack = await startReplicas({
      count: 2,
      seedUsers: 20,
      redisUrl: server.url,
      env: { CACHE_TTL_SECONDS: '1' },
    });
  });
  afterAll(async () => {
    await stack?.close();
    await server?.stop();
  });

  it('costs one more call per resource once the TTL has passed', async () => {
    const [a, b] = stack.replicas as [Replica, Replica];
    const person = await stack.emulator.person({ flex: true, conversations: true });
    const isUp = async (replica: Replica) => (await metric(replica, 'redis_up')) === 1;
    await waitFor(async () => (await isUp(a)) && (await isUp(b)), 'both replicas on Redis');
    await stack.emulator.clearRequests();
    await read(a, person.identity);
    const once = await stack.emulator.requestLines();
    // Longer than the TTL, whatever the machine's load: the entries have expired in Redis.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await read(b, person.identity);
    expect(counts(await stack.emulator.requestLines())).toEqual(
      Object.fromEntries(once.map((line) => [line, 2])),
    );
  });
});
