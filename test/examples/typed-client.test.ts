// The typed-client example (examples/typed-client/) against the real stack: its generated
// documents are valid for the gateway's schema, and their result types match what comes back.
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { createGatewayClient, type GatewayClient } from '../../examples/typed-client/client.js';
import {
  personProfileQuery,
  provisionFlexUserMutation,
  rosterPageQuery,
} from '../../examples/typed-client/operations.js';
import type { FlexUserRole } from '../../examples/typed-client/generated/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';

describe('typed client example', () => {
  let stack: Stack;
  let client: GatewayClient;

  beforeAll(async () => {
    stack = await startStack();
    client = createGatewayClient({ url: stack.graphqlUrl });
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('reads a person across the three products', async () => {
    const person = await stack.emulator.person({ flex: true, conversations: true });
    const { data, errors } = await client.execute(personProfileQuery, {
      identity: person.identity,
    });
    expect(errors).toEqual([]);
    expectTypeOf(data!.user!.flexUser!.roles).toEqualTypeOf<FlexUserRole[] | null>();
    expect(data?.user?.identity).toBe(person.identity);
    expect(data?.user?.flexUser?.username).toBe(person.identity);
    expect(data?.user?.conversationsUser?.identity).toBe(person.identity);
  });

  it('pages through the roster', async () => {
    const first = await client.execute(rosterPageQuery, { first: 3 });
    expect(first.errors).toEqual([]);
    expect(first.data?.flexUsers?.edges).toHaveLength(3);
    expect(first.data?.flexUsers?.pageInfo.hasNextPage).toBe(true);

    const after = first.data?.flexUsers?.pageInfo.endCursor;
    const second = await client.execute(rosterPageQuery, { first: 3, after });
    expect(second.errors).toEqual([]);
    const seen = first.data?.flexUsers?.edges.map((edge) => edge.node.sid) ?? [];
    for (const edge of second.data?.flexUsers?.edges ?? [])
      expect(seen).not.toContain(edge.node.sid);
  });

  it('provisions a Flex user and reports bad input as userErrors', async () => {
    const created = await client.execute(provisionFlexUserMutation, {
      input: {
        username: 'typed.client',
        email: 'typed.client@example.com',
        fullName: 'Typed Client',
        roles: ['AGENT'],
      },
    });
    expect(created.errors).toEqual([]);
    expect(created.data?.provisionFlexUser?.userErrors).toEqual([]);
    expect(created.data?.provisionFlexUser?.flexUser?.username).toBe('typed.client');

    const rejected = await client.execute(provisionFlexUserMutation, {
      input: { username: 'typed.client.2', email: 'not an email', fullName: 'X', roles: ['AGENT'] },
    });
    expect(rejected.data?.provisionFlexUser?.flexUser).toBeNull();
    expect(rejected.data?.provisionFlexUser?.userErrors.map((error) => error.field)).toContainEqual(
      ['input', 'email'],
    );
  });
});
