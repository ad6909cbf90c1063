import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EmulatorAccount } from '../../emulator/index.js';
import { alternateIdentity } from '../../resolvers/flex-identity.js';
import { aString, expectData } from '../helpers/graphql.js';
import { loaderWaves, wavesSince } from '../helpers/loader-waves.js';
import { startStack, type Stack } from '../helpers/stack.js';

describe('upstream calls', () => {
  let stack: Stack;
  let account: EmulatorAccount;

  beforeAll(async () => {
    // Each test counts its own requests' Twilio calls: the cross-request cache (tested in
    // test/shared-state/read-cache*.test.ts) would answer what an earlier test read.
    stack = await startStack({ env: { CACHE_TTL_SECONDS: '0' } });
    account = stack.emulator.accounts[0]!;
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.emulator.clearRequests());

  it('costs one list call plus one call per distinct user, per identity form, per product for a page of 50 Flex users', async () => {
    const loaders = ['conversationsUser', 'chatUser'];
    const before = await loaderWaves(stack, loaders);
    await stack.emulator.clearRequests();
    const result = await stack.execute<{
      flexUsers: {
        nodes: {
          username: string;
          conversationsUser: { sid: string } | null;
          chatUsers: { serviceSid: string }[];
        }[];
      };
    }>(/* GraphQL */ `
      {
        flexUsers(first: 50) {
          nodes {
            username
            conversationsUser {
              sid
            }
            chatUsers {
              serviceSid
            }
          }
        }
      }
    `);
    const { nodes } = expectData(result).flexUsers;
    expect(nodes).toHaveLength(50);
    const usernames = nodes.map((node) => node.username);
    expect(new Set(usernames).size).toBe(50);

    // Flex identity escapes are on by default: an identity with a character to escape is also
    // asked for in its other Flex form (`a.b@x` and `a_2Eb_40x`); `agent_x` has none.
    const forms = usernames.flatMap((username) => {
      const other = alternateIdentity(username);
      return other === null ? [username] : [username, other];
    });
    expect(forms.length).toBeGreaterThan(usernames.length);
    expect(forms.length).toBeLessThan(2 * usernames.length);
    const expected = [
      `GET /v1/Instances/${account.flexInstanceSid}/Users?PageSize=50`,
      ...forms.flatMap((identity) => [
        `GET /v1/Users/${identity}`,
        ...account.chatServiceSids.map(
          (service) => `GET /v2/Services/${service}/Users/${identity}`,
        ),
      ]),
    ];
    expect((await stack.emulator.requestLines()).sort()).toEqual(expected.sort());
    // Both forms of every identity in the same wave: one per loader for the whole page.
    expect(wavesSince(before, await loaderWaves(stack, loaders))).toEqual({
      conversationsUser: { waves: 1, keys: forms.length },
      chatUser: { waves: 1, keys: forms.length * account.chatServiceSids.length },
    });
  });

  it('fetches a person asked for twice in one query, through different paths, only once', async () => {
    const person = await stack.emulator.person({
      flex: true,
      conversations: true,
      deactivated: false,
    });
    const once = /* GraphQL */ `
      query ($identity: String!) {
        user(identity: $identity) {
          flexUser {
            email
          }
          conversationsUser {
            friendlyName
          }
          chatUsers {
            sid
          }
        }
      }
    `;
    expectData(await stack.execute(once, { identity: person.identity }));
    const callsForOnce = (await stack.emulator.requestLines()).sort();
    await stack.emulator.clearRequests();

    const overlapping = /* GraphQL */ `
      query ($identity: String!) {
        a: user(identity: $identity) {
          flexUser {
            email
          }
          conversationsUser {
            friendlyName
          }
          chatUsers {
            sid
          }
        }
        b: user(identity: $identity) {
          flexUser {
            email
          }
          conversationsUser {
            friendlyName
          }
          chatUsers {
            sid
          }
        }
        viaFlex: flexUserByUsername(username: $identity) {
          user {
            identity
          }
          conversationsUser {
            friendlyName
            chatUsers {
              sid
            }
          }
        }
        viaConversations: conversationsUser(identity: $identity) {
          flexUser {
            email
          }
        }
        list: users(identities: [$identity, $identity]) {
          conversationsUser {
            identity
          }
        }
      }
    `;
    expectData(await stack.execute(overlapping, { identity: person.identity }));
    expect((await stack.emulator.requestLines()).sort()).toEqual(callsForOnce);
  });

  it('reads a Flex field missing from the loaded version from the version that has it, only when asked', async () => {
    const person = await stack.emulator.person({
      flex: true,
      conversations: true,
      deactivated: false,
    });
    const flexPath = `/Instances/${account.flexInstanceSid}/Users/${person.flexUserSid}`;

    expectData(
      await stack.execute(
        `query ($sid: FlexUserSid!) { flexUser(sid: $sid) { email userSid url } }`,
        {
          sid: person.flexUserSid,
        },
      ),
    );
    expect(await stack.emulator.requestLines()).toEqual([`GET /v2${flexPath}`]);
    await stack.emulator.clearRequests();

    const result = await stack.execute<{ flexUser: { fullName: string; deactivated: boolean } }>(
      `query ($sid: FlexUserSid!) { flexUser(sid: $sid) { fullName deactivated } }`,
      { sid: person.flexUserSid },
    );
    expect(expectData(result).flexUser).toEqual({
      fullName: aString(),
      deactivated: false,
    });
    expect(await stack.emulator.requestLines()).toEqual([
      `GET /v2${flexPath}`,
      `GET /v4${flexPath}`,
    ]);
  });

  it('serves v4-only fields of a listed Flex user from the list and fetches v2-only ones per user', async () => {
    expectData(
      await stack.execute(`{ flexUsers(first: 5) { nodes { fullName deactivated workerSid } } }`),
    );
    expect(await stack.emulator.requestLines()).toEqual([
      `GET /v1/Instances/${account.flexInstanceSid}/Users?PageSize=5`,
    ]);
    await stack.emulator.clearRequests();

    const result = await stack.execute<{
      flexUsers: { nodes: { sid: string; userSid: string | null }[] };
    }>(`{ flexUsers(first: 5) { nodes { sid userSid } } }`);
    const { nodes } = expectData(result).flexUsers;
    expect((await stack.emulator.requestLines()).sort()).toEqual(
      [
        `GET /v1/Instances/${account.flexInstanceSid}/Users?PageSize=5`,
        ...nodes.map((node) => `GET /v2/Instances/${account.flexInstanceSid}/Users/${node.sid}`),
      ].sort(),
    );
  });

  it('fetches each distinct identity of users(identities:) once, in the order asked', async () => {
    const people = await stack.emulator.people({ conversations: true, limit: 2 });
    const [a, b] = people.map((p) => p.identity);
    const result = await stack.execute<{
      users: { identity: string; conversationsUser: { identity: string } }[];
    }>(
      `query ($ids: [String!]!) { users(identities: $ids) { identity conversationsUser { identity } } }`,
      { ids: [a, b, a] },
    );
    expect(expectData(result).users).toEqual([
      { identity: a, conversationsUser: { identity: a } },
      { identity: b, conversationsUser: { identity: b } },
      { identity: a, conversationsUser: { identity: a } },
    ]);
    // Each distinct identity once, with its other Flex form when it has one (escapes are on).
    const forms = [a!, b!].flatMap((identity) =>
      [identity, alternateIdentity(identity) ?? []].flat(),
    );
    expect((await stack.emulator.requestLines()).sort()).toEqual(
      forms.map((identity) => `GET /v1/Users/${identity}`).sort(),
    );
  });
});
