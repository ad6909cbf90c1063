// The scaled deployment end to end: Hive Gateway's router in front, a round-robin balancer, two
// gateway replicas sharing one Redis, and the emulator as Twilio. What one replica learns or
// changes, the other sees: reads cost Twilio once per resource across both, and a write through
// one is never followed by a stale read through the other.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { gatewaySdl } from '../../.ci/compose.js';
import type { SeededPerson } from '../../emulator/types.js';
import { basicAuth, expectData } from '../helpers/graphql.js';
import { redisOrSkip, startRedis, type RedisServer } from '../helpers/redis.js';
import { startReplicas, type Replicas } from '../helpers/replicas.js';
import { startRoundRobin, type RoundRobin } from '../helpers/round-robin.js';
import { startRouter, type Router } from '../helpers/router.js';
import { waitFor } from '../helpers/wait-for.js';

const redis = redisOrSkip();

const PERSON = /* GraphQL */ `
  query Person($identity: String!) {
    user(identity: $identity) {
      identity
      flexUser {
        sid
        email
      }
      conversationsUser {
        sid
        friendlyName
      }
    }
  }
`;

interface PersonData {
  user: {
    identity: string;
    flexUser: { sid: string; email: string | null } | null;
    conversationsUser: { sid: string; friendlyName: string | null } | null;
  } | null;
}

const UPDATE = /* GraphQL */ `
  mutation Update($sid: FlexUserSid!, $email: String!) {
    updateFlexUser(input: { sid: $sid, email: $email }) {
      userErrors {
        message
      }
      flexUser {
        email
      }
    }
  }
`;

describe.skipIf('skip' in redis)('router → balancer → two replicas sharing Redis', () => {
  let server: RedisServer;
  let stack: Replicas;
  let balancer: RoundRobin;
  let router: Router;
  let people: SeededPerson[];
  let headers: Record<string, string>;

  beforeAll(async () => {
    server = await startRedis(redis as { path: string });
    // Credentials required, so the router must pass the client's Authorization on.
    stack = await startReplicas({
      count: 2,
      seedUsers: 60,
      redisUrl: server.url,
      env: { AUTH_OPEN: 'false' },
    });
    const [account] = stack.emulator.accounts;
    headers = { authorization: basicAuth(account!.accountSid, account!.authToken) };
    for (const replica of stack.replicas) {
      await waitFor(async () => {
        const text = await (await fetch(`${replica.url}/metrics`)).text();
        return /^redis_up 1/m.test(text);
      }, 'the replica is on Redis');
    }
    balancer = await startRoundRobin(stack.replicas.map((replica) => replica.url));
    router = await startRouter({
      subgraphs: [{ name: 'identity', url: `${balancer.url}/graphql`, sdl: gatewaySdl() }],
    });
    people = await stack.emulator.people({ flex: true, conversations: true, limit: 4 });
  });
  afterAll(async () => {
    await router?.close();
    await balancer?.close();
    await stack?.close();
    await server?.stop();
  });
  beforeEach(() => stack.emulator.clearRequests());

  const read = async (identity: string) =>
    expectData(await router.execute<PersonData>(PERSON, { identity }, { headers })).user;

  it('reads a person through replica A, then B, at one Twilio call per resource', async () => {
    const person = people[0]!;
    const before = balancer.served.length;
    balancer.next(0);
    const first = await read(person.identity);
    const fetched = await stack.emulator.requestLines();
    await stack.emulator.clearRequests();
    const second = await read(person.identity);

    expect(balancer.served.slice(before)).toEqual([0, 1]);
    expect(second).toEqual(first);
    expect(first?.flexUser?.sid).toBe(person.flexUserSid);
    expect(first?.conversationsUser?.sid).toBe(person.userSid);
    // A fetched each resource once (Flex by username, the Conversations user by identity, each
    // in both of Flex's identity forms where they differ); B answered from Redis, calling no one.
    expect(fetched.length).toBeGreaterThanOrEqual(2);
    expect(new Set(fetched).size).toBe(fetched.length);
    expect(await stack.emulator.requestLines()).toEqual([]);
  });

  it('shows a write through replica A on the next read through B, with no stale window', async () => {
    const person = people[1]!;
    balancer.next(1);
    // Warm B's view (and Redis) with the old record first.
    const old = await read(person.identity);
    expect(old?.flexUser?.email).toEqual(expect.any(String));

    const email = `moved.${Date.now()}@example.test`;
    balancer.next(0);
    const updated = await router.execute<{
      updateFlexUser: { userErrors: unknown[]; flexUser: { email: string } | null };
    }>(UPDATE, { sid: person.flexUserSid, email }, { headers });
    expect(expectData(updated).updateFlexUser).toEqual({ userErrors: [], flexUser: { email } });

    balancer.next(1);
    const after = await read(person.identity);
    expect(after?.flexUser?.email).toBe(email);
  });

  it('answers through the router without credentials with UNAUTHENTICATED, and calls no one', async () => {
    const result = await router.execute<PersonData>(PERSON, { identity: people[2]!.identity });
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await stack.emulator.requestLines()).toEqual([]);
  });
});
