import type { ChatUserResolvers } from '../generated/resolvers-types.js';
import { readConnection } from './connection.js';
import { fetchedField } from './fetched-field.js';
import { toGlobalId } from './global-id.js';
import { conversationsUserOf, flexUserOf, parseAttributes, personOfChatUser } from './joins.js';

/** Twilio's PageSize maximum for a user's channels and bindings (twilio_chat_v2.json). */
const MAX_USER_LIST_PAGE_SIZE = 50;

export const ChatUser: ChatUserResolvers = {
  __resolveReference: async (reference, { loaders }) => {
    const { serviceSid, sid } = reference;
    const record = await loaders.chatUser.load({ serviceSid, sid });
    return record?.service_sid === serviceSid ? record : null;
  },
  id: (record) => toGlobalId({ type: 'ChatUser', serviceSid: record.service_sid, sid: record.sid }),
  sid: (record) => record.sid,
  accountSid: (record) => record.account_sid ?? null,
  serviceSid: (record) => record.service_sid,
  roleSid: (record) => record.role_sid ?? null,
  identity: (record) => record.identity,
  friendlyName: (record) => record.friendly_name ?? null,
  attributes: (record) => parseAttributes(record.attributes),
  // Twilio's list reads always say null here; a record from a list lacks the key, so it is fetched.
  isOnline: (record, _args, { loaders }) =>
    fetchedField(record, 'is_online', () =>
      loaders.chatUserFull.load({ serviceSid: record.service_sid, sid: record.sid }),
    ),
  isNotifiable: (record, _args, { loaders }) =>
    fetchedField(record, 'is_notifiable', () =>
      loaders.chatUserFull.load({ serviceSid: record.service_sid, sid: record.sid }),
    ),
  joinedChannelsCount: (record) => record.joined_channels_count,
  dateCreated: (record) => record.date_created ?? null,
  dateUpdated: (record) => record.date_updated ?? null,
  url: (record) => record.url ?? null,

  user: (record) => personOfChatUser(record),
  flexUser: (record, _args, ctx) => flexUserOf(personOfChatUser(record), ctx),
  conversationsUser: (record, _args, ctx) => conversationsUserOf(personOfChatUser(record), ctx),
  // By the SID in hand: the nested routes want the user, and the record already names it.
  channels: (record, { first, after }, { apis }) =>
    readConnection({ first, after }, MAX_USER_LIST_PAGE_SIZE, (page) =>
      apis.chat.listUserChannels(record.service_sid, record.sid, page),
    ),
  bindings: (record, { first, after }, { apis }) =>
    readConnection({ first, after }, MAX_USER_LIST_PAGE_SIZE, (page) =>
      apis.chat.listUserBindings(record.service_sid, record.sid, page),
    ),
};
