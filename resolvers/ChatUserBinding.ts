import type { ChatBindingType, ChatUserBindingResolvers } from '../generated/resolvers-types.js';
import { knownEnum } from './known-enum.js';

const BINDING_TYPE: Record<string, ChatBindingType> = { apn: 'APN', fcm: 'FCM', gcm: 'GCM' };

export const ChatUserBinding: ChatUserBindingResolvers = {
  sid: (record) => record.sid ?? null,
  bindingType: (record) => knownEnum(BINDING_TYPE, record.binding_type),
  twilioBindingType: (record) => record.binding_type ?? null,
  endpoint: (record) => record.endpoint ?? null,
  identity: (record) => record.identity ?? null,
  credentialSid: (record) => record.credential_sid ?? null,
  messageTypes: (record) => record.message_types ?? null,
  dateCreated: (record) => record.date_created ?? null,
  dateUpdated: (record) => record.date_updated ?? null,
  url: (record) => record.url ?? null,
};
