import { fromListRead, userChangesForm, type ChatUserChanges } from './conversations.js';
import type { Http } from './http.js';
import { pageParams, toPage } from './pages.js';
import type { ChatUserRecord, Page, PageRequest, TwilioPage } from './records.js';

const users = (serviceSid: string) => `v2/Services/${serviceSid}/Users`;

/** Programmable Chat v2: users of one chat service, addressed by US SID or identity. */
export function createChatApi(http: Http) {
  return {
    /** By US… SID or identity; null when the service has no such user (Twilio's 404). */
    fetchUser: (serviceSid: string, sidOrIdentity: string) =>
      http.getOrNull<ChatUserRecord>(
        'fetchUser',
        `${users(serviceSid)}/${encodeURIComponent(sidOrIdentity)}`,
      ),

    listUsers: async (serviceSid: string, page: PageRequest): Promise<Page<ChatUserRecord>> => {
      const body = await http.get<TwilioPage<'users', ChatUserRecord>>(
        'listUsers',
        users(serviceSid),
        pageParams(page),
      );
      const { items, nextPageToken } = toPage(body, 'users');
      return { items: items.map(fromListRead), nextPageToken };
    },

    updateUser: (serviceSid: string, sidOrIdentity: string, changes: ChatUserChanges) =>
      http.postForm<ChatUserRecord>(
        'updateUser',
        `${users(serviceSid)}/${encodeURIComponent(sidOrIdentity)}`,
        userChangesForm(changes),
      ),
  };
}

export type ChatApi = ReturnType<typeof createChatApi>;
