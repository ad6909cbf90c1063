import type {
  ChatUserRecord,
  ConversationsUserRecord,
  FlexUserRecord,
} from '../datasources/records.js';
import { loadByIdentity } from './by-identity.js';
import type { Context } from './context.js';
import type { Person } from './models.js';
import { badInput } from './scalars.js';

/** The Flex instance an operation means: the one it names, else the account's default. */
export async function flexInstance(ctx: Context, instanceSid?: string | null): Promise<string> {
  const sid = instanceSid ?? (await ctx.defaults.flexInstanceSid());
  if (!sid) throw badInput(NO_FLEX_INSTANCE);
  return sid;
}

/** The chat service an operation means: the one it names, else the account's first. */
export async function chatService(ctx: Context, serviceSid?: string | null): Promise<string> {
  const sid = serviceSid ?? (await ctx.defaults.chatServiceSids())[0];
  if (!sid) throw badInput('No chat service known for this account: pass serviceSid (IS…)');
  return sid;
}

const NO_FLEX_INSTANCE =
  "No Flex instance known for this account (none configured, and Flex's Configuration names none): pass instanceSid (GO…)";

/** The person's Flex user in an instance: the one already loaded, else by username. */
export async function flexUserOf(
  person: Person,
  ctx: Context,
  instanceSid?: string | null,
): Promise<FlexUserRecord | null> {
  const instance = instanceSid ?? (await ctx.defaults.flexInstanceSid());
  if (!instance) throw badInput(NO_FLEX_INSTANCE);
  if (person.flexUser !== undefined && (person.flexUser?.instance_sid ?? instance) === instance) {
    return person.flexUser;
  }
  return loadByIdentity(ctx, person.identity, (username) =>
    ctx.loaders.flexUserByUsername.load({ instanceSid: instance, username }),
  );
}

/** The person's Conversations user: the one already loaded, else by the Flex link, else by identity. */
export function conversationsUserOf(
  person: Person,
  ctx: Context,
): Promise<ConversationsUserRecord | null> | ConversationsUserRecord | null {
  if (person.conversationsUser !== undefined) return person.conversationsUser;
  const sid = person.flexUser?.user_sid;
  if (sid) return ctx.loaders.conversationsUser.load({ sid });
  return loadByIdentity(ctx, person.identity, (identity) =>
    ctx.loaders.conversationsUser.load({ identity }),
  );
}

/**
 * The person's Chat users in every chat service the gateway knows, in the order: configured
 * services, then the Conversations user's own service if it is not configured. The configured
 * services are asked at once, alongside the Conversations user, so knowing its service costs no
 * extra round trip unless that service is not configured.
 */
export async function chatUsersOf(person: Person, ctx: Context): Promise<ChatUserRecord[]> {
  const configured = await ctx.defaults.chatServiceSids();
  const load = (serviceSid: string) => chatUserOf(person, ctx, serviceSid);
  const ownService = Promise.resolve(conversationsUserOf(person, ctx)).then(
    (conversationsUser) => {
      const sid = conversationsUser?.chat_service_sid;
      return sid && !configured.includes(sid) ? load(sid) : null;
    },
    // Conversations failing says nothing about the chat services: their users are still listed,
    // and the failure is the conversationsUser field's own error when it is asked for.
    () => null,
  );
  // Every load started here is awaited together: one that failed while another was awaited
  // alone would be an unhandled rejection.
  const users = await Promise.all([...configured.map(load), ownService]);
  return users.filter((user): user is ChatUserRecord => user !== null);
}

/** The Chat user for a person in one service (by identity, so it shares the cache with chatUsersOf). */
export function chatUserOf(
  person: Person,
  ctx: Context,
  serviceSid: string,
): Promise<ChatUserRecord | null> {
  return loadByIdentity(ctx, person.identity, (identity) =>
    ctx.loaders.chatUser.load({ serviceSid, identity }),
  );
}

export const personOfFlexUser = (record: FlexUserRecord): Person | null =>
  record.username ? { identity: record.username, flexUser: record } : null;

export const personOfConversationsUser = (record: ConversationsUserRecord): Person => ({
  identity: record.identity,
  conversationsUser: record,
});

export const personOfChatUser = (record: ChatUserRecord): Person => ({ identity: record.identity });

/** Twilio stores attributes as a JSON string; an unparseable one is passed on as the string. */
export function parseAttributes(attributes: string | null | undefined): unknown {
  if (attributes === null || attributes === undefined) return null;
  try {
    return JSON.parse(attributes) as unknown;
  } catch {
    return attributes;
  }
}
