import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.js';

/** The answer to any input must be one of these: a GraphQL answer, or a plain HTTP refusal. */
const EXPECTED_STATUSES = [200, 400, 401, 403, 405, 406, 413, 415];

interface Answer {
  status: number;
  body: unknown;
}

/** Every GraphQL answer is JSON with data and/or a non-empty list of errors with messages. */
function expectWellFormed(answer: Answer) {
  expect(EXPECTED_STATUSES).toContain(answer.status);
  const body = answer.body as { data?: unknown; errors?: { message?: unknown }[] } | null;
  expect(body).not.toBeNull();
  expect(typeof body).toBe('object');
  if (body && 'errors' in body) {
    expect(Array.isArray(body.errors)).toBe(true);
    for (const error of body.errors ?? []) expect(typeof error.message).toBe('string');
  }
}

const SID_SCALARS: [string, string][] = [
  ['FlexUserSid', 'flexUser(sid: $v) { sid }'],
  ['UserSid', 'conversationsUser(sid: $v) { sid }'],
  ['PersonSid', 'user(sid: $v) { identity }'],
  ['ChatServiceSid', 'chatUsers(serviceSid: $v) { nodes { sid } }'],
];

describe('bad input, fuzzed', () => {
  let stack: Stack;
  let tried = 0;

  beforeAll(async () => {
    stack = await startStack({ seedUsers: 20 });
  });
  afterAll(async () => {
    // The gateway is still up after everything thrown at it.
    const health = await fetch(`${stack.url}/health`);
    expect(health.status).toBe(200);
    console.log(`fuzz: ${tried} malformed inputs sent`);
    await stack.close();
  });
  beforeEach(() => stack.emulator.clearRequests());

  const post = async (body: string, headers: Record<string, string> = {}): Promise<Answer> => {
    tried += 1;
    const response = await fetch(stack.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
    return { status: response.status, body: parsed };
  };

  it.each(SID_SCALARS)(
    'refuses any string that is not a %s before calling Twilio',
    async (scalar, field) => {
      const prefix = scalar === 'ChatServiceSid' ? 'IS' : scalar === 'FlexUserSid' ? 'FU' : 'US';
      const notASid = fc
        .oneof(
          fc.string(),
          fc
            .string({
              unit: fc.constantFrom(...'0123456789abcdefABCDEFghijXYZ'.split('')),
              minLength: 30,
              maxLength: 36,
            })
            .map((s) => prefix + s),
          fc.constantFrom(
            '',
            ' ',
            'FU',
            'US',
            `${prefix}${'g'.repeat(32)}`,
            `${prefix}${'0'.repeat(31)}`,
            `${prefix}${'0'.repeat(33)}`,
          ),
        )
        .filter((s) => !/^(FU|US|IS)[0-9a-fA-F]{32}$/.test(s));
      await fc.assert(
        fc.asyncProperty(notASid, async (value) => {
          const answer = await post(
            JSON.stringify({
              query: `query ($v: ${scalar}!) { ${field} }`,
              variables: { v: value },
            }),
          );
          expectWellFormed(answer);
          expect(answer.status).toBe(400);
          expect(
            (answer.body as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions
              .code,
          ).toBe('BAD_USER_INPUT');
        }),
        { numRuns: 60 },
      );
      expect(await stack.emulator.requestLines()).toEqual([]);
    },
  );

  it('answers random documents with a well-formed GraphQL answer and no upstream call', async () => {
    const tokens = [
      '{',
      '}',
      '(',
      ')',
      ':',
      '$',
      '!',
      '...',
      '@',
      'query',
      'mutation',
      'user',
      'identity',
      'flexUser',
      'sid',
      '"x"',
      '1',
      'fragment',
      'on',
      'User',
      '#',
      '\n',
      '"""',
      '[',
      ']',
      '=',
      ',',
    ];
    const document = fc.oneof(
      fc.string(),
      fc.array(fc.constantFrom(...tokens), { maxLength: 40 }).map((parts) => parts.join(' ')),
    );
    await fc.assert(
      fc.asyncProperty(document, async (query) => {
        expectWellFormed(await post(JSON.stringify({ query })));
      }),
      { numRuns: 150 },
    );
    // A random document that happens to be a valid operation asks for nothing real: no user exists
    // under these made-up names, so anything that did reach Twilio was a well-formed lookup.
    const lines = await stack.emulator.requestLines();
    expect(lines.every((line) => line.startsWith('GET '))).toBe(true);
  });

  it('answers random JSON bodies and variables with well-formed errors', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        expectWellFormed(await post(JSON.stringify(value)));
        expectWellFormed(
          await post(
            JSON.stringify({
              query: 'query ($i: String!) { user(identity: $i) { identity } }',
              variables: value,
            }),
          ),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('answers bodies that are not JSON at all', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), async (text) => {
        const answer = await post(text);
        expect(EXPECTED_STATUSES).toContain(answer.status);
      }),
      { numRuns: 100 },
    );
  });

  it('answers random Authorization and content-type headers without a 5xx', async () => {
    const header = fc.string({
      unit: fc.constantFrom(
        ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=: ;,.-'.split(''),
      ),
      maxLength: 120,
    });
    await fc.assert(
      fc.asyncProperty(
        header,
        fc.constantFrom(
          'application/json',
          'text/plain',
          'application/graphql',
          'multipart/form-data',
          'x/y',
        ),
        header,
        async (authorization, contentType, requestId) => {
          const answer = await post(JSON.stringify({ query: '{ __typename }' }), {
            authorization: authorization.length > 0 ? authorization : 'Basic',
            'content-type': contentType,
            'x-request-id': requestId.length > 0 ? requestId : 'x',
          });
          expect(EXPECTED_STATUSES).toContain(answer.status);
        },
      ),
      { numRuns: 150 },
    );
    expect(await stack.emulator.requestLines()).toEqual([]);
  });
});
