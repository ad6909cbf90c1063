import type { ConversationResolvers, ConversationState } from '../generated/resolvers-types.js';
import { toGlobalId } from './global-id.js';
import { parseAttributes } from './joins.js';
import { twilioEnum } from './twilio-enum.js';

export const CONVERSATION_STATES: readonly ConversationState[] = [
  'INITIALIZING',
  'ACTIVE',
  'INACTIVE',
  'CLOSED',
];

export const Conversation: ConversationResolvers = {
  id: ({ record, serviceSid }) =>
    toGlobalId(
      serviceSid === null
        ? { type: 'Conversation', sid: record.sid }
        : { type: 'ServiceConversation', chatServiceSid: serviceSid, sid: record.sid },
    ),
  sid: ({ record }) => record.sid,
  accountSid: ({ record }) => record.account_sid ?? null,
  chatServiceSid: ({ record }) => record.chat_service_sid ?? null,
  messagingServiceSid: ({ record }) => record.messaging_service_sid ?? null,
  friendlyName: ({ record }) => record.friendly_name ?? null,
  uniqueName: ({ record }) => record.unique_name ?? null,
  attributes: ({ record }) => parseAttributes(record.attributes),
  state: ({ record }) => twilioEnum(record.state, CONVERSATION_STATES),
  dateCreated: ({ record }) => record.date_created ?? null,
  dateUpdated: ({ record }) => record.date_updated ?? null,
  url: ({ record }) => record.url ?? null,
};
