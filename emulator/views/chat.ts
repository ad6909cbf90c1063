import type { ChatServiceRecord, ChatUserRecord } from '../records.js';

/** `chat.v2.service.user`: `service_sid` (not `chat_service_sid`) and `joined_channels_count`. */
export function chatUser(user: ChatUserRecord, base: string, reachable: boolean) {
  const url = `${base}/v2/Services/${user.serviceSid}/Users/${user.sid}`;
  return {
    sid: user.sid,
    account_sid: user.accountSid,
    service_sid: user.serviceSid,
    attributes: user.attributes,
    friendly_name: user.friendlyName,
    role_sid: user.roleSid,
    identity: user.identity,
    is_online: reachable ? user.isOnline : null,
    is_notifiable: reachable ? user.isNotifiable : null,
    date_created: user.dateCreated,
    date_updated: user.dateUpdated,
    joined_channels_count: user.joinedChannelsCount,
    links: { user_channels: `${url}/Channels`, user_bindings: `${url}/Bindings` },
    url,
  };
}

/** `chat.v2.service`, with Twilio's defaults for the settings the emulator does not model. */
export function chatService(service: ChatServiceRecord, base: string) {
  const url = `${base}/v2/Services/${service.sid}`;
  return {
    account_sid: service.accountSid,
    consumption_report_interval: 10,
    date_created: service.dateCreated,
    date_updated: service.dateUpdated,
    default_channel_creator_role_sid: service.defaultChannelCreatorRoleSid,
    default_channel_role_sid: service.defaultChannelRoleSid,
    default_service_role_sid: service.defaultServiceRoleSid,
    friendly_name: service.friendlyName,
    limits: { channel_members: 100, user_channels: 250 },
    links: {
      channels: `${url}/Channels`,
      users: `${url}/Users`,
      roles: `${url}/Roles`,
      bindings: `${url}/Bindings`,
    },
    notifications: {},
    post_webhook_url: null,
    pre_webhook_url: null,
    pre_webhook_retry_count: 0,
    post_webhook_retry_count: 0,
    reachability_enabled: service.reachabilityEnabled,
    read_status_enabled: service.readStatusEnabled,
    sid: service.sid,
    typing_indicator_timeout: 5,
    url,
    webhook_filters: [],
    webhook_method: null,
    media: { size_limit_mb: 150, compatibility_message: null },
  };
}
