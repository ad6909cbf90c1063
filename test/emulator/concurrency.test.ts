import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorAccount, type RunningEmulator } from '../../emulator/index.js';
import { createEmulatorClient, type EmulatorClient } from '../helpers/emulator.js';
import {
  accountCredentials,
  createTwilio,
  twilioError,
  type TwilioResponse,
} from './twilio-request.js';

/** Polls until `check` holds: arrival order across sockets is the server's, not the test's. */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('concurrency per account', () => {
  let emulator: RunningEmulator;
  let control: EmulatorClient;
  let a: EmulatorAccount;
  let b: EmulatorAccount;
  /** Requests a test left stalled; afterEach aborts them. */
  let stalled: AbortController;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, seedUsers: 40 });
    control = createEmulatorClient(emulator);
    [a, b] = emulator.accounts as [EmulatorAccount, EmulatorAccount];
  });
  afterAll(() => emulator.close());
  beforeEach(async () => {
    stalled = new AbortController();
    await control.clearRequests();
  });
  afterEach(async () => {
    stalled.abort();
    await control.setFaults({});
    await until(async () => {
      const accounts = Object.values(await control.concurrency());
      return accounts.every((load) => load.inFlight === 0);
    }, 'nothing is in flight');
  });

  const as = (account: EmulatorAccount) => createTwilio(emulator.url, accountCredentials(account));

  /** Sends a request meant to stall; it settles when afterEach aborts it. */
  function stall(account: EmulatorAccount, path = '/v1/Services'): Promise<unknown> {
    return as(account)('GET', path, { signal: stalled.signal }).catch((error: Error) => error.name);
  }

  const logged = (count: number) =>
    until(async () => (await control.requests()).length === count, `${count} requests arrived`);

  it('lists every seeded account, idle', async () => {
    const response = await fetch(`${emulator.url}/__emulator/concurrency`);
    expect(await response.json()).toEqual({
      accounts: {
        [a.accountSid]: { inFlight: 0, peak: 0 },
        [b.accountSid]: { inFlight: 0, peak: 0 },
      },
    });
  });

  it('counts answered requests until they are sent', async () => {
    for (let n = 0; n < 3; n++) await as(a)('GET', '/v1/Users?PageSize=1');
    expect(await control.concurrency()).toEqual({
      [a.accountSid]: { inFlight: 0, peak: 1 },
      [b.accountSid]: { inFlight: 0, peak: 0 },
    });
  });

  it('does not count requests whose credentials resolve to no account', async () => {
    await createTwilio(emulator.url, { username: a.accountSid, password: 'wrong' })(
      'GET',
      '/v1/Services',
    );
    expect((await control.concurrency())[a.accountSid]).toEqual({ inFlight: 0, peak: 0 });
  });

  it('counts a stalled request until its socket closes, and restarts peaks on clearRequests', async () => {
    await control.setFaults({ timeoutRate: 1, accountSid: a.accountSid });
    const pending = [stall(a), stall(a)];
    await logged(2);
    const during = await control.concurrency();
    stalled.abort();
    expect(await Promise.all(pending)).toEqual(['AbortError', 'AbortError']);
    await until(
      async () => (await control.concurrency())[a.accountSid]?.inFlight === 0,
      'the aborted requests are no longer in flight',
    );
    const after = await control.concurrency();
    await control.clearRequests();
    expect({ during, after, cleared: await control.concurrency() }).toEqual({
      during: {
        [a.accountSid]: { inFlight: 2, peak: 2 },
        [b.accountSid]: { inFlight: 0, peak: 0 },
      },
      after: {
        [a.accountSid]: { inFlight: 0, peak: 2 },
        [b.accountSid]: { inFlight: 0, peak: 0 },
      },
      cleared: {
        [a.accountSid]: { inFlight: 0, peak: 0 },
        [b.accountSid]: { inFlight: 0, peak: 0 },
      },
    });
  });

  describe('maxConcurrency', () => {
    const refusal = (response: TwilioResponse) => ({
      status: response.status,
      body: response.body,
      retryAfter: response.headers.get('retry-after'),
    });

    it('refuses an account’s request over its limit with 429 / 20429, other tenants unaffected', async () => {
      await control.setFaults({
        rules: [
          { accountSid: a.accountSid, timeoutRate: 1, maxConcurrency: 2 },
          { accountSid: b.accountSid, timeoutRate: 1 },
        ],
      });
      void stall(a);
      void stall(a);
      void stall(b);
      void stall(b);
      void stall(b);
      await logged(5);
      const over = await as(a)('GET', '/v1/Users/someone');
      const log = await control.requests();
      expect({
        over: refusal(over),
        logged: log.slice(5).map(({ method, path, account, status }) => ({
          method,
          path,
          account,
          status,
        })),
        concurrency: await control.concurrency(),
      }).toEqual({
        over: {
          status: 429,
          body: twilioError(429, 20429, 'Too Many Requests'),
          retryAfter: '1',
        },
        logged: [{ method: 'GET', path: '/v1/Users/someone', account: a.accountSid, status: 429 }],
        // The refused request was never processed, so it never counted.
        concurrency: {
          [a.accountSid]: { inFlight: 2, peak: 2 },
          [b.accountSid]: { inFlight: 3, peak: 3 },
        },
      });
    });

    it('counts the account’s whole load but refuses only the paths its rule matches', async () => {
      await control.setFaults({
        rules: [
          { accountSid: a.accountSid, path: '^/v2/', maxConcurrency: 1, retryAfterSeconds: null },
          { accountSid: a.accountSid, timeoutRate: 1 },
        ],
      });
      void stall(a, '/v1/Services');
      await logged(1);
      const chat = await as(a)('GET', '/v2/Services');
      void stall(a, '/v1/Users');
      await logged(3);
      expect({
        chat: refusal(chat),
        concurrency: (await control.concurrency())[a.accountSid],
      }).toEqual({
        chat: { status: 429, body: twilioError(429, 20429, 'Too Many Requests'), retryAfter: null },
        concurrency: { inFlight: 2, peak: 2 },
      });
    });

    it('admits requests again once the load falls below the limit', async () => {
      await control.setFaults({ accountSid: a.accountSid, maxConcurrency: 1 });
      const statuses = [];
      for (let n = 0; n < 3; n++) statuses.push((await as(a)('GET', '/v1/Services')).status);
      expect(statuses).toEqual([200, 200, 200]);
    });
  });
});
