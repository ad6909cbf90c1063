import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EmulatorAccount, SeededPerson } from '../../emulator/index.js';
import { flexEscape } from '../../resolvers/flex-identity.js';
import { basicAuth, expectData } from '../helpers/graphql.js';
import { loaderWaves, wavesSince } from '../helpers/loader-waves.js';
import { startStack, type Stack } from '../helpers/stack.js';

interface Matched {
  product: string;
  chatServiceSid: string | null;
  identity: string;
  form: string;
}

interface PersonView {
  flexUser: { sid: string; username: string } | null;
  conversationsUser: { sid: string; identity: string } | null;
  chatUsers: { serviceSid: string; identity: string }[];
  matchedIdentities: Matched[];
}

const PERSON = /* GraphQL */ `
  query ($identity: String!) {
    user(identity: $identity) {
      flexUser {
        sid
        username
      }
      conversationsUser {
        sid
        identity
      }
      chatUsers {
        serviceSid
        identity
      }
      matchedIdentities {
        product
        chatServiceSid
        identity
        form
      }
    }
  }
`;

describe('the identity forms Flex uses', () => {
  let stack: Stack;
  let account: EmulatorAccount;
  let people: SeededPerson[];

  beforeAll(async () => {
    stack = await startStack({ env: { TWILIO_FLEX_IDENTITY_ESCAPES: 'true' } });
    account = stack.emulator.accounts[0]!;
    people = await stack.emulator.people();
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.emulator.clearRequests());

  /** A Flex user and the Conversations user the seed gave `rename(identity)`; null when none. */
  const pair = (rename: (flexUsername: string) => string | null) => {
    for (const flex of people.filter((p) => p.flexUserSid && !p.deactivated)) {
      const other = rename(flex.identity);
      const conversations = people.find((p) => p.identity === other && p.userSid && !p.flexUserSid);
      if (conversations) return { flex, conversations };
    }
    throw new Error('the seed has no such pair');
  };

  const LOADERS = ['flexUserByUsername', 'conversationsUser', 'chatUser'];
  const batches = () => loaderWaves(stack, LOADERS);
  const since = wavesSince;

  it('finds an agent whose chat identities are the escaped email, asking both forms in one wave', async () => {
    const { flex, conversations } = pair((username) => flexEscape(username));
    const escaped = conversations.identity;
    // Reading /metrics checks Twilio's hosts (GET /): read it outside the calls counted.
    const before = await batches();
    await stack.emulator.clearRequests();
    const result = await stack.execute<{ user: PersonView }>(PERSON, { identity: flex.identity });
    const lines = await stack.emulator.requestLines();
    const after = await batches();

    const user = expectData(result).user;
    expect(user.flexUser).toEqual({ sid: flex.flexUserSid, username: flex.identity });
    expect(user.conversationsUser).toEqual({ sid: conversations.userSid, identity: escaped });
    expect(user.chatUsers.map((c) => c.identity)).toEqual(
      conversations.chatServiceSids.map(() => escaped),
    );
    expect(user.matchedIdentities).toEqual([
      { product: 'FLEX', chatServiceSid: null, identity: flex.identity, form: 'EXACT' },
      {
        product: 'CONVERSATIONS',
        chatServiceSid: account.defaultChatServiceSid,
        identity: escaped,
        form: 'FLEX_ESCAPED',
      },
      ...conversations.chatServiceSids.map((serviceSid) => ({
        product: 'CHAT',
        chatServiceSid: serviceSid,
        identity: escaped,
        form: 'FLEX_ESCAPED',
      })),
    ]);
    const forms = [flex.identity, escaped];
    expect(lines.sort()).toEqual(
      forms
        .flatMap((identity) => [
          `GET /v4/Instances/${account.flexInstanceSid}/Users?Username=${identity}`,
          `GET /v1/Users/${identity}`,
          ...account.chatServiceSids.map((s) => `GET /v2/Services/${s}/Users/${identity}`),
        ])
        .sort(),
    );
    // Each loader ran one wave holding both forms (and, for Chat, both services): no second trip.
    expect(since(before, after)).toEqual({
      flexUserByUsername: { waves: 1, keys: 2 },
      conversationsUser: { waves: 1, keys: 2 },
      chatUser: { waves: 1, keys: 2 * account.chatServiceSids.length },
    });
  });

  it('finds an agent whose Flex username is the escaped form from the plain identity', async () => {
    const { flex, conversations } = pair((username) => {
      const plain = people.find(
        (p) => flexEscape(p.identity) === username && p.identity !== username,
      );
      return plain?.identity ?? null;
    });
    const result = await stack.execute<{ user: PersonView }>(PERSON, {
      identity: conversations.identity,
    });
    const user = expectData(result).user;
    expect(user.flexUser).toEqual({ sid: flex.flexUserSid, username: flex.identity });
    expect(user.matchedIdentities.slice(0, 2)).toEqual([
      { product: 'FLEX', chatServiceSid: null, identity: flex.identity, form: 'FLEX_ESCAPED' },
      {
        product: 'CONVERSATIONS',
        chatServiceSid: account.defaultChatServiceSid,
        identity: conversations.identity,
        form: 'EXACT',
      },
    ]);
  });

  it('keeps the exact match when both forms exist', async () => {
    const person = people.find(
      (p) => p.flexUserSid && p.userSid && !p.deactivated && p.identity.includes('.'),
    )!;
    const escaped = flexEscape(person.identity);
    // A second Conversations user under the escaped form, made through Twilio's API.
    const created = await fetch(`${stack.emulator.url}/v1/Users`, {
      method: 'POST',
      headers: {
        authorization: basicAuth(account.accountSid, account.authToken),
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ Identity: escaped }).toString(),
    });
    expect(created.status).toBe(201);
    await stack.emulator.clearRequests();
    const result = await stack.execute<{ user: PersonView }>(PERSON, { identity: person.identity });
    const user = expectData(result).user;
    expect(user.conversationsUser).toEqual({ sid: person.userSid, identity: person.identity });
    expect(user.matchedIdentities.filter((m) => m.product === 'CONVERSATIONS')).toEqual([
      {
        product: 'CONVERSATIONS',
        chatServiceSid: account.defaultChatServiceSid,
        identity: person.identity,
        form: 'EXACT',
      },
    ]);
  });

  it('asks once for an identity with nothing to escape', async () => {
    const result = await stack.execute<{ user: { conversationsUser: null } }>(
      `{ user(identity: "plain42") { conversationsUser { sid } } }`,
    );
    expect(expectData(result).user).toEqual({ conversationsUser: null });
    expect(await stack.emulator.requestLines()).toEqual(['GET /v1/Users/plain42']);
  });

  it('counts both forms in the cost limit', async () => {
    const ids = Array.from({ length: 100 }, (_, i) => `p${i}@owlbank.example`);
    const result = await stack.execute(
      /* GraphQL */ `
        query ($ids: [String!]!) {
          users(identities: $ids) {
            conversationsUser {
              sid
            }
            conversations(first: 47) {
              nodes {
                conversationSid
              }
            }
          }
        }
      `,
      { ids },
    );
    // Per person: conversationsUser 2 (both forms), conversations 2 + a page of 47. With one
    // form it would be 1 + 100 × (1 + 1 + 47) = 4901, under the limit.
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_TOO_COSTLY',
      cost: 1 + 100 * (2 + 2 + 47),
    });
    expect(await stack.emulator.requestLines()).toEqual([]);
  });
});
