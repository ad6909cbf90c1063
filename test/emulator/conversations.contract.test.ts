import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startEmulator,
  type EmulatorAccount,
  type RunningEmulator,
  type SeededPerson,
} from '../../emulator/index.js';
import { createEmulatorClient, type EmulatorClient } from '../helpers/emulator.js';
import { createAjv, responseValidator, schemaErrors } from '../helpers/openapi.js';
import { accountCredentials, createTwilio, twilioError, type Twilio } from './twilio-request.js';

interface ConversationsUser {
  sid: string;
  account_sid: string;
  chat_service_sid: string;
  role_sid: string | null;
  identity: string;
  friendly_name: string | null;
  attributes: string;
  is_online: boolean | null;
  is_notifiable: boolean | null;
  date_created: string;
  date_updated: string;
  url: string;
  links: { user_conversations: string };
}

interface Page<T> {
  users?: T[];
  services?: T[];
  meta: { next_page_url: string | null; page_size: number; key: string };
}

/** One row of a spec table: the request to send and the status the operation declares. */
interface SpecCase {
  operationId: string;
  method: string;
  path: (person: SeededPerson) => string;
  form?: Record<string, string>;
  status: number;
}

const ajv = createAjv();
const spec = 'twilio_conversations_v1.json' as const;

describe('Conversations users and services', () => {
  let emulator: RunningEmulator;
  let control: EmulatorClient;
  let account: EmulatorAccount;
  let twilio: Twilio;
  let extraService: string;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, seedUsers: 150 });
    control = createEmulatorClient(emulator);
    account = emulator.accounts[0] as EmulatorAccount;
    twilio = createTwilio(emulator.url, accountCredentials(account));
    extraService = account.chatServiceSids[1] as string;
  });
  afterAll(() => emulator.close());

  /** A seeded Conversations user; `index` keeps tests that change users on different people. */
  async function conversationsPerson(index: number): Promise<SeededPerson> {
    const person = (await control.people({ conversations: true }))[index];
    if (person?.userSid == null) throw new Error(`the seed has no Conversations person #${index}`);
    return person;
  }

  describe('matches twilio_conversations_v1.json', () => {
    const service = () => `/v1/Services/${account.defaultChatServiceSid}`;
    it.each<SpecCase>([
      { operationId: 'ListUser', method: 'GET', path: () => '/v1/Users?PageSize=20', status: 200 },
      {
        operationId: 'CreateUser',
        method: 'POST',
        path: () => '/v1/Users',
        form: { Identity: 'schema.create', FriendlyName: 'Schema', Attributes: '{"a":1}' },
        status: 201,
      },
      {
        operationId: 'FetchUser',
        method: 'GET',
        path: (p: SeededPerson) => `/v1/Users/${p.userSid}`,
        status: 200,
      },
      {
        operationId: 'UpdateUser',
        method: 'POST',
        path: (p: SeededPerson) => `/v1/Users/${p.userSid}`,
        form: { FriendlyName: 'Renamed' },
        status: 200,
      },
      { operationId: 'ListService', method: 'GET', path: () => '/v1/Services', status: 200 },
      { operationId: 'FetchService', method: 'GET', path: () => service(), status: 200 },
      {
        operationId: 'ListServiceUser',
        method: 'GET',
        path: () => `/v1/Services/${extraService}/Users`,
        status: 200,
      },
      {
        operationId: 'CreateServiceUser',
        method: 'POST',
        path: () => `${service()}/Users`,
        form: { Identity: 'schema.service.create' },
        status: 201,
      },
      {
        operationId: 'FetchServiceUser',
        method: 'GET',
        path: (p: SeededPerson) => `${service()}/Users/${encodeURIComponent(p.identity)}`,
        status: 200,
      },
      {
        operationId: 'UpdateServiceUser',
        method: 'POST',
        path: (p: SeededPerson) => `${service()}/Users/${p.userSid}`,
        form: { Attributes: '{"team":"blue"}' },
        status: 200,
      },
    ])('$operationId ($method)', async ({ operationId, method, path, form, status }) => {
      const person = await conversationsPerson(1);
      const response = await twilio(method, path(person), { form });
      expect(response.status).toBe(status);
      const validate = responseValidator(ajv, { spec, operationId }, status);
      expect(schemaErrors(validate, response.body)).toEqual([]);
    });

    it.each([
      { operationId: 'DeleteUser', path: (sid: string) => `/v1/Users/${sid}` },
      {
        operationId: 'DeleteServiceUser',
        path: (sid: string) => `/v1/Services/${account.defaultChatServiceSid}/Users/${sid}`,
      },
    ])('$operationId (DELETE) answers 204 with no body', async ({ operationId, path }) => {
      const created = await twilio('POST', '/v1/Users', {
        form: { Identity: `delete.${operationId}` },
      });
      const response = await twilio('DELETE', path((created.body as ConversationsUser).sid));
      expect({ status: response.status, body: response.body }).toEqual({ status: 204, body: null });
    });
  });

  describe('GET /v1/Users', () => {
    it('pages to the end following next_page_url verbatim, seeing every user once', async () => {
      const expected = (await control.people({ conversations: true })).map((p) => p.userSid);
      const seen: string[] = [];
      let url: string | null = '/v1/Users?PageSize=50';
      while (url !== null) {
        const response = await twilio('GET', url);
        expect(response.status).toBe(200);
        const page = response.body as Page<ConversationsUser>;
        seen.push(...(page.users ?? []).map((user) => user.sid));
        url = page.meta.next_page_url;
      }
      expect(seen.length).toBe(new Set(seen).size);
      expect(new Set(seen)).toEqual(new Set(expected));
    });

    it('caps PageSize at 50 and returns null presence in lists', async () => {
      const page = (await twilio('GET', '/v1/Users?PageSize=51')).body as Page<ConversationsUser>;
      expect(page.meta.page_size).toBe(50);
      expect(page.users?.every((u) => u.is_online === null && u.is_notifiable === null)).toBe(true);
    });

    it('refuses a PageSize that is not a positive integer', async () => {
      const response = await twilio('GET', '/v1/Users?PageSize=0');
      expect(response.status).toBe(400);
    });
  });

  describe('GET /v1/Users/{Sid}', () => {
    it('fetches the same user by SID and by identity', async () => {
      const person = await conversationsPerson(2);
      const bySid = await twilio('GET', `/v1/Users/${person.userSid}`);
      const byIdentity = await twilio('GET', `/v1/Users/${encodeURIComponent(person.identity)}`);
      expect(bySid.status).toBe(200);
      expect(byIdentity.body).toEqual(bySid.body);
      expect((bySid.body as ConversationsUser).identity).toBe(person.identity);
    });

    it('finds an email identity with + and @ percent-encoded, or with a literal +', async () => {
      const person = (await control.people({ conversations: true })).find((p) =>
        p.identity.includes('+'),
      );
      if (person === undefined) throw new Error('the seed has no identity with +');
      const encoded = await twilio('GET', `/v1/Users/${encodeURIComponent(person.identity)}`);
      const literal = await twilio('GET', `/v1/Users/${person.identity}`);
      expect(encoded.status).toBe(200);
      expect((encoded.body as ConversationsUser).sid).toBe(person.userSid);
      expect(literal.body).toEqual(encoded.body);
    });

    it('matches identities case-sensitively', async () => {
      const person = (await control.people({ conversations: true })).find((p) =>
        /[a-z]/.test(p.identity),
      );
      const path = `/v1/Users/${encodeURIComponent(person?.identity.toUpperCase() ?? '')}`;
      const response = await twilio('GET', path);
      expect(response.status).toBe(404);
    });

    it('answers 404 with Twilio’s body for an unknown SID', async () => {
      const sid = `US${'0'.repeat(32)}`;
      const response = await twilio('GET', `/v1/Users/${sid}`);
      expect({ status: response.status, body: response.body }).toEqual({
        status: 404,
        body: twilioError(404, 20404, `The requested resource /Users/${sid} was not found`),
      });
    });

    it('returns null presence on fetch from the default service (reachability off)', async () => {
      const person = await conversationsPerson(3);
      const user = (await twilio('GET', `/v1/Users/${person.userSid}`)).body as ConversationsUser;
      expect([user.is_online, user.is_notifiable]).toEqual([null, null]);
    });

    it('returns boolean presence on fetch from a service with reachability on', async () => {
      const person = await control.person({ extraChat: true });
      const user = (
        await twilio(
          'GET',
          `/v1/Services/${extraService}/Users/${encodeURIComponent(person.identity)}`,
        )
      ).body as ConversationsUser;
      expect([typeof user.is_online, typeof user.is_notifiable]).toEqual(['boolean', 'boolean']);
    });
  });

  describe('POST /v1/Users', () => {
    it('creates a user in the default service', async () => {
      const response = await twilio('POST', '/v1/Users', {
        form: {
          Identity: 'new.agent@owlbank.example',
          FriendlyName: 'New Agent',
          Attributes: '{"desk":4}',
        },
      });
      const user = response.body as ConversationsUser;
      expect(response.status).toBe(201);
      expect(user).toEqual({
        sid: user.sid,
        account_sid: account.accountSid,
        chat_service_sid: account.defaultChatServiceSid,
        role_sid: user.role_sid,
        identity: 'new.agent@owlbank.example',
        friendly_name: 'New Agent',
        attributes: '{"desk":4}',
        is_online: null,
        is_notifiable: null,
        date_created: user.date_created,
        date_updated: user.date_created,
        url: `${emulator.url}/v1/Users/${user.sid}`,
        links: { user_conversations: `${emulator.url}/v1/Users/${user.sid}/Conversations` },
      });
      expect(user.sid).toMatch(/^US[0-9a-f]{32}$/);
      expect(user.role_sid).toMatch(/^RL[0-9a-f]{32}$/);
    });

    it('defaults attributes to "{}" and friendly_name to null', async () => {
      const user = (await twilio('POST', '/v1/Users', { form: { Identity: 'bare.user' } }))
        .body as ConversationsUser;
      expect([user.attributes, user.friendly_name]).toEqual(['{}', null]);
    });

    it.each([
      {
        name: 'a duplicate identity with 409 / 50201',
        form: () => ({ Identity: 'dup.user' }),
        before: async (t: Twilio) => t('POST', '/v1/Users', { form: { Identity: 'dup.user' } }),
        status: 409,
        code: 50201,
      },
      {
        name: 'an identity that looks like a US SID with 400 / 50206',
        form: () => ({ Identity: `US${'1'.repeat(32)}` }),
        status: 400,
        code: 50206,
      },
      {
        name: 'Attributes that are not a JSON object with 400 / 20001',
        form: () => ({ Identity: 'bad.attributes', Attributes: 'not json' }),
        status: 400,
        code: 20001,
      },
      {
        name: 'a RoleSid that is not an RL SID with 400 / 20001',
        form: () => ({ Identity: 'bad.role', RoleSid: 'admin' }),
        status: 400,
        code: 20001,
      },
    ])('refuses $name', async ({ form, before, status, code }) => {
      await before?.(twilio);
      const response = await twilio('POST', '/v1/Users', { form: form() });
      expect({ status: response.status, code: (response.body as { code: number }).code }).toEqual({
        status,
        code,
      });
    });

    it('refuses a create without Identity with Twilio’s message', async () => {
      const response = await twilio('POST', '/v1/Users', { form: { FriendlyName: 'Nameless' } });
      expect({ status: response.status, body: response.body }).toEqual({
        status: 400,
        body: twilioError(400, 20001, 'Missing required parameter Identity in the post body'),
      });
    });

    it('reads parameters from a form body only, as Twilio does', async () => {
      const response = await twilio('POST', '/v1/Users', { json: { Identity: 'json.user' } });
      expect(response.status).toBe(400);
    });
  });

  describe('POST and DELETE /v1/Users/{Sid}', () => {
    it('updates FriendlyName, Attributes and RoleSid and moves date_updated', async () => {
      const person = await conversationsPerson(4);
      const before = (await twilio('GET', `/v1/Users/${person.userSid}`)).body as ConversationsUser;
      const roleSid = `RL${'2'.repeat(32)}`;
      const response = await twilio('POST', `/v1/Users/${encodeURIComponent(person.identity)}`, {
        form: { FriendlyName: 'Changed Name', Attributes: '{"shift":"night"}', RoleSid: roleSid },
      });
      const after = response.body as ConversationsUser;
      expect(after).toEqual({
        ...before,
        friendly_name: 'Changed Name',
        attributes: '{"shift":"night"}',
        role_sid: roleSid,
        date_updated: after.date_updated,
      });
      expect(after.date_updated > before.date_updated).toBe(true);
    });

    it('serves the same record under /v1/Services/{default}/Users with that url', async () => {
      const person = await conversationsPerson(5);
      const plain = (await twilio('GET', `/v1/Users/${person.userSid}`)).body as ConversationsUser;
      const scoped = (
        await twilio('GET', `/v1/Services/${account.defaultChatServiceSid}/Users/${person.userSid}`)
      ).body as ConversationsUser;
      const url = `${emulator.url}/v1/Services/${account.defaultChatServiceSid}/Users/${person.userSid}`;
      expect(scoped).toEqual({
        ...plain,
        url,
        links: { user_conversations: `${url}/Conversations` },
      });
    });

    it('deletes a user by identity, after which it is 404 and its Flex user’s user_sid dangles', async () => {
      const person = (await control.people({ flex: true, conversations: true }))[6];
      if (person === undefined) throw new Error('the seed has too few Flex people');
      const deleted = await twilio('DELETE', `/v1/Users/${encodeURIComponent(person.identity)}`);
      const fetched = await twilio('GET', `/v1/Users/${person.userSid}`);
      const flexUser = await twilio(
        'GET',
        `/v2/Instances/${account.flexInstanceSid}/Users/${person.flexUserSid}`,
      );
      expect([deleted.status, fetched.status]).toEqual([204, 404]);
      expect((flexUser.body as { user_sid: string }).user_sid).toBe(person.userSid);
    });
  });

  describe('services', () => {
    it('lists the account’s services, the default one first', async () => {
      const page = (await twilio('GET', '/v1/Services')).body as Page<{ sid: string }>;
      expect(page.services?.map((service) => service.sid)).toEqual(account.chatServiceSids);
      expect(page.meta.key).toBe('services');
    });

    it('answers 404 for a service SID that does not match ^IS…', async () => {
      const response = await twilio('GET', '/v1/Services/ISnotasid/Users');
      expect(response.body).toEqual(
        twilioError(404, 20404, 'The requested resource /Services/ISnotasid/Users was not found'),
      );
    });
  });
});
