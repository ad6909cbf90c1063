import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorAccount, type RunningEmulator } from '../../emulator/index.js';
import { createEmulatorClient, type EmulatorClient } from '../helpers/emulator.js';
import { createAjv, responseValidator, schemaErrors } from '../helpers/openapi.js';
import {
  accountCredentials,
  apiKeyCredentials,
  createTwilio,
  twilioError,
  type Twilio,
} from './twilio-request.js';

interface ChatUser {
  sid: string;
  account_sid: string;
  service_sid: string;
  attributes: string;
  friendly_name: string | null;
  role_sid: string | null;
  identity: string;
  is_online: boolean | null;
  is_notifiable: boolean | null;
  date_created: string;
  date_updated: string;
  joined_channels_count: number;
  links: { user_channels: string; user_bindings: string };
  url: string;
}

interface UsersPage {
  users: ChatUser[];
  meta: { next_page_url: string | null; page_size: number };
}

/** One row of a spec table: the request to send and the status the operation declares. */
interface SpecCase {
  operationId: string;
  method: string;
  path: (key: string) => string;
  form?: Record<string, string>;
  status: number;
}

const ajv = createAjv();
const spec = 'twilio_chat_v2.json' as const;

describe('Chat v2 users and services', () => {
  let emulator: RunningEmulator;
  let control: EmulatorClient;
  let account: EmulatorAccount;
  let other: EmulatorAccount;
  let twilio: Twilio;
  let defaultUsers: string;
  let extraUsers: string;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, seedUsers: 150 });
    control = createEmulatorClient(emulator);
    [account, other] = emulator.accounts as [EmulatorAccount, EmulatorAccount];
    twilio = createTwilio(emulator.url, accountCredentials(account));
    defaultUsers = `/v2/Services/${account.defaultChatServiceSid}/Users`;
    extraUsers = `/v2/Services/${account.chatServiceSids[1]}/Users`;
  });
  afterAll(() => emulator.close());

  describe('matches twilio_chat_v2.json', () => {
    it.each<SpecCase>([
      { operationId: 'ListService', method: 'GET', path: () => '/v2/Services', status: 200 },
      {
        operationId: 'FetchService',
        method: 'GET',
        path: () => `/v2/Services/${account.chatServiceSids[1]}`,
        status: 200,
      },
      {
        operationId: 'ListUser',
        method: 'GET',
        path: () => `${extraUsers}?PageSize=30`,
        status: 200,
      },
      {
        operationId: 'CreateUser',
        method: 'POST',
        path: () => extraUsers,
        form: { Identity: 'chat.schema', FriendlyName: 'Chat Schema' },
        status: 201,
      },
      {
        operationId: 'FetchUser',
        method: 'GET',
        path: (identity: string) => `${extraUsers}/${encodeURIComponent(identity)}`,
        status: 200,
      },
      {
        operationId: 'UpdateUser',
        method: 'POST',
        path: (identity: string) => `${extraUsers}/${encodeURIComponent(identity)}`,
        form: { Attributes: '{"lang":"pt"}' },
        status: 200,
      },
    ])('$operationId ($method)', async ({ operationId, method, path, form, status }) => {
      const person = await control.person({ extraChat: true });
      const response = await twilio(method, path(person.identity), { form });
      expect(response.status).toBe(status);
      const validate = responseValidator(ajv, { spec, operationId }, status);
      expect(schemaErrors(validate, response.body)).toEqual([]);
    });

    it('DeleteUser (DELETE) answers 204 with no body', async () => {
      await twilio('POST', extraUsers, { form: { Identity: 'chat.delete.me' } });
      const response = await twilio('DELETE', `${extraUsers}/chat.delete.me`);
      expect({ status: response.status, body: response.body }).toEqual({ status: 204, body: null });
    });
  });

  describe('GET /v2/Services/{ServiceSid}/Users', () => {
    it('pages the extra service to the end, seeing every Chat user once', async () => {
      const extra = account.chatServiceSids[1] as string;
      const expected = (await control.people())
        .filter((p) => p.chatServiceSids.includes(extra))
        .map((p) => p.identity);
      const seen: string[] = [];
      let url: string | null = `${extraUsers}?PageSize=9`;
      while (url !== null) {
        const page = (await twilio('GET', url)).body as UsersPage;
        seen.push(...page.users.map((user) => user.identity));
        url = page.meta.next_page_url;
      }
      expect(seen.length).toBe(new Set(seen).size);
      expect(new Set(seen)).toEqual(new Set(expected));
    });

    it('caps PageSize at 100', async () => {
      const page = (await twilio('GET', `${defaultUsers}?PageSize=1000`)).body as UsersPage;
      expect(page.meta.page_size).toBe(100);
    });
  });

  describe('one world with Conversations', () => {
    it('shows an update made through /v1/Users in /v2/Services/{default}/Users', async () => {
      const person = (await control.people({ conversations: true }))[2];
      if (person?.userSid == null) throw new Error('the seed has too few Conversations people');
      await twilio('POST', `/v1/Users/${person.userSid}`, {
        form: { FriendlyName: 'Seen Everywhere', Attributes: '{"source":"conversations"}' },
      });
      const conversationsUser = (await twilio('GET', `/v1/Users/${person.userSid}`))
        .body as ChatUser;
      const chatUser = (await twilio('GET', `${defaultUsers}/${person.userSid}`)).body as ChatUser;
      expect(chatUser).toEqual({
        sid: person.userSid,
        account_sid: account.accountSid,
        service_sid: account.defaultChatServiceSid,
        attributes: '{"source":"conversations"}',
        friendly_name: 'Seen Everywhere',
        role_sid: conversationsUser.role_sid,
        identity: person.identity,
        is_online: null,
        is_notifiable: null,
        date_created: conversationsUser.date_created,
        date_updated: conversationsUser.date_updated,
        joined_channels_count: chatUser.joined_channels_count,
        links: {
          user_channels: `${emulator.url}${defaultUsers}/${person.userSid}/Channels`,
          user_bindings: `${emulator.url}${defaultUsers}/${person.userSid}/Bindings`,
        },
        url: `${emulator.url}${defaultUsers}/${person.userSid}`,
      });
    });

    it('creates through Chat in the default service a user /v1/Users serves, and deletes it', async () => {
      const created = (await twilio('POST', defaultUsers, { form: { Identity: 'made.in.chat' } }))
        .body as ChatUser;
      const viaConversations = await twilio('GET', '/v1/Users/made.in.chat');
      expect((viaConversations.body as { sid: string }).sid).toBe(created.sid);
      const deleted = await twilio('DELETE', `${defaultUsers}/${created.sid}`);
      const after = await twilio('GET', `/v1/Users/${created.sid}`);
      expect([deleted.status, after.status]).toEqual([204, 404]);
    });

    it('keeps a person’s Chat user of the extra service a separate record from its Conversations user', async () => {
      const person = await control.person({ extraChat: true, conversations: true });
      const extra = (await twilio('GET', `${extraUsers}/${encodeURIComponent(person.identity)}`))
        .body as ChatUser;
      expect(extra.sid).not.toBe(person.userSid);
      expect(extra.identity).toBe(person.identity);
    });
  });

  describe('errors and tenancy', () => {
    it('answers 409 / 50201 for an identity the service already has', async () => {
      const person = await control.person({ extraChat: true });
      const response = await twilio('POST', extraUsers, { form: { Identity: person.identity } });
      expect(response.body).toEqual(twilioError(409, 50201, 'User already exists'));
    });

    it('answers 404 for another account’s service and user', async () => {
      const person = await control.person({ conversations: true });
      const asOther = createTwilio(emulator.url, apiKeyCredentials(other));
      const service = await asOther('GET', `${defaultUsers}/${person.userSid}`);
      const user = await asOther('GET', `/v1/Users/${person.userSid}`);
      expect([service.status, user.status]).toEqual([404, 404]);
    });

    it('gives each account its own record for an identity both have', async () => {
      const [shared] = (await control.people({ accountSid: other.accountSid, flex: true })).filter(
        (p) => p.flexUserSid !== null,
      );
      const mine = (await control.people({ conversations: true })).find(
        (p) => p.identity === shared?.identity,
      );
      if (shared === undefined || mine === undefined)
        throw new Error('the seed shares no identity');
      const asOther = createTwilio(emulator.url, accountCredentials(other));
      const theirs = (await asOther('GET', `/v1/Users/${encodeURIComponent(shared.identity)}`))
        .body as ChatUser;
      const ours = (await twilio('GET', `/v1/Users/${encodeURIComponent(mine.identity)}`))
        .body as ChatUser;
      expect({ theirs: theirs.account_sid, ours: ours.account_sid }).toEqual({
        theirs: other.accountSid,
        ours: account.accountSid,
      });
      expect(theirs.sid).not.toBe(ours.sid);
    });

    it('answers an unsupported method with 405', async () => {
      const response = await twilio('DELETE', '/v2/Services');
      expect(response.body).toEqual(twilioError(405, 20004, 'Method not allowed'));
    });
  });
});
