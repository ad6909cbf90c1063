import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorAccount, type RunningEmulator } from '../../emulator/index.js';
import { createEmulatorClient } from '../helpers/emulator.js';
import { matchRequest, routeOf, type RouteRef } from '../helpers/routes.js';
import { accountCredentials, createTwilio } from './twilio-request.js';

const IS = `IS${'0123456789abcdef'.repeat(2)}`;
const US = `US${'fedcba9876543210'.repeat(2)}`;
const GO = `GO${'0a1b2c3d4e5f6789'.repeat(2)}`;
const FU = `FU${'ABCDEF0123456789'.repeat(2)}`;
const WS = `WS${'0123456789abcdef'.repeat(2)}`;
const WK = `WK${'abcdef0123456789'.repeat(2)}`;

const FLEX_FETCH: RouteRef = { spec: 'twilio_flex_v2.json', operationId: 'FetchFlexUser' };
const FLEX_UPDATE: RouteRef = { spec: 'twilio_flex_v2.json', operationId: 'UpdateFlexUser' };
const FLEX_LIST: RouteRef = { spec: 'flex-users-api', operationId: 'ListFlexUsers' };
const FLEX_FETCH_V4: RouteRef = { spec: 'flex-users-api', operationId: 'FetchFlexUserV4' };
const FLEX_BY_USERNAME: RouteRef = {
  spec: 'flex-users-api',
  operationId: 'FetchFlexUserByUsername',
};
const FLEX_PROVISION: RouteRef = { spec: 'flex-users-api', operationId: 'ProvisionFlexUser' };
const FLEX_DEPROVISION: RouteRef = { spec: 'flex-users-api', operationId: 'DeprovisionFlexUser' };
const CONVERSATIONS_FETCH: RouteRef = {
  spec: 'twilio_conversations_v1.json',
  operationId: 'FetchUser',
};
const CONVERSATIONS_LIST: RouteRef = {
  spec: 'twilio_conversations_v1.json',
  operationId: 'ListUser',
};
const CHAT_FETCH: RouteRef = { spec: 'twilio_chat_v2.json', operationId: 'FetchUser' };
const CHAT_LIST: RouteRef = { spec: 'twilio_chat_v2.json', operationId: 'ListUser' };
const CHAT_USER_CHANNELS: RouteRef = {
  spec: 'twilio_chat_v2.json',
  operationId: 'ListUserChannel',
};
const CHAT_USER_BINDINGS: RouteRef = {
  spec: 'twilio_chat_v2.json',
  operationId: 'ListUserBinding',
};
const WORKER_FETCH: RouteRef = { spec: 'twilio_taskrouter_v1.json', operationId: 'FetchWorker' };
const WORKER_LIST: RouteRef = { spec: 'twilio_taskrouter_v1.json', operationId: 'ListWorker' };

/** The operations a gateway of user reads and Flex user changes would mean to call. */
const ALLOWED: RouteRef[] = [
  FLEX_FETCH,
  FLEX_UPDATE,
  FLEX_LIST,
  FLEX_FETCH_V4,
  FLEX_BY_USERNAME,
  FLEX_PROVISION,
  FLEX_DEPROVISION,
  CONVERSATIONS_FETCH,
  CONVERSATIONS_LIST,
  CHAT_FETCH,
  CHAT_LIST,
  CHAT_USER_CHANNELS,
  CHAT_USER_BINDINGS,
  WORKER_FETCH,
  WORKER_LIST,
];

const request = (method: string, path: string, query = '') => ({ method, path, query });

describe('routeOf', () => {
  it.each([
    { ref: CHAT_FETCH, method: 'GET', template: '/v2/Services/{ServiceSid}/Users/{Sid}' },
    {
      ref: FLEX_UPDATE,
      method: 'POST',
      template: '/v2/Instances/{InstanceSid}/Users/{FlexUserSid}',
    },
    { ref: FLEX_LIST, method: 'GET', template: '/v1/Instances/{InstanceSid}/Users' },
    {
      ref: FLEX_DEPROVISION,
      method: 'POST',
      template: '/v4/Instances/{InstanceSid}/Users/Deprovision',
    },
  ])('reads $ref.operationId as $method $template', ({ ref, method, template }) => {
    expect(routeOf(ref)).toMatchObject({ ref, method, template });
  });

  it('takes path parameter rules from the spec, and query parameters with whether required', () => {
    expect(routeOf(CHAT_LIST)).toMatchObject({
      segments: [
        { literal: '' },
        { literal: 'v2' },
        { literal: 'Services' },
        {
          parameter: {
            name: 'ServiceSid',
            pattern: /^IS[0-9a-fA-F]{32}$/,
            minLength: 34,
            maxLength: 34,
          },
        },
        { literal: 'Users' },
      ],
      query: [
        { name: 'PageSize', required: false },
        { name: 'Page', required: false },
        { name: 'PageToken', required: false },
      ],
    });
    expect(routeOf(FLEX_BY_USERNAME).query).toEqual([{ name: 'Username', required: true }]);
  });

  it('gives the Flex Users API the SID patterns of the v2 spec’s parameters of the same name', () => {
    expect(routeOf(FLEX_FETCH_V4).segments.slice(3)).toEqual([
      {
        parameter: {
          name: 'InstanceSid',
          pattern: /^GO[0-9a-fA-F]{32}$/,
          minLength: 34,
          maxLength: 34,
        },
      },
      { literal: 'Users' },
      {
        parameter: {
          name: 'FlexUserSid',
          pattern: /^FU[0-9a-fA-F]{32}$/,
          minLength: 34,
          maxLength: 34,
        },
      },
    ]);
  });
});

describe('matchRequest', () => {
  it.each([
    {
      name: 'a Chat user by SID',
      request: request('GET', `/v2/Services/${IS}/Users/${US}`),
      expected: { route: CHAT_FETCH, params: { ServiceSid: IS, Sid: US } },
    },
    {
      name: 'a Chat user by an encoded identity',
      request: request('GET', `/v2/Services/${IS}/Users/ann.veal%40example.com`),
      expected: { route: CHAT_FETCH, params: { ServiceSid: IS, Sid: 'ann.veal@example.com' } },
    },
    {
      name: 'an identity that is dots, all encoded, but no dot-segment',
      request: request('GET', '/v1/Users/%2E%2E%2E'),
      expected: { route: CONVERSATIONS_FETCH, params: { Sid: '...' } },
    },
    {
      name: 'a "?" encoded into an identity, decoded into the param',
      request: request('GET', '/v1/Users/a%3FPageSize%3D1'),
      expected: { route: CONVERSATIONS_FETCH, params: { Sid: 'a?PageSize=1' } },
    },
    {
      name: 'a "+" in a path, which is a plus',
      request: request('GET', '/v1/Users/a+b'),
      expected: { route: CONVERSATIONS_FETCH, params: { Sid: 'a+b' } },
    },
    {
      name: 'a Conversations page with every declared query parameter',
      request: request('GET', '/v1/Users', 'PageSize=50&Page=1&PageToken=PA12'),
      expected: { route: CONVERSATIONS_LIST, params: {} },
    },
    {
      name: 'a Flex v2 update',
      request: request('POST', `/v2/Instances/${GO}/Users/${FU}`),
      expected: { route: FLEX_UPDATE, params: { InstanceSid: GO, FlexUserSid: FU } },
    },
    {
      name: 'the Flex v1 list, as its next_page_url pages it',
      request: request('GET', `/v1/Instances/${GO}/Users`, 'PageSize=50&Page=1&PageToken=PA3'),
      expected: { route: FLEX_LIST, params: { InstanceSid: GO } },
    },
    {
      name: 'a v4 Flex user by SID',
      request: request('GET', `/v4/Instances/${GO}/Users/${FU}`),
      expected: { route: FLEX_FETCH_V4, params: { InstanceSid: GO, FlexUserSid: FU } },
    },
    {
      name: 'a v4 Flex user by a form-encoded username',
      request: request('GET', `/v4/Instances/${GO}/Users`, 'Username=Jane+Doe%40example.com'),
      expected: { route: FLEX_BY_USERNAME, params: { InstanceSid: GO } },
    },
    {
      name: 'a v4 Flex user by a username whose query name is percent-encoded',
      request: request('GET', `/v4/Instances/${GO}/Users`, 'User%6Eame=Jane'),
      expected: { route: FLEX_BY_USERNAME, params: { InstanceSid: GO } },
    },
    {
      name: 'a v4 provision, not read as a Flex user SID',
      request: request('POST', `/v4/Instances/${GO}/Users/Provision`),
      expected: { route: FLEX_PROVISION, params: { InstanceSid: GO } },
    },
    {
      name: 'a v4 deprovision',
      request: request('POST', `/v4/Instances/${GO}/Users/Deprovision`),
      expected: { route: FLEX_DEPROVISION, params: { InstanceSid: GO } },
    },
    {
      name: 'a Chat user’s channels by SID, paged',
      request: request(
        'GET',
        `/v2/Services/${IS}/Users/${US}/Channels`,
        'PageSize=5&PageToken=PA3',
      ),
      expected: { route: CHAT_USER_CHANNELS, params: { ServiceSid: IS, UserSid: US } },
    },
    {
      name: 'a Chat user’s push bindings',
      request: request('GET', `/v2/Services/${IS}/Users/${US}/Bindings`, 'PageSize=5'),
      expected: { route: CHAT_USER_BINDINGS, params: { ServiceSid: IS, UserSid: US } },
    },
    {
      name: 'a TaskRouter worker',
      request: request('GET', `/v1/Workspaces/${WS}/Workers/${WK}`),
      expected: { route: WORKER_FETCH, params: { WorkspaceSid: WS, Sid: WK } },
    },
    {
      name: 'the workers with a friendly name',
      request: request('GET', `/v1/Workspaces/${WS}/Workers`, 'FriendlyName=ann%2Eveal&PageSize=1'),
      expected: { route: WORKER_LIST, params: { WorkspaceSid: WS } },
    },
  ])('matches $name', ({ request, expected }) => {
    expect(matchRequest(request, ALLOWED)).toEqual(expected);
  });

  it.each([
    { name: 'a literal ".."', request: request('GET', '/v1/Users/..') },
    { name: 'a literal "."', request: request('GET', '/v1/Users/.') },
    { name: 'literal dots only', request: request('GET', '/v1/Users/...') },
    { name: '"%2E%2E"', request: request('GET', '/v1/Users/%2E%2E') },
    { name: '".%2e"', request: request('GET', '/v1/Users/.%2e') },
    { name: '"%2E"', request: request('GET', '/v1/Users/%2E') },
    { name: 'an empty parameter', request: request('GET', '/v1/Users/') },
    {
      name: 'an extra segment',
      request: request('GET', `/v2/Services/${IS}/Users/${US}/Roles`),
    },
    {
      name: 'a worker SID of the wrong kind',
      request: request('GET', `/v1/Workspaces/${WS}/Workers/${US}`),
    },
    { name: 'a missing segment', request: request('GET', `/v2/Services/${IS}`) },
    { name: 'a doubled slash', request: request('GET', '/v1//Users') },
    {
      name: 'a "?" smuggled into a SID as %3F',
      request: request('GET', `/v2/Services/${IS}%3FPageSize%3D1/Users/${US}`),
    },
    {
      name: 'a "/" smuggled into a SID as %2F',
      request: request('GET', `/v2/Services/${IS}%2F..%2F/Users`),
    },
    { name: 'a SID of the wrong kind', request: request('GET', `/v2/Services/${US}/Users/${US}`) },
    {
      name: 'a SID too short',
      request: request('GET', `/v4/Instances/${GO.slice(0, -1)}/Users/${FU}`),
    },
    { name: 'a raw "#"', request: request('GET', '/v1/Users/a#b') },
    { name: 'a raw space', request: request('GET', '/v1/Users/a b') },
    { name: 'a raw non-ASCII character', request: request('GET', '/v1/Users/zoë') },
    { name: 'a malformed escape', request: request('GET', '/v1/Users/%zz') },
    { name: 'an escape that is not UTF-8', request: request('GET', '/v1/Users/%C0%AE') },
    { name: 'an encoded lone surrogate', request: request('GET', '/v1/Users/%ED%A0%80') },
    {
      name: 'an encoded spelling of a literal segment',
      request: request('GET', '/v1/%55sers/alice'),
    },
    { name: 'a literal segment in another case', request: request('GET', '/v1/users/alice') },
    { name: 'a wrong method', request: request('DELETE', '/v1/Users/alice') },
    {
      name: 'a method no operation has',
      request: request('PUT', `/v2/Instances/${GO}/Users/${FU}`),
    },
    {
      name: 'an unknown query parameter',
      request: request('GET', '/v1/Users', 'PageSize=1&Limit=5'),
    },
    { name: 'a query on a fetch', request: request('GET', '/v1/Users/alice', 'PageSize=1') },
    { name: 'an empty query pair', request: request('GET', '/v1/Users', 'PageSize=1&&Page=0') },
    { name: 'a trailing slash', request: request('GET', `/v4/Instances/${GO}/Users/`) },
    {
      name: 'a missing required query parameter',
      request: request('GET', `/v4/Instances/${GO}/Users`),
    },
    {
      name: 'a required query parameter left out',
      request: request('GET', `/v4/Instances/${GO}/Users`, 'PageSize=1'),
    },
    {
      name: 'a query value that is not UTF-8',
      request: request('GET', `/v4/Instances/${GO}/Users`, 'Username=%ED%A0%80'),
    },
    {
      name: 'a truncated UTF-8 query value',
      request: request('GET', `/v4/Instances/${GO}/Users`, 'Username=%C3'),
    },
    {
      name: 'a malformed query escape',
      request: request('GET', `/v4/Instances/${GO}/Users`, 'Username=%zz'),
    },
    {
      name: 'a query name that decodes to a declared one and a NUL',
      request: request('GET', `/v4/Instances/${GO}/Users`, 'Username%00=b'),
    },
  ])('rejects $name', ({ request }) => {
    expect(matchRequest(request, ALLOWED)).toBeNull();
  });

  it('matches only the operations allowed', () => {
    const fetch = request('GET', `/v2/Services/${IS}/Users/${US}`);
    expect([matchRequest(fetch, [CHAT_LIST]), matchRequest(fetch, [])]).toEqual([null, null]);
  });
});

describe('matchRequest on what the emulator logs', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, seedUsers: 20 });
  });
  afterAll(() => emulator.close());

  it('matches every request of a session that calls only allowed operations', async () => {
    const account = emulator.accounts[0] as EmulatorAccount;
    const control = createEmulatorClient(emulator);
    const person = await control.person({ flex: true, conversations: true, deactivated: false });
    const twilio = createTwilio(emulator.url, accountCredentials(account));
    const instance = account.flexInstanceSid;
    const identity = encodeURIComponent(person.identity);
    await twilio('GET', `/v1/Users/${identity}`);
    await twilio('GET', `/v2/Services/${account.defaultChatServiceSid}/Users/${identity}`);
    await twilio('GET', `/v2/Instances/${instance}/Users/${person.flexUserSid}`);
    await twilio('GET', `/v4/Instances/${instance}/Users?Username=${identity}`);
    await twilio('GET', `/v1/Instances/${instance}/Users?PageSize=2`);
    await twilio('GET', `/v1/Workspaces/${account.workspaceSid}/Workers?FriendlyName=${identity}`);
    await twilio(
      'GET',
      `/v2/Services/${account.defaultChatServiceSid}/Users/${person.userSid}/Channels`,
    );
    await twilio(
      'GET',
      `/v2/Services/${account.defaultChatServiceSid}/Users/${person.userSid}/Bindings`,
    );
    const logged = await control.requests();
    expect(logged.map((entry) => matchRequest(entry, ALLOWED)?.route)).toEqual([
      CONVERSATIONS_FETCH,
      CHAT_FETCH,
      FLEX_FETCH,
      FLEX_BY_USERNAME,
      FLEX_LIST,
      WORKER_LIST,
      CHAT_USER_CHANNELS,
      CHAT_USER_BINDINGS,
    ]);
  });
});
