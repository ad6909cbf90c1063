import type { UserRef } from '../datasources/paths.js';
import type { QueryResolvers, ResolversInterfaceTypes } from '../generated/resolvers-types.js';
import type { Context } from './context.js';
import { readConnection } from './connection.js';
import { fromGlobalId } from './global-id.js';
import { reconciliationQueries } from './reconciliation.js';
import { jobModel } from './reconciliation-model.js';
import {
  chatService,
  flexInstance,
  personOfChatUser,
  personOfConversationsUser,
  personOfFlexUser,
} from './joins.js';
import type { Person } from './models.js';
import { searchPeople } from './people-search.js';
import { badInput } from './scalars.js';
import { workerQueries } from './worker-joins.js';

/** Twilio's PageSize maxima per list (TWILIO.md §5; the Flex one from the Flex Users API page). */
const MAX_PAGE_SIZE = { flexUsers: 1000, conversationsUsers: 50, chatUsers: 100 } as const;
/** Each identity costs a fetch per product: a bound keeps one request from fanning out unbounded. */
export const MAX_IDENTITIES_PER_REQUEST = 100;

const userRef = ([by, value]: [string, string]): UserRef =>
  by === 'sid' ? { sid: value } : { identity: value };

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

/**
 * The object an id names, as the type it names, or null. The loaded record must carry the id's
 * own keys: what Twilio answers for one kind of id is never returned as another.
 */
async function loadNode(id: string, ctx: Context): Promise<NodeParent | null> {
  const target = fromGlobalId(id);
  switch (target?.type) {
    case 'User':
      return { identity: target.identity };
    case 'FlexUser': {
      const record = await ctx.loaders.flexUser.load(target);
      return record?.flex_user_sid === target.sid && record.instance_sid === target.instanceSid
        ? record
        : null;
    }
    case 'ConversationsUser':
      return ctx.loaders.conversationsUser.load({ sid: target.sid });
    case 'ChatUser': {
      const record = await ctx.loaders.chatUser.load(target);
      return record?.service_sid === target.serviceSid ? record : null;
    }
    case 'ServiceConversationsUser': {
      // Only a configured service's users have such ids (ConversationsUser.id): for any other
      // service the record would come back under another id.
      if (!ctx.defaults.conversationsServiceSids.includes(target.chatServiceSid)) return null;
      const record = await ctx.loaders.serviceConversationsUser.load({
        serviceSid: target.chatServiceSid,
        sid: target.sid,
      });
      return record?.chat_service_sid === target.chatServiceSid ? record : null;
    }
    case 'Conversation':
    case 'ServiceConversation': {
      const serviceSid = target.type === 'Conversation' ? null : target.chatServiceSid;
      const record = await ctx.loaders.conversation.load({ serviceSid, sid: target.sid });
      return record && (serviceSid === null || record.chat_service_sid === serviceSid)
        ? { kind: 'Conversation', record, serviceSid }
        : null;
    }
    case 'Worker': {
      const record = await ctx.loaders.worker.load(target);
      return record?.sid === target.sid && record.workspace_sid === target.workspaceSid
        ? record
        : null;
    }
    case 'ReconciliationJob': {
      const record = await ctx.reconciliations.get(target.id);
      return record ? jobModel(record) : null;
    }
    default:
      return null;
  }
}

/**
 * A person by US… SID: their Conversations user, else a Chat user with that SID in a configured
 * service (users of other chat services have SIDs of their own). The chat services are asked only
 * when Conversations does not know the SID, or failed.
 */
async function personBySid(sid: string, ctx: Context): Promise<Person | null> {
  let failure: Error | null = null;
  try {
    const record = await ctx.loaders.conversationsUser.load({ sid });
    if (record) return personOfConversationsUser(record);
  } catch (error) {
    // Loaders reject with Error instances only (fetchEach wraps anything else).
    failure = error as Error;
  }
  const found = await Promise.allSettled(
    (await ctx.defaults.chatServiceSids()).map((serviceSid) =>
      ctx.loaders.chatUser.load({ serviceSid, sid }),
    ),
  );
  for (const result of found) {
    if (result.status === 'fulfilled' && result.value) return personOfChatUser(result.value);
  }
  if (failure !== null) throw failure;
  const chatFailure = found.find((result) => result.status === 'rejected');
  if (chatFailure) throw chatFailure.reason as Error;
  return null;
}

export const Query: QueryResolvers = {
  ...reconciliationQueries,
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
        instanceSid: await flexInstance(ctx),
        sid: value,
      });
      return record ? personOfFlexUser(record) : null;
    }
    return personBySid(value, ctx);
  },
  users: (_root, { identities }) => {
    if (identities.length > MAX_IDENTITIES_PER_REQUEST) {
      throw badInput(
        `users takes at most ${MAX_IDENTITIES_PER_REQUEST} identities, got ${identities.length}`,
      );
    }
    return identities.map((identity) => ({ identity }));
  },

  flexUser: async (_root, { instanceSid, sid }, ctx) =>
    ctx.loaders.flexUser.load({ instanceSid: await flexInstance(ctx, instanceSid), sid }),
  flexUserByUsername: async (_root, { instanceSid, username }, ctx) =>
    ctx.loaders.flexUserByUsername.load({
      instanceSid: await flexInstance(ctx, instanceSid),
      username,
    }),
  flexUsers: async (_root, { instanceSid, first, after }, ctx) => {
    const instance = await flexInstance(ctx, instanceSid);
    const connection = await readConnection({ first, after }, MAX_PAGE_SIZE.flexUsers, (page) =>
      ctx.apis.flex.listFlexUsers(instance, page),
    );
    // v1 list items carry every v4 key, so they stand in for v4 fetches of the same users.
    for (const record of connection.nodes) ctx.loaders.primeFlexUser(record, 'v4');
    return connection;
  },

  people: (_root, args, ctx) => searchPeople(args, ctx),

  conversationsUser: (_root, args, ctx) =>
    ctx.loaders.conversationsUser.load(
      userRef(exactlyOne({ sid: args.sid, identity: args.identity })),
    ),
  conversationsUsers: async (_root, { first, after }, ctx) => {
    const connection = await readConnection(
      { first, after },
      MAX_PAGE_SIZE.conversationsUsers,
      (page) => ctx.apis.conversations.listUsers(page),
    );
    for (const record of connection.nodes) ctx.loaders.primeConversationsUser(record);
    return connection;
  },

  chatUser: async (_root, args, ctx) =>
    ctx.loaders.chatUser.load({
      serviceSid: await chatService(ctx, args.serviceSid),
      ...userRef(exactlyOne({ sid: args.sid, identity: args.identity })),
    }),
  chatUsers: async (_root, { serviceSid, first, after }, ctx) => {
    const service = await chatService(ctx, serviceSid);
    const connection = await readConnection({ first, after }, MAX_PAGE_SIZE.chatUsers, (page) =>
      ctx.apis.chat.listUsers(service, page),
    );
    for (const record of connection.nodes) ctx.loaders.primeChatUser(record);
    return connection;
  },

  ...workerQueries,
};
