import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorAccount, type RunningEmulator } from '../../emulator/index.js';
import { createEmulatorClient, type EmulatorClient } from '../helpers/emulator.js';
import {
  accountCredentials,
  createTwilio,
  sendRawPath,
  twilioError,
  type Credentials,
} from './twilio-request.js';

/**
 * Paths as a client may send them, byte for byte: a percent-decoded segment is an identity,
 * never a path step, and the request log keeps what arrived.
 */
describe('the emulator’s path handling', () => {
  let emulator: RunningEmulator;
  let control: EmulatorClient;
  let account: EmulatorAccount;
  let credentials: Credentials;
  let service: string;

  const IDENTITIES = ['.', '..', '../Services', 'a', 'a?b', 'a#b', 'a+b', 'a;b', '%2E%2E'];

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, seedUsers: 20 });
    control = createEmulatorClient(emulator);
    account = emulator.accounts[0] as EmulatorAccount;
    credentials = accountCredentials(account);
    service = account.defaultChatServiceSid;
    const twilio = createTwilio(emulator.url, credentials);
    for (const identity of IDENTITIES) {
      const created = await twilio('POST', '/v1/Users', { form: { Identity: identity } });
      if (created.status !== 201)
        throw new Error(`Could not create ${identity}: ${created.status}`);
    }
  });
  afterAll(() => emulator.close());
  beforeEach(() => control.clearRequests());

  const get = (path: string) => sendRawPath(emulator.url, 'GET', path, credentials);

  it.each([
    { path: '/v1/Users/.', identity: '.' },
    { path: '/v1/Users/%2E', identity: '.' },
    { path: '/v1/Users/..', identity: '..' },
    { path: '/v1/Users/%2E%2E', identity: '..' },
    { path: '/v1/Users/.%2e', identity: '..' },
    { path: '/v1/Users/..%2FServices', identity: '../Services' },
    { path: '/v1/Users/%2E%2E%2FServices', identity: '../Services' },
    { path: '/v1/Users/a%3Fb', identity: 'a?b' },
    { path: '/v1/Users/a%23b', identity: 'a#b' },
    { path: '/v1/Users/a+b', identity: 'a+b' },
    { path: '/v1/Users/a;b', identity: 'a;b' },
    { path: '/v1/Users/%252E%252E', identity: '%2E%2E' },
    { path: '/v2/Services/{service}/Users/%2E%2E', identity: '..' },
  ])('serves $path as the user with identity "$identity", logged as sent', async (row) => {
    const path = row.path.replace('{service}', service);
    const response = await get(path);
    const [entry] = await control.requests();
    expect({
      status: response.status,
      identity: (response.body as { identity?: string }).identity,
      logged: { path: entry?.path, status: entry?.status },
    }).toEqual({ status: 200, identity: row.identity, logged: { path, status: 200 } });
  });

  it.each([
    '/v1/Users/...',
    '/v1/Users/%2E%2E%2E',
    '/v1/Users/..%2F..',
    '/v1/Users/../Services',
    '/v1/Users/%2E%2E/Services',
    '/v1/Users/',
    '/v1//Users',
    '/v2/Services/{service}/Users/..%2F..%2F..%2FServices',
    '/v1/Services/{service}/Users/../../../v1/Services',
  ])('answers %s with Twilio’s 404 for that path, logged as sent', async (template) => {
    const path = template.replace('{service}', service);
    const response = await get(path);
    const [entry] = await control.requests();
    expect({
      status: response.status,
      body: response.body,
      logged: { path: entry?.path, status: entry?.status },
    }).toEqual({
      status: 404,
      body: twilioError(
        404,
        20404,
        `The requested resource ${path.replace(/^\/v\d+/, '')} was not found`,
      ),
      logged: { path, status: 404 },
    });
  });

  it.each([
    {
      path: '/v1/Users/a#b',
      status: 400,
      code: 20001,
      message: "The request path /v1/Users/a#b contains a raw '#'",
    },
    {
      path: '/v1/Users/%zz',
      status: 400,
      code: 20001,
      message: "'/v1/Users/%zz' is not a valid url component",
    },
    {
      path: '/v1/Users/%C0%AE',
      status: 400,
      code: 20001,
      message: "'/v1/Users/%C0%AE' is not a valid url component",
    },
    {
      path: '/v1/Users/%ED%A0%80',
      status: 400,
      code: 20001,
      message: "'/v1/Users/%ED%A0%80' is not a valid url component",
    },
    {
      path: `/v1/Users/${'x'.repeat(1001)}`,
      status: 414,
      code: 20414,
      message: `'/v1/Users/${'x'.repeat(1001)}' is exceeding the max param length`,
    },
  ])(
    'refuses $path in Twilio’s error shape and logs it',
    async ({ path, status, code, message }) => {
      // A raw '#' would otherwise serve the existing identity "a".
      const response = await get(path);
      const [entry] = await control.requests();
      expect({
        status: response.status,
        body: response.body,
        logged: { path: entry?.path, account: entry?.account, status: entry?.status },
      }).toEqual({
        status,
        body: twilioError(status, code, message),
        logged: { path, account: account.accountSid, status },
      });
    },
  );

  it('refuses a malformed control path without logging it', async () => {
    const response = await sendRawPath(emulator.url, 'GET', '/__emulator/people%zz', null);
    expect({ status: response.status, log: await control.requests() }).toEqual({
      status: 400,
      log: [],
    });
  });
});
