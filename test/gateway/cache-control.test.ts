import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SeededPerson } from '../../emulator/index.js';
import { expectData } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';

/**
 * `Cache-Control` from the schema's `@cacheControl` hints (server/plugins/cache-control.ts), as
 * Apollo Server's own cache-control plugin would set it, and more cautious where a document alone
 * cannot tell what a request will resolve.
 */
describe('Cache-Control', () => {
  let stack: Stack;
  let person: SeededPerson;

  const cacheControl = async (query: string, variables?: Record<string, unknown>) => {
    const response = await stack.execute(query, variables);
    expectData(response);
    return response.headers.get('cache-control');
  };

  beforeAll(async () => {
    stack = await startStack({ seedUsers: 40 });
    person = await stack.emulator.person({ flex: true, conversations: true });
  });
  afterAll(() => stack.close());
  afterEach(() => stack.emulator.setFaults({}));

  it('lets a user be cached privately for 30 s, its connections and their edges too', async () => {
    expect(
      await cacheControl(
        `query ($i: String!) { user(identity: $i) { identity flexUser { sid email } } }`,
        { i: person.identity },
      ),
    ).toBe('max-age=30, private');
    // Edges and PageInfo inherit the connection's maxAge instead of the default 0.
    expect(
      await cacheControl(
        '{ flexUsers(first: 2) { edges { cursor node { sid } } pageInfo { hasNextPage } } }',
      ),
    ).toBe('max-age=30, private');
  });

  it('lets no cache keep an answer with a field whose own maxAge is 0, however deep', async () => {
    expect(
      await cacheControl(
        `query ($i: String!) { user(identity: $i) { flexUser { sid worker { sid available } } } }`,
        { i: person.identity },
      ),
    ).toBe('no-store');
  });

  it('lets no cache keep an answer with no hint: introspection only, or a type without one', async () => {
    expect(await cacheControl('{ __typename }')).toBe('no-store');
    expect(await cacheControl('{ reconciliations(first: 1) { edges { cursor } } }')).toBe(
      'no-store',
    );
  });

  it('counts the fragments of every type an interface field could return', async () => {
    const id = expectData(
      await stack.execute<{ user: { id: string } }>(
        `query ($i: String!) { user(identity: $i) { id } }`,
        { i: person.identity },
      ),
    ).user.id;
    expect(
      await cacheControl(`query ($id: ID!) { node(id: $id) { id ... on User { identity } } }`, {
        id,
      }),
    ).toBe('max-age=30, private');
    // The node is a User, so Apollo's own plugin, counting what resolved, would say 30 s; a
    // policy read from the document must allow for a ConversationsUser and its presence.
    expect(
      await cacheControl(
        `query ($id: ID!) { node(id: $id) { id ... on ConversationsUser { isOnline } } }`,
        { id },
      ),
    ).toBe('no-store');
  });

  it('lets no cache keep a mutation answer', async () => {
    const response = await stack.execute(
      `mutation ($i: String!) {
        updateConversationsUser(input: { identity: $i, friendlyName: "Cached?" }) {
          userErrors { code }
          conversationsUser { sid friendlyName }
        }
      }`,
      { i: person.identity },
    );
    expectData(response);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('lets no cache keep an answer with an error, even with data cacheable beside it', async () => {
    // Someone no earlier test read, so that the gateway's read cache has nothing of theirs.
    const [, other] = await stack.emulator.people({ flex: true, conversations: true, limit: 2 });
    await stack.emulator.setFaults({ errorRate: 1, errorStatus: 503, path: '/Instances/' });
    const response = await stack.execute(
      `query ($i: String!) { user(identity: $i) { identity flexUser { sid } } }`,
      { i: other!.identity },
    );
    expect(response.data).toEqual({ user: { identity: other!.identity, flexUser: null } });
    expect(response.errors?.[0]?.extensions?.code).toBe('UPSTREAM_ERROR');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('sets the same header on a persisted query sent by hash, and leaves Apollo’s on a miss', async () => {
    const query = `query Persisted($i: String!) { user(identity: $i) { identity } }`;
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const send = (body: object) =>
      fetch(stack.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ variables: { i: person.identity }, ...body }),
      });
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const miss = await send({ extensions });
    expect(miss.headers.get('cache-control')).toBe('private, no-cache, must-revalidate');
    const registered = await send({ query, extensions });
    expect(registered.headers.get('cache-control')).toBe('max-age=30, private');
    const byHash = await send({ extensions });
    expect(await byHash.json()).toEqual({ data: { user: { identity: person.identity } } });
    expect(byHash.headers.get('cache-control')).toBe('max-age=30, private');
  });

  it('gives each operation of a document its own policy', async () => {
    const document = `
      query Cacheable($i: String!) { conversationsUser(identity: $i) { sid } }
      query Presence($i: String!) { conversationsUser(identity: $i) { sid isOnline } }
    `;
    const send = async (operationName: string) =>
      (await stack.execute(document, { i: person.identity }, { operationName })).headers.get(
        'cache-control',
      );
    expect(await send('Cacheable')).toBe('max-age=30, private');
    expect(await send('Presence')).toBe('no-store');
    expect(await send('Cacheable')).toBe('max-age=30, private');
  });

  it('takes the hint of each representation’s type for a router’s _entities', async () => {
    const entities = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { identity } } }`;
    expect(
      await cacheControl(entities, { r: [{ __typename: 'User', identity: person.identity }] }),
    ).toBe('max-age=30, private');
    // Only the fragments of the representations' types count: no User has presence.
    const presence = `query ($r: [_Any!]!) {
      _entities(representations: $r) { ... on User { identity } ... on ConversationsUser { isOnline } }
    }`;
    expect(
      await cacheControl(presence, { r: [{ __typename: 'User', identity: person.identity }] }),
    ).toBe('max-age=30, private');
    expect(
      await cacheControl(presence, {
        r: [{ __typename: 'ConversationsUser', sid: person.userSid }],
      }),
    ).toBe('no-store');
    // No representation, no hint: the default maxAge 0 of a root field.
    expect(await cacheControl(entities, { r: [] })).toBe('no-store');
  });
});
