import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectData } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';

const PERSON = /* GraphQL */ `
  query ($id: String!) {
    user(identity: $id) {
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
    flexUser: { sid: string; email: string | null } | null;
    conversationsUser: { sid: string; friendlyName: string | null } | null;
  } | null;
}

const read = async (stack: Stack, identity: string) =>
  expectData(await stack.execute<PersonData>(PERSON, { id: identity }));

describe('the in-process read cache (no REDIS_URL)', () => {
  let stack: Stack;
  let next = 0;
  const freshPerson = async () => {
    const person = (await stack.emulator.people({ flex: true, conversations: true }))[next++];
    if (!person) throw new Error('the seed has too few people');
    return person;
  };

  beforeAll(async () => {
    stack = await startStack({ seedUsers: 40 });
  });
  afterAll(() => stack.close());
  beforeEach(async () => {
    await stack.emulator.setFaults({});
    await stack.emulator.clearRequests();
  });

  it('answers a person read again from the cache, at no Twilio call', async () => {
    const person = await freshPerson();
    const first = await read(stack, person.identity);
    const once = await stack.emulator.requestLines();
    expect(once.length).toBeGreaterThanOrEqual(2);
    expect(await read(stack, person.identity)).toEqual(first);
    expect(await stack.emulator.requestLines()).toEqual(once);
  });

  it('shares one fetch between concurrent misses for the same person', async () => {
    const person = await freshPerson();
    // Slow answers, so that all three requests miss while the first one's calls are in flight.
    await stack.emulator.setFaults({ latencyMs: 200 });
    const answers = await Promise.all([1, 2, 3].map(() => read(stack, person.identity)));
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    const lines = await stack.emulator.requestLines();
    expect(new Set(lines).size).toBe(lines.length);
  });

  it('forgets a Flex user and its Conversations user when the Flex user is updated', async () => {
    const person = await freshPerson();
    await read(stack, person.identity);
    const email = `local-${Date.now()}@example.com`;
    const updated = await stack.execute<{ updateFlexUser: { userErrors: unknown[] } }>(
      `mutation ($sid: FlexUserSid!, $email: String!) {
        updateFlexUser(input: { sid: $sid, email: $email }) { userErrors { message } }
      }`,
      { sid: person.flexUserSid, email },
    );
    expect(expectData(updated).updateFlexUser.userErrors).toEqual([]);
    await stack.emulator.clearRequests();
    expect((await read(stack, person.identity)).user?.flexUser?.email).toBe(email);
    const lines = await stack.emulator.requestLines();
    expect(lines.some((line) => line.includes('Username='))).toBe(true);
    expect(lines.some((line) => line.startsWith('GET /v1/Users/'))).toBe(true);
  });

  it('keeps "no such user" for a short while too', async () => {
    const person = (await stack.emulator.people({ flex: false, conversations: true }))[0]!;
    expect((await read(stack, person.identity)).user?.flexUser).toBeNull();
    const once = await stack.emulator.requestLines();
    expect(once.some((line) => line.includes('Username='))).toBe(true);
    await read(stack, person.identity);
    expect(await stack.emulator.requestLines()).toEqual(once);
  });
});

describe('CACHE_TTL_SECONDS=0', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ seedUsers: 20, env: { CACHE_TTL_SECONDS: '0' } });
  });
  afterAll(() => stack.close());

  it('caches nothing across requests', async () => {
    const person = await stack.emulator.person({ flex: true, conversations: true });
    await stack.emulator.clearRequests();
    await read(stack, person.identity);
    const once = await stack.emulator.requestLines();
    await read(stack, person.identity);
    expect(await stack.emulator.requestLines()).toEqual([...once, ...once]);
    const metrics = await (await fetch(`${stack.url}/metrics`)).text();
    expect(metrics).not.toMatch(/^twilio_cache_(hits|misses)_total\{/m);
  });
});
