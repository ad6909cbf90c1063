import type {
  ChatChannelMemberStatus,
  ChatNotificationLevel,
  ChatUserChannelResolvers,
} from '../generated/resolvers-types.js';
import { knownEnum } from './known-enum.js';

const STATUS: Record<string, ChatChannelMemberStatus> = {
  joined: 'JOINED',
  invited: 'INVITED',
  notParticipating: 'NOT_PARTICIPATING',
};
const NOTIFICATION_LEVEL: Record<string, ChatNotificationLevel> = {
  default: 'DEFAULT',
  muted: 'MUTED',
};

export const ChatUserChannel: ChatUserChannelResolvers = {
  channelSid: (record) => record.channel_sid ?? null,
  serviceSid: (record) => record.service_sid ?? null,
  userSid: (record) => record.user_sid ?? null,
  memberSid: (record) => record.member_sid ?? null,
  status: (record) => knownEnum(STATUS, record.status),
  twilioStatus: (record) => record.status ?? null,
  lastConsumedMessageIndex: (record) => record.last_consumed_message_index ?? null,
  unreadMessagesCount: (record) => record.unread_messages_count ?? null,
  notificationLevel: (record) => knownEnum(NOTIFICATION_LEVEL, record.notification_level),
  channelUrl: (record) => linkOf(record.links, 'channel'),
  memberUrl: (record) => linkOf(record.links, 'member'),
  url: (record) => record.url ?? null,
};

/** Twilio's `links` is a map of names to absolute URLs. */
function linkOf(links: Record<string, unknown> | null | undefined, name: string): string | null {
  const value = links?.[name];
  return typeof value === 'string' ? value : null;
}
