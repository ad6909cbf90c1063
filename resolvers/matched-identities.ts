import type { MatchedIdentity } from '../generated/resolvers-types.js';
import type { Context } from './context.js';
import { identityForm } from './flex-identity.js';
import { chatUsersOf, flexUserOf } from './joins.js';
import type { Person } from './models.js';
import { conversationsUsersOf } from './user-conversations.js';

/**
 * Where the person's product fields find them, and under which identity. The same loads as
 * those fields (cache hits when the query asks for both); Flex is left out when the account has
 * no Flex instance, rather than failing the whole list.
 */
export async function matchedIdentitiesOf(
  person: Person,
  ctx: Context,
): Promise<MatchedIdentity[]> {
  const instance = await ctx.defaults.flexInstanceSid();
  const [flexUser, conversationsUsers, chatUsers] = await Promise.all([
    instance ? flexUserOf(person, ctx, instance) : null,
    conversationsUsersOf(person, ctx),
    chatUsersOf(person, ctx),
  ]);
  const match = (
    product: MatchedIdentity['product'],
    chatServiceSid: string | null,
    identity: string,
  ): MatchedIdentity => ({
    product,
    chatServiceSid,
    identity,
    form: identityForm(person.identity, identity),
  });
  return [
    ...(flexUser?.username ? [match('FLEX', null, flexUser.username)] : []),
    ...conversationsUsers.map((user) =>
      match('CONVERSATIONS', user.chat_service_sid ?? null, user.identity),
    ),
    ...chatUsers.map((user) => match('CHAT', user.service_sid, user.identity)),
  ];
}
