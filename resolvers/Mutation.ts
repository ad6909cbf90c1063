import { TwilioError } from '../datasources/errors.js';
import type { UserRef } from '../datasources/paths.js';
import type { MutationResolvers } from '../generated/resolvers-types.js';
import type {
  ProvisionFlexUserInput,
  UpdateFlexUserInput,
  UpdateFlexUsersItem,
} from '../generated/resolvers-types.js';
import type { Context } from './context.js';
import { atItem, checkBatch, runBulk } from './flex-bulk.js';
import { chatService, flexInstance, personOfFlexUser } from './joins.js';
import { offboardingMutations } from './offboarding.js';
import { reconciliationMutations } from './reconciliation.js';
import {
  checkAttributes,
  checkEmail,
  checkExactlyOne,
  checkSomethingToChange,
  checkText,
  userError,
  userErrorsFromTwilio,
} from './user-errors.js';

const USER_CHANGES = ['friendlyName', 'attributes', 'roleSid'];

const flexUserNotFound = (instanceSid: string, sid: string) => ({
  field: ['input', 'sid'],
  message: `No Flex user ${sid} in Flex instance ${instanceSid}`,
});

const describe = (ref: UserRef) =>
  'sid' in ref ? ref.sid : `with identity ${JSON.stringify(ref.identity)}`;

/** The user an update names; checkExactlyOne has made sure it names one. */
const userRefOf = (input: { sid?: string | null; identity?: string | null }): UserRef =>
  input.sid ? { sid: input.sid } : { identity: input.identity as string };

const attributesString = (attributes: unknown) =>
  attributes === null || attributes === undefined ? undefined : JSON.stringify(attributes);

type Provision = Omit<ProvisionFlexUserInput, 'instanceSid'>;
type FlexUserUpdate = Omit<UpdateFlexUserInput, 'instanceSid'>;

const checkProvision = (input: Provision) => [
  ...checkText('username', input.username, true),
  ...checkEmail(input.email, true),
  ...checkText('fullName', input.fullName, true),
  ...(input.roles.length === 0
    ? [userError(['input', 'roles'], 'Give at least one role', 'REQUIRED')]
    : []),
  ...checkAttributes('workerAttributes', input.workerAttributes),
];

const checkFlexUserUpdate = (input: FlexUserUpdate) => [
  ...checkSomethingToChange(input, ['email', 'userSid', 'locale']),
  ...checkEmail(input.email, false),
  ...checkText('locale', input.locale, false),
];

/** Provisions one user and primes the request's loaders with the answer. */
async function provision(ctx: Context, instanceSid: string, input: Provision) {
  const record = await ctx.apis.flex.provisionFlexUser(instanceSid, {
    username: input.username,
    email: input.email,
    fullName: input.fullName,
    roles: input.roles.map((role) => role.toLowerCase()),
    workerAttributes: (input.workerAttributes ?? undefined) as Record<string, unknown> | undefined,
  });
  ctx.loaders.primeFlexUser(record, 'v4');
  // Provisioning creates or links the Conversations user with identity = username.
  ctx.loaders.conversationsUser.clear({ identity: input.username });
  return record;
}

async function updateOne(ctx: Context, instanceSid: string, input: FlexUserUpdate) {
  const record = await ctx.apis.flex.updateFlexUser(instanceSid, input.sid, {
    email: input.email ?? undefined,
    userSid: input.userSid ?? undefined,
    locale: input.locale ?? undefined,
  });
  ctx.loaders.primeFlexUser(record, 'v2');
  return record;
}

const instanceNotFound = (instanceSid: string) => ({
  field: ['input', 'instanceSid'],
  message: `No Flex instance ${instanceSid} in this account`,
});

export const Mutation: MutationResolvers = {
  ...offboardingMutations,
  ...reconciliationMutations,

  provisionFlexUser: async (_root, { input }, ctx) => {
    const userErrors = checkProvision(input);
    if (userErrors.length > 0) return { userErrors, flexUser: null, user: null };
    const instanceSid = await flexInstance(ctx, input.instanceSid);
    try {
      const record = await provision(ctx, instanceSid, input);
      return { userErrors: [], flexUser: record, user: personOfFlexUser(record) };
    } catch (error) {
      return {
        userErrors: userErrorsFromTwilio(error, ['input'], instanceNotFound(instanceSid)),
        flexUser: null,
        user: null,
      };
    }
  },

  provisionFlexUsers: async (_root, { input }, ctx) => {
    const { users } = input;
    const problems = [
      ...checkBatch(
        users.map((user) => user.username),
        ctx.backOffice.bulkMaxItems,
        'username',
      ),
      ...users.flatMap((user, index) => atItem(checkProvision(user), index)),
    ];
    const instanceSid = problems.length > 0 ? '' : await flexInstance(ctx, input.instanceSid);
    return runBulk(
      ctx,
      users,
      problems,
      (user) => provision(ctx, instanceSid, user),
      () => instanceNotFound(instanceSid),
    );
  },

  updateFlexUsers: async (_root, { input }, ctx) => {
    const { users } = input;
    const problems = [
      ...checkBatch(
        users.map((user) => user.sid),
        ctx.backOffice.bulkMaxItems,
        'sid',
      ),
      ...users.flatMap((user, index) => atItem(checkFlexUserUpdate(user), index)),
    ];
    const instanceSid = problems.length > 0 ? '' : await flexInstance(ctx, input.instanceSid);
    return runBulk(
      ctx,
      users,
      problems,
      (user: UpdateFlexUsersItem) => updateOne(ctx, instanceSid, user),
      (user, index) => ({
        field: ['input', 'users', String(index), 'sid'],
        message: flexUserNotFound(instanceSid, user.sid).message,
      }),
    );
  },

  updateFlexUser: async (_root, { input }, ctx) => {
    const userErrors = checkFlexUserUpdate(input);
    if (userErrors.length > 0) return { userErrors, flexUser: null };
    const instanceSid = await flexInstance(ctx, input.instanceSid);
    try {
      const record = await updateOne(ctx, instanceSid, input);
      return { userErrors: [], flexUser: record };
    } catch (error) {
      return {
        userErrors: userErrorsFromTwilio(
          error,
          ['input', 'sid'],
          flexUserNotFound(instanceSid, input.sid),
        ),
        flexUser: null,
      };
    }
  },

  deprovisionFlexUser: async (_root, { input }, ctx) => {
    const key = { instanceSid: await flexInstance(ctx, input.instanceSid), sid: input.sid };
    try {
      await ctx.apis.flex.deprovisionFlexUser(key.instanceSid, key.sid);
    } catch (error) {
      return {
        userErrors: userErrorsFromTwilio(
          error,
          ['input', 'sid'],
          flexUserNotFound(key.instanceSid, key.sid),
        ),
        flexUserKey: null,
      };
    }
    ctx.loaders.forgetFlexUser(key);
    return { userErrors: [], flexUserKey: key };
  },

  updateConversationsUser: async (_root, { input }, ctx) => {
    const userErrors = [
      ...checkExactlyOne(input, ['sid', 'identity']),
      ...checkSomethingToChange(input, USER_CHANGES),
      ...checkAttributes('attributes', input.attributes),
    ];
    if (userErrors.length > 0) return { userErrors, conversationsUser: null };
    try {
      const record = await ctx.apis.conversations.updateUser(userRefOf(input), {
        friendlyName: input.friendlyName ?? undefined,
        attributes: attributesString(input.attributes),
        roleSid: input.roleSid ?? undefined,
      });
      ctx.loaders.refreshConversationsUser(record);
      // The same user is the Chat user of the default service: its cached Chat view is stale.
      if (record.chat_service_sid) ctx.loaders.forgetChatUser(record.chat_service_sid, record);
      return { userErrors: [], conversationsUser: record };
    } catch (error) {
      const field = ['input', input.sid ? 'sid' : 'identity'];
      const notFound = { field, message: `No Conversations user ${describe(userRefOf(input))}` };
      return { userErrors: userErrorsFromTwilio(error, field, notFound), conversationsUser: null };
    }
  },

  updateChatUser: async (_root, { input }, ctx) => {
    const userErrors = [
      ...checkExactlyOne(input, ['sid', 'identity']),
      ...checkSomethingToChange(input, USER_CHANGES),
      ...checkAttributes('attributes', input.attributes),
    ];
    if (userErrors.length > 0) return { userErrors, chatUser: null };
    const serviceSid = await chatService(ctx, input.serviceSid);
    try {
      const record = await ctx.apis.chat.updateUser(serviceSid, userRefOf(input), {
        friendlyName: input.friendlyName ?? undefined,
        attributes: attributesString(input.attributes),
        roleSid: input.roleSid ?? undefined,
      });
      ctx.loaders.refreshChatUser(record);
      // In the default service this is also the Conversations user: drop its cached view.
      ctx.loaders.forgetConversationsUser(record);
      return { userErrors: [], chatUser: record };
    } catch (error) {
      const field = ['input', input.sid ? 'sid' : 'identity'];
      // Twilio answers the same 404 for an unknown service and an unknown user in it: asking
      // for the service (only on this error path) tells which input was wrong.
      const serviceMissing =
        error instanceof TwilioError &&
        error.isNotFound &&
        // A failed look-up proves nothing: the user is then the one blamed, as before.
        (await ctx.apis.chat.fetchService(serviceSid).catch(() => 'unknown')) === null;
      const notFound = serviceMissing
        ? {
            field: ['input', 'serviceSid'],
            message: `No chat service ${serviceSid} in this account`,
          }
        : { field, message: `No user ${describe(userRefOf(input))} in chat service ${serviceSid}` };
      return { userErrors: userErrorsFromTwilio(error, field, notFound), chatUser: null };
    }
  },
};
