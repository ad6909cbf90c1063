// CORS at the HTTP level: what a browser would be told, read from the headers. The same in a real
// browser is test/browser/cors.test.ts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';
import { startStack, type Stack } from '../helpers/stack.js';

const APP = 'https://app.example.com';
const QUERY = JSON.stringify({ query: '{ __typename }' });

/** What a browser sends before a POST with a token: the preflight. */
const preflight = (stack: Stack, origin: string) =>
  fetch(stack.graphqlUrl, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization,content-type,x-request-id',
    },
  });

const post = (stack: Stack, origin: string, contentType = 'application/json') =>
  fetch(stack.graphqlUrl, {
    method: 'POST',
    headers: { origin, 'content-type': contentType },
    body: QUERY,
  });

/** The CORS headers of an answer, by lower-case name. */
const corsHeaders = (response: Response) =>
  Object.fromEntries(
    [...response.headers.entries()].filter(([name]) => name.startsWith('access-control-')),
  );

describe('CORS with listed origins', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({
      seedUsers: 20,
      env: { CORS_ORIGINS: `${APP}, http://localhost:*` },
    });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.emulator.clearRequests());

  it('answers the preflight of an allowed origin with 204 and the headers a frontend sends', async () => {
    const response = await preflight(stack, APP);
    expect(response.status).toBe(204);
    expect(corsHeaders(response)).toEqual({
      'access-control-allow-origin': APP,
      'access-control-allow-methods': 'GET, POST',
      'access-control-allow-headers':
        'Authorization, Content-Type, Accept, X-Request-Id, X-Flex-Instance-Sid, X-Chat-Service-Sids, Apollo-Require-Preflight, X-Apollo-Operation-Name',
      'access-control-expose-headers': 'X-Request-Id',
      'access-control-max-age': '600',
    });
    expect(response.headers.get('vary')).toMatch(/^Origin, /);
    expect(await response.text()).toBe('');
  });

  it('lets an allowed origin read the answer and its request id, and varies on Origin', async () => {
    const response = await post(stack, APP);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
    expect(corsHeaders(response)).toEqual({
      'access-control-allow-origin': APP,
      'access-control-expose-headers': 'X-Request-Id',
    });
    expect(response.headers.get('vary')).toBe(
      'Origin, Authorization, X-Flex-Instance-Sid, X-Chat-Service-Sids, Accept',
    );
  });

  it.each([
    ['http://localhost:5173', true],
    ['http://localhost:3000', true],
    ['http://localhost', true],
    ['https://localhost:5173', false],
    ['http://127.0.0.1:5173', false],
    ['http://localhost.evil.example:5173', false],
    ['https://app.example.com:8443', false],
    ['https://evil.example', false],
    ['null', false],
  ])('allows %s: %s', async (origin, allowed) => {
    const response = await preflight(stack, origin);
    expect(response.headers.get('access-control-allow-origin')).toBe(allowed ? origin : null);
  });

  it('gives a disallowed origin no CORS header, on the preflight or the request', async () => {
    const refused = await preflight(stack, 'https://evil.example');
    expect(refused.status).toBe(405);
    expect(corsHeaders(refused)).toEqual({});
    const answered = await post(stack, 'https://evil.example');
    expect(corsHeaders(answered)).toEqual({});
  });

  it('keeps refusing simple cross-site requests (CSRF prevention), from an allowed origin too', async () => {
    // A form can POST text/plain and an <img> can GET, with no preflight: Apollo refuses both.
    const form = await post(stack, APP, 'text/plain');
    expect(form.status).toBe(400);
    expect(((await form.json()) as { errors: { extensions: unknown }[] }).errors[0]).toEqual(
      expect.objectContaining({ extensions: { code: 'BAD_REQUEST' } }),
    );
    const image = await fetch(`${stack.graphqlUrl}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { origin: APP },
    });
    expect(image.status).toBe(400);
    // A GET a preflight has cleared (it carries Apollo-Require-Preflight) runs.
    const cleared = await fetch(
      `${stack.graphqlUrl}?query=${encodeURIComponent('{ __typename }')}`,
      { headers: { origin: APP, 'apollo-require-preflight': 'true' } },
    );
    expect(cleared.status).toBe(200);
    expect(cleared.headers.get('access-control-allow-origin')).toBe(APP);
    expect(await stack.emulator.requestLines()).toEqual([]);
  });
});

describe('CORS_ORIGINS=*', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ seedUsers: 20, env: { CORS_ORIGINS: '*' } });
  });
  afterAll(() => stack.close());

  it('lets any origin send a token, and never says credentials are allowed', async () => {
    const response = await preflight(stack, 'https://anyone.example');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toMatch(/^Authorization, /);
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    const answered = await post(stack, 'https://anyone.example');
    expect(corsHeaders(answered)).toEqual({
      'access-control-allow-origin': '*',
      'access-control-expose-headers': 'X-Request-Id',
    });
    expect(answered.headers.get('vary')).toBe(
      'Authorization, X-Flex-Instance-Sid, X-Chat-Service-Sids, Accept',
    );
  });
});

describe('CORS_CREDENTIALS=true', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({
      seedUsers: 20,
      env: { CORS_ORIGINS: APP, CORS_CREDENTIALS: 'true' },
    });
  });
  afterAll(() => stack.close());

  it('allows credentials for a listed origin, and gives others nothing', async () => {
    const allowed = await post(stack, APP);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(APP);
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    expect(corsHeaders(await post(stack, 'https://evil.example'))).toEqual({});
  });
});

describe('CORS off (no CORS_ORIGINS)', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ seedUsers: 20 });
  });
  afterAll(() => stack.close());

  it('answers no origin', async () => {
    const refused = await preflight(stack, 'http://localhost:5173');
    expect(refused.status).toBe(405);
    expect(corsHeaders(refused)).toEqual({});
    expect(corsHeaders(await post(stack, 'http://localhost:5173'))).toEqual({});
  });
});

describe('CORS_ORIGINS', () => {
  it('reads origins as browsers send them, with any port for :*', () => {
    expect(
      loadConfig({
        CORS_ORIGINS: 'https://App.Example.com/, https://app.example.com:443,http://localhost:*',
      }).cors,
    ).toEqual({
      origins: ['https://app.example.com', 'http://localhost:*'],
      credentials: false,
    });
    expect(loadConfig({}).cors).toEqual({ origins: [], credentials: false });
  });

  it.each([
    [
      { CORS_ORIGINS: '*', CORS_CREDENTIALS: 'true' },
      'CORS_CREDENTIALS=true cannot go with CORS_ORIGINS=*: browsers refuse credentials from every origin; list the origins instead',
    ],
    [
      { CORS_ORIGINS: '*,https://app.example.com' },
      'CORS_ORIGINS lists * (every origin) beside other origins: set * alone, or list origins',
    ],
    [
      { CORS_ORIGINS: 'https://app.example.com/graphql' },
      'CORS_ORIGINS "https://app.example.com/graphql" is not an origin: expected scheme://host[:port], e.g. https://app.example.com (no path, query or user)',
    ],
    [
      { CORS_ORIGINS: 'app.example.com' },
      'CORS_ORIGINS "app.example.com" is not an origin: expected scheme://host[:port], e.g. https://app.example.com',
    ],
    [
      { CORS_ORIGINS: 'capacitor://localhost' },
      'CORS_ORIGINS "capacitor://localhost" must be an http:// or https:// origin',
    ],
    [
      { CORS_ORIGINS: 'https://*.example.com' },
      'CORS_ORIGINS "https://*.example.com" has a * in its host: only the port may be *, e.g. http://localhost:*',
    ],
    [
      { CORS_ORIGINS: 'http://localhost:3000:*' },
      'CORS_ORIGINS "http://localhost:3000:*" names a port and *; write one of them',
    ],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(new ConfigError(message));
  });
});
