import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorAccount, type RunningEmulator } from '../../emulator/index.js';
import { createAjv, responseValidator, schemaErrors } from '../helpers/openapi.js';
import {
  accountCredentials,
  apiKeyCredentials,
  createTwilio,
  type Twilio,
} from './twilio-request.js';

interface ChatUser {
  sid: string;
  identity: string;
  joined_channels_count: number;
}

interface UserChannel {
  channel_sid: string;
  user_sid: string;
  status: string;
  last_consumed_message_index: number | null;
  unread_messages_count: number;
}

/** A page of a Twilio list: the items under the list's key, and the meta. */
type Page<T> = { meta: { next_page_url: string | null } } & Record<string, T[]>;

interface UserBinding {
  sid: string;
  binding_type: string;
  credential_sid: string;
  user_sid: string;
}

/** Twilio's default `limits.user_channels`. */
const USER_CHANNEL_LIMIT = 250;

const ajv = createAjv();
const spec = 'twilio_chat_v2.json' as const;

describe('Chat v2 user channels and bindings', () => {
  let emulator: RunningEmulator;
  let account: EmulatorAccount;
  let other: EmulatorAccount;
  let twilio: Twilio;
  let users: ChatUser[];
  let base: string;

  /** Every item of a list, paging to the end. */
  async function all<T>(path: string, key: string): Promise<T[]> {
    const seen: T[] = [];
    let url: string | null = path;
    while (url !== null) {
      const body = (await twilio('GET', url)).body as Page<T>;
      seen.push(...(body[key] ?? []));
      url = body.meta.next_page_url;
    }
    return seen;
  }

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, seedUsers: 150 });
    [account, other] = emulator.accounts as [EmulatorAccount, EmulatorAccount];
    twilio = createTwilio(emulator.url, accountCredentials(account));
    base = `/v2/Services/${account.defaultChatServiceSid}/Users`;
    users = await all<ChatUser>(`${base}?PageSize=100`, 'users');
  });
  afterAll(() => emulator.close());

  /** The first user whose bindings list is not empty. */
  async function userWithBindings(): Promise<ChatUser> {
    for (const user of users) {
      const page = (await twilio('GET', `${base}/${user.sid}/Bindings`)).body as {
        bindings: UserBinding[];
      };
      if (page.bindings.length > 0) return user;
    }
    throw new Error('the seed has no user with push bindings');
  }

  describe('matches twilio_chat_v2.json', () => {
    it('ListUserChannel', async () => {
      const response = await twilio('GET', `${base}/${users[1]!.sid}/Channels?PageSize=20`);
      expect(response.status).toBe(200);
      const validate = responseValidator(ajv, { spec, operationId: 'ListUserChannel' }, 200);
      expect(schemaErrors(validate, response.body)).toEqual([]);
    });

    it('ListUserBinding', async () => {
      const user = await userWithBindings();
      const response = await twilio('GET', `${base}/${user.sid}/Bindings`);
      expect(response.status).toBe(200);
      const validate = responseValidator(ajv, { spec, operationId: 'ListUserBinding' }, 200);
      expect(schemaErrors(validate, response.body)).toEqual([]);
    });
  });

  describe('GET /v2/Services/{ServiceSid}/Users/{UserSid}/Channels', () => {
    it('lists as many joined channels as joined_channels_count says, each once, paging to the end', async () => {
      for (const user of users.slice(0, 12)) {
        const channels = await all<UserChannel>(
          `${base}/${user.sid}/Channels?PageSize=7`,
          'channels',
        );
        expect(new Set(channels.map((c) => c.channel_sid)).size).toBe(channels.length);
        expect(channels.filter((c) => c.status === 'joined').length).toBe(
          user.joined_channels_count,
        );
        expect(channels.every((c) => c.user_sid === user.sid)).toBe(true);
      }
    });

    it('has users at and near the per-user channel limit (Twilio error 45207 past it)', () => {
      const counts = users.map((user) => user.joined_channels_count);
      expect(counts).toContain(USER_CHANNEL_LIMIT);
      expect(counts.filter((n) => n >= USER_CHANNEL_LIMIT - 10).length).toBeGreaterThan(1);
      expect(Math.max(...counts)).toBe(USER_CHANNEL_LIMIT);
    });

    it('counts unread messages after the last one read, and reads the user by identity too', async () => {
      const user = users[0]!;
      const bySid = (await twilio('GET', `${base}/${user.sid}/Channels`)).body;
      const byIdentity = (
        await twilio('GET', `${base}/${encodeURIComponent(user.identity)}/Channels`)
      ).body;
      expect(byIdentity).toEqual(bySid);
      for (const channel of (bySid as { channels: UserChannel[] }).channels) {
        expect(channel.unread_messages_count).toBeGreaterThanOrEqual(0);
      }
    });

    it('caps PageSize at 50', async () => {
      const page = (await twilio('GET', `${base}/${users[1]!.sid}/Channels?PageSize=1000`))
        .body as {
        meta: { page_size: number };
      };
      expect(page.meta.page_size).toBe(50);
    });

    it('answers 404 for an unknown user and for another account’s service', async () => {
      const asOther = createTwilio(emulator.url, apiKeyCredentials(other));
      const unknown = await twilio('GET', `${base}/US${'0'.repeat(32)}/Channels`);
      const theirs = await asOther('GET', `${base}/${users[0]!.sid}/Channels`);
      expect([unknown.status, theirs.status]).toEqual([404, 404]);
    });
  });

  describe('GET /v2/Services/{ServiceSid}/Users/{UserSid}/Bindings', () => {
    it('filters by BindingType (repeatable) and refuses an unknown one', async () => {
      const user = await userWithBindings();
      const every = await all<UserBinding>(`${base}/${user.sid}/Bindings`, 'bindings');
      const some = await all<UserBinding>(
        `${base}/${user.sid}/Bindings?BindingType=apn&BindingType=fcm`,
        'bindings',
      );
      expect(some).toEqual(every.filter((b) => b.binding_type !== 'gcm'));
      expect(every.every((b) => /^CR[0-9a-f]{32}$/.test(b.credential_sid))).toBe(true);
      const bad = await twilio('GET', `${base}/${user.sid}/Bindings?BindingType=sms`);
      expect(bad.status).toBe(400);
    });

    it('gives push bindings to some users and none to others', async () => {
      const counts = await Promise.all(
        users.slice(0, 30).map(async (user) => {
          const page = (await twilio('GET', `${base}/${user.sid}/Bindings`))
            .body as Page<UserBinding>;
          return page.bindings?.length ?? 0;
        }),
      );
      expect(counts).toContain(0);
      expect(counts.some((n) => n > 0)).toBe(true);
    });
  });
});
