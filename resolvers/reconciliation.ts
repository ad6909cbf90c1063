import type { JobOutcome } from '../datasources/reconciliation/tenant-jobs.js';
import { checkChatServiceSids } from '../server/chat-services.js';
import type {
  MutationResolvers,
  QueryResolvers,
  StartReconciliationInput,
  UserError,
} from '../generated/resolvers-types.js';
import type { Context } from './context.js';
import { flexInstance } from './joins.js';
import { jobCursor, jobOffset } from './reconciliation-cursor.js';
import { jobGlobalId, jobIdOf, jobModel } from './reconciliation-model.js';
import { badInput } from './scalars.js';
import { userError } from './user-errors.js';

const MAX_JOBS_PAGE = 100;

/** The payload of a mutation's outcome: the job, or why there is none. */
function payload(outcome: JobOutcome, field: string[]) {
  if ('job' in outcome) return { userErrors: [], job: jobModel(outcome.job) };
  const errors: Record<typeof outcome.problem, () => UserError> = {
    RUNNING: () =>
      userError(
        null,
        `A reconciliation is already running for this tenant: ${jobGlobalId(
          'runningId' in outcome ? outcome.runningId : '',
        )}`,
        'RECONCILIATION_RUNNING',
      ),
    NOT_FOUND: () => userError(field, 'No reconciliation of this tenant has that id', 'NOT_FOUND'),
    NOT_ALLOWED: () =>
      userError(
        field,
        `The reconciliation is ${'status' in outcome ? outcome.status : ''}`,
        'RECONCILIATION_NOT_ALLOWED',
      ),
  };
  return { userErrors: [errors[outcome.problem]()], job: null };
}

/** Share and services checked before anything is read or started. */
function checkStart(input: StartReconciliationInput, ctx: Context) {
  const problems: UserError[] = [];
  const share = input.budgetShare ?? ctx.reconciliations.budgetShare;
  const max = ctx.reconciliations.maxBudgetShare;
  if (!Number.isFinite(share) || share <= 0 || share > max) {
    problems.push(
      userError(
        ['input', 'budgetShare'],
        `budgetShare must be above 0 and at most ${max} (RECONCILE_MAX_BUDGET_SHARE), got ${share}`,
        'INVALID',
      ),
    );
  }
  let services: string[] | null = null;
  if (input.chatServiceSids) {
    const checked = checkChatServiceSids(input.chatServiceSids);
    if ('problem' in checked) {
      problems.push(
        userError(['input', 'chatServiceSids'], `chatServiceSids ${checked.problem}`, 'INVALID'),
      );
    } else services = checked.sids;
  }
  return { problems, share, services };
}

const withId = async (id: string, field: string[], act: (jobId: string) => Promise<JobOutcome>) => {
  const jobId = jobIdOf(id);
  return payload(jobId === null ? { problem: 'NOT_FOUND' } : await act(jobId), field);
};

export const reconciliationMutations: Pick<
  MutationResolvers,
  'startReconciliation' | 'cancelReconciliation' | 'resumeReconciliation'
> = {
  startReconciliation: async (_root, { input }, ctx) => {
    const { problems, share, services } = checkStart(input ?? {}, ctx);
    if (problems.length > 0) return { userErrors: problems, job: null };
    const flexInstanceSid = await flexInstance(ctx, null);
    const workspaceSid = await ctx.defaults.workspaceSid();
    if (workspaceSid === null) {
      return {
        userErrors: [
          userError(null, "Flex's Configuration names no TaskRouter workspace", 'NOT_FOUND'),
        ],
        job: null,
      };
    }
    // The Conversations default service's Chat users are the Conversations users: read once.
    const conversationsService = services ? null : await ctx.defaults.flexChatServiceSid();
    const chatServiceSids =
      services ??
      (await ctx.defaults.chatServiceSids()).filter((sid) => sid !== conversationsService);
    const outcome = await ctx.reconciliations.start(
      { flexInstanceSid, workspaceSid, chatServiceSids },
      share,
    );
    return payload(outcome, ['input']);
  },
  cancelReconciliation: (_root, { id }, ctx) =>
    withId(id, ['id'], (jobId) => ctx.reconciliations.cancel(jobId)),
  resumeReconciliation: (_root, { id }, ctx) =>
    withId(id, ['id'], (jobId) => ctx.reconciliations.resume(jobId)),
};

export const reconciliationQueries: Pick<QueryResolvers, 'reconciliation' | 'reconciliations'> = {
  reconciliation: async (_root, { id }, ctx) => {
    const jobId = jobIdOf(id);
    const record = jobId === null ? null : await ctx.reconciliations.get(jobId);
    return record ? jobModel(record) : null;
  },
  reconciliations: async (_root, { first, after }, ctx) => {
    if (!Number.isInteger(first) || first < 1 || first > MAX_JOBS_PAGE) {
      throw badInput(`first must be between 1 and ${MAX_JOBS_PAGE}, got ${first}`);
    }
    const offset = after ? jobOffset(after) : 0;
    // One more than asked says whether there is a next page.
    const records = await ctx.reconciliations.list(offset, first + 1);
    const edges = records.slice(0, first).map((record, i) => ({
      cursor: jobCursor(offset + i + 1),
      node: jobModel(record),
    }));
    return {
      edges,
      nodes: edges.map((edge) => edge.node),
      pageInfo: {
        hasNextPage: records.length > first,
        hasPreviousPage: false,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  },
};
