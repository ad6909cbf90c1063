// NODE_ENV=production, as a person and a prober meet it: a browser is told the playground is off
// and how to turn it on; introspection's refusal names its setting; errors suggest no names of a
// schema introspection hides. The page in a real browser: test/browser/playground-off.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.js';

const INPUT = { username: 'probe', email: 'probe@example.com', fullName: 'Probe' };

/** Mistakes graphql-js answers with a suggestion, and the message without it. */
const MISTAKES: [string, string, Record<string, unknown> | undefined, string, string][] = [
  [
    'a field',
    '{ user(identity: "a") { identiti } }',
    undefined,
    'Cannot query field "identiti" on type "User".',
    ' Did you mean "identity"?',
  ],
  [
    'an argument',
    '{ flexUsers(firs: 1) { pageInfo { hasNextPage } } }',
    undefined,
    'Unknown argument "firs" on field "Query.flexUsers".',
    ' Did you mean "first"?',
  ],
  [
    'an enum value in the document',
    `mutation { provisionFlexUser(input: { username: "probe", email: "probe@example.com", fullName: "Probe", roles: [AGNT] }) { userErrors { code } } }`,
    undefined,
    'Value "AGNT" does not exist in "FlexUserRole" enum.',
    ' Did you mean the enum value "AGENT"?',
  ],
  [
    'an enum value in a variable',
    'mutation ($input: ProvisionFlexUserInput!) { provisionFlexUser(input: $input) { userErrors { code } } }',
    { input: { ...INPUT, roles: ['AGNT'] } },
    'Variable "$input" got invalid value "AGNT" at "input.roles[0]"; Value "AGNT" does not exist in "FlexUserRole" enum.',
    ' Did you mean the enum value "AGENT"?',
  ],
];

describe('NODE_ENV=production', () => {
  let dev: Stack;
  let production: Stack;

  beforeAll(async () => {
    [dev, production] = await Promise.all([
      startStack({ seedUsers: 20 }),
      startStack({ seedUsers: 20, env: { NODE_ENV: 'production' } }),
    ]);
  });
  afterAll(() => Promise.all([dev.close(), production.close()]));

  const page = (stack: Stack, path: string) =>
    fetch(`${stack.url}${path}`, { headers: { accept: 'text/html' }, redirect: 'manual' });

  it('serves the playground at /graphql to a browser in development, and sends / there', async () => {
    const html = await page(dev, '/graphql');
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await html.text()).toContain('/playground/');
    const root = await page(dev, '/');
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/graphql');
  });

  it('answers a browser at /graphql with a page saying the playground is off and how to turn it on', async () => {
    const off = await page(production, '/graphql');
    expect(off.status).toBe(200);
    expect(off.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await off.text();
    expect(html).toContain('<h1>The playground is off</h1>');
    expect(html).toContain('<code>GRAPHQL_PLAYGROUND=true</code>');
    expect(html).not.toContain('/playground/');
    // The bare address leads there too.
    const root = await page(production, '/');
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/graphql');
    // Programs are answered as ever.
    expect((await production.execute('{ __typename }')).data).toEqual({ __typename: 'Query' });
  });

  it('still refuses a GET from a program that shows no sign of not being a form (CSRF), in JSON', async () => {
    const response = await fetch(
      `${production.graphqlUrl}?query=${encodeURIComponent('{ __typename }')}`,
      { headers: { accept: 'application/json' } },
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('names GRAPHQL_INTROSPECTION when it refuses introspection', async () => {
    const result = await production.execute('{ __schema { queryType { name } } }');
    expect(result.status).toBe(400);
    expect(result.errors).toEqual([
      {
        message:
          'Introspection is off on this gateway (the default when NODE_ENV=production): set GRAPHQL_INTROSPECTION=true to turn it on',
        locations: [{ line: 1, column: 3 }],
        extensions: {
          code: 'GRAPHQL_VALIDATION_FAILED',
          validationErrorCode: 'INTROSPECTION_DISABLED',
        },
      },
    ]);
    expect(await dev.execute('{ __schema { queryType { name } } }')).toMatchObject({
      status: 200,
      data: { __schema: { queryType: { name: 'Query' } } },
    });
  });

  it.each(MISTAKES)(
    'hides the suggestion development makes for a mistaken name (%s)',
    async (_what, query, variables, message, suggestion) => {
      const hidden = await production.execute(query, variables);
      const shown = await dev.execute(query, variables);
      expect(hidden.status).toBe(400);
      expect(hidden.errors?.map((error) => error.message)).toContain(message);
      expect(JSON.stringify(hidden.errors)).not.toMatch(/Did you mean/);
      expect(shown.errors?.map((error) => error.message)).toContain(message + suggestion);
    },
  );
});
