// Why a bearer token is refused, in words a frontend developer can act on, with jose's error
// code kept in extensions.reason for programs (refresh on ERR_JWT_EXPIRED, for instance).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, UnsecuredJWT, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LogLines } from '../helpers/log-lines.js';
import { startStack, type Stack } from '../helpers/stack.js';

const SECRET = 'a-token-errors-test-secret-of-32-bytes+';
const key = new TextEncoder().encode(SECRET);
const QUERY = '{ __typename }';

/** A token with the claims the gateway wants, which each case then spoils in one way. */
const token = (header: { alg: string; kid?: string } = { alg: 'HS256' }) =>
  new SignJWT({ sub: 'u' })
    .setProtectedHeader(header)
    .setIssuedAt()
    .setIssuer('https://issuer.example')
    .setAudience('identity-gateway')
    .setExpirationTime('5m');

const bearer = (stack: Stack, value: string) =>
  stack.execute(QUERY, undefined, { headers: { authorization: `Bearer ${value}` } });

describe('bearer token refusals, in words (HS256 secret)', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({
      seedUsers: 20,
      env: {
        AUTH_OPEN: 'false',
        AUTH_JWT_SECRET: SECRET,
        AUTH_JWT_ISSUER: 'https://issuer.example',
        AUTH_JWT_AUDIENCE: 'identity-gateway',
      },
    });
  });
  afterAll(() => stack.close());

  it.each<[string, () => Promise<string>, string, Record<string, string>]>([
    [
      'expired',
      () => token().setExpirationTime('-1m').sign(key),
      'Invalid token: it has expired (its "exp" time has passed)',
      { reason: 'ERR_JWT_EXPIRED' },
    ],
    [
      'not valid yet',
      () => token().setNotBefore('2m').sign(key),
      'Invalid token: it is not valid yet (its "nbf" time is still to come)',
      { reason: 'ERR_JWT_CLAIM_VALIDATION_FAILED', claim: 'nbf' },
    ],
    [
      'signed with another secret',
      () => token().sign(new TextEncoder().encode('another-secret-of-at-least-32-bytes!!')),
      "Invalid token: the token's signature does not match: it was signed with another key, or changed since",
      { reason: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' },
    ],
    [
      'from another issuer',
      () => token().setIssuer('https://elsewhere.example').sign(key),
      'Invalid token: it comes from another issuer ("iss") than the one this gateway trusts',
      { reason: 'ERR_JWT_CLAIM_VALIDATION_FAILED', claim: 'iss' },
    ],
    [
      'for another audience',
      () => token().setAudience('another-api').sign(key),
      'Invalid token: it is meant for another audience ("aud") than this gateway',
      { reason: 'ERR_JWT_CLAIM_VALIDATION_FAILED', claim: 'aud' },
    ],
    [
      'without an expiry',
      () =>
        new SignJWT({ sub: 'u' })
          .setProtectedHeader({ alg: 'HS256' })
          .setIssuer('https://issuer.example')
          .setAudience('identity-gateway')
          .sign(key),
      'Invalid token: it has no "exp" claim, which this gateway requires',
      { reason: 'ERR_JWT_CLAIM_VALIDATION_FAILED', claim: 'exp' },
    ],
    [
      'whose expiry is not a number',
      () =>
        new SignJWT({ sub: 'u', exp: 'soon' as unknown as number })
          .setProtectedHeader({ alg: 'HS256' })
          .setIssuer('https://issuer.example')
          .setAudience('identity-gateway')
          .sign(key),
      'Invalid token: its "exp" claim is not of the right type',
      { reason: 'ERR_JWT_CLAIM_VALIDATION_FAILED', claim: 'exp' },
    ],
    [
      'that is not a JWT',
      () => Promise.resolve('not-a-token'),
      'Invalid token: it is not a well-formed JWT (header.payload.signature, each base64url)',
      { reason: 'ERR_JWS_INVALID' },
    ],
    [
      'signed with a private key (RS256) where a secret is configured',
      async () => token({ alg: 'RS256' }).sign((await rsaKey()).privateKey),
      'Invalid token: its algorithm ("alg") is not one this gateway accepts',
      { reason: 'ERR_JOSE_ALG_NOT_ALLOWED' },
    ],
    [
      'not signed at all (alg none)',
      () => Promise.resolve(new UnsecuredJWT({ sub: 'u' }).setExpirationTime('5m').encode()),
      'Invalid token: its algorithm ("alg") is not one this gateway accepts',
      { reason: 'ERR_JOSE_ALG_NOT_ALLOWED' },
    ],
  ])(
    'refuses a token %s with 401, a sentence and the jose code',
    async (_name, make, message, why) => {
      const result = await bearer(stack, await make());
      expect(result.status).toBe(401);
      expect(result.errors).toEqual([{ message, extensions: { code: 'UNAUTHENTICATED', ...why } }]);
    },
  );
});

let rsa: Promise<Awaited<ReturnType<typeof generateKeyPair>>> | undefined;
const rsaKey = () => (rsa ??= generateKeyPair('RS256'));

describe('bearer token refusals, in words (JWKS)', () => {
  let emptyKeySet: Server;
  let withEmptyKeySet: Stack;
  let unreachable: Stack;
  const logs = new LogLines();

  beforeAll(async () => {
    emptyKeySet = createServer((_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys: [] }));
    });
    await new Promise<void>((resolve) => emptyKeySet.listen(0, '127.0.0.1', resolve));
    const { port } = emptyKeySet.address() as AddressInfo;
    // A port nothing listens on: bound, then closed.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    [withEmptyKeySet, unreachable] = await Promise.all([
      startStack({
        seedUsers: 20,
        env: { AUTH_OPEN: 'false', AUTH_JWKS_URL: `http://127.0.0.1:${port}/jwks.json` },
      }),
      startStack({
        seedUsers: 20,
        env: {
          AUTH_OPEN: 'false',
          AUTH_JWKS_URL: `http://127.0.0.1:${closedPort}/jwks.json`,
          LOG_LEVEL: 'warn',
        },
        logDestination: logs,
      }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([withEmptyKeySet?.close(), unreachable?.close()]);
    await new Promise((resolve) => emptyKeySet?.close(resolve));
  });

  it('refuses a token no key of the key set matches with 401', async () => {
    const signed = await token({ alg: 'RS256', kid: 'k1' }).sign((await rsaKey()).privateKey);
    const result = await bearer(withEmptyKeySet, signed);
    expect(result.status).toBe(401);
    expect(result.errors).toEqual([
      {
        message:
          'Invalid token: no key of the key set it is checked against matches its "kid" and "alg"',
        extensions: { code: 'UNAUTHENTICATED', reason: 'ERR_JWKS_NO_MATCHING_KEY' },
      },
    ]);
  });

  it('answers 503 when the key set cannot be fetched: the token may well be good', async () => {
    const signed = await token({ alg: 'RS256', kid: 'k1' }).sign((await rsaKey()).privateKey);
    const result = await bearer(unreachable, signed);
    expect(result.status).toBe(503);
    expect(result.errors).toEqual([
      {
        message:
          'The token cannot be checked now: the key set (JWKS) it is checked against could not be fetched; try again later',
        extensions: { code: 'UPSTREAM_UNAVAILABLE', reason: 'JWKS_UNREACHABLE' },
      },
    ]);
    // The operator is told why, which the client is not.
    expect(logs.lines).toContainEqual(
      expect.objectContaining({
        msg: 'request refused',
        status: 503,
        reason: 'JWKS_UNREACHABLE',
        cause: 'fetch failed (ECONNREFUSED)',
      }),
    );
  });
});
