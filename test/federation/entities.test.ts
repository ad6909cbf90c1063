import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EmulatorAccount } from '../../emulator/index.js';
import { alternateIdentity } from '../../resolvers/flex-identity.js';
import { expectData } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';

const ENTITIES = /* GraphQL */ `
  query Entities($representations: [_Any!]!) {
    _entities(representations: $representations) {
      __typename
      ... on User {
        identity
        conversationsUser {
          sid
        }
      }
      ... on FlexUser {
        # FlexUserSid and UserSid may not share a response key (routers alias them too).
        flexUserSid: sid
        username
      }
      ... on ConversationsUser {
        sid
        identity
      }
      ... on ChatUser {
        sid
        serviceSid
        identity
      }
    }
  }
`;

type Entity = Record<string, unknown> | null;
type EntitiesResult = { _entities: Entity[] };

describe('Query._entities', () => {
  let stack: Stack;
  let account: EmulatorAccount;
  const entities = (representations: unknown[]) =>
    stack.execute<EntitiesResult>(ENTITIES, { representations });

  beforeAll(async () => {
    // Each test counts its own request's Twilio calls: the cross-request cache would serve
    // repeats of earlier tests' reads.
    stack = await startStack({ seedUsers: 40, env: { CACHE_TTL_SECONDS: '0' } });
    account = stack.emulator.accounts[0]!;
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.emulator.clearRequests());
  afterEach(() => stack.emulator.setFaults({}));

  it('serves the subgraph SDL with every key, @shareable PageInfo and the Federation v2 link', async () => {
    const sdl = expectData(
      await stack.execute<{ _service: { sdl: string } }>('{ _service { sdl } }'),
    )._service.sdl;
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.9"');
    for (const [type, key] of [
      ['User', 'identity'],
      ['FlexUser', 'sid'],
      ['ConversationsUser', 'sid'],
      ['ChatUser', 'serviceSid sid'],
    ]) {
      expect(sdl).toMatch(new RegExp(`extend type ${type}\\s+@key\\(fields: "${key}"\\)`));
    }
    expect(sdl).toMatch(/type PageInfo\s+@shareable/);
    expect(await stack.emulator.requestLines()).toEqual([]);
  });

  it('sends no inline trace (ftv1), which a subgraph schema would turn on, even when asked', async () => {
    const response = await fetch(stack.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-federation-include-trace': 'ftv1' },
      body: JSON.stringify({ query: '{ users(identities: ["someone"]) { identity } }' }),
    });
    expect(await response.json()).toEqual({ data: { users: [{ identity: 'someone' }] } });
  });

  it('resolves many representations of every entity in one wave, each distinct key fetched once', async () => {
    const people = await stack.emulator.people({ conversations: true, limit: 5 });
    const [a, b, c, f, g] = people as [
      (typeof people)[0],
      (typeof people)[0],
      (typeof people)[0],
      (typeof people)[0],
      (typeof people)[0],
    ];
    const [d, e] = await stack.emulator.people({ flex: true, limit: 2 });
    const service = g.chatServiceSids[0]!;
    const representations = [
      { __typename: 'User', identity: a.identity },
      { __typename: 'FlexUser', sid: d!.flexUserSid },
      { __typename: 'User', identity: b.identity },
      { __typename: 'ConversationsUser', sid: f.userSid },
      { __typename: 'User', identity: a.identity },
      { __typename: 'ChatUser', serviceSid: service, sid: g.userSid },
      { __typename: 'FlexUser', sid: e!.flexUserSid },
      { __typename: 'User', identity: c.identity },
      { __typename: 'FlexUser', sid: d!.flexUserSid },
    ];
    // Answers slow enough that calls of a second wave would find the first one's answered.
    await stack.emulator.setFaults({ latencyMs: 1000 });

    const data = expectData(await entities(representations));

    const user = (person: typeof a) => ({
      __typename: 'User',
      identity: person.identity,
      conversationsUser: { sid: person.userSid },
    });
    const flexUser = (person: typeof a) => ({
      __typename: 'FlexUser',
      flexUserSid: person.flexUserSid,
      username: person.identity,
    });
    expect(data._entities).toEqual([
      user(a),
      flexUser(d!),
      user(b),
      { __typename: 'ConversationsUser', sid: f.userSid, identity: f.identity },
      user(a),
      { __typename: 'ChatUser', sid: g.userSid, serviceSid: service, identity: g.identity },
      flexUser(e!),
      user(c),
      flexUser(d!),
    ]);
    const calls = [
      // A User joins by identity: Flex's other form of an identity is asked in the same wave.
      ...[a, b, c].flatMap((person) =>
        [person.identity, alternateIdentity(person.identity)]
          .filter((identity) => identity !== null)
          .map((identity) => `GET /v1/Users/${identity}`),
      ),
      ...[d!, e!].map(
        (person) => `GET /v2/Instances/${account.flexInstanceSid}/Users/${person.flexUserSid}`,
      ),
      `GET /v1/Users/${f.userSid}`,
      `GET /v2/Services/${service}/Users/${g.userSid}`,
    ];
    expect((await stack.emulator.requestLines()).sort()).toEqual(calls.sort());
    // One wave: every call was in flight at the same time.
    expect((await stack.emulator.concurrency())[account.accountSid]?.peak).toBe(calls.length);
  });

  it('answers null for a representation Twilio does not know, beside the ones it knows', async () => {
    const person = await stack.emulator.person({ conversations: true });
    const unknownFlexUser = `FU${'0'.repeat(32)}`;
    const unknownUser = `US${'0'.repeat(32)}`;
    const result = await entities([
      { __typename: 'FlexUser', sid: unknownFlexUser },
      { __typename: 'ConversationsUser', sid: person.userSid },
      { __typename: 'ConversationsUser', sid: unknownUser },
      { __typename: 'ChatUser', serviceSid: account.chatServiceSids[0], sid: unknownUser },
    ]);
    expect(expectData(result)._entities).toEqual([
      null,
      { __typename: 'ConversationsUser', sid: person.userSid, identity: person.identity },
      null,
      null,
    ]);
    expect((await stack.emulator.requestLines()).sort()).toEqual(
      [
        `GET /v2/Instances/${account.flexInstanceSid}/Users/${unknownFlexUser}`,
        `GET /v1/Users/${person.userSid}`,
        `GET /v1/Users/${unknownUser}`,
        `GET /v2/Services/${account.chatServiceSids[0]}/Users/${unknownUser}`,
      ].sort(),
    );
  });

  it('refuses each malformed representation at its own index, before any call for it', async () => {
    const person = await stack.emulator.person({ conversations: true });
    const result = await entities([
      { __typename: 'FlexUser', sid: 'FU12' },
      { __typename: 'ConversationsUser', sid: person.userSid },
      { __typename: 'ChatUser', sid: person.userSid },
      { __typename: 'Staff', identity: person.identity },
      { __typename: 'FlexUserConnection' },
      { __typename: 'User', identity: '..' },
      { __typename: 'ConversationsUser', sid: 42 },
    ]);

    expect(result.data).toEqual({
      _entities: [
        null,
        { __typename: 'ConversationsUser', sid: person.userSid, identity: person.identity },
        null,
        null,
        null,
        null,
        null,
      ],
    });
    const refusal = (index: number, message: string) => ({
      message: `Representation ${index}: ${message}`,
      path: ['_entities', index],
      locations: [{ line: 3, column: 5 }],
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(result.errors).toEqual([
      refusal(0, 'FlexUser.sid must be a Flex user SID (FU + 32 hex digits), got "FU12"'),
      refusal(2, 'ChatUser.serviceSid is missing (expected a string, got undefined)'),
      refusal(
        3,
        'expected __typename to be one of User, FlexUser, ConversationsUser, ChatUser, got "Staff"',
      ),
      refusal(
        4,
        'expected __typename to be one of User, FlexUser, ConversationsUser, ChatUser, got "FlexUserConnection"',
      ),
      refusal(5, 'User.identity must not be only dots, got ".."'),
      refusal(6, 'ConversationsUser.sid is missing (expected a string, got 42)'),
    ]);
    expect(await stack.emulator.requestLines()).toEqual([`GET /v1/Users/${person.userSid}`]);
  });

  it('refuses more than 100 representations before any upstream call', async () => {
    const people = await stack.emulator.people({ conversations: true, limit: 1 });
    const representations = Array.from({ length: 101 }, (_, i) => ({
      __typename: 'User',
      identity: `${people[0]!.identity}-${i}`,
    }));
    const result = await entities(representations);
    expect(result.data).toBeNull();
    expect(result.errors).toEqual([
      {
        message: '_entities takes at most 100 representations, got 101',
        path: ['_entities'],
        locations: [{ line: 3, column: 5 }],
        extensions: { code: 'BAD_USER_INPUT' },
      },
    ]);
    expect(await stack.emulator.requestLines()).toEqual([]);

    const atTheCap = await entities(representations.slice(0, 100));
    expect(expectData(atTheCap)._entities).toHaveLength(100);
  });

  it('counts each representation in the operation cost', async () => {
    // About 86 per representation (each chatUsers costs once per chat service, plus one).
    const PERSON = /* GraphQL */ `
      query Expensive($representations: [_Any!]!) {
        _entities(representations: $representations) {
          ... on User {
            chatUsers {
              conversationsUser {
                chatUsers {
                  flexUser {
                    chatUsers {
                      sid
                    }
                  }
                }
              }
            }
            flexUser {
              chatUsers {
                conversationsUser {
                  chatUsers {
                    sid
                  }
                }
              }
            }
            conversationsUser {
              chatUsers {
                flexUser {
                  chatUsers {
                    sid
                  }
                }
              }
            }
          }
        }
      }
    `;
    const representations = (count: number) =>
      Array.from({ length: count }, (_, i) => ({ __typename: 'User', identity: `person-${i}` }));

    const refused = await stack.execute(PERSON, { representations: representations(100) });
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(refused.errors?.[0]?.extensions?.cost).toBeGreaterThan(5000);
    expect(await stack.emulator.requestLines()).toEqual([]);

    const few = await stack.execute(PERSON, { representations: representations(2) });
    expect(few.errors).toBeUndefined();
  });
});
