import type { ConversationsUserRecord, Page, PageRequest } from '../datasources/records.js';
import { loadByIdentity } from './by-identity.js';
import { readConnection, type Connection } from './connection.js';
import type { Context } from './context.js';
import { conversationsUserOf } from './joins.js';
import type { Person, UserConversationModel } from './models.js';

/** Twilio's PageSize maximum for a user's conversations (twilio_conversations_v1.json). */
export const MAX_USER_CONVERSATIONS_PAGE = 50;

/**
 * The service route a Conversations user is read through: its own service when that is one of
 * the configured non-default services, else null (the default service's `/v1/Users`).
 */
export function serviceRouteOf(record: ConversationsUserRecord, ctx: Context): string | null {
  const service = record.chat_service_sid;
  return service && ctx.defaults.conversationsServiceSids.includes(service) ? service : null;
}

/**
 * A page of a user's conversations. `userSid` is asked for only once `first` and `after` are
 * known to be valid, so a malformed input costs no call, not even the identity's resolution.
 * Null when there is no such user (no SID, or Twilio's 404 for one that dangles).
 */
export async function userConversations(
  args: { first: number; after?: string | null },
  userSid: () => Promise<{ sid: string; serviceSid: string | null } | null>,
  ctx: Context,
): Promise<Connection<UserConversationModel> | null> {
  let missing = false;
  const connection = await readConnection(
    args,
    MAX_USER_CONVERSATIONS_PAGE,
    async (page: PageRequest): Promise<Page<UserConversationModel>> => {
      const user = await userSid();
      const read =
        user &&
        (await ctx.apis.conversations.listUserConversations(user.serviceSid, user.sid, page));
      if (!user || !read) {
        missing = true;
        return { items: [], nextPageToken: null };
      }
      return {
        items: read.items.map((record) => ({ record, serviceSid: user.serviceSid })),
        nextPageToken: read.nextPageToken,
      };
    },
  );
  return missing ? null : connection;
}

/**
 * The person's default-service user's SID without a fetch when it is already known (the loaded
 * Conversations user, or the Flex user's `user_sid`), else by identity through the loaders.
 */
export async function defaultUserSidOf(person: Person, ctx: Context): Promise<string | null> {
  const known = person.conversationsUser?.sid ?? person.flexUser?.user_sid;
  if (person.conversationsUser === null) return null;
  if (known) return known;
  return (await conversationsUserOf(person, ctx))?.sid ?? null;
}

/**
 * The person's Conversations users: the default service's, then each configured service's in
 * configured order, all asked in one wave. A configured service that is the default one gives
 * the same user: it is listed once.
 */
export async function conversationsUsersOf(
  person: Person,
  ctx: Context,
): Promise<ConversationsUserRecord[]> {
  const users = await Promise.all([
    conversationsUserOf(person, ctx),
    ...ctx.defaults.conversationsServiceSids.map((serviceSid) =>
      loadByIdentity(ctx, person.identity, (identity) =>
        ctx.loaders.serviceConversationsUser.load({ serviceSid, identity }),
      ),
    ),
  ]);
  const seen = new Set<string>();
  return users.filter((user): user is ConversationsUserRecord => {
    if (user === null) return false;
    const key = `${user.chat_service_sid ?? ''}|${user.sid}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
