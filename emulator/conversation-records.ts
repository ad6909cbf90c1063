import type { SeqList } from './seq-list.js';

/** Twilio's `conversation_enum_state`. */
export type ConversationState = 'initializing' | 'active' | 'inactive' | 'closed';

/** A conversation of one Conversations service, with its participants. */
export interface ConversationRecord {
  seq: number;
  sid: string;
  accountSid: string;
  serviceSid: string;
  messagingServiceSid: string | null;
  friendlyName: string | null;
  uniqueName: string | null;
  /** A JSON object as a string, as Twilio stores it. */
  attributes: string;
  state: ConversationState;
  /** Identity of the creator; null when a customer's message opened it. */
  createdBy: string | null;
  /** Messages sent so far; the last one has index messageCount - 1. */
  messageCount: number;
  dateCreated: string;
  dateUpdated: string;
  participants: SeqList<ParticipantRecord>;
  participantsBySid: Map<string, ParticipantRecord>;
}

/** How a non-chat participant (SMS, WhatsApp) exchanges messages: Twilio's `messaging_binding`. */
export interface MessagingBinding {
  type: 'sms' | 'whatsapp';
  address: string;
  proxy_address: string;
}

/** A participant: a chat user (identity) or an SMS/WhatsApp address (messaging binding). */
export interface ParticipantRecord {
  seq: number;
  sid: string;
  accountSid: string;
  conversationSid: string;
  identity: string | null;
  messagingBinding: MessagingBinding | null;
  roleSid: string | null;
  attributes: string;
  /** The read horizon; null until the participant has read anything. */
  lastReadMessageIndex: number | null;
  lastReadTimestamp: string | null;
  /** The user's notification level for this conversation (user-conversation resource). */
  notificationLevel: 'default' | 'muted';
  dateCreated: string;
  dateUpdated: string;
}
