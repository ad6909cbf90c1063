import {
  deleteOrGone,
  fromListRead,
  userChangesForm,
  type ChatUserChanges,
} from './conversations.js';
import type { Http } from './http.js';
import { toPage } from './pages.js';
import { paths, type UserRef } from './paths.js';
import type {
  ChatUserRecord,
  Page,
  PageRequest,
  TwilioPage,
  UserBindingRecord,
  UserChannelRecord,
} from './records.js';

/** Programmable Chat v2: users of one chat service, addressed by US SID or identity. */
export function createChatApi(http: Http) {
  return {
    /** The chat service itself; null when the account has none with that SID. */
    fetchService: (serviceSid: string) =>
      http.getOrNull<{ sid: string }>('fetchService', paths.chat.fetchService(serviceSid)),

    /** By US… SID or identity; null when the service has no such user (Twilio's 404). */
    fetchUser: (serviceSid: string, user: UserRef) =>
      http.getOrNull<ChatUserRecord>('fetchUser', paths.chat.fetchUser(serviceSid, user)),

    /** The same fetch, for presence: never answered from the cross-request cache. */
    fetchUserWithPresence: (serviceSid: string, sid: string) =>
      http.getOrNull<ChatUserRecord>('fetchUser', paths.chat.fetchUser(serviceSid, { sid })),

    listUsers: async (serviceSid: string, page: PageRequest): Promise<Page<ChatUserRecord>> => {
      const body = await http.get<TwilioPage<'users', ChatUserRecord>>(
        'listUsers',
        paths.chat.listUsers(serviceSid, page),
      );
      const { items, nextPageToken } = toPage(body, 'users');
      return { items: items.map(fromListRead), nextPageToken };
    },

    updateUser: (serviceSid: string, user: UserRef, changes: ChatUserChanges) =>
      http.postForm<ChatUserRecord>(
        'updateUser',
        paths.chat.updateUser(serviceSid, user),
        userChangesForm(changes),
      ),

    /** DeleteUser by US… SID; false when the service has no such user (Twilio's 404). */
    deleteUser: (serviceSid: string, userSid: string) =>
      deleteOrGone(http, 'deleteUser', paths.chat.deleteUser(serviceSid, userSid)),

    /**
     * DeleteMember: takes the user out of one channel; false when not a member (404). `userSid`
     * is the member's user, whose joined_channels_count this changes (the cache forgets it).
     */
    deleteMember: (serviceSid: string, channelSid: string, memberSid: string, _userSid: string) =>
      deleteOrGone(
        http,
        'deleteMember',
        paths.chat.deleteMember(serviceSid, channelSid, memberSid),
      ),

    /** The user's channels (memberships and invitations), by the user's SID. */
    listUserChannels: async (
      serviceSid: string,
      userSid: string,
      page: PageRequest,
    ): Promise<Page<UserChannelRecord>> =>
      toPage(
        await http.get<TwilioPage<'channels', UserChannelRecord>>(
          'listUserChannels',
          paths.chat.listUserChannels(serviceSid, userSid, page),
        ),
        'channels',
      ),

    /** The user's push bindings (devices registered for push), by the user's SID. */
    listUserBindings: async (
      serviceSid: string,
      userSid: string,
      page: PageRequest,
    ): Promise<Page<UserBindingRecord>> =>
      toPage(
        await http.get<TwilioPage<'bindings', UserBindingRecord>>(
          'listUserBindings',
          paths.chat.listUserBindings(serviceSid, userSid, page),
        ),
        'bindings',
      ),
  };
}

export type ChatApi = ReturnType<typeof createChatApi>;
