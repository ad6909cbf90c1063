import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.js';

describe('query limits', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ seedUsers: 20 });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.emulator.clearRequests());

  const refusedBeforeUpstream = async (query: string, variables?: Record<string, unknown>) => {
    const result = await stack.execute(query, variables);
    expect(result.status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(await stack.emulator.requestLines()).toEqual([]);
    return result.errors ?? [];
  };

  it('refuses an operation nested deeper than 10 fields', async () => {
    let selection = 'identity';
    for (let i = 0; i < 6; i += 1)
      selection = `conversationsUser { flexUser { user { ${selection} } } }`;
    const errors = await refusedBeforeUpstream(`{ user(identity: "a") { ${selection} } }`);
    // GraphQL Armor reports its limits as BAD_USER_INPUT.
    expect(errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors[0]?.message).toMatch(/depth limit/i);
  });

  it('refuses more than 30 aliases', async () => {
    const fields = Array.from(
      { length: 31 },
      (_, i) => `a${i}: user(identity: "u${i}") { identity }`,
    );
    const errors = await refusedBeforeUpstream(`{ ${fields.join(' ')} }`);
    expect(errors[0]?.message).toMatch(/aliases/i);
  });

  it('refuses an operation whose cost, with page sizes from variables, is over the limit', async () => {
    const errors = await refusedBeforeUpstream(
      `query ($n: Int!) { flexUsers(first: $n) { nodes { username fullName email
        conversationsUser { sid friendlyName attributes } chatUsers { sid serviceSid } } } }`,
      { n: 1000 },
    );
    expect(errors[0]).toMatchObject({
      extensions: { code: 'QUERY_TOO_COSTLY', maxCost: 5000 },
    });
    expect(errors[0]?.message).toMatch(/^Operation cost \d+ exceeds the limit of 5000/);
  });

  it('lets the largest page the schema allows through when it asks for leaf fields only', async () => {
    const result = await stack.execute(
      `{ flexUsers(first: 1000) { nodes { username fullName email roles } } }`,
    );
    expect(result.errors).toBeUndefined();
  });

  it('lets a page of 50 Flex users with their other products through', async () => {
    const result = await stack.execute(
      `query ($n: Int!) { flexUsers(first: $n) { nodes { username fullName email
        conversationsUser { sid friendlyName attributes } chatUsers { sid serviceSid } } } }`,
      { n: 50 },
    );
    expect(result.errors).toBeUndefined();
  });

  it('refuses a document of more than 5000 tokens while parsing it', async () => {
    const identities = Array.from({ length: 5000 }, () => '"a"').join(',');
    const errors = await refusedBeforeUpstream(
      `{ users(identities: [${identities}]) { identity } }`,
    );
    expect(errors[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(errors[0]?.message).toMatch(/5000 tokens/);
  });

  it('refuses a request body over 64 KiB with 413', async () => {
    const response = await fetch(stack.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(70_000) } }),
    });
    expect(response.status).toBe(413);
    expect(await stack.emulator.requestLines()).toEqual([]);
  });
});
