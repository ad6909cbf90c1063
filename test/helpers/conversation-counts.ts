import type { ConversationCount } from '../../emulator/routes/control-conversations.js';

/** Every seeded user of every service of the account, with how many conversations they are in. */
export async function conversationCounts(
  emulatorUrl: string,
  accountSid?: string,
): Promise<ConversationCount[]> {
  const query = accountSid === undefined ? '' : `?accountSid=${accountSid}`;
  const response = await fetch(`${emulatorUrl}/__emulator/conversation-counts${query}`);
  if (!response.ok) throw new Error(`conversation-counts: HTTP ${response.status}`);
  return ((await response.json()) as { users: ConversationCount[] }).users;
}

/** The first user of the service matching `where`; fails the test when there is none. */
export async function userWithConversations(
  emulatorUrl: string,
  chatServiceSid: string,
  where: (count: ConversationCount) => boolean,
): Promise<ConversationCount> {
  const found = (await conversationCounts(emulatorUrl)).find(
    (count) => count.chatServiceSid === chatServiceSid && where(count),
  );
  if (found === undefined) throw new Error(`the seed has no such user in ${chatServiceSid}`);
  return found;
}
