import type { ChatUserResolvers } from '../generated/resolvers-types.js';
import { toGlobalId } from './global-id.js';
import { conversationsUserOf, flexUserOf, parseAttributes, personOfChatUser } from './joins.js';

export const ChatUser: ChatUserResolvers = {
  id: (record) => toGlobalId({ type: 'ChatUser', serviceSid: record.service_sid, sid: record.sid }),
  sid: (record) => record.sid,
  accountSid: (record) => record.account_sid ?? null,
  serviceSid: (record) => record.service_sid,
  roleSid: (record) => record.role_sid ?? null,
  identity: (record) => record.identity,
  friendlyName: (record) => record.friendly_name ?? null,
  attributes: (record) => parseAttributes(record.attributes),
  // As for Conversations users: list reads say null, so a record from a list is fetched again.
  isOnline: async (record, _args, { loaders }) =>
    'is_online' in record
      ? (record.is_online ?? null)
      : ((await loaders.chatUser.load({ serviceSid: record.service_sid, user: record.sid }))
          ?.is_online ?? null),
  isNotifiable: async (record, _args, { loaders }) =>
    'is_notifiable' in record
      ? (record.is_notifiable ?? null)
      : ((await loaders.chatUser.load({ serviceSid: record.service_sid, user: record.sid }))
          ?.is_notifiable ?? null),
  joinedChannelsCount: (record) => record.joined_channels_count,
  dateCreated: (record) => record.date_created ?? null,
  dateUpdated: (record) => record.date_updated ?? null,
  url: (record) => record.url ?? null,

  user: (record) => personOfChatUser(record),
  flexUser: (record, _args, ctx) => flexUserOf(personOfChatUser(record), ctx),
  conversationsUser: (record, _args, ctx) => conversationsUserOf(personOfChatUser(record), ctx),
};
