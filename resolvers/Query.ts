import type { QueryResolvers, ResolversInterfaceTypes } from '../generated/resolvers-types.js';
import type { Context } from './context.js';
import { readConnection } from './connection.js';
import { fromGlobalId } from './global-id.js';
import { chatService, flexInstance, personOfConversationsUser, personOfFlexUser } from './joins.js';
import { badInput } from './scalars.js';

/** Twilio's PageSize maxima per list (TWILIO.md §5; the Flex one from the Flex Users API page). */
const MAX_PAGE_SIZE = { flexUsers: 1000, conversationsUsers: 50, chatUsers: 100 } as const;
/** Each identity costs a fetch per product: a bound keeps one request from fanning out unbounded. */
export const MAX_IDENTITIES_PER_REQUEST = 100;

/** Exactly one of the named arguments must be given; returns which. */
function exactlyOne<T extends Record<string, string | null | undefined>>(
  args: T,
): [keyof T, string] {
  const given = Object.entries(args).filter(([, value]) => value !== null && value !== undefined);
  const [only] = given;
  if (given.length !== 1 || !only) {
    throw badInput(`Pass exactly one of ${Object.keys(args).join(', ')}`);
  }
  return [only[0], only[1] as string];
}

type NodeParent = ResolversInterfaceTypes<Record<string, never>>['Node'];

function loadNode(id: string, ctx: Context) {
  const target = fromGlobalId(id);
  switch (target?.type) {
    case 'User':
      return { identity: target.identity };
    case 'FlexUser':
      return ctx.loaders.flexUser.load(target);
    case 'ConversationsUser':
      return ctx.loaders.conversationsUser.load(target.sid);
    case 'ChatUser':
      return ctx.loaders.chatUser.load({ serviceSid: target.serviceSid, user: target.sid });
    default:
      return null;
  }
}

export const Query: QueryResolvers = {
  node: (_root, { id }, ctx) => loadNode(id, ctx),
  nodes: (_root, { ids }, ctx) => {
    if (ids.length > MAX_IDENTITIES_PER_REQUEST) {
      throw badInput(`nodes takes at most ${MAX_IDENTITIES_PER_REQUEST} ids, got ${ids.length}`);
    }
    // A list of promises, not Promise.all: graphql-js settles each item on its own, so one id's
    // upstream failure is an error at that index only. Codegen's list type cannot say "promise
    // of a nullable item", hence the cast.
    return ids.map((id) => loadNode(id, ctx)) as unknown as NodeParent[];
  },

  user: async (_root, args, ctx) => {
    const [by, value] = exactlyOne({ identity: args.identity, sid: args.sid });
    if (by === 'identity') return { identity: value };
    if (value.startsWith('FU')) {
      const record = await ctx.loaders.flexUser.load({
        instanceSid: flexInstance(ctx),
        sid: value,
      });
      return record ? personOfFlexUser(record) : null;
    }
    const record = await ctx.loaders.conversationsUser.load(value);
    return record ? personOfConversationsUser(record) : null;
  },
  users: (_root, { identities }) => {
    if (identities.length > MAX_IDENTITIES_PER_REQUEST) {
      throw badInput(
        `users takes at most ${MAX_IDENTITIES_PER_REQUEST} identities, got ${identities.length}`,
      );
    }
    return identities.map((identity) => ({ identity }));
  },

  flexUser: (_root, { instanceSid, sid }, ctx) =>
    ctx.loaders.flexUser.load({ instanceSid: flexInstance(ctx, instanceSid), sid }),
  flexUserByUsername: (_root, { instanceSid, username }, ctx) =>
    ctx.loaders.flexUserByUsername.load({ instanceSid: flexInstance(ctx, instanceSid), username }),
  flexUsers: async (_root, { instanceSid, first, after }, ctx) => {
    const instance = flexInstance(ctx, instanceSid);
    const connection = await readConnection({ first, after }, MAX_PAGE_SIZE.flexUsers, (page) =>
      ctx.apis.flex.listFlexUsers(instance, page),
    );
    // v1 list items carry every v4 key, so they stand in for v4 fetches of the same users.
    for (const record of connection.nodes) ctx.loaders.primeFlexUser(record, 'v4');
    return connection;
  },

  conversationsUser: (_root, args, ctx) =>
    ctx.loaders.conversationsUser.load(exactlyOne({ sid: args.sid, identity: args.identity })[1]),
  conversationsUsers: async (_root, { first, after }, ctx) => {
    const connection = await readConnection(
      { first, after },
      MAX_PAGE_SIZE.conversationsUsers,
      (page) => ctx.apis.conversations.listUsers(page),
    );
    for (const record of connection.nodes) ctx.loaders.primeConversationsUser(record);
    return connection;
  },

  chatUser: (_root, args, ctx) =>
    ctx.loaders.chatUser.load({
      serviceSid: chatService(ctx, args.serviceSid),
      user: exactlyOne({ sid: args.sid, identity: args.identity })[1],
    }),
  chatUsers: async (_root, { serviceSid, first, after }, ctx) => {
    const service = chatService(ctx, serviceSid);
    const connection = await readConnection({ first, after }, MAX_PAGE_SIZE.chatUsers, (page) =>
      ctx.apis.chat.listUsers(service, page),
    );
    for (const record of connection.nodes) ctx.loaders.primeChatUser(record);
    return connection;
  },
};
