import { createHash } from 'node:crypto';
import { connect } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { aString } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';

interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

const JSON_TYPE = { 'content-type': 'application/json' };
/** Apollo's CSRF prevention runs a GET only when the client shows it is not a simple request. */
const PREFLIGHTED = { 'apollo-require-preflight': 'true' };
const postJson = (body: string) => ({ method: 'POST', headers: JSON_TYPE, body });

/** The one error a refused request answers with, in GraphQL's response shape. */
const refusal = (code: string, message: string = aString()) => ({
  errors: [{ message, extensions: { code } }],
});

describe('client mistakes', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ seedUsers: 20 });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.emulator.clearRequests());

  const send = async (init: RequestInit & { search?: string } = {}): Promise<Answer> => {
    const response = await fetch(`${stack.graphqlUrl}${init.search ?? ''}`, init);
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Left as text: the assertions show what came back.
    }
    return { status: response.status, headers: response.headers, body };
  };
  /** Writes raw bytes to the gateway and reads what it writes back until it closes. */
  const exchange = (bytes: string) =>
    new Promise<{ status: string; body: unknown }>((resolve, reject) => {
      const { hostname, port } = new URL(stack.url);
      let received = '';
      const socket = connect(Number(port), hostname, () => socket.end(bytes));
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (received += chunk));
      // The gateway may reset the connection right after its answer: what it wrote counts.
      socket.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') reject(error);
      });
      socket.on('close', () => {
        const [head = '', body = ''] = received.split('\r\n\r\n');
        resolve({ status: head.split('\r\n')[0] ?? '', body: JSON.parse(body) as unknown });
      });
    });
  const post = (body: unknown) => send(postJson(JSON.stringify(body)));

  describe('choosing the operation', () => {
    it('refuses an operationName that names no operation of an anonymous document', async () => {
      const answer = await post({ query: '{ __typename }', operationName: 'Foo' });
      expect(answer).toMatchObject({
        status: 400,
        body: refusal('OPERATION_RESOLUTION_FAILURE', 'Unknown operation named "Foo".'),
      });
    });

    it('refuses an operationName that names no operation of a named document', async () => {
      const answer = await post({ query: 'query Bar { __typename }', operationName: 'Foo' });
      expect(answer).toMatchObject({
        status: 400,
        body: refusal('OPERATION_RESOLUTION_FAILURE', 'Unknown operation named "Foo".'),
      });
    });

    it('refuses a document of several operations without an operationName', async () => {
      const answer = await post({ query: 'query A { __typename } query B { __typename }' });
      expect(answer).toMatchObject({
        status: 400,
        body: refusal(
          'OPERATION_RESOLUTION_FAILURE',
          'Must provide operation name if query contains multiple operations.',
        ),
      });
    });

    it('refuses a subscription with 400 and says subscriptions are not served', async () => {
      const answer = await post({ query: 'subscription { __typename }' });
      expect(answer).toMatchObject({
        status: 400,
        body: refusal(
          'SUBSCRIPTION_NOT_SUPPORTED',
          'This gateway serves queries and mutations only, not subscriptions',
        ),
      });
    });

    it('still runs the operation an operationName chooses', async () => {
      const answer = await post({
        query: 'query A { a: __typename } query B { b: __typename }',
        operationName: 'B',
      });
      expect(answer).toMatchObject({ status: 200, body: { data: { b: 'Query' } } });
    });
  });

  describe('automatic persisted queries', () => {
    const query = '{ __typename }';
    const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

    it('refuses a hash that is not the hash of the query sent with it', async () => {
      const answer = await post({
        query,
        extensions: { persistedQuery: { version: 1, sha256Hash: sha256('another') } },
      });
      expect(answer).toMatchObject({
        status: 400,
        body: refusal('PERSISTED_QUERY_HASH_MISMATCH'),
      });
    });

    it.each([
      ['version 2', { version: 2, sha256Hash: sha256(query) }],
      ['no version', { sha256Hash: sha256(query) }],
      ['a string', 'yes'],
    ])('refuses a persistedQuery extension with %s', async (_name, persistedQuery) => {
      const answer = await post({ query, extensions: { persistedQuery } });
      expect(answer).toMatchObject({
        status: 400,
        body: refusal('PERSISTED_QUERY_VERSION_NOT_SUPPORTED'),
      });
    });

    it('keeps PERSISTED_QUERY_NOT_FOUND for a hash it has not seen, then runs it once registered', async () => {
      const persistedQuery = { version: 1, sha256Hash: sha256(query) };
      expect(await post({ extensions: { persistedQuery } })).toMatchObject({
        body: refusal('PERSISTED_QUERY_NOT_FOUND'),
      });
      expect(await post({ query, extensions: { persistedQuery } })).toMatchObject({
        status: 200,
        body: { data: { __typename: 'Query' } },
      });
      expect(await post({ extensions: { persistedQuery } })).toMatchObject({
        status: 200,
        body: { data: { __typename: 'Query' } },
      });
    });
  });

  describe('refusals made before GraphQL sees the request', () => {
    it.each([
      ['a body that is not JSON', '{"query": ', 'BAD_REQUEST'],
      ['an empty JSON body', '', 'BAD_REQUEST'],
      [
        'a body with a __proto__ key',
        '{"query":"{ __typename }","__proto__":{"x":1}}',
        'BAD_REQUEST',
      ],
    ])('answers %s with 400 in GraphQL shape', async (_name, body, code) => {
      const answer = await send({ method: 'POST', headers: JSON_TYPE, body });
      expect(answer).toMatchObject({ status: 400, body: refusal(code) });
    });

    it('answers a body over 64 KiB with 413 in GraphQL shape', async () => {
      const answer = await post({
        query: '{ __typename }',
        variables: { pad: 'x'.repeat(70_000) },
      });
      expect(answer).toMatchObject({ status: 413, body: refusal('PAYLOAD_TOO_LARGE') });
    });

    it.each(['multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'x/y', ';;'])(
      'answers content type %s with 415 in GraphQL shape',
      async (contentType) => {
        const answer = await send({
          method: 'POST',
          headers: { 'content-type': contentType },
          body: 'query=%7B__typename%7D',
        });
        expect(answer).toMatchObject({ status: 415, body: refusal('UNSUPPORTED_MEDIA_TYPE') });
      },
    );

    it.each(['PUT', 'DELETE', 'PATCH'])(
      'answers %s /graphql with 405, an Allow header and a GraphQL error',
      async (method) => {
        const answer = await send({ method, headers: JSON_TYPE, body: '{}' });
        expect(answer).toMatchObject({ status: 405, body: refusal('METHOD_NOT_ALLOWED') });
        expect(answer.headers.get('allow')).toBe('GET, POST');
      },
    );

    it('answers for /graphql however its path is percent-encoded', async () => {
      const answer = await send({ method: 'PUT', headers: JSON_TYPE, body: '{}' });
      const response = await fetch(`${stack.url}/graph%71l`, { method: 'PUT' });
      expect({ status: response.status, body: await response.json() }).toEqual({
        status: answer.status,
        body: answer.body,
      });
      expect(response.headers.get('vary')).toBe(answer.headers.get('vary'));
    });

    it('answers bytes that are not HTTP with 400 in GraphQL shape', async () => {
      expect(await exchange('HELLO\r\n\r\n')).toEqual({
        status: 'HTTP/1.1 400 Bad Request',
        body: refusal('BAD_REQUEST', 'The request is not valid HTTP'),
      });
    });

    it('answers headers over the size limit with 431 in GraphQL shape', async () => {
      const request = `POST /graphql HTTP/1.1\r\nHost: x\r\nX-Pad: ${'a'.repeat(20_000)}\r\n\r\n`;
      expect(await exchange(request)).toEqual({
        status: 'HTTP/1.1 431 Request Header Fields Too Large',
        body: refusal('HEADERS_TOO_LARGE', 'The request headers are too large'),
      });
    });

    it('keeps a plain 404 for paths that are not the GraphQL endpoint', async () => {
      const response = await fetch(`${stack.url}/nowhere`);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        statusCode: 404,
        error: 'Not Found',
        message: 'Route GET:/nowhere not found',
      });
    });
  });

  // What was already a 4xx with a code stays one: the audit of every way a request can be wrong.
  describe('every other malformed request', () => {
    const get = (search: string, headers: Record<string, string> = PREFLIGHTED) => ({
      search,
      headers,
    });
    const typename = '{"query":"{ __typename }"';
    it.each<[string, RequestInit & { search?: string }, number, string]>([
      ['a POST without a query', postJson('{}'), 400, 'BAD_REQUEST'],
      ['a query that is not a string', postJson('{"query":5}'), 400, 'BAD_REQUEST'],
      ['an empty query', postJson('{"query":""}'), 400, 'BAD_REQUEST'],
      ['a JSON body that is a string', postJson('"{ __typename }"'), 400, 'BAD_REQUEST'],
      ['a JSON body that is null', postJson('null'), 400, 'BAD_REQUEST'],
      ['variables not an object', postJson(`${typename},"variables":[1]}`), 400, 'BAD_REQUEST'],
      ['a number operationName', postJson(`${typename},"operationName":5}`), 400, 'BAD_REQUEST'],
      ['extensions not an object', postJson(`${typename},"extensions":"x"}`), 400, 'BAD_REQUEST'],
      ['a batch of operations', postJson(`[${typename}}]`), 400, 'BAD_REQUEST'],
      [
        'a text/plain POST (CSRF prevention)',
        { method: 'POST', headers: { 'content-type': 'text/plain' }, body: `${typename}}` },
        400,
        'BAD_REQUEST',
      ],
      [
        'a POST without a content type',
        { method: 'POST', body: `${typename}}` },
        400,
        'BAD_REQUEST',
      ],
      [
        'a GET without a preflight header (CSRF)',
        get('?query=%7B__typename%7D', {}),
        400,
        'BAD_REQUEST',
      ],
      ['a GET without a query', get(''), 400, 'BAD_REQUEST'],
      [
        'a GET with variables not JSON',
        get('?query=%7B__typename%7D&variables=%7B'),
        400,
        'BAD_REQUEST',
      ],
      [
        'a GET with extensions not JSON',
        get('?query=%7B__typename%7D&extensions=%7B'),
        400,
        'BAD_REQUEST',
      ],
      ['a GET with two queries', get('?query=%7B__typename%7D&query=x'), 400, 'BAD_REQUEST'],
      ['a mutation sent with GET', get('?query=mutation%20%7B__typename%7D'), 405, 'BAD_REQUEST'],
      [
        'an Accept header GraphQL cannot answer',
        { ...postJson(`${typename}}`), headers: { ...JSON_TYPE, accept: 'application/xml' } },
        406,
        'BAD_REQUEST',
      ],
      ['a syntax error', postJson('{"query":"{ user("}'), 400, 'GRAPHQL_PARSE_FAILED'],
      [
        'a field that does not exist',
        postJson('{"query":"{ nope }"}'),
        400,
        'GRAPHQL_VALIDATION_FAILED',
      ],
      [
        'an Int literal over 32 bits',
        postJson('{"query":"{ flexUsers(first: 99999999999999999999) { nodes { sid } } }"}'),
        400,
        'GRAPHQL_VALIDATION_FAILED',
      ],
      [
        'an Int variable of 1e400',
        postJson(
          '{"query":"query ($n: Int) { flexUsers(first: $n) { nodes { sid } } }","variables":{"n":1e400}}',
        ),
        400,
        'BAD_USER_INPUT',
      ],
      [
        'a page size of 2^31 - 1',
        postJson('{"query":"{ flexUsers(first: 2147483647) { nodes { sid } } }"}'),
        400,
        'QUERY_TOO_COSTLY',
      ],
      [
        'a missing required variable',
        postJson('{"query":"query ($i: String!) { user(identity: $i) { identity } }"}'),
        400,
        'BAD_USER_INPUT',
      ],
    ])('answers %s with a 4xx and a code', async (_name, init, status, code) => {
      const answer = await send(init);
      expect(answer).toMatchObject({ status, body: refusal(code) });
      expect(await stack.emulator.requestLines()).toEqual([]);
    });

    it('answers a document nested too deeply to parse with 400 and says so', async () => {
      const nested = `${'['.repeat(2400)}${']'.repeat(2400)}`;
      const query = `mutation { updateChatUser(input: { identity: "x", attributes: { a: ${nested} } }) { userErrors { code } } }`;
      const answer = await post({ query });
      expect(answer.status).toBe(400);
      const { errors } = answer.body as {
        errors: { message: string; extensions: { code: string } }[];
      };
      expect(errors[0]?.extensions.code).toMatch(/^(GRAPHQL_PARSE_FAILED|BAD_USER_INPUT)$/);
      expect(errors[0]?.message).not.toMatch(/call stack/i);
    });
  });
});
