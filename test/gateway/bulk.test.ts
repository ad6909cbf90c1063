import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LoggedRequest } from '../../emulator/index.js';
import { aStringMatching, expectData } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';

const BULK_CONCURRENCY = 4;
const BULK_MAX_ITEMS = 100;

const PROVISION_MANY = /* GraphQL */ `
  mutation ($input: ProvisionFlexUsersInput!) {
    provisionFlexUsers(input: $input) {
      userErrors {
        field
        code
      }
      results {
        index
        outcome
        userErrors {
          field
          code
        }
        error {
          code
          twilioCode
          status
        }
        flexUser {
          sid
          username
          email
        }
      }
      succeeded
      failed
    }
  }
`;

const UPDATE_MANY = /* GraphQL */ `
  mutation ($input: UpdateFlexUsersInput!) {
    updateFlexUsers(input: $input) {
      userErrors {
        field
        code
      }
      results {
        index
        outcome
        userErrors {
          field
          code
        }
        error {
          code
          twilioCode
          status
        }
        flexUser {
          sid
          locale
        }
      }
      succeeded
      failed
    }
  }
`;

interface BulkView {
  userErrors: { field: string[] | null; code: string }[];
  results: {
    index: number;
    outcome: string;
    userErrors: { field: string[] | null; code: string }[];
    error: { code: string; twilioCode: number | null; status: number | null } | null;
    flexUser: Record<string, string | null> | null;
  }[];
  succeeded: number;
  failed: number;
}

const newUser = (tag: string, i: number) => ({
  username: `bulk.${tag}.${i}@owlbank.example`,
  email: `bulk.${tag}.${i}@owlbank.example`,
  fullName: `Bulk ${tag} ${i}`,
  roles: ['AGENT'],
});

const PROVISION_PATH = /\/v4\/Instances\/GO[0-9a-f]{32}\/Users\/Provision$/;
const isProvision = (request: LoggedRequest) =>
  request.method === 'POST' && PROVISION_PATH.test(request.path);

describe('bulk provisioning and updates', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({
      seedUsers: 60,
      env: {
        BULK_CONCURRENCY: String(BULK_CONCURRENCY),
        BULK_MAX_ITEMS: String(BULK_MAX_ITEMS),
        TWILIO_RETRIES: '2',
      },
    });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.emulator.clearRequests());
  afterEach(() => stack.emulator.setFaults({}));

  const provisionMany = async (users: unknown[]) =>
    expectData(
      await stack.execute<{ provisionFlexUsers: BulkView }>(PROVISION_MANY, { input: { users } }),
    ).provisionFlexUsers;
  const updateMany = async (users: unknown[]) =>
    expectData(
      await stack.execute<{ updateFlexUsers: BulkView }>(UPDATE_MANY, { input: { users } }),
    ).updateFlexUsers;

  it('provisions every user, a few at a time, and reports each in input order', async () => {
    // Latency makes calls overlap, so the emulator's peak shows how many were sent at once.
    await stack.emulator.setFaults({ latencyMs: 40 });
    const users = Array.from({ length: 12 }, (_, i) => newUser('many', i));
    const payload = await provisionMany(users);
    expect(payload).toEqual({
      userErrors: [],
      results: users.map((user, index) => ({
        index,
        outcome: 'OK',
        userErrors: [],
        error: null,
        flexUser: { sid: aStringMatching(/^FU/), username: user.username, email: user.email },
      })),
      succeeded: 12,
      failed: 0,
    });
    const requests = await stack.emulator.requests();
    expect(requests.filter(isProvision)).toHaveLength(12);
    expect(requests).toHaveLength(12);
    const [account] = stack.emulator.accounts;
    const { peak } = (await stack.emulator.concurrency())[account!.accountSid]!;
    // In parallel, never more than BULK_CONCURRENCY at once (latency 40 ms per call).
    expect(peak).toBeGreaterThan(1);
    expect(peak).toBeLessThanOrEqual(BULK_CONCURRENCY);
    const seeded = await stack.emulator.people({ flex: true, limit: 100_000 });
    for (const user of users) {
      expect(seeded.filter((person) => person.identity === user.username)).toHaveLength(1);
    }
  });

  it('checks every item before sending any: one bad item and nothing is sent, every problem reported', async () => {
    const users = [
      newUser('bad', 0),
      { ...newUser('bad', 1), email: 'not-an-email' },
      newUser('bad', 2),
      { ...newUser('bad', 3), fullName: ' ', roles: [] },
      newUser('bad', 0),
    ];
    const payload = await provisionMany(users);
    expect(payload).toEqual({
      userErrors: [
        { field: ['input', 'users', '4', 'username'], code: 'INVALID' },
        { field: ['input', 'users', '1', 'email'], code: 'INVALID' },
        { field: ['input', 'users', '3', 'fullName'], code: 'REQUIRED' },
        { field: ['input', 'users', '3', 'roles'], code: 'REQUIRED' },
      ],
      results: [],
      succeeded: 0,
      failed: 0,
    });
    expect(await stack.emulator.requestLines()).toEqual([]);
  });

  it('refuses more than BULK_MAX_ITEMS users, and an empty list, without calling Twilio', async () => {
    const tooMany = await provisionMany(
      Array.from({ length: BULK_MAX_ITEMS + 1 }, (_, i) => newUser('max', i)),
    );
    expect(tooMany.userErrors).toEqual([{ field: ['input', 'users'], code: 'INVALID' }]);
    const none = await provisionMany([]);
    expect(none.userErrors).toEqual([{ field: ['input', 'users'], code: 'REQUIRED' }]);
    expect(await stack.emulator.requestLines()).toEqual([]);
  });

  it('waits out Twilio’s Retry-After on a 429 and then provisions the refused users', async () => {
    await stack.emulator.setFaults({
      rateLimitRate: 1,
      retryAfterSeconds: 1,
      times: 2,
      path: 'Users/Provision$',
    });
    const users = Array.from({ length: 3 }, (_, i) => newUser('retry', i));
    const payload = await provisionMany(users);
    expect(payload.results.map((result) => result.outcome)).toEqual(['OK', 'OK', 'OK']);
    const provisions = (await stack.emulator.requests()).filter(isProvision);
    expect(provisions.map((request) => request.status).sort()).toEqual([201, 201, 201, 429, 429]);
    const refusedAt = Math.max(
      ...provisions.filter((r) => r.status === 429).map((r) => Date.parse(r.time)),
    );
    // The three first attempts arrive together; the two retries only after the Retry-After.
    const retries = provisions.slice(3);
    expect(retries).toHaveLength(2);
    for (const retry of retries) {
      expect(Date.parse(retry.time) - refusedAt).toBeGreaterThanOrEqual(950);
    }
  });

  it('reports each item’s own outcome: one failing, one unknown, the others changed', async () => {
    const seeded = await stack.emulator.people({ flex: true, deactivated: false, limit: 4 });
    const [failing, ...fine] = seeded;
    const unknown = 'FU' + '0'.repeat(32);
    await stack.emulator.setFaults({
      errorRate: 1,
      errorStatus: 503,
      path: `/Users/${failing!.flexUserSid}$`,
    });
    const payload = await updateMany([
      { sid: fine[0]!.flexUserSid, locale: 'fr-FR' },
      { sid: failing!.flexUserSid, locale: 'fr-FR' },
      { sid: unknown, locale: 'fr-FR' },
      { sid: fine[1]!.flexUserSid, locale: 'fr-FR' },
      { sid: fine[2]!.flexUserSid, locale: 'fr-FR' },
    ]);
    expect(payload.results.map(({ index, outcome }) => [index, outcome])).toEqual([
      [0, 'OK'],
      [1, 'FAILED'],
      [2, 'USER_ERRORS'],
      [3, 'OK'],
      [4, 'OK'],
    ]);
    expect(payload.results[1]!.error).toEqual({
      code: 'UPSTREAM_ERROR',
      twilioCode: 20503,
      status: 503,
    });
    expect(payload.results[2]!.userErrors).toEqual([
      { field: ['input', 'users', '2', 'sid'], code: 'NOT_FOUND' },
    ]);
    expect(payload.userErrors).toEqual(payload.results[2]!.userErrors);
    expect([payload.succeeded, payload.failed]).toEqual([3, 2]);
    // An update is not idempotent: the 503 is not retried.
    const lines = await stack.emulator.requestLines();
    expect(lines.filter((line) => line.endsWith(failing!.flexUserSid!))).toHaveLength(1);
    await stack.emulator.setFaults({});
    const after = await stack.execute<{ flexUser: { locale: string } }>(
      `query ($sid: FlexUserSid!) { flexUser(sid: $sid) { locale } }`,
      { sid: fine[2]!.flexUserSid },
    );
    expect(expectData(after).flexUser.locale).toBe('fr-FR');
  });

  it('retries an update Twilio answered 429, which Twilio never processed', async () => {
    const [person] = await stack.emulator.people({ flex: true, deactivated: false, limit: 1 });
    await stack.emulator.setFaults({
      rateLimitRate: 1,
      retryAfterSeconds: 0,
      times: 1,
      path: `/Users/${person!.flexUserSid}$`,
    });
    const payload = await updateMany([{ sid: person!.flexUserSid, locale: 'de-DE' }]);
    expect(payload.results[0]).toMatchObject({ outcome: 'OK', flexUser: { locale: 'de-DE' } });
    const updates = (await stack.emulator.requests()).filter((r) => r.method === 'POST');
    expect(updates.map((r) => r.status)).toEqual([429, 200]);
  });

  it('counts every item in the operation’s cost, whatever was asked before', async () => {
    // 29 aliased joins per item: about 60 cost per item, so 1 item passes and 100 do not.
    const joins = Array.from(
      { length: 29 },
      (_, i) => `j${i}: flexUser { conversationsUser { sid } }`,
    ).join('\n');
    const costly = `mutation ($input: ProvisionFlexUsersInput!) {
      provisionFlexUsers(input: $input) { results { ${joins} } } }`;
    const one = await stack.execute(costly, { input: { users: [newUser('cost', 0)] } });
    expect(one.errors).toBeUndefined();
    await stack.emulator.clearRequests();
    const many = await stack.execute(costly, {
      input: { users: Array.from({ length: BULK_MAX_ITEMS }, (_, i) => newUser('cost', i)) },
    });
    expect(many.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(await stack.emulator.requestLines()).toEqual([]);
  });
});

describe('bulk calls under the account budget and the call cap', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({
      seedUsers: 40,
      env: {
        BULK_CONCURRENCY: '8',
        TWILIO_ACCOUNT_CONCURRENCY: '3',
        REQUEST_MAX_UPSTREAM_CALLS: '6',
      },
    });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.emulator.clearRequests());
  afterEach(() => stack.emulator.setFaults({}));

  const provisionMany = async (users: unknown[]) =>
    expectData(
      await stack.execute<{ provisionFlexUsers: BulkView }>(PROVISION_MANY, { input: { users } }),
    ).provisionFlexUsers;

  it('never has more calls in flight than the account’s budget, whatever BULK_CONCURRENCY says', async () => {
    await stack.emulator.setFaults({ latencyMs: 40 });
    const payload = await provisionMany(Array.from({ length: 6 }, (_, i) => newUser('budget', i)));
    expect(payload.succeeded).toBe(6);
    const [account] = stack.emulator.accounts;
    const { peak } = (await stack.emulator.concurrency())[account!.accountSid]!;
    expect(peak).toBeGreaterThan(1);
    expect(peak).toBeLessThanOrEqual(3);
  });

  it('reports the items past the request’s call cap as failed, and the others as done', async () => {
    const payload = await provisionMany(Array.from({ length: 8 }, (_, i) => newUser('cap', i)));
    expect([payload.succeeded, payload.failed]).toEqual([6, 2]);
    const failed = payload.results.filter((result) => result.outcome === 'FAILED');
    expect(failed.map((result) => result.error?.code)).toEqual([
      'TOO_MANY_UPSTREAM_CALLS',
      'TOO_MANY_UPSTREAM_CALLS',
    ]);
    expect((await stack.emulator.requests()).filter(isProvision)).toHaveLength(6);
  });
});
