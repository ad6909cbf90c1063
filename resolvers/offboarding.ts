import { textProblem } from '../datasources/paths.js';
import type {
  MutationResolvers,
  OffboardingAction,
  OffboardPersonInput,
} from '../generated/resolvers-types.js';
import { alternateIdentity } from './flex-identity.js';
import { flexInstance } from './joins.js';
import { runOffboarding } from './offboarding-steps.js';
import { checkText, userError } from './user-errors.js';

const ALL_ACTIONS: OffboardingAction[] = [
  'DEPROVISION_FLEX_USER',
  'DELETE_WORKER',
  'DELETE_CONVERSATIONS_USER',
  'DELETE_CHAT_USER',
  'LEAVE_CHANNEL',
];

/** Every problem of the input, found before any Twilio call. */
function checkOffboard(input: OffboardPersonInput) {
  const problem = textProblem(input.identity);
  const problems = [
    ...checkText('identity', input.identity, true),
    ...(problem && input.identity.trim() !== ''
      ? [userError(['input', 'identity'], `identity ${problem}`, 'INVALID')]
      : []),
  ];
  const steps = input.steps ?? null;
  if (steps?.length === 0) {
    problems.push(
      userError(['input', 'steps'], 'Name at least one step, or leave steps out', 'REQUIRED'),
    );
  }
  // A step the input's own choices would never run is a contradiction, not a no-op.
  const excluded: [OffboardingAction, boolean][] = [
    ['DELETE_CONVERSATIONS_USER', input.conversationsUser === 'KEEP'],
    ['DELETE_CHAT_USER', input.chatUsers !== 'REMOVE'],
    ['LEAVE_CHANNEL', input.chatUsers !== 'LEAVE_CHANNELS'],
  ];
  for (const [action, off] of excluded) {
    if (off && steps?.includes(action)) {
      problems.push(
        userError(
          ['input', 'steps'],
          `${action} contradicts the input's conversationsUser/chatUsers choice`,
          'INVALID',
        ),
      );
    }
  }
  return problems;
}

/**
 * The identity, then its other Flex form when escapes are on (as reads look people up:
 * by-identity.ts), so a person whose records hold `ann_2Eveal_40x_2Ecom` is offboarded whole.
 */
function identityForms(escapes: boolean, identity: string): string[] {
  const other = escapes ? alternateIdentity(identity) : null;
  return other === null ? [identity] : [identity, other];
}

export const offboardingMutations: Pick<MutationResolvers, 'offboardPerson'> = {
  offboardPerson: async (_root, { input }, ctx) => {
    const userErrors = checkOffboard(input);
    if (userErrors.length > 0) {
      return { userErrors, steps: [], completed: false, channelsRemaining: false };
    }
    const { steps, channelsRemaining } = await runOffboarding(ctx, {
      instanceSid: await flexInstance(ctx, input.instanceSid),
      identity: input.identity,
      identityForms: identityForms(ctx.defaults.flexIdentityEscapes, input.identity),
      conversationsUser: input.conversationsUser ?? 'REMOVE',
      chatUsers: input.chatUsers ?? 'REMOVE',
      dryRun: input.dryRun ?? false,
      only: new Set(input.steps ?? ALL_ACTIONS),
    });
    const completed =
      !channelsRemaining &&
      steps.every(
        (step) =>
          step.outcome !== 'FAILED' &&
          !(step.outcome === 'SKIPPED' && step.reason !== 'not in input.steps'),
      );
    return { userErrors: [], steps, completed, channelsRemaining };
  },
};
