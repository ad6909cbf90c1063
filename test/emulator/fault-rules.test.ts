import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorAccount, type RunningEmulator } from '../../emulator/index.js';
import { createEmulatorClient, type EmulatorClient } from '../helpers/emulator.js';
import { DEFAULT_FAULTS, getFaults, putFaults } from './faults-api.js';
import {
  accountCredentials,
  apiKeyCredentials,
  createTwilio,
  twilioError,
  type Credentials,
  type Twilio,
} from './twilio-request.js';

describe('fault rules per account', () => {
  let emulator: RunningEmulator;
  let control: EmulatorClient;
  let a: EmulatorAccount;
  let b: EmulatorAccount;
  let twilio: Twilio;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, seedUsers: 40 });
    control = createEmulatorClient(emulator);
    [a, b] = emulator.accounts as [EmulatorAccount, EmulatorAccount];
    twilio = createTwilio(emulator.url, null);
  });
  afterAll(() => emulator.close());
  beforeEach(() => control.clearRequests());
  afterEach(() => control.setFaults({}));

  const put = (body: unknown) => putFaults(emulator.url, body);

  const statusAs = async (auth: Credentials | null, path = '/v1/Services') =>
    (await twilio('GET', path, { auth })).status;

  it.each([
    { name: 'its AccountSid and auth token', auth: () => accountCredentials(a), status: 503 },
    { name: 'its API key and secret', auth: () => apiKeyCredentials(a), status: 503 },
    { name: 'another account’s credentials', auth: () => accountCredentials(b), status: 200 },
    {
      name: 'its AccountSid with a wrong token',
      auth: () => ({ username: a.accountSid, password: 'wrong' }),
      status: 401,
    },
    { name: 'no credentials', auth: () => null, status: 401 },
  ])(
    'with accountSid, faults a request sent with $name only if it resolves to that account',
    async ({ auth, status }) => {
      await control.setFaults({ errorRate: 1, errorStatus: 503, accountSid: a.accountSid });
      expect(await statusAs(auth())).toBe(status);
    },
  );

  it('with times, injects that many faults and then lets every request through', async () => {
    await control.setFaults({ rateLimitRate: 1, times: 2, accountSid: a.accountSid });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push(await statusAs(accountCredentials(a)));
    expect(statuses).toEqual([429, 429, 200, 200]);
    // Setting the rule again starts its count again.
    await control.setFaults({ rateLimitRate: 1, times: 1, accountSid: a.accountSid });
    expect([await statusAs(accountCredentials(a)), await statusAs(accountCredentials(a))]).toEqual([
      429, 200,
    ]);
  });

  it('with accountSid null, faults every request, bad credentials included, as before', async () => {
    await control.setFaults({ errorRate: 1, errorStatus: 503 });
    expect([
      await statusAs(accountCredentials(a)),
      await statusAs(accountCredentials(b)),
      await statusAs(null),
    ]).toEqual([503, 503, 503]);
  });

  it('gives two tenants different faults at the same time', async () => {
    await control.setFaults({
      rules: [
        { accountSid: a.accountSid, errorRate: 1, errorStatus: 503 },
        { accountSid: b.accountSid, rateLimitRate: 1, retryAfterSeconds: 2 },
      ],
    });
    const [fromA, fromB] = await Promise.all([
      twilio('GET', '/v1/Services', { auth: accountCredentials(a) }),
      twilio('GET', '/v1/Services', { auth: accountCredentials(b) }),
    ]);
    expect([
      { status: fromA.status, body: fromA.body },
      { status: fromB.status, body: fromB.body, retryAfter: fromB.headers.get('retry-after') },
    ]).toEqual([
      { status: 503, body: twilioError(503, 20503, 'Service Unavailable') },
      { status: 429, body: twilioError(429, 20429, 'Too Many Requests'), retryAfter: '2' },
    ]);
  });

  it('applies the first rule matching account and path, even one that injects nothing', async () => {
    await control.setFaults({
      rules: [
        { accountSid: a.accountSid, path: '^/v2/' },
        { errorRate: 1, errorStatus: 502 },
      ],
    });
    expect({
      aChat: await statusAs(accountCredentials(a), '/v2/Services'),
      aConversations: await statusAs(accountCredentials(a), '/v1/Services'),
      bChat: await statusAs(accountCredentials(b), '/v2/Services'),
    }).toEqual({ aChat: 200, aConversations: 502, bChat: 502 });
  });

  it('logs the account of a request a fault answered', async () => {
    await control.setFaults({ rateLimitRate: 1, accountSid: b.accountSid });
    await statusAs(accountCredentials(b));
    const [entry] = await control.requests();
    expect({ account: entry?.account, status: entry?.status }).toEqual({
      account: b.accountSid,
      status: 429,
    });
  });

  describe('PUT and GET /__emulator/faults', () => {
    it('answers and reports one settings object as set, every field resolved', async () => {
      const answer = await put({ latencyMs: 5, accountSid: a.accountSid });
      const current = await getFaults(emulator.url);
      const expected = { ...DEFAULT_FAULTS, latencyMs: 5, accountSid: a.accountSid };
      expect({ answer, current }).toEqual({
        answer: { status: 200, body: expected },
        current: expected,
      });
    });

    it('answers and reports rules as set, every field of each resolved', async () => {
      const answer = await put({
        rules: [
          { accountSid: a.accountSid, maxConcurrency: 3 },
          { path: '^/v2/', errorRate: 0.5 },
        ],
      });
      const current = await getFaults(emulator.url);
      const expected = {
        rules: [
          { ...DEFAULT_FAULTS, accountSid: a.accountSid, maxConcurrency: 3 },
          { ...DEFAULT_FAULTS, path: '^/v2/', errorRate: 0.5 },
        ],
      };
      expect({ answer, current }).toEqual({
        answer: { status: 200, body: expected },
        current: expected,
      });
    });

    it.each([
      { body: {}, expected: DEFAULT_FAULTS },
      { body: { rules: [] }, expected: { rules: [] } },
    ])('resets with $body', async ({ body, expected }) => {
      await put({ rules: [{ errorRate: 1 }] });
      expect(await put(body)).toEqual({ status: 200, body: expected });
      expect(await statusAs(accountCredentials(a))).toBe(200);
    });

    it('is reset by POST /__emulator/reset', async () => {
      await put({ rules: [{ errorRate: 1 }] });
      await control.reset();
      expect(await getFaults(emulator.url)).toEqual(DEFAULT_FAULTS);
    });

    it.each([
      { body: { rules: {} }, error: 'rules must be an array of fault settings' },
      { body: { rules: [], latencyMs: 1 }, error: 'rules cannot be combined with other settings' },
      {
        body: { rules: [{}, { errorRate: 2 }] },
        error: 'rules[1]: errorRate must be a number from 0 to 1',
      },
      { body: { rules: [null] }, error: 'rules[0]: faults must be a JSON object' },
      {
        body: { accountSid: 'AC123' },
        error: 'accountSid must be an AccountSid (AC + 32 hex) or null, got "AC123"',
      },
      { body: { maxConcurrency: -1 }, error: 'maxConcurrency must be an integer >= 0 or null' },
      { body: { maxConcurrency: 1.5 }, error: 'maxConcurrency must be an integer >= 0 or null' },
      { body: { times: -1 }, error: 'times must be an integer >= 0 or null' },
      { body: { times: 'once' }, error: 'times must be an integer >= 0 or null' },
    ])('refuses $body with 400 and the reason', async ({ body, error }) => {
      expect(await put(body)).toEqual({ status: 400, body: { error } });
    });
  });
});
