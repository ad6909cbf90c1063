import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  startEmulator,
  type EmulatorAccount,
  type LoggedRequest,
  type RunningEmulator,
} from '../../emulator/index.js';
import { RequestLog } from '../../emulator/request-log.js';
import { createEmulatorClient, type EmulatorClient } from '../helpers/emulator.js';
import { DEFAULT_FAULTS, getFaults, putFaults } from './faults-api.js';
import {
  accountCredentials,
  apiKeyCredentials,
  createTwilio,
  twilioError,
  type Twilio,
} from './twilio-request.js';

describe('the emulator', () => {
  let emulator: RunningEmulator;
  let control: EmulatorClient;
  let account: EmulatorAccount;
  let twilio: Twilio;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, seedUsers: 60 });
    control = createEmulatorClient(emulator);
    account = emulator.accounts[0] as EmulatorAccount;
    twilio = createTwilio(emulator.url, accountCredentials(account));
  });
  afterAll(() => emulator.close());
  beforeEach(() => control.clearRequests());
  afterEach(() => control.setFaults({}));

  describe('authentication', () => {
    it('accepts an API key and secret', async () => {
      const response = await twilio('GET', '/v1/Users?PageSize=1', {
        auth: apiKeyCredentials(account),
      });
      expect(response.status).toBe(200);
    });

    it.each([
      { name: 'no credentials', auth: () => null },
      {
        name: 'a wrong auth token',
        auth: () => ({ username: account.accountSid, password: 'wrong' }),
      },
      {
        name: 'a wrong API key secret',
        auth: () => ({ username: account.apiKeySid, password: 'wrong' }),
      },
      {
        name: 'another account’s token',
        auth: () => ({
          username: account.accountSid,
          password: (emulator.accounts[1] as EmulatorAccount).authToken,
        }),
      },
    ])('answers $name with 401 / 20003 and WWW-Authenticate', async ({ auth }) => {
      const response = await twilio('GET', '/v1/Users', { auth: auth() });
      expect({
        status: response.status,
        body: response.body,
        challenge: response.headers.get('www-authenticate'),
      }).toEqual({
        status: 401,
        body: twilioError(401, 20003, 'Authenticate'),
        challenge: 'Basic realm="Twilio API"',
      });
    });
  });

  describe('responses', () => {
    it('carry Twilio’s headers', async () => {
      const response = await twilio('GET', '/v1/Services');
      expect({
        contentType: response.headers.get('content-type'),
        region: response.headers.get('x-home-region'),
        shenanigans: response.headers.get('x-shenanigans'),
      }).toEqual({
        contentType: 'application/json; charset=utf-8',
        region: 'us1',
        shenanigans: 'none',
      });
      expect(response.headers.get('twilio-request-id')).toMatch(/^RQ[0-9a-f]{32}$/);
      expect(response.headers.get('twilio-request-duration')).toMatch(/^\d+\.\d{3}$/);
    });

    it('answer an unknown path with Twilio’s 404 body', async () => {
      const response = await twilio('GET', '/v1/Nothing/Here');
      expect(response.body).toEqual(
        twilioError(404, 20404, 'The requested resource /Nothing/Here was not found'),
      );
    });
  });

  describe('GET /__emulator/accounts', () => {
    it('lists the seeded accounts with their credentials', async () => {
      const response = await fetch(`${emulator.url}/__emulator/accounts`);
      expect(await response.json()).toEqual({ accounts: emulator.accounts });
      expect(emulator.accounts).toHaveLength(2);
    });
  });

  describe('the request log', () => {
    it('records Twilio requests in arrival order, without control requests', async () => {
      await twilio('GET', '/v1/Users?PageSize=2&Page=0');
      await twilio('GET', '/v1/Users/nobody%40owlbank.example');
      await twilio('GET', '/v1/Services', { auth: null });
      await control.people({ limit: 1 });
      const requests = await control.requests();
      const entry = (
        method: string,
        path: string,
        query: string,
        status: number,
        accountSid: string | null,
      ) => ({
        method,
        path,
        query,
        account: accountSid,
        status,
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) as string,
        durationMs: expect.any(Number) as number,
      });
      expect(requests).toEqual([
        entry('GET', '/v1/Users', 'PageSize=2&Page=0', 200, account.accountSid),
        entry('GET', '/v1/Users/nobody%40owlbank.example', '', 404, account.accountSid),
        entry('GET', '/v1/Services', '', 401, null),
      ]);
    });

    it('is emptied by DELETE /__emulator/requests', async () => {
      await twilio('GET', '/v1/Services');
      const cleared = await fetch(`${emulator.url}/__emulator/requests`, { method: 'DELETE' });
      expect({ status: cleared.status, requests: await control.requests() }).toEqual({
        status: 204,
        requests: [],
      });
    });
  });

  describe('faults', () => {
    const put = (body: unknown) => putFaults(emulator.url, body);

    it('reports every setting, omitted ones reset to their defaults', async () => {
      await put({ latencyMs: 5, errorRate: 0.5 });
      const response = await put({ rateLimitRate: 0.25, path: '^/v1/Users' });
      const current = await getFaults(emulator.url);
      const expected = { ...DEFAULT_FAULTS, rateLimitRate: 0.25, path: '^/v1/Users' };
      expect({ response, current }).toEqual({
        response: { status: 200, body: expected },
        current: expected,
      });
    });

    it('refuses invalid settings with 400', async () => {
      const responses = await Promise.all([
        put({ errorRate: 2 }),
        put({ path: '(' }),
        put({ errorStatus: 200 }),
        put({ speed: 1 }),
      ]);
      expect(responses.map((r) => r.status)).toEqual([400, 400, 400, 400]);
    });

    it('delays answers by at least latencyMs', async () => {
      await control.setFaults({ latencyMs: 120 });
      const started = performance.now();
      const response = await twilio('GET', '/v1/Services');
      expect(response.status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(115);
    });

    it('injects errorStatus errors with a Twilio body', async () => {
      await control.setFaults({ errorRate: 1, errorStatus: 503 });
      const response = await twilio('GET', '/v1/Services');
      expect({ status: response.status, body: response.body }).toEqual({
        status: 503,
        body: twilioError(503, 20503, 'Service Unavailable'),
      });
    });

    it('injects 429 / 20429 with Retry-After and Twilio-Reached-Rate-Limit', async () => {
      await control.setFaults({ rateLimitRate: 1, retryAfterSeconds: 3 });
      const response = await twilio('GET', '/v1/Services');
      expect({
        status: response.status,
        body: response.body,
        retryAfter: response.headers.get('retry-after'),
        reached: response.headers.get('twilio-reached-rate-limit'),
      }).toEqual({
        status: 429,
        body: twilioError(429, 20429, 'Too Many Requests'),
        retryAfter: '3',
        reached: 'true',
      });
    });

    it('sends no Retry-After when retryAfterSeconds is null', async () => {
      await control.setFaults({ rateLimitRate: 1, retryAfterSeconds: null });
      const response = await twilio('GET', '/v1/Services');
      expect([response.status, response.headers.get('retry-after')]).toEqual([429, null]);
    });

    it('stalls requests until the client gives up', async () => {
      await control.setFaults({ timeoutRate: 1 });
      const outcome = await twilio('GET', '/v1/Services', {
        signal: AbortSignal.timeout(200),
      }).then(
        () => 'answered',
        (error: Error) => error.name,
      );
      expect(outcome).toBe('TimeoutError');
      const [entry] = await control.requests();
      expect({ path: entry?.path, status: entry?.status }).toEqual({
        path: '/v1/Services',
        status: 0,
      });
    });

    it('applies only to paths matching the path pattern', async () => {
      await control.setFaults({ errorRate: 1, errorStatus: 502, path: '^/v2/' });
      const chat = await twilio('GET', '/v2/Services');
      const conversations = await twilio('GET', '/v1/Services');
      expect([chat.status, conversations.status]).toEqual([502, 200]);
    });

    it('never applies to the control API', async () => {
      await control.setFaults({ errorRate: 1, timeoutRate: 1 });
      const response = await fetch(`${emulator.url}/__emulator/accounts`);
      expect(response.status).toBe(200);
    });
  });

  describe('GET /__emulator/people', () => {
    it.each([
      { filter: { flex: true, conversations: true, deactivated: false } },
      { filter: { flex: true, conversations: false } },
      { filter: { flex: true, deactivated: true } },
      { filter: { flex: false, conversations: true } },
      { filter: { flex: false, conversations: false, extraChat: true } },
    ])('finds people by coverage: $filter', async ({ filter }) => {
      const people = await control.people(filter);
      expect(people.length).toBeGreaterThan(0);
      const extra = account.chatServiceSids[1] as string;
      for (const person of people) {
        expect({
          flex: filter.flex === undefined ? undefined : person.flexUserSid !== null,
          conversations: filter.conversations === undefined ? undefined : person.userSid !== null,
          deactivated: filter.deactivated === undefined ? undefined : person.deactivated,
          extraChat:
            filter.extraChat === undefined ? undefined : person.chatServiceSids.includes(extra),
        }).toEqual(filter);
      }
    });

    it('honours limit and accountSid', async () => {
      const other = emulator.accounts[1] as EmulatorAccount;
      const people = await control.people({ accountSid: other.accountSid, limit: 3 });
      expect(people.map((p) => p.accountSid)).toEqual([
        other.accountSid,
        other.accountSid,
        other.accountSid,
      ]);
    });
  });

  describe('POST /__emulator/reset', () => {
    it('returns to the seed, clears faults and the log', async () => {
      const before = await control.people();
      await twilio('POST', '/v1/Users', { form: { Identity: 'temporary.user' } });
      await twilio('DELETE', `/v1/Users/${before[0]?.userSid}`);
      await control.setFaults({ latencyMs: 1 });
      await control.reset();
      const faults = await getFaults(emulator.url);
      expect({ people: await control.people(), faults, log: await control.requests() }).toEqual({
        people: before,
        faults: DEFAULT_FAULTS,
        log: [],
      });
    });
  });
});

describe('startEmulator', () => {
  it('seeds the same world for the same seed', async () => {
    const [a, b] = await Promise.all([
      startEmulator({ seedUsers: 40 }),
      startEmulator({ seedUsers: 40 }),
    ]);
    const people = (url: string) => fetch(`${url}/__emulator/people`).then((r) => r.json());
    try {
      expect({ accounts: a.accounts, people: await people(a.url) }).toEqual({
        accounts: b.accounts,
        people: await people(b.url),
      });
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('closes while a stalled request is still open', async () => {
    const stalled = await startEmulator({ seedUsers: 20 });
    const account = stalled.accounts[0] as EmulatorAccount;
    await createEmulatorClient(stalled).setFaults({ timeoutRate: 1 });
    const pending = createTwilio(stalled.url, accountCredentials(account))(
      'GET',
      '/v1/Users',
    ).catch((error: Error) => error.name);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await stalled.close();
    expect(await pending).toBe('TypeError');
  });
});

describe('RequestLog', () => {
  it('keeps only the newest entries, oldest first, once full', () => {
    const log = new RequestLog(3);
    const entry = (n: number): LoggedRequest => ({
      method: 'GET',
      path: `/v1/Users/${n}`,
      query: '',
      account: null,
      status: 200,
      time: '2025-01-01T00:00:00.000Z',
      durationMs: 0,
    });
    for (let n = 1; n <= 5; n++) log.add(entry(n));
    expect(log.list()).toEqual([entry(3), entry(4), entry(5)]);
    expect(log.dropped).toBe(2);
    log.clear();
    expect([log.list(), log.dropped]).toEqual([[], 0]);
  });

  it('says over the control API how many requests fell out of a full log', async () => {
    const small = await startEmulator({ seedUsers: 20, requestLogCapacity: 2 });
    try {
      for (let n = 0; n < 5; n++) await fetch(`${small.url}/v1/Users/nobody-${n}`);
      const body = (await (await fetch(`${small.url}/__emulator/requests`)).json()) as {
        requests: LoggedRequest[];
        dropped: number;
      };
      expect(body.requests.map((r) => r.path)).toEqual([
        '/v1/Users/nobody-3',
        '/v1/Users/nobody-4',
      ]);
      expect(body.dropped).toBe(3);
    } finally {
      await small.close();
    }
  });
});
