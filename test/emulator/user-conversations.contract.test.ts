import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorAccount, type RunningEmulator } from '../../emulator/index.js';
import type { ConversationCount } from '../../emulator/routes/control-conversations.js';
import { userWithConversations } from '../helpers/conversation-counts.js';
import { createAjv, responseValidator, schemaErrors } from '../helpers/openapi.js';
import { accountCredentials, createTwilio, twilioError, type Twilio } from './twilio-request.js';

interface UserConversation {
  conversation_sid: string;
  participant_sid: string;
  user_sid: string;
  unread_messages_count: number | null;
  last_read_message_index: number | null;
  unique_name: string | null;
  url: string;
  links: { participant: string; conversation: string };
}

interface ConversationsPage {
  conversations: UserConversation[];
  meta: { next_page_url: string | null; page_size: number; key: string };
}

/** The people and records the table's paths are built from. */
interface Fixture {
  defaultService: string;
  extraService: string;
  /** A default-service user with conversations, and one of an extra service. */
  user: ConversationCount;
  serviceUser: ConversationCount;
  conversation: UserConversation;
  serviceConversation: UserConversation;
}

const ajv = createAjv();
const spec = 'twilio_conversations_v1.json' as const;

describe('Conversations: conversations, participants and a user’s conversations', () => {
  let emulator: RunningEmulator;
  let account: EmulatorAccount;
  let twilio: Twilio;
  let f: Fixture;

  const firstOf = async (path: string) =>
    ((await twilio('GET', path)).body as ConversationsPage).conversations[0] as UserConversation;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, seedUsers: 150 });
    account = emulator.accounts[0] as EmulatorAccount;
    twilio = createTwilio(emulator.url, accountCredentials(account));
    const defaultService = account.defaultChatServiceSid;
    const extraService = account.chatServiceSids[1] as string;
    const user = await userWithConversations(
      emulator.url,
      defaultService,
      (c) => c.conversations > 0,
    );
    const serviceUser = await userWithConversations(
      emulator.url,
      extraService,
      (c) => c.conversations > 0,
    );
    f = {
      defaultService,
      extraService,
      user,
      serviceUser,
      conversation: await firstOf(`/v1/Users/${user.userSid}/Conversations`),
      serviceConversation: await firstOf(
        `/v1/Services/${extraService}/Users/${serviceUser.userSid}/Conversations`,
      ),
    };
  });
  afterAll(() => emulator.close());

  describe('matches twilio_conversations_v1.json', () => {
    const scoped = () => `/v1/Services/${f.extraService}`;
    it.each<{ operationId: string; path: () => string }>([
      {
        operationId: 'ListUserConversation',
        path: () => `/v1/Users/${f.user.userSid}/Conversations`,
      },
      {
        operationId: 'FetchUserConversation',
        path: () => `/v1/Users/${f.user.userSid}/Conversations/${f.conversation.conversation_sid}`,
      },
      {
        operationId: 'ListServiceUserConversation',
        path: () => `${scoped()}/Users/${f.serviceUser.userSid}/Conversations`,
      },
      {
        operationId: 'FetchServiceUserConversation',
        path: () =>
          `${scoped()}/Users/${f.serviceUser.userSid}/Conversations/${f.serviceConversation.conversation_sid}`,
      },
      { operationId: 'ListConversation', path: () => '/v1/Conversations?PageSize=20' },
      {
        operationId: 'FetchConversation',
        path: () => `/v1/Conversations/${f.conversation.conversation_sid}`,
      },
      { operationId: 'ListServiceConversation', path: () => `${scoped()}/Conversations` },
      {
        operationId: 'FetchServiceConversation',
        path: () => `${scoped()}/Conversations/${f.serviceConversation.conversation_sid}`,
      },
      {
        operationId: 'ListConversationParticipant',
        path: () => `/v1/Conversations/${f.conversation.conversation_sid}/Participants`,
      },
      {
        operationId: 'FetchConversationParticipant',
        path: () =>
          `/v1/Conversations/${f.conversation.conversation_sid}/Participants/${f.conversation.participant_sid}`,
      },
      {
        operationId: 'ListServiceConversationParticipant',
        path: () =>
          `${scoped()}/Conversations/${f.serviceConversation.conversation_sid}/Participants`,
      },
      {
        operationId: 'FetchServiceConversationParticipant',
        path: () =>
          `${scoped()}/Conversations/${f.serviceConversation.conversation_sid}/Participants/${f.serviceConversation.participant_sid}`,
      },
    ])('$operationId (GET)', async ({ operationId, path }) => {
      const response = await twilio('GET', path());
      expect(response.status).toBe(200);
      const validate = responseValidator(ajv, { spec, operationId }, 200);
      expect(schemaErrors(validate, response.body)).toEqual([]);
    });
  });

  describe('GET /v1/Users/{UserSid}/Conversations', () => {
    it('pages a user in 100+ conversations to the end, seeing each once', async () => {
      const heavy = await userWithConversations(
        emulator.url,
        f.defaultService,
        (c) => c.conversations >= 100,
      );
      const seen: string[] = [];
      let pages = 0;
      let url: string | null = `/v1/Users/${heavy.userSid}/Conversations?PageSize=50`;
      while (url !== null) {
        const page = (await twilio('GET', url)).body as ConversationsPage;
        pages += 1;
        seen.push(...page.conversations.map((c) => c.conversation_sid));
        url = page.meta.next_page_url;
      }
      expect({ pages, conversations: seen.length, distinct: new Set(seen).size }).toEqual({
        pages: Math.ceil(heavy.conversations / 50),
        conversations: heavy.conversations,
        distinct: heavy.conversations,
      });
    });

    it('takes the identity in place of the SID, and caps PageSize at 50', async () => {
      const bySid = await twilio('GET', `/v1/Users/${f.user.userSid}/Conversations?PageSize=80`);
      const byIdentity = await twilio(
        'GET',
        `/v1/Users/${encodeURIComponent(f.user.identity)}/Conversations?PageSize=80`,
      );
      expect((bySid.body as ConversationsPage).meta.page_size).toBe(50);
      expect((byIdentity.body as ConversationsPage).conversations).toEqual(
        (bySid.body as ConversationsPage).conversations,
      );
    });

    it('counts unread messages from the read horizon, null without one', async () => {
      const page = (await twilio('GET', `/v1/Users/${f.user.userSid}/Conversations`))
        .body as ConversationsPage;
      for (const item of page.conversations) {
        const conversation = (await twilio('GET', `/v1/Conversations/${item.conversation_sid}`))
          .body as { sid: string };
        expect(conversation.sid).toBe(item.conversation_sid);
        expect(item.unread_messages_count === null).toBe(item.last_read_message_index === null);
      }
    });

    it('links each item to its conversation and participant on the route addressed', async () => {
      const item = f.serviceConversation;
      const scope = `${emulator.url}/v1/Services/${f.extraService}`;
      expect(item.links).toEqual({
        participant: `${scope}/Conversations/${item.conversation_sid}/Participants/${item.participant_sid}`,
        conversation: `${scope}/Conversations/${item.conversation_sid}`,
      });
      const participant = await twilio('GET', item.links.participant.replace(emulator.url, ''));
      expect((participant.body as { identity: string }).identity).toBe(f.serviceUser.identity);
    });

    it('answers 404 with Twilio’s body for an unknown user', async () => {
      const sid = `US${'0'.repeat(32)}`;
      const response = await twilio('GET', `/v1/Users/${sid}/Conversations`);
      expect({ status: response.status, body: response.body }).toEqual({
        status: 404,
        body: twilioError(
          404,
          20404,
          `The requested resource /Users/${sid}/Conversations was not found`,
        ),
      });
    });
  });

  describe('GET /v1/Conversations/{Sid}', () => {
    it('is not served under another service', async () => {
      const response = await twilio(
        'GET',
        `/v1/Services/${f.extraService}/Conversations/${f.conversation.conversation_sid}`,
      );
      expect(response.status).toBe(404);
    });

    it('finds a conversation by its unique name as by its SID', async () => {
      const page = (await twilio('GET', '/v1/Conversations?PageSize=100')).body as {
        conversations: { sid: string; unique_name: string | null }[];
      };
      const named = page.conversations.find((c) => c.unique_name !== null);
      if (named === undefined) throw new Error('the seed has no conversation with a unique name');
      const byName = await twilio('GET', `/v1/Conversations/${named.unique_name}`);
      expect((byName.body as { sid: string }).sid).toBe(named.sid);
    });
  });
});
