import type { ChatServiceRecord, ChatUserRecord } from '../records.js';

/**
 * `conversations.v1.user`. `prefix` is the collection the client addressed (`/v1/Users` or
 * `/v1/Services/IS…/Users`): Twilio answers with the `url` of that form. `reachable` shows the
 * record's presence, which the spec gives only on fetch and only with reachability enabled.
 */
export function conversationsUser(user: ChatUserRecord, prefix: string, reachable: boolean) {
  const url = `${prefix}/${user.sid}`;
  return {
    sid: user.sid,
    account_sid: user.accountSid,
    chat_service_sid: user.serviceSid,
    role_sid: user.roleSid,
    identity: user.identity,
    friendly_name: user.friendlyName,
    attributes: user.attributes,
    is_online: reachable ? user.isOnline : null,
    is_notifiable: reachable ? user.isNotifiable : null,
    date_created: user.dateCreated,
    date_updated: user.dateUpdated,
    url,
    links: { user_conversations: `${url}/Conversations` },
  };
}

export function conversationsService(service: ChatServiceRecord, base: string) {
  const url = `${base}/v1/Services/${service.sid}`;
  return {
    sid: service.sid,
    account_sid: service.accountSid,
    friendly_name: service.friendlyName,
    date_created: service.dateCreated,
    date_updated: service.dateUpdated,
    url,
    links: {
      conversations: `${url}/Conversations`,
      users: `${url}/Users`,
      roles: `${url}/Roles`,
      bindings: `${url}/Bindings`,
      configuration: `${url}/Configuration`,
      participant_conversations: `${url}/ParticipantConversations`,
      conversation_with_participants: `${url}/ConversationWithParticipants`,
    },
  };
}
