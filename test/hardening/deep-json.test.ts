import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.js';

/** JSON text of an object whose nesting is `levels` containers deep: `{"a":[[...]]}`. */
const nestedJson = (levels: number) => `{"a":${'['.repeat(levels - 1)}${']'.repeat(levels - 1)}}`;
/** The same as a GraphQL literal. */
const nestedLiteral = (levels: number) =>
  `{ a: ${'['.repeat(levels - 1)}${']'.repeat(levels - 1)} }`;

interface Answer {
  status: number;
  body: {
    data?: unknown;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
}

/** Every JSON input of the schema: the mutation, its input type and how to fill the rest. */
const JSON_INPUTS: [string, string, string, string][] = [
  [
    'updateConversationsUser',
    'UpdateConversationsUserInput',
    'attributes',
    '"identity":"nobody@example.com"',
  ],
  ['updateChatUser', 'UpdateChatUserInput', 'attributes', '"identity":"nobody@example.com"'],
  [
    'provisionFlexUser',
    'ProvisionFlexUserInput',
    'workerAttributes',
    '"username":"deep@example.com","email":"deep@example.com","fullName":"Deep","roles":["AGENT"]',
  ],
];

describe('JSON inputs nested too deeply', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ seedUsers: 20 });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.emulator.clearRequests());

  // The bodies are written by hand: JSON.stringify itself overflows the stack on such values.
  const postRaw = async (body: string): Promise<Answer> => {
    const response = await fetch(stack.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  };
  const mutation = (name: string, type: string) =>
    `mutation ($input: ${type}!) { ${name}(input: $input) { userErrors { field code } } }`;

  it.each(JSON_INPUTS)(
    'refuses %s with attributes 6000 levels deep in variables with 400 BAD_USER_INPUT',
    async (name, type, field, rest) => {
      const answer = await postRaw(
        `{"query":${JSON.stringify(mutation(name, type))},"variables":{"input":{${rest},"${field}":${nestedJson(6000)}}}}`,
      );
      expect(answer.status).toBe(400);
      expect(answer.body.data).toBeUndefined();
      expect(answer.body.errors).toEqual([
        {
          message: expect.stringMatching(
            new RegExp(`at "input\\.${field}"; JSON values may be nested at most 32 levels deep`),
          ) as string,
          locations: [{ line: 1, column: 11 }],
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ]);
      expect(await stack.emulator.requestLines()).toEqual([]);
    },
  );

  it.each(JSON_INPUTS)(
    'refuses %s with an attributes literal 33 levels deep with 400 BAD_USER_INPUT',
    async (name, _type, field, rest) => {
      const input = rest.replace(/"(\w+)":/g, '$1:').replace(/roles:\["AGENT"\]/, 'roles:[AGENT]');
      const answer = await postRaw(
        JSON.stringify({
          query: `mutation { ${name}(input: { ${input}, ${field}: ${nestedLiteral(33)} }) { userErrors { code } } }`,
        }),
      );
      expect(answer.status).toBe(400);
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(answer.body.errors?.[0]?.message).toMatch(/nested at most 32 levels deep/);
      expect(await stack.emulator.requestLines()).toEqual([]);
    },
  );

  it('accepts attributes exactly 32 levels deep and stores them', async () => {
    const person = await stack.emulator.person({ conversations: true });
    const answer = await postRaw(
      `{"query":"mutation ($i: String!, $a: JSON) { updateConversationsUser(input: { identity: $i, attributes: $a }) { userErrors { code } conversationsUser { attributes } } }","variables":{"i":${JSON.stringify(person.identity)},"a":${nestedJson(32)}}}`,
    );
    expect(answer).toEqual({
      status: 200,
      body: {
        data: {
          updateConversationsUser: {
            userErrors: [],
            conversationsUser: { attributes: JSON.parse(nestedJson(32)) as unknown },
          },
        },
      },
    });
  });
});
