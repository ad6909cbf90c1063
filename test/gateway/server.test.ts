import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';
import { startStack, type Stack } from '../helpers/stack.js';

describe('HTTP server', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ seedUsers: 20 });
  });
  afterAll(() => stack.close());

  it('answers GET /health', async () => {
    const response = await fetch(`${stack.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('runs a query sent with GET when the client shows it is not a simple cross-site request', async () => {
    const query = encodeURIComponent('{ __typename }');
    const response = await fetch(`${stack.graphqlUrl}?query=${query}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses a GET without a preflight-forcing header (CSRF prevention)', async () => {
    const response = await fetch(
      `${stack.graphqlUrl}?query=${encodeURIComponent('{ __typename }')}`,
    );
    expect(response.status).toBe(400);
  });

  it('says which request headers choose the tenant on a GET answer that may be cached', async () => {
    const person = await stack.emulator.person({ flex: true });
    const query = encodeURIComponent(
      `{ user(identity: ${JSON.stringify(person.identity)}) { identity } }`,
    );
    const response = await fetch(`${stack.graphqlUrl}?query=${query}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(await response.json()).toEqual({ data: { user: { identity: person.identity } } });
    expect(response.headers.get('cache-control')).toBe('max-age=30, private');
    expect(response.headers.get('vary')).toBe(
      'Authorization, X-Flex-Instance-Sid, X-Chat-Service-Sids, Accept',
    );
  });

  it('sends the same Vary on errors and on POST answers from /graphql', async () => {
    const refused = await fetch(stack.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    expect(refused.headers.get('vary')).toBe(
      'Authorization, X-Flex-Instance-Sid, X-Chat-Service-Sids, Accept',
    );
    const answered = await stack.execute('{ __typename }');
    expect(answered.headers.get('vary')).toBe(
      'Authorization, X-Flex-Instance-Sid, X-Chat-Service-Sids, Accept',
    );
  });

  it('never runs a mutation sent with GET', async () => {
    const query = encodeURIComponent(
      'mutation { updateFlexUser(input: { sid: "FU00000000000000000000000000000000", locale: "x" }) { userErrors { code } } }',
    );
    const response = await fetch(`${stack.graphqlUrl}?query=${query}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(405);
  });
});

describe('configuration', () => {
  it('reads every setting from the environment, with defaults', () => {
    expect(loadConfig({})).toEqual({
      port: 4000,
      host: '127.0.0.1',
      credentials: null,
      accountSid: null,
      flexInstanceSid: null,
      chatServiceSids: [],
      conversationsServiceSids: [],
      flexIdentityEscapes: true,
      baseUrls: {
        flex: 'https://flex-api.twilio.com',
        conversations: 'https://conversations.twilio.com',
        chat: 'https://chat.twilio.com',
        taskrouter: 'https://taskrouter.twilio.com',
      },
      timeoutMs: 10_000,
      requestBudgetMs: 15_000,
      retries: 2,
      maxRetryAfterSeconds: 5,
      maxConcurrency: 256,
      accountConcurrency: 50,
      maxUpstreamCallsPerRequest: 500,
      auth: { open: false, passthrough: true, jwt: null },
      tenants: new Map(),
      logLevel: 'info',
      logFlushMs: 100,
      introspection: true,
      playground: true,
      http: { requestTimeoutMs: 30_000, headersTimeoutMs: 10_000, keepAliveTimeoutMs: 72_000 },
      metricsMaxOperationNames: 100,
      tracing: null,
      production: false,
      cors: { origins: [], credentials: false },
      redis: null,
      cacheTtlSeconds: 30,
      backOffice: {
        bulkMaxItems: 100,
        bulkConcurrency: 8,
        searchMaxPages: 10,
        auditLog: 'stderr',
        auditHashKey: null,
      },
      reconcile: {
        budgetShare: 0.2,
        maxBudgetShare: 0.5,
        retentionHours: 24,
        checkpointPages: 20,
        checkpointSeconds: 30,
        leaseMs: 15_000,
      },
    });
  });

  it('reads the JWT settings, with a maximum token lifetime of 24 h unless set', () => {
    expect(loadConfig({ AUTH_JWT_SECRET: 's' }).auth.jwt).toEqual({
      secret: 's',
      jwksUrl: null,
      issuer: null,
      audience: null,
      tenantClaim: 'tenant',
      maxAgeSeconds: 86_400,
    });
    expect(
      loadConfig({ AUTH_JWT_SECRET: 's', AUTH_JWT_MAX_AGE_SECONDS: '600' }).auth.jwt?.maxAgeSeconds,
    ).toBe(600);
  });

  it('reads the HTTP timeouts; the headers timeout never exceeds the request timeout', () => {
    expect(
      loadConfig({
        HTTP_REQUEST_TIMEOUT_MS: '5000',
        HTTP_HEADERS_TIMEOUT_MS: '2000',
        HTTP_KEEP_ALIVE_TIMEOUT_MS: '90000',
      }).http,
    ).toEqual({ requestTimeoutMs: 5000, headersTimeoutMs: 2000, keepAliveTimeoutMs: 90_000 });
    // A request timeout below the default headers timeout brings the headers timeout down with it.
    expect(loadConfig({ HTTP_REQUEST_TIMEOUT_MS: '1000' }).http).toEqual({
      requestTimeoutMs: 1000,
      headersTimeoutMs: 1000,
      keepAliveTimeoutMs: 72_000,
    });
  });

  it('keeps a tenant id that is an inherited key (__proto__) as a plain entry', () => {
    const tenant = { accountSid: `AC${'a'.repeat(32)}`, authToken: 'token' };
    const config = loadConfig({
      TWILIO_TENANTS: `{"__proto__": ${JSON.stringify(tenant)}, "constructor": ${JSON.stringify(tenant)}}`,
    });
    const expected = {
      credentials: { username: tenant.accountSid, password: 'token' },
      accountSid: tenant.accountSid,
      flexInstanceSid: null,
      chatServiceSids: [],
      conversationsServiceSids: [],
      flexIdentityEscapes: true,
    };
    expect(config.tenants).toEqual(
      new Map([
        ['__proto__', expected],
        ['constructor', expected],
      ]),
    );
    expect(config.tenants.get('toString')).toBeUndefined();
    expect(Object.getPrototypeOf(config.tenants)).toBe(Map.prototype);
  });

  it('turns introspection and the playground off in production unless asked', () => {
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({
      introspection: false,
      playground: false,
    });
    expect(
      loadConfig({
        NODE_ENV: 'production',
        GRAPHQL_INTROSPECTION: 'true',
        GRAPHQL_PLAYGROUND: 'true',
      }),
    ).toMatchObject({ introspection: true, playground: true });
  });

  it('takes an API key in place of the auth token', () => {
    const config = loadConfig({
      TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}`,
      TWILIO_API_KEY: `SK${'b'.repeat(32)}`,
      TWILIO_API_SECRET: 'secret',
    });
    expect(config.credentials).toEqual({ username: `SK${'b'.repeat(32)}`, password: 'secret' });
    expect(config.accountSid).toBe(`AC${'a'.repeat(32)}`);
  });

  it.each([
    [{ TWILIO_ACCOUNT_SID: 'AC123' }, /TWILIO_ACCOUNT_SID must be an account SID/],
    [
      { TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}` },
      /Set both TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN/,
    ],
    [
      { TWILIO_CHAT_SERVICE_SIDS: `IS${'a'.repeat(32)},nope` },
      /TWILIO_CHAT_SERVICE_SIDS must list/,
    ],
    [{ PORT: 'eighty' }, /PORT must be a whole number/],
    [{ TWILIO_FLEX_API_URL: 'not a url' }, /TWILIO_FLEX_API_URL must be a URL/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    [{ GRAPHQL_INTROSPECTION: 'yes' }, /GRAPHQL_INTROSPECTION must be true or false/],
    [{ AUTH_JWT_SECRET: 's', AUTH_JWT_MAX_AGE_SECONDS: '0' }, /AUTH_JWT_MAX_AGE_SECONDS must be/],
    [{ HTTP_REQUEST_TIMEOUT_MS: 'never' }, /HTTP_REQUEST_TIMEOUT_MS must be a whole number/],
    [
      { HTTP_REQUEST_TIMEOUT_MS: '5000', HTTP_HEADERS_TIMEOUT_MS: '6000' },
      /HTTP_HEADERS_TIMEOUT_MS must be a whole number from 100 to 5000/,
    ],
    [{ HTTP_KEEP_ALIVE_TIMEOUT_MS: '-1' }, /HTTP_KEEP_ALIVE_TIMEOUT_MS must be/],
    [{ METRICS_MAX_OPERATION_NAMES: 'lots' }, /METRICS_MAX_OPERATION_NAMES must be/],
  ])('refuses a bad setting with a message naming it: %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
