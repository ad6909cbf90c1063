import type { FlexUserRecord } from '../datasources/records.js';
import type { FlexUserResolvers, FlexUserRole } from '../generated/resolvers-types.js';
import type { Context } from './context.js';
import { fetchedField } from './fetched-field.js';
import { toGlobalId } from './global-id.js';
import {
  chatUserOf,
  chatUsersOf,
  conversationsUserOf,
  flexInstance,
  personOfFlexUser,
} from './joins.js';
import { workerOfFlexUser } from './worker-joins.js';

const KNOWN_ROLES = new Set<string>(['AGENT', 'SUPERVISOR', 'ADMIN'] satisfies FlexUserRole[]);
const isKnownRole = (role: string): role is FlexUserRole => KNOWN_ROLES.has(role);

/** Keys only Flex v2 returns; every other key missing from a record is in the v4 fetch. */
const V2_ONLY_KEYS = new Set<keyof FlexUserRecord>(['user_sid', 'url']);

/** A field from the record in hand, or from the Flex version that returns it (v2 or v4). */
function field<K extends keyof FlexUserRecord>(
  record: FlexUserRecord,
  key: K,
  { loaders }: Context,
) {
  const loader = V2_ONLY_KEYS.has(key) ? loaders.flexUser : loaders.flexUserV4;
  return fetchedField(record, key, () =>
    loader.load({ instanceSid: record.instance_sid, sid: record.flex_user_sid }),
  );
}

export const FlexUser: FlexUserResolvers = {
  // Federation's key is the SID alone: it is looked up in the tenant's Flex instance.
  __resolveReference: async (reference, ctx) => {
    const record = await ctx.loaders.flexUser.load({
      instanceSid: await flexInstance(ctx),
      sid: reference.sid,
    });
    return record?.flex_user_sid === reference.sid ? record : null;
  },
  id: (record) =>
    toGlobalId({ type: 'FlexUser', instanceSid: record.instance_sid, sid: record.flex_user_sid }),
  sid: (record) => record.flex_user_sid,
  accountSid: (record, _args, ctx) => field(record, 'account_sid', ctx),
  instanceSid: (record) => record.instance_sid,
  userSid: (record, _args, ctx) => field(record, 'user_sid', ctx),
  workerSid: (record, _args, ctx) => field(record, 'worker_sid', ctx),
  workspaceSid: (record, _args, ctx) => field(record, 'workspace_sid', ctx),
  flexTeamSid: (record, _args, ctx) => field(record, 'flex_team_sid', ctx),
  username: (record, _args, ctx) => field(record, 'username', ctx),
  fullName: (record, _args, ctx) => field(record, 'full_name', ctx),
  email: (record, _args, ctx) => field(record, 'email', ctx),
  locale: (record, _args, ctx) => field(record, 'locale', ctx),
  roles: async (record, _args, ctx) => {
    const roles = await field(record, 'roles', ctx);
    return roles && roles.map((role) => role.toUpperCase()).filter(isKnownRole);
  },
  twilioRoles: (record, _args, ctx) => field(record, 'roles', ctx),
  createdDate: (record, _args, ctx) => field(record, 'created_date', ctx),
  updatedDate: (record, _args, ctx) => field(record, 'updated_date', ctx),
  version: (record, _args, ctx) => field(record, 'version', ctx),
  deactivated: (record, _args, ctx) => field(record, 'deactivated', ctx),
  deactivatedDate: (record, _args, ctx) => field(record, 'deactivated_date', ctx),
  url: (record, _args, ctx) => field(record, 'url', ctx),

  user: (record) => personOfFlexUser(record),
  conversationsUser: (record, _args, ctx) => {
    const person = personOfFlexUser(record);
    return person ? conversationsUserOf(person, ctx) : null;
  },
  chatUser: async (record, { serviceSid }, ctx) => {
    const person = personOfFlexUser(record);
    if (!person) return null;
    if (serviceSid) return chatUserOf(person, ctx, serviceSid);
    const conversationsUser = await conversationsUserOf(person, ctx);
    const ownService = conversationsUser?.chat_service_sid;
    return ownService ? chatUserOf(person, ctx, ownService) : null;
  },
  chatUsers: (record, _args, ctx) => {
    const person = personOfFlexUser(record);
    return person ? chatUsersOf(person, ctx) : [];
  },
  worker: (record, _args, ctx) => workerOfFlexUser(record, ctx),
};
