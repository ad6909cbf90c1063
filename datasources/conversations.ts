import { twilioForm } from './form.js';
import type { Http } from './http.js';
import { toPage } from './pages.js';
import { TwilioError } from './errors.js';
import { paths, type UpstreamTarget, type UserRef } from './paths.js';
import type {
  ConversationRecord,
  ConversationsUserRecord,
  Page,
  PageRequest,
  TwilioPage,
  UserConversationRecord,
} from './records.js';

/** Fields Twilio lets a Conversations or Chat user update; attributes is a JSON string. */
export interface ChatUserChanges {
  friendlyName?: string;
  attributes?: string;
  roleSid?: string;
}

export function userChangesForm(changes: ChatUserChanges): Record<string, string> {
  return twilioForm({
    FriendlyName: changes.friendlyName,
    Attributes: changes.attributes,
    RoleSid: changes.roleSid,
  });
}

/**
 * A user as a list read returns it. Twilio's list reads always answer is_online/is_notifiable with
 * null, which is "not read", not "unknown": drop the keys so a query asking for them fetches the user.
 */
export function fromListRead<
  T extends { is_online?: boolean | null; is_notifiable?: boolean | null },
>(record: T): Omit<T, 'is_online' | 'is_notifiable'> {
  const { is_online: _online, is_notifiable: _notifiable, ...rest } = record;
  return rest;
}

/**
 * A DELETE whose 404 means "already gone": true when this call removed it, false when there was
 * nothing to remove. Other errors are thrown with Twilio's code.
 */
export async function deleteOrGone(
  http: Http,
  operation: string,
  target: UpstreamTarget,
): Promise<boolean> {
  try {
    await http.delete(operation, target);
    return true;
  } catch (error) {
    if (error instanceof TwilioError && error.isNotFound) return false;
    throw error;
  }
}

/** Conversations v1: users of the account's default chat service, addressed by US SID or identity. */
export function createConversationsApi(http: Http) {
  return {
    /** Twilio accepts a US… SID or the identity in the same path segment. null on 404. */
    fetchUser: (user: UserRef) =>
      http.getOrNull<ConversationsUserRecord>('fetchUser', paths.conversations.fetchUser(user)),

    /**
     * The same fetch, for is_online/is_notifiable: never answered from the cross-request cache
     * (read-cache.ts keeps no presence), so presence is always Twilio's current answer.
     */
    fetchUserWithPresence: (sid: string) =>
      http.getOrNull<ConversationsUserRecord>('fetchUser', paths.conversations.fetchUser({ sid })),

    listUsers: async (page: PageRequest): Promise<Page<ConversationsUserRecord>> => {
      const body = await http.get<TwilioPage<'users', ConversationsUserRecord>>(
        'listUsers',
        paths.conversations.listUsers(page),
      );
      const { items, nextPageToken } = toPage(body, 'users');
      return { items: items.map(fromListRead), nextPageToken };
    },

    /** A user of a named Conversations service, by US… SID or identity. null on 404. */
    fetchServiceUser: (serviceSid: string, user: UserRef) =>
      http.getOrNull<ConversationsUserRecord>(
        'fetchServiceUser',
        paths.conversations.fetchServiceUser(serviceSid, user),
      ),

    /**
     * One page of the conversations a user takes part in; `serviceSid` null for the default
     * service. null when Twilio knows no such user (a Flex `user_sid` may dangle).
     */
    listUserConversations: async (
      serviceSid: string | null,
      userSid: string,
      page: PageRequest,
    ): Promise<Page<UserConversationRecord> | null> => {
      const body = await http.getOrNull<TwilioPage<'conversations', UserConversationRecord>>(
        serviceSid === null ? 'listUserConversations' : 'listServiceUserConversations',
        paths.conversations.listUserConversations(serviceSid, userSid, page),
      );
      return body && toPage(body, 'conversations');
    },

    /** A conversation by CH… SID; `serviceSid` null for the default service. null on 404. */
    fetchConversation: (serviceSid: string | null, conversationSid: string) =>
      http.getOrNull<ConversationRecord>(
        serviceSid === null ? 'fetchConversation' : 'fetchServiceConversation',
        paths.conversations.fetchConversation(serviceSid, conversationSid),
      ),

    /** DeleteUser of the default service, by US… SID. false when Twilio knows no such user (404). */
    deleteUser: (userSid: string) =>
      deleteOrGone(http, 'deleteUser', paths.conversations.deleteUser(userSid)),

    updateUser: (user: UserRef, changes: ChatUserChanges) =>
      http.postForm<ConversationsUserRecord>(
        'updateUser',
        paths.conversations.updateUser(user),
        userChangesForm(changes),
      ),
  };
}

export type ConversationsApi = ReturnType<typeof createConversationsApi>;
