import type { ConversationsUserResolvers } from '../generated/resolvers-types.js';
import { fetchedField } from './fetched-field.js';
import { toGlobalId } from './global-id.js';
import {
  chatUserOf,
  chatUsersOf,
  flexUserOf,
  parseAttributes,
  personOfConversationsUser,
} from './joins.js';
import { serviceRouteOf, userConversations } from './user-conversations.js';

export const ConversationsUser: ConversationsUserResolvers = {
  __resolveReference: (reference, { loaders }) =>
    loaders.conversationsUser.load({ sid: reference.sid }),
  id: (record, _args, ctx) => {
    const service = serviceRouteOf(record, ctx);
    return toGlobalId(
      service === null
        ? { type: 'ConversationsUser', sid: record.sid }
        : { type: 'ServiceConversationsUser', chatServiceSid: service, sid: record.sid },
    );
  },
  sid: (record) => record.sid,
  accountSid: (record) => record.account_sid ?? null,
  chatServiceSid: (record) => record.chat_service_sid ?? null,
  roleSid: (record) => record.role_sid ?? null,
  identity: (record) => record.identity,
  friendlyName: (record) => record.friendly_name ?? null,
  attributes: (record) => parseAttributes(record.attributes),
  // Twilio's list reads always say null here; a record from a list lacks the key, so it is fetched.
  isOnline: (record, _args, { loaders }) =>
    fetchedField(record, 'is_online', () => loaders.conversationsUserFull.load(record.sid)),
  isNotifiable: (record, _args, { loaders }) =>
    fetchedField(record, 'is_notifiable', () => loaders.conversationsUserFull.load(record.sid)),
  dateCreated: (record) => record.date_created ?? null,
  dateUpdated: (record) => record.date_updated ?? null,
  url: (record) => record.url ?? null,

  user: (record) => personOfConversationsUser(record),
  flexUser: (record, _args, ctx) => flexUserOf(personOfConversationsUser(record), ctx),
  chatUser: (record, _args, ctx) =>
    record.chat_service_sid
      ? chatUserOf(personOfConversationsUser(record), ctx, record.chat_service_sid)
      : null,
  chatUsers: (record, _args, ctx) => chatUsersOf(personOfConversationsUser(record), ctx),
  // The record in hand has the SID the nested route wants: no fetch before the list.
  conversations: (record, args, ctx) =>
    userConversations(
      args,
      () => Promise.resolve({ sid: record.sid, serviceSid: serviceRouteOf(record, ctx) }),
      ctx,
    ),
};
