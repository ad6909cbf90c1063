import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EmulatorAccount } from '../../emulator/index.js';
import { basicAuth } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';

const SECRET = 'a-test-secret-that-is-long-enough-for-hs256';
const QUERY = `query ($i: String!) { conversationsUser(identity: $i) { accountSid } }`;

const sign = (
  claims: Record<string, unknown>,
  options: { secret?: string; expiresIn?: string } = {},
) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setAudience('identity-gateway')
    .setExpirationTime(options.expiresIn ?? '5m')
    .sign(new TextEncoder().encode(options.secret ?? SECRET));

describe('client auth with bearer tokens (HS256 secret)', () => {
  let stack: Stack;
  let a: EmulatorAccount;
  let b: EmulatorAccount;

  beforeAll(async () => {
    stack = await startStack({
      seedUsers: 40,
      env: ([, kestrel]) => ({
        AUTH_OPEN: 'false',
        AUTH_BASIC_PASSTHROUGH: 'false',
        AUTH_JWT_SECRET: SECRET,
        AUTH_JWT_AUDIENCE: 'identity-gateway',
        AUTH_JWT_MAX_AGE_SECONDS: '3600',
        // The tenants a token may name live in server-side configuration, never in the token.
        // A tenant id that is also a key of every object's prototype must still be only a name.
        TWILIO_TENANTS: JSON.stringify(
          Object.fromEntries(
            ['kestrel', '__proto__'].map((id) => [
              id,
              {
                accountSid: kestrel!.accountSid,
                authToken: kestrel!.authToken,
                chatServiceSids: kestrel!.chatServiceSids,
              },
            ]),
          ),
        ),
      }),
    });
    [a, b] = stack.emulator.accounts as [EmulatorAccount, EmulatorAccount];
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.emulator.clearRequests());

  const asBearer = async (token: string, identity: string) =>
    stack.execute<{ conversationsUser: { accountSid: string } | null }>(
      QUERY,
      { i: identity },
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );

  it('refuses a request with no credentials with 401 and no upstream call', async () => {
    const result = await stack.execute(QUERY, { i: 'anyone' });
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await stack.emulator.requestLines()).toEqual([]);
  });

  it('acts as the configured account for a valid token without a tenant claim', async () => {
    const person = await stack.emulator.person({ accountSid: a.accountSid, conversations: true });
    const result = await asBearer(await sign({ sub: 'frontend-user-1' }), person.identity);
    expect(result.errors).toBeUndefined();
    expect(result.data?.conversationsUser?.accountSid).toBe(a.accountSid);
  });

  it("acts as the tenant a token names, with that tenant's server-side credentials", async () => {
    const person = await stack.emulator.person({ accountSid: b.accountSid, conversations: true });
    const result = await asBearer(await sign({ sub: 'u', tenant: 'kestrel' }), person.identity);
    expect(result.errors).toBeUndefined();
    expect(result.data?.conversationsUser?.accountSid).toBe(b.accountSid);
    expect((await stack.emulator.requests()).map((r) => r.account)).toEqual([b.accountSid]);
  });

  it('acts as a tenant whose id is __proto__ like any other', async () => {
    const person = await stack.emulator.person({ accountSid: b.accountSid, conversations: true });
    const result = await asBearer(await sign({ sub: 'u', tenant: '__proto__' }), person.identity);
    expect(result.errors).toBeUndefined();
    expect(result.data?.conversationsUser?.accountSid).toBe(b.accountSid);
  });

  it.each(['constructor', 'toString', 'hasOwnProperty', 'credentials', 'chatServiceSids'])(
    'refuses a token naming the tenant %s, a key every object or tenant has, with 403',
    async (tenant) => {
      const result = await asBearer(await sign({ sub: 'u', tenant }), 'anyone');
      expect(result.status).toBe(403);
      expect(result.errors).toEqual([
        {
          message: 'The token names a tenant this gateway does not serve',
          extensions: { code: 'FORBIDDEN', reason: 'TENANT_UNKNOWN' },
        },
      ]);
      expect(await stack.emulator.requestLines()).toEqual([]);
    },
  );

  it.each([
    [
      'without an expiry',
      () =>
        new SignJWT({ sub: 'u' })
          .setProtectedHeader({ alg: 'HS256' })
          .setIssuedAt()
          .setAudience('identity-gateway')
          .sign(new TextEncoder().encode(SECRET)),
      /^Invalid token: it has no "exp" claim, which this gateway requires$/,
      { reason: 'ERR_JWT_CLAIM_VALIDATION_FAILED', claim: 'exp' },
    ],
    [
      'issued for longer than AUTH_JWT_MAX_AGE_SECONDS',
      () => sign({ sub: 'u' }, { expiresIn: '61m' }),
      /^Invalid token: it is valid for 3660 s after it was issued, more than the 3600 s allowed$/,
      { reason: 'TOKEN_LIFETIME_TOO_LONG' },
    ],
    [
      'without iat, expiring later than AUTH_JWT_MAX_AGE_SECONDS from now',
      () =>
        new SignJWT({ sub: 'u' })
          .setProtectedHeader({ alg: 'HS256' })
          .setAudience('identity-gateway')
          .setExpirationTime('2h')
          .sign(new TextEncoder().encode(SECRET)),
      /^Invalid token: it is valid for 720\d s from now, more than the 3600 s allowed$/,
      { reason: 'TOKEN_LIFETIME_TOO_LONG' },
    ],
  ])('refuses a token %s with 401 and says why', async (_name, token, message, why) => {
    const result = await asBearer(await token(), 'anyone');
    expect(result.status).toBe(401);
    expect(result.errors).toEqual([
      {
        message: expect.stringMatching(message) as string,
        extensions: { code: 'UNAUTHENTICATED', ...why },
      },
    ]);
    expect(await stack.emulator.requestLines()).toEqual([]);
  });

  it('accepts a token valid for exactly AUTH_JWT_MAX_AGE_SECONDS', async () => {
    const person = await stack.emulator.person({ accountSid: a.accountSid, conversations: true });
    const result = await asBearer(await sign({ sub: 'u' }, { expiresIn: '1h' }), person.identity);
    expect(result.errors).toBeUndefined();
    expect(result.data?.conversationsUser?.accountSid).toBe(a.accountSid);
  });

  it.each([
    [
      'signed with another secret',
      () => sign({ sub: 'u' }, { secret: 'another-secret-another-secret-another' }),
      401,
      'UNAUTHENTICATED',
    ],
    ['expired', () => sign({ sub: 'u' }, { expiresIn: '-1m' }), 401, 'UNAUTHENTICATED'],
    [
      'for another audience',
      () =>
        new SignJWT({})
          .setProtectedHeader({ alg: 'HS256' })
          .setAudience('other')
          .setExpirationTime('5m')
          .sign(new TextEncoder().encode(SECRET)),
      401,
      'UNAUTHENTICATED',
    ],
    [
      'naming a tenant the gateway does not serve',
      () => sign({ sub: 'u', tenant: 'nobody' }),
      403,
      'FORBIDDEN',
    ],
    ['not a JWT at all', () => Promise.resolve('abc.def.ghi'), 401, 'UNAUTHENTICATED'],
  ])('refuses a token %s before any upstream call', async (_name, token, status, code) => {
    const result = await asBearer(await token(), 'anyone');
    expect(result.status).toBe(status);
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(await stack.emulator.requestLines()).toEqual([]);
  });

  // Verified tokens are remembered (tenant.ts): the memory must not outlive the token.
  it('refuses a token once it has expired, though it was accepted before', async () => {
    const person = await stack.emulator.person({ accountSid: a.accountSid, conversations: true });
    const exp = Math.floor(Date.now() / 1000) + 2;
    const token = await new SignJWT({ sub: 'u' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt()
      .setAudience('identity-gateway')
      .setExpirationTime(exp)
      .sign(new TextEncoder().encode(SECRET));
    const first = await asBearer(token, person.identity);
    expect(first.errors).toBeUndefined();
    expect((await asBearer(token, person.identity)).errors).toBeUndefined();
    // Not a timing assertion: the wait only makes sure the token's second has passed.
    await new Promise((resolve) => setTimeout(resolve, exp * 1000 - Date.now() + 50));
    await stack.emulator.clearRequests();
    const late = await asBearer(token, person.identity);
    expect(late.status).toBe(401);
    expect(late.errors?.[0]?.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'ERR_JWT_EXPIRED',
    });
    expect(await stack.emulator.requestLines()).toEqual([]);
  });

  it('refuses Twilio credentials from clients when pass-through is off', async () => {
    const result = await stack.execute(
      QUERY,
      { i: 'anyone' },
      {
        headers: {
          authorization: basicAuth(a.accountSid, a.authToken),
        },
      },
    );
    expect(result.status).toBe(401);
    expect(await stack.emulator.requestLines()).toEqual([]);
  });
});

describe('client auth with bearer tokens (JWKS)', () => {
  let stack: Stack;
  let jwks: Server;
  let sign: (claims: Record<string, unknown>) => Promise<string>;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    jwks = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const { port } = jwks.address() as AddressInfo;
    sign = (claims) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer('https://issuer.example')
        .setExpirationTime('5m')
        .sign(privateKey);
    stack = await startStack({
      seedUsers: 20,
      env: {
        AUTH_OPEN: 'false',
        AUTH_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json`,
        AUTH_JWT_ISSUER: 'https://issuer.example',
      },
    });
  });
  afterAll(async () => {
    await stack.close();
    await new Promise((resolve) => jwks.close(resolve));
  });

  it('accepts a token signed by a key of the JWKS and refuses one from another issuer', async () => {
    const person = await stack.emulator.person({ conversations: true });
    const ok = await stack.execute<{ conversationsUser: { accountSid: string } }>(
      QUERY,
      { i: person.identity },
      {
        headers: { authorization: `Bearer ${await sign({ sub: 'u' })}` },
      },
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.conversationsUser.accountSid).toBe(stack.emulator.accounts[0]!.accountSid);

    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer('https://elsewhere.example')
      .setExpirationTime('5m')
      .sign((await generateKeyPair('RS256')).privateKey);
    const refused = await stack.execute(
      QUERY,
      { i: person.identity },
      { headers: { authorization: `Bearer ${forged}` } },
    );
    expect(refused.status).toBe(401);
  });
});
