import type { BindingRecord, ChannelsState, MembershipRecord } from '../channels.js';
import type { ChatUserRecord } from '../records.js';

/** `chat.v2.service.user.user_channel`: one channel of a user, from their membership in it. */
export function userChannel(
  channels: ChannelsState,
  user: ChatUserRecord,
  membership: MembershipRecord,
  base: string,
) {
  const service = `${base}/v2/Services/${user.serviceSid}`;
  const channel = `${service}/Channels/${membership.channelSid}`;
  return {
    account_sid: user.accountSid,
    service_sid: user.serviceSid,
    channel_sid: membership.channelSid,
    user_sid: user.sid,
    member_sid: membership.sid,
    status: membership.status,
    last_consumed_message_index: membership.lastConsumedMessageIndex,
    unread_messages_count: channels.unreadCount(membership),
    links: { channel, member: `${channel}/Members/${membership.sid}` },
    url: `${service}/Users/${user.sid}/Channels/${membership.channelSid}`,
    notification_level: membership.notificationLevel,
  };
}

/** `chat.v2.service.user.user_binding`: a device registered for push. */
export function userBinding(binding: BindingRecord, base: string) {
  return {
    sid: binding.sid,
    account_sid: binding.accountSid,
    service_sid: binding.serviceSid,
    date_created: binding.dateCreated,
    date_updated: binding.dateUpdated,
    endpoint: binding.endpoint,
    identity: binding.identity,
    user_sid: binding.userSid,
    credential_sid: binding.credentialSid,
    binding_type: binding.bindingType,
    message_types: binding.messageTypes,
    url: `${base}/v2/Services/${binding.serviceSid}/Users/${binding.userSid}/Bindings/${binding.sid}`,
  };
}
