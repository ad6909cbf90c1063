import type { ChatUserRecord, FlexUserRecord } from '../datasources/records.js';
import type {
  BulkItemError,
  OffboardChatUsers,
  OffboardConversationsUser,
  OffboardingAction,
  OffboardingOutcome,
} from '../generated/resolvers-types.js';
import type { Context } from './context.js';
import { failure } from './flex-bulk.js';

/**
 * The most channels LEAVE_CHANNELS leaves per Chat user in one call: one Twilio page of the
 * user's channels (Chat's largest, 50). A user can be in 250 channels by default: the rest are
 * left by calling again (`channelsRemaining` says so), so one mutation's fan-out stays bounded.
 */
export const LEAVE_CHANNELS_PER_USER = 50;

export interface StepResult {
  action: OffboardingAction;
  target: string | null;
  outcome: OffboardingOutcome;
  reason: string | null;
  error: BulkItemError | null;
}

export interface OffboardPlan {
  instanceSid: string;
  identity: string;
  /**
   * Every form the person's records may hold: the identity, then (Flex identity escapes on) its
   * other Flex form. Each product is asked for each, and every record found is acted on.
   */
  identityForms: readonly string[];
  conversationsUser: OffboardConversationsUser;
  chatUsers: OffboardChatUsers;
  dryRun: boolean;
  /** The actions to run; the others are reported SKIPPED. */
  only: ReadonlySet<OffboardingAction>;
}

/** The look-ups of one product, one per identity form, in the order of `identityForms`. */
type FormReads<T> = Promise<PromiseSettledResult<T | null>[]>;
interface Found<T> {
  identity: string;
  record: T;
}
/** What a product's look-ups found, with a FAILED step per form whose look-up failed. */
interface Settled<T> {
  failures: StepResult[];
  found: Found<T>[];
  failed: boolean;
}

const result = (
  action: OffboardingAction,
  target: string | null,
  outcome: OffboardingOutcome,
  reason: string | null = null,
  error: BulkItemError | null = null,
): StepResult => ({ action, target, outcome, reason, error });

/**
 * Runs the offboarding in three waves of Twilio calls and reports every step:
 * 1. every look-up at once (Flex, Conversations, each chat service's Chat user, for each identity
 *    form), through the request's loaders so none is made twice;
 * 2. the Flex deprovision, alone: a failed one (or a failed Flex look-up) skips everything after
 *    it, so a person is never stripped of their other users while still holding a Flex licence;
 * 3. the rest at once, none depending on another: the worker (looked up now that deprovisioning
 *    has removed the linked one), the Conversations user, the Chat users or their channels.
 * However the calls interleave, `steps` comes back in the documented order: DEPROVISION_FLEX_USER,
 * DELETE_WORKER, DELETE_CONVERSATIONS_USER, then DELETE_CHAT_USER / LEAVE_CHANNEL by chat
 * service; within an action, look-up failures then records by identity form (then by channel).
 * Every call goes through the account's budget like any other: the waves only stop waiting.
 */
export async function runOffboarding(
  ctx: Context,
  plan: OffboardPlan,
): Promise<{ steps: StepResult[]; channelsRemaining: boolean }> {
  const { loaders } = ctx;
  const { instanceSid } = plan;
  const notAsked = (action: OffboardingAction) =>
    plan.only.has(action) ? null : 'not in input.steps';
  const chatAction: OffboardingAction | null =
    plan.chatUsers === 'KEEP'
      ? null
      : plan.chatUsers === 'REMOVE'
        ? 'DELETE_CHAT_USER'
        : 'LEAVE_CHANNEL';
  const conversationsAsked =
    plan.conversationsUser === 'REMOVE' && plan.only.has('DELETE_CONVERSATIONS_USER');
  const chatAsked = chatAction !== null && plan.only.has(chatAction);
  const readForms = <T>(read: (identity: string) => Promise<T | null>): FormReads<T> =>
    Promise.allSettled(plan.identityForms.map((form) => read(form)));

  // Wave 1: every look-up, started together.
  const flexReads =
    plan.only.has('DEPROVISION_FLEX_USER') || plan.only.has('DELETE_WORKER')
      ? readForms((username) => loaders.flexUserByUsername.load({ instanceSid, username }))
      : null;
  const conversationsReads = conversationsAsked
    ? readForms((identity) => loaders.conversationsUser.load({ identity }))
    : null;
  const chatReads = chatAsked ? readChatUsers(ctx, plan, conversationsReads, readForms) : null;
  // Not awaited when the Flex step blocks the Chat step: its failure must not go unhandled.
  chatReads?.catch(() => undefined);

  // Wave 2: the Flex deprovision, once every look-up has answered: the waves stay whole, so the
  // deprovision is never sent while the person's other records are still being read.
  await Promise.allSettled([flexReads, conversationsReads, chatReads]);
  const flex = notAsked('DEPROVISION_FLEX_USER')
    ? {
        steps: [result('DEPROVISION_FLEX_USER', null, 'SKIPPED', 'not in input.steps')],
        users: null,
        blocked: null,
      }
    : await deprovisionFlex(
        ctx,
        plan,
        settle(plan, 'DEPROVISION_FLEX_USER', null, await flexReads!),
      );

  // Wave 3: everything else, at once. A step whose own reads threw is its FAILED, never the
  // whole payload: the others' outcomes are still reported.
  const skipped = (action: OffboardingAction) => flex.blocked ?? notAsked(action);
  const skip = (action: OffboardingAction) => [result(action, null, 'SKIPPED', skipped(action))];
  const guarded = async (action: OffboardingAction, run: () => Promise<StepResult[]>) => {
    if (skipped(action)) return skip(action);
    try {
      return await run();
    } catch (error) {
      return [result(action, null, 'FAILED', 'the look-up failed', failure(error))];
    }
  };
  let channelsRemaining = false;
  const conversationsRun: Promise<StepResult[]> =
    plan.conversationsUser === 'KEEP'
      ? Promise.resolve([])
      : guarded('DELETE_CONVERSATIONS_USER', async () =>
          deleteConversationsUser(ctx, plan, await conversationsReads!),
        );
  /**
   * The Conversations user is also the Chat user of its chat service: that Chat user's delete
   * waits for the Conversations one, so the two are never sent at once and which reports DONE
   * never depends on a race. It is still sent (usually a 404: ALREADY_DONE) rather than assumed:
   * its answer is Twilio's, and the delete makes the read cache forget the Chat record, which the
   * Conversations delete does not always do (the cached record may not name its chat service).
   */
  const conversationsUserSids = new Set(
    ((conversationsReads && (await conversationsReads)) ?? []).flatMap((read) =>
      read.status === 'fulfilled' && read.value ? [read.value.sid] : [],
    ),
  );
  const afterConversations = async (userSid: string) => {
    if (conversationsUserSids.has(userSid)) await conversationsRun;
  };
  const [worker, conversations, chat] = await Promise.all([
    guarded('DELETE_WORKER', () => deleteWorkers(ctx, plan, flex.users, flexReads!)),
    conversationsRun,
    chatAction === null
      ? []
      : guarded(chatAction, async () => {
          const done = await offboardChatUsers(
            ctx,
            plan,
            chatAction,
            await chatReads!,
            afterConversations,
          );
          channelsRemaining = done.channelsRemaining;
          return done.steps;
        }),
  ]);
  return { steps: [...flex.steps, ...worker, ...conversations, ...chat], channelsRemaining };
}

/**
 * One product's look-ups, settled: a form whose look-up failed is the step's FAILED (what it
 * would have acted on is unknown); what the others found is still returned and acted on.
 */
function settle<T>(
  plan: OffboardPlan,
  action: OffboardingAction,
  target: string | null,
  settled: PromiseSettledResult<T | null>[],
): Settled<T> {
  const failures: StepResult[] = [];
  const found: Found<T>[] = [];
  settled.forEach((read, at) => {
    const identity = plan.identityForms[at]!;
    if (read.status === 'rejected') {
      const reason =
        plan.identityForms.length > 1 ? `the look-up of ${identity} failed` : 'the look-up failed';
      failures.push(result(action, target, 'FAILED', reason, failure(read.reason)));
    } else if (read.value !== null) {
      found.push({ identity, record: read.value });
    }
  });
  return { failures, found, failed: failures.length > 0 };
}

/** Says which form a record was found under, when it is not the identity given. */
const formNote = (plan: OffboardPlan, identity: string) =>
  identity === plan.identity ? null : `found as ${identity} (the other Flex form)`;
const anyForm = (plan: OffboardPlan) => plan.identityForms.join(' or ');

/**
 * Sends one write (or plans it): DONE, ALREADY_DONE when Twilio answered 404, else FAILED.
 * `note` (which identity form the record was found under) goes in the step's reason.
 */
async function act(
  plan: OffboardPlan,
  action: OffboardingAction,
  target: string,
  write: () => Promise<boolean>,
  note: string | null = null,
): Promise<StepResult> {
  if (plan.dryRun) return result(action, target, 'PLANNED', note);
  try {
    return result(action, target, (await write()) ? 'DONE' : 'ALREADY_DONE', note);
  } catch (error) {
    return result(action, target, 'FAILED', note, failure(error));
  }
}

/**
 * Every chat service's Chat user, for each form: the configured services at once, and the
 * Conversations user's own chat service (when not configured) as soon as that look-up answers.
 */
async function readChatUsers(
  ctx: Context,
  plan: OffboardPlan,
  conversationsReads: FormReads<{ chat_service_sid?: string | null }> | null,
  readForms: <T>(read: (identity: string) => Promise<T | null>) => FormReads<T>,
): Promise<{ serviceSid: string; reads: PromiseSettledResult<ChatUserRecord | null>[] }[]> {
  const readService = (serviceSid: string) =>
    readForms((identity) => ctx.loaders.chatUser.load({ serviceSid, identity }));
  // A copy: the configured list is the tenant’s own, shared by every request.
  const services = [...(await ctx.defaults.chatServiceSids())];
  const reads = services.map(readService);
  if (conversationsReads) {
    const first = (await conversationsReads).find(
      (read) => read.status === 'fulfilled' && read.value !== null,
    );
    const own = first?.status === 'fulfilled' ? (first.value?.chat_service_sid ?? null) : null;
    if (own && !services.includes(own)) {
      services.push(own);
      reads.push(readService(own));
    }
  }
  const settled = await Promise.all(reads);
  return services.map((serviceSid, at) => ({ serviceSid, reads: settled[at]! }));
}

/** DEPROVISION_FLEX_USER: deprovisioning a deactivated user changes nothing, so it is not sent. */
async function deprovisionFlex(
  ctx: Context,
  plan: OffboardPlan,
  { failures, found, failed }: Settled<FlexUserRecord>,
): Promise<{ steps: StepResult[]; users: FlexUserRecord[]; blocked: string | null }> {
  const steps = [...failures];
  if (found.length === 0 && !failed) {
    const reason = `no Flex user ${anyForm(plan)} in ${plan.instanceSid}`;
    steps.push(result('DEPROVISION_FLEX_USER', null, 'ALREADY_DONE', reason));
  }
  const done = await Promise.all(
    found.map(({ identity, record: flexUser }) => {
      const note = formNote(plan, identity);
      if (flexUser.deactivated) {
        const reason = note ? `already deactivated; ${note}` : 'already deactivated';
        return Promise.resolve(
          result('DEPROVISION_FLEX_USER', flexUser.flex_user_sid, 'ALREADY_DONE', reason),
        );
      }
      return act(
        plan,
        'DEPROVISION_FLEX_USER',
        flexUser.flex_user_sid,
        async () => {
          await ctx.apis.flex.deprovisionFlexUser(plan.instanceSid, flexUser.flex_user_sid);
          ctx.loaders.forgetFlexUser({
            instanceSid: plan.instanceSid,
            sid: flexUser.flex_user_sid,
          });
          return true;
        },
        note,
      );
    }),
  );
  steps.push(...done);
  const blocked = steps.some((step) => step.outcome === 'FAILED')
    ? 'the Flex deprovision failed'
    : null;
  return { steps, users: found.map(({ record }) => record), blocked };
}

/**
 * DELETE_WORKER: the workers named after either identity form (TaskRouter's FriendlyName, which
 * Flex sets to the username), deleted, but never while the person's Flex user stays active: its
 * worker is the one it routes to, and deprovisioning removes it. `flexUsers` is what the Flex
 * step found (null when it was not asked for: then wave 1's look-ups are this step's).
 */
async function deleteWorkers(
  ctx: Context,
  plan: OffboardPlan,
  flexUsers: FlexUserRecord[] | null,
  flexReads: FormReads<FlexUserRecord>,
): Promise<StepResult[]> {
  let users = flexUsers;
  if (users === null) {
    const read = settle(plan, 'DELETE_WORKER', null, await flexReads);
    if (read.failed) return read.failures;
    users = read.found.map(({ record }) => record);
    // The Flex step did not run: a user active now stays active.
    const active = users.find((user) => user.deactivated !== true);
    if (active) {
      const reason = `the Flex user ${active.flex_user_sid} is active: deprovision it first`;
      return [result('DELETE_WORKER', null, 'SKIPPED', reason)];
    }
  }
  const workspaceSid =
    users.find((user) => user.workspace_sid)?.workspace_sid ?? (await ctx.defaults.workspaceSid());
  if (!workspaceSid)
    return [result('DELETE_WORKER', null, 'ALREADY_DONE', 'no TaskRouter workspace')];
  const { failures, found, failed } = settle(
    plan,
    'DELETE_WORKER',
    null,
    await Promise.allSettled(
      plan.identityForms.map((friendlyName) =>
        ctx.loaders.workerByFriendlyName.load({ workspaceSid, friendlyName }),
      ),
    ),
  );
  if (found.length === 0 && !failed) {
    return [result('DELETE_WORKER', null, 'ALREADY_DONE', `no worker named ${anyForm(plan)}`)];
  }
  const seen = new Set<string>();
  const distinct = found.filter(({ record }) => !seen.has(record.sid) && seen.add(record.sid));
  const deleted = await Promise.all(
    distinct.map(({ identity, record: worker }) =>
      act(
        plan,
        'DELETE_WORKER',
        worker.sid,
        () => ctx.apis.taskrouter.deleteWorker(workspaceSid, worker.sid),
        formNote(plan, identity),
      ),
    ),
  );
  return [...failures, ...deleted];
}

/** DELETE_CONVERSATIONS_USER: the Conversations user (also the default chat service's Chat user). */
async function deleteConversationsUser(
  ctx: Context,
  plan: OffboardPlan,
  reads: PromiseSettledResult<{ sid: string; identity: string } | null>[],
): Promise<StepResult[]> {
  const { failures, found, failed } = settle(plan, 'DELETE_CONVERSATIONS_USER', null, reads);
  if (found.length === 0 && !failed) {
    const reason = `no Conversations user ${anyForm(plan)}`;
    return [result('DELETE_CONVERSATIONS_USER', null, 'ALREADY_DONE', reason)];
  }
  const deleted = await Promise.all(
    found.map(({ identity, record: user }) =>
      act(
        plan,
        'DELETE_CONVERSATIONS_USER',
        user.sid,
        async () => {
          const gone = await ctx.apis.conversations.deleteUser(user.sid);
          ctx.loaders.forgetConversationsUser(user);
          return gone;
        },
        formNote(plan, identity),
      ),
    ),
  );
  return [...failures, ...deleted];
}

/** DELETE_CHAT_USER / LEAVE_CHANNEL in every chat service the gateway knows, all at once. */
async function offboardChatUsers(
  ctx: Context,
  plan: OffboardPlan,
  action: OffboardingAction,
  services: { serviceSid: string; reads: PromiseSettledResult<ChatUserRecord | null>[] }[],
  afterConversations: (userSid: string) => Promise<void>,
): Promise<{ steps: StepResult[]; channelsRemaining: boolean }> {
  const perService = await Promise.all(
    services.map(async ({ serviceSid, reads }) => {
      const { failures, found, failed } = settle(plan, action, serviceSid, reads);
      if (found.length === 0 && !failed) {
        const reason = `no Chat user ${anyForm(plan)} in ${serviceSid}`;
        return [{ steps: [result(action, serviceSid, 'ALREADY_DONE', reason)], more: false }];
      }
      const done = await Promise.all(
        found.map(async ({ identity, record: user }) => {
          await afterConversations(user.sid);
          if (action === 'LEAVE_CHANNEL') return leaveChannels(ctx, plan, serviceSid, user);
          const deleted = await act(
            plan,
            action,
            `${serviceSid}/${user.sid}`,
            async () => {
              const gone = await ctx.apis.chat.deleteUser(serviceSid, user.sid);
              ctx.loaders.forgetChatUser(serviceSid, user);
              return gone;
            },
            formNote(plan, identity),
          );
          return { steps: [deleted], more: false };
        }),
      );
      return [{ steps: failures, more: false }, ...done];
    }),
  );
  const all = perService.flat();
  return { steps: all.flatMap((r) => r.steps), channelsRemaining: all.some((r) => r.more) };
}

/** One page of the user's channels, left all at once; `more` when more remain past the page. */
async function leaveChannels(
  ctx: Context,
  plan: OffboardPlan,
  serviceSid: string,
  user: ChatUserRecord,
): Promise<{ steps: StepResult[]; more: boolean }> {
  const target = `${serviceSid}/${user.sid}`;
  let page;
  try {
    page = await ctx.apis.chat.listUserChannels(serviceSid, user.sid, {
      pageSize: LEAVE_CHANNELS_PER_USER,
      pageToken: null,
    });
  } catch (error) {
    const failed = result('LEAVE_CHANNEL', target, 'FAILED', 'the look-up failed', failure(error));
    return { steps: [failed], more: false };
  }
  const memberships = page.items.filter((channel) => channel.member_sid && channel.channel_sid);
  // In no channel: nothing to leave, reported as such (also in a dry run, which plans nothing).
  if (memberships.length === 0) {
    return { steps: [result('LEAVE_CHANNEL', target, 'ALREADY_DONE')], more: false };
  }
  const steps = await Promise.all(
    memberships.map((channel) => {
      const channelSid = channel.channel_sid!;
      const memberSid = channel.member_sid!;
      return act(plan, 'LEAVE_CHANNEL', `${serviceSid}/${channelSid}/${memberSid}`, () =>
        ctx.apis.chat.deleteMember(serviceSid, channelSid, memberSid, user.sid),
      );
    }),
  );
  return { steps, more: page.nextPageToken !== null };
}
