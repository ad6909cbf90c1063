import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorAccount, type RunningEmulator } from '../../emulator/index.js';
import { createEmulatorClient, type EmulatorClient } from '../helpers/emulator.js';
import { createAjv, responseValidator, schemaErrors } from '../helpers/openapi.js';
import {
  flexUsersByUsernameSchema,
  flexUserV4Schema,
  listFlexUsersSchema,
  provisionedFlexUserSchema,
} from './flex-users-api-schemas.js';
import { accountCredentials, createTwilio, twilioError, type Twilio } from './twilio-request.js';

/** Fields every Flex user view shares (v1 list, v4 fetch, by-username, Provision). */
interface FlexUserCommon {
  account_sid: string;
  created_date: string;
  deactivated: boolean;
  deactivated_date: string | null;
  email: string;
  flex_team_sid: string;
  flex_user_sid: string;
  full_name: string;
  instance_sid: string;
  locale: string | null;
  roles: string[];
  updated_date: string;
  username: string;
  version: number;
}

interface FlexUserV4 extends FlexUserCommon {
  worker_sid: string | null;
  workspace_sid: string | null;
}

interface ProvisionedFlexUser extends FlexUserCommon {
  worker: { worker_sid: string | null; workspace_sid: string | null };
}

interface FlexUserV2 {
  account_sid: string;
  instance_sid: string;
  user_sid: string | null;
  flex_user_sid: string;
  worker_sid: string | null;
  workspace_sid: string | null;
  flex_team_sid: string;
  username: string;
  email: string;
  locale: string | null;
  roles: string[];
  created_date: string;
  updated_date: string;
  version: number;
  url: string;
}

interface FlexPage {
  users: FlexUserV4[];
  meta: { next_page_url: string | null; page_size: number; page: number };
}

const ajv = createAjv();

describe('Flex users', () => {
  let emulator: RunningEmulator;
  let control: EmulatorClient;
  let account: EmulatorAccount;
  let other: EmulatorAccount;
  let twilio: Twilio;
  let v2: string;
  let v4: string;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, seedUsers: 120 });
    control = createEmulatorClient(emulator);
    [account, other] = emulator.accounts as [EmulatorAccount, EmulatorAccount];
    twilio = createTwilio(emulator.url, accountCredentials(account));
    v2 = `/v2/Instances/${account.flexInstanceSid}/Users`;
    v4 = `/v4/Instances/${account.flexInstanceSid}/Users`;
  });
  afterAll(() => emulator.close());

  const provisionBody = (username: string, overrides: Record<string, unknown> = {}) => ({
    username,
    email: `${username}@owlbank.example`,
    full_name: 'Robin Lee',
    roles: ['agent'],
    worker: { attributes: { 'channel.voice.capacity': 1, language: 'english' } },
    ...overrides,
  });

  describe('matches twilio_flex_v2.json', () => {
    it.each([
      { operationId: 'FetchFlexUser', method: 'GET', form: undefined },
      { operationId: 'UpdateFlexUser', method: 'POST', form: { Locale: 'fr-FR' } },
    ])('$operationId ($method)', async ({ operationId, method, form }) => {
      const person = await control.person({ flex: true, conversations: true });
      const response = await twilio(method, `${v2}/${person.flexUserSid}`, { form });
      expect(response.status).toBe(200);
      const validate = responseValidator(ajv, { spec: 'twilio_flex_v2.json', operationId }, 200);
      expect(schemaErrors(validate, response.body)).toEqual([]);
    });
  });

  describe('matches twilio_flex_v1.json', () => {
    it("FetchConfiguration names the account's Flex instance, chat service and workspace", async () => {
      const response = await twilio('GET', '/v1/Configuration');
      expect(response.status).toBe(200);
      const validate = responseValidator(
        ajv,
        { spec: 'twilio_flex_v1.json', operationId: 'FetchConfiguration' },
        200,
      );
      expect(schemaErrors(validate, response.body)).toEqual([]);
      expect(response.body).toMatchObject({
        account_sid: account.accountSid,
        flex_instance_sid: account.flexInstanceSid,
        chat_service_instance_sid: account.defaultChatServiceSid,
        taskrouter_workspace_sid: account.workspaceSid,
      });
    });
  });

  describe('matches the Flex Users API (beta) documentation', () => {
    it.each([
      {
        name: 'List Flex Users',
        path: () => `/v1/Instances/${account.flexInstanceSid}/Users?PageSize=5`,
        schema: listFlexUsersSchema,
      },
      {
        name: 'Get Flex user by username (found)',
        path: () => `${v4}?Username=__FIRST__`,
        schema: flexUsersByUsernameSchema,
      },
      {
        name: 'Get Flex user by username (absent)',
        path: () => `${v4}?Username=nobody`,
        schema: flexUsersByUsernameSchema,
      },
      {
        name: 'Get Flex user by Flex user SID',
        path: () => `${v4}/__FIRST_SID__`,
        schema: flexUserV4Schema,
      },
    ])('$name', async ({ path, schema }) => {
      const person = await control.person({ flex: true });
      const url = path()
        .replace('__FIRST__', encodeURIComponent(person.identity))
        .replace('__FIRST_SID__', person.flexUserSid ?? '');
      const response = await twilio('GET', url);
      expect(response.status).toBe(200);
      expect(schemaErrors(ajv.compile(schema), response.body)).toEqual([]);
    });

    it('Provision a Flex user', async () => {
      const response = await twilio('POST', `${v4}/Provision`, {
        json: provisionBody('schema.check'),
      });
      expect(response.status).toBe(201);
      expect(schemaErrors(ajv.compile(provisionedFlexUserSchema), response.body)).toEqual([]);
    });

    it('Deprovision a Flex user', async () => {
      const provisioned = await twilio('POST', `${v4}/Provision`, {
        json: provisionBody('deprovision.check'),
      });
      const { flex_user_sid } = provisioned.body as ProvisionedFlexUser;
      const response = await twilio('POST', `${v4}/Deprovision`, { json: { flex_user_sid } });
      expect({ status: response.status, body: response.body }).toEqual({ status: 204, body: null });
    });
  });

  describe('GET /v1/Instances/{InstanceSid}/Users', () => {
    it('pages to the end following next_page_url verbatim, seeing every Flex user once', async () => {
      const expected = (await control.people({ flex: true })).map((p) => p.flexUserSid);
      const seen: string[] = [];
      let url: string | null = `/v1/Instances/${account.flexInstanceSid}/Users?PageSize=7`;
      let pages = 0;
      while (url !== null) {
        const response = await twilio('GET', url);
        expect(response.status).toBe(200);
        const page = response.body as FlexPage;
        expect(page.meta.page).toBe(pages);
        seen.push(...page.users.map((user) => user.flex_user_sid));
        url = page.meta.next_page_url;
        pages += 1;
      }
      expect(seen.length).toBe(new Set(seen).size);
      expect(new Set(seen)).toEqual(new Set(expected));
      expect(pages).toBe(Math.ceil(expected.length / 7));
    });

    it('caps PageSize at 1000', async () => {
      const response = await twilio(
        'GET',
        `/v1/Instances/${account.flexInstanceSid}/Users?PageSize=5000`,
      );
      expect((response.body as FlexPage).meta.page_size).toBe(1000);
    });

    it('answers 404 for another account’s instance', async () => {
      const path = `/v1/Instances/${other.flexInstanceSid}/Users`;
      const response = await twilio('GET', path);
      expect({ status: response.status, body: response.body }).toEqual({
        status: 404,
        body: twilioError(
          404,
          20404,
          `The requested resource /Instances/${other.flexInstanceSid}/Users was not found`,
        ),
      });
    });
  });

  describe('/v2/Instances/{InstanceSid}/Users/{FlexUserSid}', () => {
    it('fetches the v2 view of the user the v4 API shows', async () => {
      const person = await control.person({ flex: true, conversations: true, deactivated: false });
      const v2User = (await twilio('GET', `${v2}/${person.flexUserSid}`)).body as FlexUserV2;
      const v4User = (await twilio('GET', `${v4}/${person.flexUserSid}`)).body as FlexUserV4;
      const { full_name: _f, deactivated: _d, deactivated_date: _dd, ...shared } = v4User;
      expect(v2User).toEqual({
        ...shared,
        user_sid: person.userSid,
        url: `${emulator.url}${v2}/${person.flexUserSid}`,
      });
    });

    it('updates Email, UserSid and Locale and bumps version and updated_date', async () => {
      const person = await control.person({ flex: true, conversations: true, deactivated: false });
      const [target] = await control.people({ flex: false, conversations: true, limit: 1 });
      const before = (await twilio('GET', `${v2}/${person.flexUserSid}`)).body as FlexUserV2;
      const response = await twilio('POST', `${v2}/${person.flexUserSid}`, {
        form: {
          Email: 'new.address@owlbank.example',
          UserSid: target?.userSid ?? '',
          Locale: 'de-DE',
        },
      });
      expect(response.status).toBe(200);
      const after = response.body as FlexUserV2;
      expect(after).toEqual({
        ...before,
        email: 'new.address@owlbank.example',
        user_sid: target?.userSid,
        locale: 'de-DE',
        version: before.version + 1,
        updated_date: after.updated_date,
      });
      expect(after.updated_date > before.updated_date).toBe(true);
      const v4User = (await twilio('GET', `${v4}/${person.flexUserSid}`)).body as FlexUserV4;
      expect({ email: v4User.email, version: v4User.version }).toEqual({
        email: 'new.address@owlbank.example',
        version: before.version + 1,
      });
    });

    it('refuses a UserSid that is not a US SID with 400', async () => {
      const person = await control.person({ flex: true });
      const response = await twilio('POST', `${v2}/${person.flexUserSid}`, {
        form: { UserSid: 'USnope' },
      });
      expect(response.status).toBe(400);
      expect((response.body as { code: number }).code).toBe(20001);
    });

    it.each([
      { name: 'a FlexUserSid that does not match ^FU…', sid: () => 'FU123' },
      { name: 'an unknown FU SID', sid: () => `FU${'0'.repeat(32)}` },
      { name: 'an identity in place of the SID', sid: () => 'agent_jsmith' },
    ])('answers 404 for $name', async ({ sid }) => {
      const path = `${v2}/${sid()}`;
      const response = await twilio('GET', path);
      expect({ status: response.status, body: response.body }).toEqual({
        status: 404,
        body: twilioError(
          404,
          20404,
          `The requested resource ${path.replace('/v2', '')} was not found`,
        ),
      });
    });

    it('answers 404 for an instance SID that does not match ^GO…', async () => {
      const person = await control.person({ flex: true });
      const response = await twilio('GET', `/v2/Instances/GO123/Users/${person.flexUserSid}`);
      expect(response.status).toBe(404);
    });

    it('answers DELETE with 405 Method not allowed', async () => {
      const person = await control.person({ flex: true });
      const response = await twilio('DELETE', `${v2}/${person.flexUserSid}`);
      expect({ status: response.status, body: response.body }).toEqual({
        status: 405,
        body: twilioError(405, 20004, 'Method not allowed'),
      });
    });
  });

  describe('POST /v4/Instances/{InstanceSid}/Users/Provision', () => {
    it('creates a user with a worker and a Conversations user named by the username', async () => {
      const response = await twilio('POST', `${v4}/Provision`, {
        json: provisionBody('robin.lee'),
      });
      expect(response.status).toBe(201);
      const user = response.body as ProvisionedFlexUser;
      expect(user).toEqual({
        account_sid: account.accountSid,
        flex_user_sid: user.flex_user_sid,
        instance_sid: account.flexInstanceSid,
        username: 'robin.lee',
        email: 'robin.lee@owlbank.example',
        full_name: 'Robin Lee',
        flex_team_sid: account.flexTeamSid,
        roles: ['agent'],
        locale: null,
        worker: { worker_sid: user.worker.worker_sid, workspace_sid: account.workspaceSid },
        deactivated: false,
        created_date: user.created_date,
        updated_date: user.created_date,
        deactivated_date: null,
        version: 1,
      });
      expect(user.worker.worker_sid).toMatch(/^WK[0-9a-f]{32}$/);
      const conversationsUser = await twilio('GET', '/v1/Users/robin.lee');
      const v2User = (await twilio('GET', `${v2}/${user.flex_user_sid}`)).body as FlexUserV2;
      expect(conversationsUser.status).toBe(200);
      expect(v2User.user_sid).toBe((conversationsUser.body as { sid: string }).sid);
    });

    it('is idempotent: the same request twice yields one user, unchanged', async () => {
      const first = (await twilio('POST', `${v4}/Provision`, { json: provisionBody('same.twice') }))
        .body;
      const second = await twilio('POST', `${v4}/Provision`, { json: provisionBody('same.twice') });
      expect({ status: second.status, body: second.body }).toEqual({ status: 201, body: first });
      const lookup = (await twilio('GET', `${v4}?Username=same.twice`)).body as {
        users: unknown[];
      };
      expect(lookup.users).toHaveLength(1);
    });

    it('updates changed fields of an existing user and bumps its version', async () => {
      const first = (
        await twilio('POST', `${v4}/Provision`, { json: provisionBody('changes.later') })
      ).body as ProvisionedFlexUser;
      const second = (
        await twilio('POST', `${v4}/Provision`, {
          json: provisionBody('changes.later', {
            full_name: 'Robin Lee-Park',
            roles: ['supervisor'],
          }),
        })
      ).body as ProvisionedFlexUser;
      expect(second).toEqual({
        ...first,
        full_name: 'Robin Lee-Park',
        roles: ['supervisor'],
        version: first.version + 1,
        updated_date: second.updated_date,
      });
    });

    it('links the existing Conversations user of a person who is not yet in Flex', async () => {
      const person = await control.person({ flex: false, conversations: true });
      const user = (
        await twilio('POST', `${v4}/Provision`, { json: provisionBody(person.identity) })
      ).body as ProvisionedFlexUser;
      const v2User = (await twilio('GET', `${v2}/${user.flex_user_sid}`)).body as FlexUserV2;
      expect(v2User.user_sid).toBe(person.userSid);
    });

    it.each(['username', 'email', 'full_name', 'roles', 'worker'])(
      'refuses a body without %s with 400 / 20001',
      async (field) => {
        const body: Record<string, unknown> = provisionBody('missing.field');
        delete body[field];
        const response = await twilio('POST', `${v4}/Provision`, { json: body });
        expect({ status: response.status, body: response.body }).toEqual({
          status: 400,
          body: twilioError(400, 20001, `Missing required parameter ${field} in the post body`),
        });
      },
    );

    it('refuses a role outside agent, supervisor and admin', async () => {
      const response = await twilio('POST', `${v4}/Provision`, {
        json: provisionBody('bad.role', { roles: ['owner'] }),
      });
      expect(response.status).toBe(400);
    });
  });

  describe('POST /v4/Instances/{InstanceSid}/Users/Deprovision', () => {
    it('deactivates the user, clears the worker and keeps it readable', async () => {
      // A seeded user no earlier test touched (they take the first): its dates are in the past.
      const person = (await control.people({ flex: true, deactivated: false }))[10];
      if (person === undefined) throw new Error('the seed has no active Flex user');
      const before = (await twilio('GET', `${v4}/${person.flexUserSid}`)).body as FlexUserV4;
      const response = await twilio('POST', `${v4}/Deprovision`, {
        json: { flex_user_sid: person.flexUserSid },
      });
      expect({ status: response.status, body: response.body }).toEqual({ status: 204, body: null });
      const after = (await twilio('GET', `${v4}/${person.flexUserSid}`)).body as FlexUserV4;
      expect(after).toEqual({
        ...before,
        deactivated: true,
        deactivated_date: after.updated_date,
        worker_sid: null,
        version: before.version + 1,
        updated_date: after.updated_date,
      });
      expect(after.updated_date > before.updated_date).toBe(true);
    });

    it('reactivates a deprovisioned user provisioned again, with a new worker', async () => {
      const person = await control.person({ flex: true, deactivated: true });
      const before = (await twilio('GET', `${v4}/${person.flexUserSid}`)).body as FlexUserV4;
      const response = await twilio('POST', `${v4}/Provision`, {
        json: {
          username: before.username,
          email: before.email,
          full_name: before.full_name,
          roles: before.roles,
          worker: {},
        },
      });
      const user = response.body as ProvisionedFlexUser;
      expect(user.flex_user_sid).toBe(before.flex_user_sid);
      expect({ deactivated: user.deactivated, deactivated_date: user.deactivated_date }).toEqual({
        deactivated: false,
        deactivated_date: null,
      });
      expect(user.worker.worker_sid).toMatch(/^WK[0-9a-f]{32}$/);
    });

    it('answers 404 for an unknown Flex user and 400 without flex_user_sid', async () => {
      const unknown = await twilio('POST', `${v4}/Deprovision`, {
        json: { flex_user_sid: `FU${'a'.repeat(32)}` },
      });
      const missing = await twilio('POST', `${v4}/Deprovision`, { json: {} });
      expect([unknown.status, missing.body]).toEqual([
        404,
        twilioError(400, 20001, 'Missing required parameter flex_user_sid in the post body'),
      ]);
    });
  });

  describe('GET /v4/Instances/{InstanceSid}/Users?Username=', () => {
    it('returns the one user with that username, without worker_sid', async () => {
      const person = await control.person({ flex: true });
      const v4User = (await twilio('GET', `${v4}/${person.flexUserSid}`)).body as FlexUserV4;
      const { worker_sid: _w, ...withoutWorker } = v4User;
      const response = await twilio('GET', `${v4}?Username=${encodeURIComponent(person.identity)}`);
      expect(response.body).toEqual({
        account_sid: account.accountSid,
        instance_sid: account.flexInstanceSid,
        users: [withoutWorker],
        meta: {
          direct_token: true,
          list_key: 'users',
          next_token: null,
          page_size: 50,
          previous_token: null,
        },
      });
    });

    it('returns no users (not 404) for an unknown username', async () => {
      const response = await twilio('GET', `${v4}?Username=no.such.person`);
      expect({
        status: response.status,
        users: (response.body as { users: unknown[] }).users,
      }).toEqual({
        status: 200,
        users: [],
      });
    });

    it('refuses a lookup without Username', async () => {
      const response = await twilio('GET', v4);
      expect(response.body).toEqual(
        twilioError(400, 20001, 'Missing required parameter Username in the query string'),
      );
    });
  });
});
