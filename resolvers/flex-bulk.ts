import type { FlexUserRecord } from '../datasources/records.js';
import type {
  BulkItemError,
  FlexUserBulkResult,
  FlexUsersBulkPayload,
  UserError,
} from '../generated/resolvers-types.js';
import type { Context } from './context.js';
import { mapBounded } from './map-bounded.js';
import { userError, userErrorsFromTwilio } from './user-errors.js';

type ItemResult = Omit<FlexUserBulkResult, 'flexUser'> & { flexUser: FlexUserRecord | null };
export type BulkPayload = Omit<FlexUsersBulkPayload, 'results'> & { results: ItemResult[] };

/** An item's problems, found by the single mutation's checks, moved under its index. */
export function atItem(problems: UserError[], index: number): UserError[] {
  return problems.map((problem) => ({
    ...problem,
    field: ['input', 'users', String(index), ...(problem.field ?? ['input']).slice(1)],
  }));
}

/** The list itself: not empty, not over the maximum, each key (username, SID) once. */
export function checkBatch(keys: string[], max: number, keyName: string): UserError[] {
  if (keys.length === 0)
    return [userError(['input', 'users'], 'Give at least one user', 'REQUIRED')];
  if (keys.length > max) {
    return [
      userError(
        ['input', 'users'],
        `At most ${max} users per call, got ${keys.length}: split the list`,
        'INVALID',
      ),
    ];
  }
  const first = new Map<string, number>();
  const problems: UserError[] = [];
  keys.forEach((key, index) => {
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, index);
    // Two changes of one user in one call would race each other at Twilio.
    else
      problems.push(
        userError(
          ['input', 'users', String(index), keyName],
          `Same ${keyName} as item ${earlier}: give each user once`,
          'INVALID',
        ),
      );
  });
  return problems;
}

const refused = (userErrors: UserError[]): BulkPayload => ({
  userErrors,
  results: [],
  succeeded: 0,
  failed: 0,
});

export function failure(error: unknown): BulkItemError {
  const extensions = (error as { extensions?: Record<string, unknown> }).extensions ?? {};
  const twilio = (extensions.twilio ?? {}) as { code?: unknown; status?: unknown };
  return {
    code: typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR',
    message: error instanceof Error ? error.message : 'Unexpected failure',
    twilioCode: typeof twilio.code === 'number' ? twilio.code : null,
    status: typeof twilio.status === 'number' ? twilio.status : null,
  };
}

/**
 * Checks every item, and only when all are valid sends them, `ctx.backOffice.bulkConcurrency` at
 * a time (each call also takes a slot of the account's budget, shared with other requests).
 * Twilio's refusal of one item is that item's userErrors; a transport failure is its `error`.
 */
export async function runBulk<T>(
  ctx: Context,
  items: readonly T[],
  problems: UserError[],
  send: (item: T) => Promise<FlexUserRecord>,
  notFound: (item: T, index: number) => { field: string[]; message: string },
): Promise<BulkPayload> {
  if (problems.length > 0) return refused(problems);
  const settled = await mapBounded(
    items,
    ctx.backOffice.bulkConcurrency,
    async (item, index): Promise<ItemResult> => {
      const field = ['input', 'users', String(index)];
      try {
        const record = await send(item);
        return { index, outcome: 'OK', userErrors: [], error: null, flexUser: record };
      } catch (error) {
        let userErrors: UserError[];
        try {
          userErrors = userErrorsFromTwilio(error, field, notFound(item, index));
        } catch {
          return {
            index,
            outcome: 'FAILED',
            userErrors: [],
            error: failure(error),
            flexUser: null,
          };
        }
        return { index, outcome: 'USER_ERRORS', userErrors, error: null, flexUser: null };
      }
    },
  );
  const results = settled.map((result, index): ItemResult =>
    result.status === 'fulfilled'
      ? result.value
      : { index, outcome: 'FAILED', userErrors: [], error: failure(result.reason), flexUser: null },
  );
  return {
    userErrors: results.flatMap((result) => result.userErrors),
    results,
    succeeded: results.filter((result) => result.outcome === 'OK').length,
    failed: results.filter((result) => result.outcome !== 'OK').length,
  };
}
