import type { UserResolvers } from '../generated/resolvers-types.js';
import { toGlobalId } from './global-id.js';
import { chatUserOf, chatUsersOf, conversationsUserOf, flexUserOf } from './joins.js';
import { matchedIdentitiesOf } from './matched-identities.js';
import { conversationsUsersOf, defaultUserSidOf, userConversations } from './user-conversations.js';

export const User: UserResolvers = {
  // Federation: as `user(identity:)`, always a User; its product fields say where it exists.
  __resolveReference: (reference) => ({ identity: reference.identity }),
  id: (person) => toGlobalId({ type: 'User', identity: person.identity }),
  identity: (person) => person.identity,
  flexUser: (person, { instanceSid }, ctx) => flexUserOf(person, ctx, instanceSid),
  conversationsUser: (person, _args, ctx) => conversationsUserOf(person, ctx),
  chatUsers: (person, _args, ctx) => chatUsersOf(person, ctx),
  chatUser: (person, { serviceSid }, ctx) => chatUserOf(person, ctx, serviceSid),
  conversations: (person, args, ctx) =>
    userConversations(
      args,
      async () => {
        const sid = await defaultUserSidOf(person, ctx);
        return sid === null ? null : { sid, serviceSid: null };
      },
      ctx,
    ),
  conversationsUsers: (person, _args, ctx) => conversationsUsersOf(person, ctx),
  matchedIdentities: (person, _args, ctx) => matchedIdentitiesOf(person, ctx),
};
