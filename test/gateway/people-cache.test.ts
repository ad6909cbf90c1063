import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectData } from '../helpers/graphql.js';
import { redisOrSkip, startRedis, type RedisServer } from '../helpers/redis.js';
import { startReplicas, type Replica, type Replicas } from '../helpers/replicas.js';
import { waitFor } from '../helpers/wait-for.js';

const redis = redisOrSkip();

const SEARCH = /* GraphQL */ `
  query ($filter: PeopleFilter, $first: Int) {
    people(filter: $filter, first: $first) {
      nodes {
        identity
      }
      scannedPages
      scannedUsers
    }
  }
`;

const PROVISION = /* GraphQL */ `
  mutation ($input: ProvisionFlexUserInput!) {
    provisionFlexUser(input: $input) {
      userErrors {
        message
      }
      flexUser {
        sid
      }
    }
  }
`;

interface SearchView {
  people: { nodes: { identity: string }[]; scannedPages: number; scannedUsers: number };
}

/** A search no seeded person matches: it reads the whole list, every page of it. */
const NOBODY = { filter: { nameContains: 'Zebulon Quux' }, first: 5 };

/**
 * The `people` search through the read cache, on replicas sharing one cache: the first searches,
 * the last repeats (the same gateway in process; another replica with Redis).
 */
function searchCacheSuite(start: () => Promise<{ stack: Replicas; stop?: () => Promise<void> }>) {
  let stack: Replicas;
  let stop: (() => Promise<void>) | undefined;
  let first: Replica;
  let last: Replica;
  let listLines: () => Promise<string[]>;

  const search = async (replica: Replica, variables = NOBODY, headers?: Record<string, string>) =>
    expectData(await replica.execute<SearchView>(SEARCH, variables, { headers })).people;

  beforeAll(async () => {
    ({ stack, stop } = await start());
    first = stack.replicas[0]!;
    last = stack.replicas.at(-1)!;
    const account = stack.emulator.accounts[0]!;
    const list = `GET /v1/Instances/${account.flexInstanceSid}/Users?`;
    listLines = async () =>
      (await stack.emulator.requestLines()).filter((line) => line.startsWith(list));
  });
  afterAll(async () => {
    await stack?.close();
    await stop?.();
  });
  beforeEach(() => stack.emulator.clearRequests());

  it('answers a repeated search with no Twilio call, and the same people', async () => {
    const fresh = await search(first);
    expect(fresh.scannedPages).toBe(2);
    expect(await listLines()).toHaveLength(2);
    await stack.emulator.clearRequests();
    const again = await search(last);
    expect(again).toEqual(fresh);
    expect(await stack.emulator.requestLines()).toEqual([]);
  });

  it('reads Twilio again for a request that says Cache-Control: no-cache', async () => {
    await search(first);
    await stack.emulator.clearRequests();
    await search(last, NOBODY, { 'cache-control': 'no-cache' });
    expect(await listLines()).toHaveLength(2);
  });

  it('scans Twilio again after a Flex write through the gateway, and finds what it wrote', async () => {
    await search(first);
    const username = `zebulon.quux.${stack.replicas.length}@owlbank.example`;
    const provisioned = expectData(
      await first.execute<{ provisionFlexUser: { userErrors: unknown[] } }>(PROVISION, {
        input: { username, email: username, fullName: 'Zebulon Quux', roles: ['AGENT'] },
      }),
    );
    expect(provisioned.provisionFlexUser.userErrors).toEqual([]);
    await stack.emulator.clearRequests();
    const after = await search(last);
    expect(after.nodes).toEqual([{ identity: username }]);
    expect(await listLines()).toHaveLength(2);
  });
}

describe('people search through the in-process read cache', () => {
  searchCacheSuite(async () => ({ stack: await startReplicas({ count: 1, seedUsers: 1500 }) }));
});

describe.skipIf('skip' in redis)('people search through the read cache in Redis', () => {
  let server: RedisServer;
  searchCacheSuite(async () => {
    server = await startRedis(redis as { path: string });
    const stack = await startReplicas({ count: 2, seedUsers: 1500, redisUrl: server.url });
    const up = async (replica: Replica) =>
      (await (await fetch(`${replica.url}/metrics`)).text()).includes('\nredis_up 1');
    await waitFor(
      async () => (await Promise.all(stack.replicas.map(up))).every(Boolean),
      'every replica on Redis',
    );
    return { stack, stop: () => server.stop() };
  });
});
