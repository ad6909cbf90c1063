/**
 * When Twilio refuses the credentials a client passed through, the request stops calling Twilio
 * and answers 401 with a challenge; a request never causes more calls than its cap.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EmulatorAccount } from '../../emulator/index.js';
import { basicAuth } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';

const PROFILES = `query ($ids: [String!]!) {
  users(identities: $ids) { flexUser { sid } conversationsUser { sid } chatUsers { sid } }
}`;

describe('credentials Twilio refuses', () => {
  let stack: Stack;
  let account: EmulatorAccount;
  let identities: string[];

  beforeAll(async () => {
    // One call per resource is the subject: the seeded emails are not asked for in Flex's form too.
    stack = await startStack({
      seedUsers: 40,
      env: { AUTH_OPEN: 'false', TWILIO_FLEX_IDENTITY_ESCAPES: 'false' },
    });
    account = stack.emulator.accounts[0] as EmulatorAccount;
    identities = (await stack.emulator.people({ flex: true, limit: 10 })).map((p) => p.identity);
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.emulator.clearRequests());

  const asClient = (password: string) =>
    stack.execute(
      PROFILES,
      { ids: identities },
      {
        headers: {
          authorization: basicAuth(account.accountSid, password),
          'x-flex-instance-sid': account.flexInstanceSid,
          'x-chat-service-sids': account.chatServiceSids.join(','),
        },
      },
    );

  it('answers 401 with a challenge after one refused call, not one per field', async () => {
    const result = await asClient('not-the-token');
    expect(result.status).toBe(401);
    expect(result.headers.get('www-authenticate')).toBe('Basic realm="Twilio account"');
    const codes = new Set(result.errors?.map((e) => e.extensions?.code));
    expect(codes).toEqual(new Set(['UNAUTHENTICATED']));
    expect(result.errors?.[0]?.extensions?.twilio).toMatchObject({ code: 20003, status: 401 });
    const requests = await stack.emulator.requests();
    expect(requests.map((r) => r.status)).toEqual([401]);
  });

  it('answers normally, one call per resource, with the right credentials', async () => {
    const first = await asClient(account.authToken);
    expect(first.status).toBe(200);
    expect(first.errors).toBeUndefined();
    // 10 people: a Flex user, a Conversations user and a Chat user per configured service each.
    const perPerson = 2 + account.chatServiceSids.length;
    expect(await stack.emulator.requests()).toHaveLength(10 * perPerson);
  });
});

describe('the cap on upstream calls per request', () => {
  let stack: Stack;

  beforeAll(async () => {
    // The cap counts calls: with the seeded emails asked for once each, 5 calls find 5 people.
    stack = await startStack({
      seedUsers: 40,
      env: { REQUEST_MAX_UPSTREAM_CALLS: '5', TWILIO_FLEX_IDENTITY_ESCAPES: 'false' },
    });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.emulator.clearRequests());

  it('sends at most the cap and fails the remaining fields with TOO_MANY_UPSTREAM_CALLS', async () => {
    const people = await stack.emulator.people({ conversations: true, limit: 8 });
    const result = await stack.execute<{ users: { conversationsUser: { sid: string } | null }[] }>(
      `query ($ids: [String!]!) { users(identities: $ids) { conversationsUser { sid } } }`,
      { ids: people.map((p) => p.identity) },
    );
    expect(await stack.emulator.requests()).toHaveLength(5);
    const found = result.data?.users.filter((u) => u.conversationsUser !== null);
    expect(found).toHaveLength(5);
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(
      Array(3).fill('TOO_MANY_UPSTREAM_CALLS'),
    );
  });
});
