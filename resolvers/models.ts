import type { FlexUserKey } from '../datasources/loaders.js';
import type {
  ConversationRecord,
  ConversationsUserRecord,
  FlexUserRecord,
  UserConversationRecord,
} from '../datasources/records.js';
import type { UserError } from '../generated/resolvers-types.js';

/**
 * The parent of `User` fields: an identity plus whatever was already loaded on the way to it.
 * `undefined` means "not loaded yet", `null` means "known not to exist".
 */
export interface Person {
  identity: string;
  flexUser?: FlexUserRecord | null;
  conversationsUser?: ConversationsUserRecord | null;
}

/** The parent of `DeprovisionFlexUserPayload`: Twilio answers 204, so only the key is known. */
export interface DeprovisionResult {
  userErrors: UserError[];
  /** The deprovisioned user; null when the mutation failed. */
  flexUserKey: FlexUserKey | null;
}

/**
 * The parent of `Conversation`: the record and the service route it was read through (null for
 * the default service's `/v1/Conversations`), which its global id must carry to be fetched again.
 */
export interface ConversationModel {
  kind: 'Conversation';
  record: ConversationRecord;
  serviceSid: string | null;
}

/** The parent of `UserConversation`: the list item and the service route of its list. */
export interface UserConversationModel {
  record: UserConversationRecord;
  serviceSid: string | null;
}
