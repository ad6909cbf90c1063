import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { gatewaySdl } from '../../.ci/compose.js';
import type { EmulatorAccount } from '../../emulator/index.js';
import type { SeededPerson } from '../../emulator/types.js';
import { alternateIdentity } from '../../resolvers/flex-identity.js';
import { expectData } from '../helpers/graphql.js';
import { startRouter, type Router } from '../helpers/router.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { startStaffDirectory, type StaffDirectory } from '../helpers/staff-directory.js';

const STAFF = /* GraphQL */ `
  query Staff {
    staff {
      identity
      department
      user {
        manager {
          identity
        }
        flexUser {
          username
        }
        conversationsUser {
          sid
        }
      }
    }
  }
`;

interface StaffResult {
  staff: {
    identity: string;
    department: string;
    user: {
      manager: { identity: string } | null;
      flexUser: { username: string } | null;
      conversationsUser: { sid: string } | null;
    };
  }[];
}

describe('Hive Gateway in front of the gateway and a staff directory', () => {
  let stack: Stack;
  let account: EmulatorAccount;
  let staff: StaffDirectory;
  let router: Router;
  let people: SeededPerson[];
  let basic: string;

  beforeAll(async () => {
    // Credentials are required: a subgraph request without the client's Authorization fails.
    stack = await startStack({ seedUsers: 40, env: { AUTH_OPEN: 'false' } });
    account = stack.emulator.accounts[0]!;
    basic = `Basic ${Buffer.from(`${account.accountSid}:${account.authToken}`).toString('base64')}`;
    people = await stack.emulator.people({ flex: true, conversations: true, limit: 4 });
    const [top, ...others] = people.map((person) => person.identity);
    staff = await startStaffDirectory([
      { identity: top!, department: 'Support', manager: null },
      ...others.map((identity, i) => ({
        identity,
        department: i % 2 === 0 ? 'Billing' : 'Sales',
        manager: top!,
      })),
      // Listed by the directory, unknown to Twilio.
      { identity: 'contractor-without-twilio', department: 'Sales', manager: top! },
    ]);
    router = await startRouter({
      subgraphs: [
        { name: 'identity', url: stack.graphqlUrl, sdl: gatewaySdl() },
        { name: 'staff', url: staff.url, sdl: staff.sdl },
      ],
    });
  });
  afterAll(async () => {
    await router?.close();
    await staff?.close();
    await stack?.close();
  });
  beforeEach(() => stack.emulator.clearRequests());

  it('answers a query joining both subgraphs, with one wave of Twilio calls for all the people', async () => {
    await stack.emulator.setFaults({ latencyMs: 1000 });
    let result;
    try {
      result = await router.execute<StaffResult>(STAFF, {}, { headers: { authorization: basic } });
    } finally {
      await stack.emulator.setFaults({});
    }

    const [top] = people;
    expect(expectData(result).staff).toEqual([
      ...people.map((person, i) => ({
        identity: person.identity,
        department: i === 0 ? 'Support' : i % 2 === 1 ? 'Billing' : 'Sales',
        user: {
          manager: i === 0 ? null : { identity: top!.identity },
          flexUser: { username: person.identity },
          conversationsUser: { sid: person.userSid },
        },
      })),
      {
        identity: 'contractor-without-twilio',
        department: 'Sales',
        user: { manager: { identity: top!.identity }, flexUser: null, conversationsUser: null },
      },
    ]);
    const identities = [...people.map((person) => person.identity), 'contractor-without-twilio'];
    // Each identity in both of Flex's forms where they differ, all in the one wave.
    const forms = identities.flatMap((identity) =>
      [identity, alternateIdentity(identity)].filter((form) => form !== null),
    );
    const calls = forms.flatMap((identity) => [
      `GET /v4/Instances/${account.flexInstanceSid}/Users?Username=${identity}`,
      `GET /v1/Users/${identity}`,
    ]);
    expect((await stack.emulator.requestLines()).sort()).toEqual(calls.sort());
    const requests = await stack.emulator.requests();
    // The client's credentials reached the gateway through the router: every call is its account's.
    expect(new Set(requests.map((r) => r.account))).toEqual(new Set([account.accountSid]));
    // One wave: every call was in flight at the same time.
    expect((await stack.emulator.concurrency())[account.accountSid]?.peak).toBe(calls.length);
  });

  it('passes no credentials of its own: without Authorization the gateway refuses the join', async () => {
    const result = await router.execute<StaffResult>(STAFF);
    expect(result.errors?.map((error) => error.extensions?.code)).toContain('UNAUTHENTICATED');
    expect(await stack.emulator.requestLines()).toEqual([]);
  });

  it('keeps node(id:) working through the router for this subgraph’s ids', async () => {
    const [person] = people;
    const ids = expectData(
      await stack.execute<{ user: { id: string; flexUser: { id: string } } }>(
        /* GraphQL */ `
          query ($identity: String!) {
            user(identity: $identity) {
              id
              flexUser {
                id
              }
            }
          }
        `,
        { identity: person!.identity },
        { headers: { authorization: basic } },
      ),
    ).user;
    const result = await router.execute<{ nodes: unknown[] }>(
      /* GraphQL */ `
        query ($ids: [ID!]!) {
          nodes(ids: $ids) {
            __typename
            ... on User {
              identity
              department
            }
            ... on FlexUser {
              username
            }
          }
        }
      `,
      { ids: [ids.id, ids.flexUser.id] },
      { headers: { authorization: basic } },
    );
    expect(expectData(result).nodes).toEqual([
      { __typename: 'User', identity: person!.identity, department: 'Support' },
      { __typename: 'FlexUser', username: person!.identity },
    ]);
  });
});
