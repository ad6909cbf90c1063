import type { ConversationRecord, ParticipantRecord } from '../conversation-records.js';
import type { ChatUserRecord } from '../records.js';

// `scope` is the base of the route the client addressed, `${base}/v1` for the default service or
// `${base}/v1/Services/IS…`: Twilio answers with the url and links of that form, as for users.

/** `conversations.v1.conversation` (the service form is the same). */
export function conversationView(conversation: ConversationRecord, scope: string) {
  const url = `${scope}/Conversations/${conversation.sid}`;
  return {
    account_sid: conversation.accountSid,
    chat_service_sid: conversation.serviceSid,
    messaging_service_sid: conversation.messagingServiceSid,
    sid: conversation.sid,
    friendly_name: conversation.friendlyName,
    unique_name: conversation.uniqueName,
    attributes: conversation.attributes,
    state: conversation.state,
    date_created: conversation.dateCreated,
    date_updated: conversation.dateUpdated,
    timers: {},
    url,
    links: {
      participants: `${url}/Participants`,
      messages: `${url}/Messages`,
      webhooks: `${url}/Webhooks`,
    },
    bindings: null,
  };
}

/**
 * `conversations.v1.conversation.conversation_participant`; the service form
 * (`service_conversation_participant`) also names the service.
 */
export function participantView(
  conversation: ConversationRecord,
  participant: ParticipantRecord,
  scope: string,
  serviceForm: boolean,
) {
  return {
    account_sid: participant.accountSid,
    ...(serviceForm ? { chat_service_sid: conversation.serviceSid } : {}),
    conversation_sid: conversation.sid,
    sid: participant.sid,
    identity: participant.identity,
    attributes: participant.attributes,
    messaging_binding: participant.messagingBinding,
    role_sid: participant.roleSid,
    date_created: participant.dateCreated,
    date_updated: participant.dateUpdated,
    url: `${scope}/Conversations/${conversation.sid}/Participants/${participant.sid}`,
    last_read_message_index: participant.lastReadMessageIndex,
    last_read_timestamp: participant.lastReadTimestamp,
  };
}

/**
 * `conversations.v1.user.user_conversation`: the conversation as one user sees it. The unread
 * count runs from the read horizon to the last message, and is null while there is no horizon.
 */
export function userConversationView(
  user: ChatUserRecord,
  conversation: ConversationRecord,
  participant: ParticipantRecord,
  scope: string,
) {
  const read = participant.lastReadMessageIndex;
  const conversationUrl = `${scope}/Conversations/${conversation.sid}`;
  return {
    account_sid: conversation.accountSid,
    chat_service_sid: conversation.serviceSid,
    conversation_sid: conversation.sid,
    unread_messages_count: read === null ? null : Math.max(0, conversation.messageCount - 1 - read),
    last_read_message_index: read,
    participant_sid: participant.sid,
    user_sid: user.sid,
    friendly_name: conversation.friendlyName,
    conversation_state: conversation.state === 'initializing' ? 'inactive' : conversation.state,
    timers: {},
    attributes: conversation.attributes,
    date_created: conversation.dateCreated,
    date_updated: conversation.dateUpdated,
    created_by: conversation.createdBy,
    notification_level: participant.notificationLevel,
    unique_name: conversation.uniqueName,
    url: `${scope}/Users/${user.sid}/Conversations/${conversation.sid}`,
    links: {
      participant: `${conversationUrl}/Participants/${participant.sid}`,
      conversation: conversationUrl,
    },
  };
}
