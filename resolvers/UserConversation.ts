import type { NotificationLevel, UserConversationResolvers } from '../generated/resolvers-types.js';
import { CONVERSATION_STATES } from './Conversation.js';
import { parseAttributes } from './joins.js';
import { twilioEnum } from './twilio-enum.js';

const NOTIFICATION_LEVELS: readonly NotificationLevel[] = ['DEFAULT', 'MUTED'];

export const UserConversation: UserConversationResolvers = {
  conversationSid: ({ record }) => record.conversation_sid,
  chatServiceSid: ({ record }) => record.chat_service_sid ?? null,
  userSid: ({ record }) => record.user_sid ?? null,
  participantSid: ({ record }) => record.participant_sid ?? null,
  friendlyName: ({ record }) => record.friendly_name ?? null,
  uniqueName: ({ record }) => record.unique_name ?? null,
  state: ({ record }) => twilioEnum(record.conversation_state, CONVERSATION_STATES),
  unreadMessagesCount: ({ record }) => record.unread_messages_count ?? null,
  lastReadMessageIndex: ({ record }) => record.last_read_message_index ?? null,
  notificationLevel: ({ record }) => twilioEnum(record.notification_level, NOTIFICATION_LEVELS),
  attributes: ({ record }) => parseAttributes(record.attributes),
  createdBy: ({ record }) => record.created_by ?? null,
  dateCreated: ({ record }) => record.date_created ?? null,
  dateUpdated: ({ record }) => record.date_updated ?? null,
  url: ({ record }) => record.url ?? null,
  // Through the service route the list came from: a conversation of another service is not at
  // /v1/Conversations.
  conversation: async ({ record, serviceSid }, _args, { loaders }) => {
    const conversation = await loaders.conversation.load({
      serviceSid,
      sid: record.conversation_sid,
    });
    return conversation && { kind: 'Conversation', record: conversation, serviceSid };
  },
};
