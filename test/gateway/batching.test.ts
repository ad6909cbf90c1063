import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EmulatorAccount } from '../../emulator/index.js';
import { aString, expectData } from '../helpers/graphql.js';
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

  it('costs one list call plus one call per distinct user per product for a page of 50 Flex users', async () => {
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

    const expected = [
      `GET /v1/Instances/${account.flexInstanceSid}/Users?PageSize=50`,
      ...usernames.flatMap((username) => [
        `GET /v1/Users/${username}`,
        ...account.chatServiceSids.map(
          (service) => `GET /v2/Services/${service}/Users/${username}`,
        ),
      ]),
    ];
    expect((await stack.emulator.requestLines()).sort()).toEqual(expected.sort());
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
    expect((await stack.emulator.requestLines()).sort()).toEqual(
      [`GET /v1/Users/${a}`, `GET /v1/Users/${b}`].sort(),
    );
  });
});
