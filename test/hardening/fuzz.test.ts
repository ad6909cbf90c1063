import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.js';

interface Answer {
  status: number;
  contentType: string;
  body: unknown;
}

interface AnswerBody {
  data?: unknown;
  errors?: { message?: unknown; extensions?: { code?: unknown } }[];
}

/**
 * Every answer, to any input, while the emulator is healthy: never a 5xx; JSON in GraphQL's shape
 * (data and/or errors); every error with a message and a code that is not INTERNAL_SERVER_ERROR;
 * a refusal (4xx) with at least one error. The one other answer is the playground's page.
 */
function expectWellFormed(answer: Answer, request = 'POST') {
  expect(answer.status).toBeLessThan(500);
  if (request === 'HEAD') return;
  if (request === 'GET' && answer.status === 200 && answer.contentType.startsWith('text/html')) {
    return;
  }
  const body = answer.body as AnswerBody | null;
  expect(
    typeof body === 'object' && body !== null && !Array.isArray(body),
    JSON.stringify(body),
  ).toBe(true);
  if (answer.status >= 400 || body?.data === undefined) {
    expect(Array.isArray(body?.errors) && body.errors.length > 0, JSON.stringify(body)).toBe(true);
  }
  for (const error of body?.errors ?? []) {
    expect(typeof error.message).toBe('string');
    expect(typeof error.extensions?.code, JSON.stringify(error)).toBe('string');
    expect(error.extensions?.code, JSON.stringify(error)).not.toBe('INTERNAL_SERVER_ERROR');
  }
}

const SECRET = 'a-fuzz-secret-that-is-long-enough-for-hs256';

interface FuzzRequest {
  method: string;
  search?: string;
  headers: Record<string, string>;
  body?: string;
}

/** Documents that parse and validate (or nearly): each reaches a different stage of the pipeline. */
const DOCUMENTS = [
  '{ __typename }',
  'query Q { __typename }',
  'query A { a: __typename } query B { b: __typename }',
  'subscription S { __typename }',
  'mutation M { __typename }',
  'query ($i: String!) { user(identity: $i) { identity flexUser { sid } chatUsers { sid } } }',
  'query ($n: Int) { flexUsers(first: $n) { nodes { sid } } }',
  'query ($s: FlexUserSid!) { flexUser(sid: $s) { sid } }',
  'query ($ids: [String!]!) { users(identities: $ids) { identity } }',
  'query ($id: ID!) { node(id: $id) { id } }',
  'mutation ($input: UpdateConversationsUserInput!) { updateConversationsUser(input: $input) { userErrors { code } } }',
  'mutation ($a: JSON) { updateChatUser(input: { identity: "nobody@example.com", attributes: $a }) { userErrors { code } } }',
  '{ ...F } fragment F on Query { __typename }',
  '{ ...F } fragment F on Query { ...G } fragment G on Query { ...F }',
  'fragment F on Query { __typename }',
  '{ __schema { queryType { name } } }',
  '{ user(identity: "a") { identity } @include(if: $x) }',
];

/** What random documents are made of: punctuators, names of the schema, literals, comments. */
const DOCUMENT_TOKENS = [
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
  '1e400',
];

/** Opening and closing brackets nested `depth` deep, as text (JSON.stringify overflows on deep values). */
const nested = (depth: number, open: string, close: string, inner = '') =>
  `${open.repeat(depth)}${inner}${close.repeat(depth)}`;

const documentArb = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...DOCUMENTS) },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.constantFrom(...DOCUMENT_TOKENS), { maxLength: 30 })
      .map((parts) => parts.join(' ')),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 1, max: 3000 })
      .map((depth) => `{ users(identities: ${nested(depth, '[', ']', '"a"')}) { identity } }`),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 1, max: 2000 })
      .map((depth) => `{ ${nested(depth, 'user(identity: "a") { ', ' }', 'identity')} }`),
  },
);

/** Variables as JSON text: random values, plausible ones, deep ones, huge numbers, __proto__. */
const variablesArb = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)) },
  {
    weight: 3,
    arbitrary: fc
      .record(
        {
          i: fc.oneof(fc.string(), fc.constant('nobody@example.com'), fc.integer()),
          n: fc.oneof(fc.integer(), fc.constantFrom(0, -1, 2 ** 31 - 1, 2 ** 31, 1.5)),
          s: fc.oneof(fc.string(), fc.constant(`FU${'0'.repeat(32)}`)),
          ids: fc.array(fc.string(), { maxLength: 120 }),
          id: fc.string(),
          input: fc.jsonValue({ maxDepth: 2 }),
          a: fc.jsonValue({ maxDepth: 4 }),
        },
        { requiredKeys: [] },
      )
      .map((value) => JSON.stringify(value)),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 1, max: 8000 })
      .map(
        (depth) =>
          `{"a":{"b":${nested(depth, '[', ']')}},"input":${nested(depth, '{"x":', '}', '1')}}`,
      ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom('{"n":1e400}', '{"n":-1e400}', '{"__proto__":{"i":"x"}}'),
  },
);

const extensionsArb = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.stringify(value)),
  fc
    .record({
      version: fc.oneof(fc.constant(1), fc.constant(2), fc.jsonValue({ maxDepth: 1 })),
      sha256Hash: fc.oneof(
        fc.constant(createHash('sha256').update('{ __typename }').digest('hex')),
        fc.stringMatching(/^[0-9a-f]{64}$/),
        fc.jsonValue({ maxDepth: 1 }),
      ),
    })
    .map((persistedQuery) => JSON.stringify({ persistedQuery })),
);

/** The parts of a GraphQL request, each absent or any value, as JSON text. */
const partsArb = fc.record(
  {
    query: fc.oneof(
      { weight: 6, arbitrary: documentArb.map((document) => JSON.stringify(document)) },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }).map((value) => JSON.stringify(value)) },
    ),
    operationName: fc
      .oneof(
        fc.constantFrom('Q', 'A', 'B', 'S', 'M', 'Foo', '__proto__'),
        fc.jsonValue({ maxDepth: 1 }),
      )
      .map((value) => JSON.stringify(value)),
    variables: variablesArb,
    extensions: extensionsArb,
  },
  { requiredKeys: [] },
);

/** Stands for a body over the 64 KiB limit, so a counterexample prints short. */
const OVERSIZED = '<a body of 70 000 bytes>';
const oversized = `{"query":"{ __typename }","pad":"${'x'.repeat(70_000)}"}`;

const bodyArb = fc.oneof(
  {
    weight: 8,
    arbitrary: partsArb.map(
      (parts) =>
        `{${Object.entries(parts)
          .map(([key, json]) => `"${key}":${json}`)
          .join(',')}}`,
    ),
  },
  { weight: 1, arbitrary: partsArb.map((parts) => `[${JSON.stringify(Object.keys(parts))}]`) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.stringify(value)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
  { weight: 1, arbitrary: fc.constantFrom('', OVERSIZED) },
);

const headerText = fc.string({
  unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef0123456789+/=:;,. -_'.split('')),
  maxLength: 60,
});

/** A token signed with the gateway's secret: any tenant claim, any expiry or none. */
const tokenArb = fc.record(
  {
    tenant: fc.oneof(
      fc.constantFrom('other', '__proto__', 'constructor', 'toString', 'credentials'),
      fc.jsonValue({ maxDepth: 1 }),
    ),
    expiresInSeconds: fc.integer({ min: -3600, max: 10 * 86_400 }),
    issuedAt: fc.boolean(),
  },
  { requiredKeys: [] },
);

const sign = async (token: {
  tenant?: unknown;
  expiresInSeconds?: number;
  issuedAt?: boolean;
}): Promise<string> => {
  const jwt = new SignJWT(token.tenant === undefined ? {} : { tenant: token.tenant })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('fuzz');
  if (token.issuedAt) jwt.setIssuedAt();
  if (token.expiresInSeconds !== undefined) {
    jwt.setExpirationTime(Math.floor(Date.now() / 1000) + token.expiresInSeconds);
  }
  return jwt.sign(new TextEncoder().encode(SECRET));
};

/** A whole HTTP request: method, where the parts go (body or search), headers, credentials. */
const requestArb = fc.record({
  method: fc.oneof(
    { weight: 8, arbitrary: fc.constant('POST') },
    { weight: 4, arbitrary: fc.constant('GET') },
    { weight: 1, arbitrary: fc.constantFrom('PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD') },
  ),
  body: bodyArb,
  search: partsArb.map((parts) => {
    const params = new URLSearchParams(
      Object.entries(parts).map(([key, json]): [string, string] => {
        // A string goes as itself (as a GET's query does); anything else as its JSON text.
        const value: unknown = JSON.parse(json);
        return [key, typeof value === 'string' ? value : json];
      }),
    );
    return `?${params.toString()}`;
  }),
  contentType: fc.option(
    fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'application/graphql-response+json',
      'text/plain',
      'application/graphql',
      'multipart/form-data; boundary=x',
      'application/x-www-form-urlencoded',
      'x/y',
      ';;',
    ),
    { freq: 1 },
  ),
  accept: fc.option(
    fc.constantFrom(
      '*/*',
      'application/json',
      'application/graphql-response+json',
      'application/xml',
      'multipart/mixed',
      'text/html',
    ),
    { freq: 2 },
  ),
  preflight: fc.boolean(),
  authorization: fc.option(
    fc.oneof(
      headerText,
      headerText.map((junk) => `Bearer ${junk}`),
      headerText.map((junk) => `Basic ${junk}`),
      tokenArb,
    ),
    { freq: 1 },
  ),
  flexInstance: fc.option(headerText, { freq: 4 }),
  chatServices: fc.option(headerText, { freq: 4 }),
});

async function toFetchRequest(
  generated: typeof requestArb extends fc.Arbitrary<infer T> ? T : never,
): Promise<FuzzRequest> {
  const headers: Record<string, string> = {};
  if (generated.contentType !== null) headers['content-type'] = generated.contentType;
  if (generated.accept !== null) headers.accept = generated.accept;
  if (generated.preflight) headers['apollo-require-preflight'] = 'true';
  if (generated.authorization !== null) {
    headers.authorization =
      typeof generated.authorization === 'string'
        ? generated.authorization.trim() || 'Basic'
        : `Bearer ${await sign(generated.authorization)}`;
  }
  if (generated.flexInstance !== null) headers['x-flex-instance-sid'] = generated.flexInstance;
  if (generated.chatServices !== null) headers['x-chat-service-sids'] = generated.chatServices;
  const hasBody = generated.method !== 'GET' && generated.method !== 'HEAD';
  return {
    method: generated.method,
    search: hasBody ? undefined : generated.search,
    headers,
    body: !hasBody ? undefined : generated.body === OVERSIZED ? oversized : generated.body,
  };
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
    stack = await startStack({
      seedUsers: 20,
      // Bearer tokens are checked too (the stack is open to requests without credentials).
      env: ([, other]) => ({
        AUTH_JWT_SECRET: SECRET,
        TWILIO_TENANTS: JSON.stringify({
          other: { accountSid: other!.accountSid, authToken: other!.authToken },
        }),
      }),
    });
  });
  afterAll(async () => {
    // The gateway is still up after everything thrown at it.
    const health = await fetch(`${stack.url}/health`);
    expect(health.status).toBe(200);
    console.log(`fuzz: ${tried} generated requests sent`);
    await stack.close();
  });
  beforeEach(() => stack.emulator.clearRequests());

  const send = async (request: FuzzRequest): Promise<Answer> => {
    tried += 1;
    const response = await fetch(`${stack.graphqlUrl}${request.search ?? ''}`, {
      method: request.method,
      headers: request.headers,
      body: request.body,
    });
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      body: parsed,
    };
  };
  const post = (body: string, headers: Record<string, string> = {}) =>
    send({ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

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
    const document = fc.oneof(
      fc.string(),
      fc
        .array(fc.constantFrom(...DOCUMENT_TOKENS), { maxLength: 40 })
        .map((parts) => parts.join(' ')),
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
        expectWellFormed(await post(text));
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
          expectWellFormed(answer);
        },
      ),
      { numRuns: 150 },
    );
    expect(await stack.emulator.requestLines()).toEqual([]);
  });

  it('answers any request at all with a well-formed GraphQL answer, never a 5xx', async () => {
    // Sent in batches, concurrently: thousands of requests in seconds, interleaved as real
    // traffic interleaves.
    await fc.assert(
      fc.asyncProperty(fc.array(requestArb, { minLength: 25, maxLength: 25 }), async (batch) => {
        const requests = await Promise.all(batch.map(toFetchRequest));
        const answers = await Promise.all(requests.map(send));
        answers.forEach((answer, i) => expectWellFormed(answer, requests[i]!.method));
      }),
      { numRuns: 160 },
    );
    // 4,000 requests: about 25 s alone on 2 cores, more beside the rest of the suite.
  }, 90_000);
});
