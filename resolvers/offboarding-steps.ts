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

type Write = () => Promise<boolean>;
type Act = (
  action: OffboardingAction,
  target: string,
  write: Write,
  noop?: boolean,
  note?: string | null,
) => Promise<void>;

/**
 * Runs the steps in order and reports every one: a step is never dropped, whatever happens to
 * the ones before it. A failed Flex deprovision skips everything after it, so a person is never
 * stripped of their other users while still holding a Flex licence the report calls done.
 */
export async function runOffboarding(
  ctx: Context,
  plan: OffboardPlan,
): Promise<{ steps: StepResult[]; channelsRemaining: boolean }> {
  const steps: StepResult[] = [];
  let blocked: string | null = null;
  let channelsRemaining = false;
  const { apis } = ctx;

  const step = (
    action: OffboardingAction,
    target: string | null,
    outcome: OffboardingOutcome,
    reason: string | null = null,
    error: BulkItemError | null = null,
  ) => {
    steps.push({ action, target, outcome, reason, error });
  };
  const skippedFor = (action: OffboardingAction): string | null =>
    blocked ?? (plan.only.has(action) ? null : 'not in input.steps');
  /**
   * Sends one write (or plans it): DONE, ALREADY_DONE when Twilio answered 404, else FAILED.
   * `note` (which identity form the record was found under) goes in the step's reason.
   */
  const act: Act = async (action, target, write, noop = false, note = null) => {
    if (plan.dryRun && !noop) return step(action, target, 'PLANNED', note);
    try {
      step(action, target, (await write()) ? 'DONE' : 'ALREADY_DONE', note);
    } catch (error) {
      step(action, target, 'FAILED', note, failure(error));
    }
  };
  /** A look-up that failed is the step's failure: what it would have acted on is unknown. */
  const lookup = async <T>(
    action: OffboardingAction,
    target: string | null,
    read: () => Promise<T>,
  ) => {
    try {
      return { found: await read() };
    } catch (error) {
      step(action, target, 'FAILED', 'the look-up failed', failure(error));
      return null;
    }
  };

  const forms = plan.identityForms.length;
  /**
   * The records of every identity form, asked for together. A form whose look-up failed is the
   * step's FAILED (what it would have acted on is unknown); what the others found is still
   * returned and acted on. `found` is null when every look-up failed.
   */
  const lookupForms = async <T>(
    action: OffboardingAction,
    target: string | null,
    read: (identity: string) => Promise<T | null>,
  ) => {
    const settled = await Promise.allSettled(plan.identityForms.map((form) => read(form)));
    const found: { identity: string; record: T }[] = [];
    let failed = 0;
    settled.forEach((result, at) => {
      const identity = plan.identityForms[at]!;
      if (result.status === 'rejected') {
        failed++;
        const reason = forms > 1 ? `the look-up of ${identity} failed` : 'the look-up failed';
        step(action, target, 'FAILED', reason, failure(result.reason));
      } else if (result.value !== null) {
        found.push({ identity, record: result.value });
      }
    });
    return { found, failed: failed > 0 };
  };
  /** Says which form a record was found under, when it is not the identity given. */
  const formNote = (identity: string) =>
    identity === plan.identity ? null : `found as ${identity} (the other Flex form)`;
  const anyForm = plan.identityForms.join(' or ');

  // 1. Flex: deprovisioning a deactivated user changes nothing, so it is not sent again.
  /** The person's Flex users as found by step 1; null when it did not look (not asked for). */
  let flexUsers: FlexUserRecord[] | null = null;
  const flexSkip = skippedFor('DEPROVISION_FLEX_USER');
  if (flexSkip) {
    step('DEPROVISION_FLEX_USER', null, 'SKIPPED', flexSkip);
  } else {
    const { found, failed } = await lookupForms('DEPROVISION_FLEX_USER', null, (username) =>
      apis.flex.fetchFlexUserByUsername(plan.instanceSid, username),
    );
    flexUsers = found.map(({ record }) => record);
    if (found.length === 0 && !failed) {
      step(
        'DEPROVISION_FLEX_USER',
        null,
        'ALREADY_DONE',
        `no Flex user ${anyForm} in ${plan.instanceSid}`,
      );
    }
    for (const { identity, record: flexUser } of found) {
      const note = formNote(identity);
      if (flexUser.deactivated) {
        const reason = note ? `already deactivated; ${note}` : 'already deactivated';
        step('DEPROVISION_FLEX_USER', flexUser.flex_user_sid, 'ALREADY_DONE', reason);
        continue;
      }
      await act(
        'DEPROVISION_FLEX_USER',
        flexUser.flex_user_sid,
        async () => {
          await apis.flex.deprovisionFlexUser(plan.instanceSid, flexUser.flex_user_sid);
          ctx.loaders.forgetFlexUser({
            instanceSid: plan.instanceSid,
            sid: flexUser.flex_user_sid,
          });
          return true;
        },
        false,
        note,
      );
    }
    if (
      failed ||
      steps.some((s) => s.action === 'DEPROVISION_FLEX_USER' && s.outcome === 'FAILED')
    ) {
      blocked = 'the Flex deprovision failed';
    }
  }

  // 2. A worker still named after the person, once their Flex user is (or, in a dry run, would
  // be) deactivated.
  const workerSkip = skippedFor('DELETE_WORKER');
  if (workerSkip) {
    step('DELETE_WORKER', null, 'SKIPPED', workerSkip);
  } else {
    await deleteWorkers(ctx, plan, flexUsers, { step, act, lookupForms, formNote, anyForm });
  }

  // 3. The Conversations user (also the Chat user of the default chat service).
  let conversationsServiceSid: string | null = null;
  if (plan.conversationsUser === 'REMOVE') {
    const skip = skippedFor('DELETE_CONVERSATIONS_USER');
    if (skip) {
      step('DELETE_CONVERSATIONS_USER', null, 'SKIPPED', skip);
    } else {
      const { found, failed } = await lookupForms('DELETE_CONVERSATIONS_USER', null, (identity) =>
        apis.conversations.fetchUser({ identity }),
      );
      conversationsServiceSid = found[0]?.record.chat_service_sid ?? null;
      if (found.length === 0 && !failed) {
        step('DELETE_CONVERSATIONS_USER', null, 'ALREADY_DONE', `no Conversations user ${anyForm}`);
      }
      for (const { identity, record: user } of found) {
        await act(
          'DELETE_CONVERSATIONS_USER',
          user.sid,
          () => apis.conversations.deleteUser(user.sid),
          false,
          formNote(identity),
        );
      }
    }
  }

  // 4. Chat users in every chat service the gateway knows: deleted, or taken out of channels.
  if (plan.chatUsers === 'KEEP') return { steps, channelsRemaining };
  const action: OffboardingAction =
    plan.chatUsers === 'REMOVE' ? 'DELETE_CHAT_USER' : 'LEAVE_CHANNEL';
  const skip = skippedFor(action);
  if (skip) {
    step(action, null, 'SKIPPED', skip);
    return { steps, channelsRemaining };
  }
  // A copy: the configured list is the tenant’s own, shared by every request.
  const services = [...(await ctx.defaults.chatServiceSids())];
  if (conversationsServiceSid && !services.includes(conversationsServiceSid)) {
    services.push(conversationsServiceSid);
  }
  for (const serviceSid of services) {
    const { found, failed } = await lookupForms(action, serviceSid, (identity) =>
      apis.chat.fetchUser(serviceSid, { identity }),
    );
    if (found.length === 0 && !failed) {
      step(action, serviceSid, 'ALREADY_DONE', `no Chat user ${anyForm} in ${serviceSid}`);
    }
    for (const { identity, record: user } of found) {
      if (action === 'DELETE_CHAT_USER') {
        await act(
          action,
          `${serviceSid}/${user.sid}`,
          () => apis.chat.deleteUser(serviceSid, user.sid),
          false,
          formNote(identity),
        );
      } else {
        channelsRemaining =
          (await leaveChannels(ctx, serviceSid, user, act, lookup)) || channelsRemaining;
      }
    }
  }
  return { steps, channelsRemaining };
}

interface WorkerStepTools {
  step: (
    action: OffboardingAction,
    target: string | null,
    outcome: OffboardingOutcome,
    reason?: string | null,
  ) => void;
  act: Act;
  lookupForms: <T>(
    action: OffboardingAction,
    target: string | null,
    read: (identity: string) => Promise<T | null>,
  ) => Promise<{ found: { identity: string; record: T }[]; failed: boolean }>;
  formNote: (identity: string) => string | null;
  anyForm: string;
}

/**
 * DELETE_WORKER: the workers named after either identity form (TaskRouter's FriendlyName, which
 * Flex sets to the username), deleted, but never while the person's Flex user stays active: its
 * worker is the one it routes to, and deprovisioning removes it. `flexUsers` is what step 1
 * found (null when it was not asked for: then they are looked up here).
 */
async function deleteWorkers(
  ctx: Context,
  plan: OffboardPlan,
  flexUsers: FlexUserRecord[] | null,
  { step, act, lookupForms, formNote, anyForm }: WorkerStepTools,
): Promise<void> {
  const { apis } = ctx;
  let users = flexUsers;
  if (users === null) {
    const read = await lookupForms('DELETE_WORKER', null, (username) =>
      apis.flex.fetchFlexUserByUsername(plan.instanceSid, username),
    );
    if (read.failed) return;
    users = read.found.map(({ record }) => record);
    // Step 1 did not run: a user active now stays active.
    const active = users.find((user) => user.deactivated !== true);
    if (active) {
      const reason = `the Flex user ${active.flex_user_sid} is active: deprovision it first`;
      return step('DELETE_WORKER', null, 'SKIPPED', reason);
    }
  }
  const workspaceSid =
    users.find((user) => user.workspace_sid)?.workspace_sid ?? (await ctx.defaults.workspaceSid());
  if (!workspaceSid) return step('DELETE_WORKER', null, 'ALREADY_DONE', 'no TaskRouter workspace');
  const { found, failed } = await lookupForms('DELETE_WORKER', null, async (friendlyName) => {
    const page = await apis.taskrouter.listWorkers(
      workspaceSid,
      { friendlyName },
      { pageSize: 1, pageToken: null },
    );
    return page.items[0] ?? null;
  });
  if (found.length === 0 && !failed) {
    return step('DELETE_WORKER', null, 'ALREADY_DONE', `no worker named ${anyForm}`);
  }
  const seen = new Set<string>();
  for (const { identity, record: worker } of found) {
    if (seen.has(worker.sid)) continue;
    seen.add(worker.sid);
    await act(
      'DELETE_WORKER',
      worker.sid,
      () => apis.taskrouter.deleteWorker(workspaceSid, worker.sid),
      false,
      formNote(identity),
    );
  }
}

/** One page of the user's channels, left one by one; true when more remain past the page. */
async function leaveChannels(
  ctx: Context,
  serviceSid: string,
  user: ChatUserRecord,
  act: Act,
  lookup: <T>(
    action: OffboardingAction,
    target: string | null,
    read: () => Promise<T>,
  ) => Promise<{ found: T } | null>,
): Promise<boolean> {
  const read = await lookup('LEAVE_CHANNEL', `${serviceSid}/${user.sid}`, () =>
    ctx.apis.chat.listUserChannels(serviceSid, user.sid, {
      pageSize: LEAVE_CHANNELS_PER_USER,
      pageToken: null,
    }),
  );
  if (!read) return false;
  const memberships = read.found.items.filter(
    (channel) => channel.member_sid && channel.channel_sid,
  );
  // In no channel: nothing to leave, reported as such (also in a dry run, which plans nothing).
  if (memberships.length === 0) {
    await act('LEAVE_CHANNEL', `${serviceSid}/${user.sid}`, () => Promise.resolve(false), true);
  }
  for (const channel of memberships) {
    const channelSid = channel.channel_sid!;
    const memberSid = channel.member_sid!;
    await act('LEAVE_CHANNEL', `${serviceSid}/${channelSid}/${memberSid}`, () =>
      ctx.apis.chat.deleteMember(serviceSid, channelSid, memberSid, user.sid),
    );
  }
  return read.found.nextPageToken !== null;
}
