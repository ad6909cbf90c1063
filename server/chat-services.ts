import { isSid } from '../datasources/sids.js';

/**
 * Chat services a person is looked up in on every request. Each costs one Twilio call per person
 * asked for, so the list is capped; 10 is more than any deployment we know of configures.
 */
export const MAX_CHAT_SERVICES = 10;

/**
 * A list of chat service SIDs from configuration or a header, deduplicated in order; or why it
 * cannot be used.
 */
export function checkChatServiceSids(values: unknown[]): { sids: string[] } | { problem: string } {
  const bad = values.find((value) => !isSid('chatService', value));
  if (bad !== undefined) {
    return {
      problem: `must list chat service SIDs (IS + 32 hex digits), got ${JSON.stringify(bad)}`,
    };
  }
  const sids = [...new Set(values as string[])];
  if (sids.length > MAX_CHAT_SERVICES) {
    return { problem: `may list at most ${MAX_CHAT_SERVICES} chat services, got ${sids.length}` };
  }
  return { sids };
}
