import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import type { Context } from '../resolvers/context.js';
import {
  auditError,
  describeChanges,
  offboardingOf,
  payloadTargets,
  reconciliationTargets,
  userErrorsOf,
  type AuditItem,
  type AuditLog,
  type AuditOutcome,
  type AuditRecord,
} from './audit.js';

interface BulkResult {
  outcome?: string;
  error?: { code: string; twilioCode: number | null; status: number | null } | null;
  flexUser?: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const ITEM_OUTCOMES: Record<string, AuditOutcome> = {
  OK: 'ok',
  USER_ERRORS: 'userErrors',
  FAILED: 'failed',
};

function bulkItems(users: unknown[], payload: unknown, hashKey: string | null): AuditItem[] {
  const results = (
    isObject(payload) && Array.isArray(payload.results) ? payload.results : []
  ) as BulkResult[];
  return users.map((user, index) => {
    const result = results[index];
    const described = describeChanges(isObject(user) ? user : {}, hashKey);
    const targets = [...new Set([...described.targets, ...payloadTargets(result)])];
    // No result: the whole input was refused, or the field failed before sending anything.
    const outcome = result ? (ITEM_OUTCOMES[result.outcome ?? ''] ?? 'failed') : 'notSent';
    const error = result?.error;
    return {
      index,
      ...described,
      targets,
      outcome,
      ...(outcome === 'userErrors' ? { userErrors: userErrorsOf(result) } : {}),
      ...(error
        ? { error: { code: error.code, twilioCode: error.twilioCode, status: error.status } }
        : {}),
    };
  });
}

/**
 * One audit record per mutation field, written when its resolver settles, for every field of the
 * Mutation type: each one's resolver is wrapped here, once, when the schema is built, so no
 * mutation can be added without its record. Operations refused before execution (bad documents,
 * limits, authentication) change nothing and are in the request log only. Queries cost nothing:
 * an Apollo plugin would need a `willResolveField` hook, and one such hook makes Apollo wrap every
 * field of the schema and call into the plugin for every field of every response.
 */
export function auditMutations(schema: GraphQLSchema, audit: AuditLog, hashKey: string | null) {
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = (source, args: Record<string, unknown>, contextValue: Context, info) => {
      const write = (error: Error | null, result: unknown) =>
        audit.write(
          auditRecord(info.fieldName, info.path.key, args, contextValue, hashKey, {
            error,
            result,
          }),
        );
      let result: unknown;
      try {
        result = resolve(source, args, contextValue, info);
      } catch (error) {
        write(error as Error, undefined);
        throw error;
      }
      if (isPromiseLike(result)) {
        // The record is written beside graphql-js's own handling of the promise, which still
        // sees the rejection: this branch only observes it.
        result.then(
          (value) => write(null, value),
          (error: unknown) => write(error as Error, undefined),
        );
      } else {
        write(null, result);
      }
      return result;
    };
  }
}

const isPromiseLike = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as PromiseLike<unknown> | null)?.then === 'function';

function auditRecord(
  operation: string,
  responseKey: string | number,
  args: Record<string, unknown>,
  ctx: Context,
  hashKey: string | null,
  settled: { error: Error | null; result: unknown },
): AuditRecord {
  const caller = ctx.telemetry?.caller;
  const input = isObject(args.input) ? args.input : {};
  const { users, ...rest } = input;
  const bulk = Array.isArray(users) ? bulkItems(users, settled.result, hashKey) : null;
  const described = describeChanges(bulk ? rest : input, hashKey);
  const userErrors = userErrorsOf(settled.result);
  const offboarding = offboardingOf(settled.result);
  let outcome: AuditOutcome;
  if (settled.error !== null || settled.result === null || settled.result === undefined) {
    outcome = 'failed';
  } else if (bulk) {
    const outcomes = new Set(bulk.map((item) => item.outcome));
    outcome =
      userErrors.length > 0 && (settled.result as { results?: unknown[] }).results?.length === 0
        ? 'userErrors'
        : outcomes.size === 1 && outcomes.has('ok')
          ? 'ok'
          : 'partial';
  } else if (userErrors.length > 0) {
    outcome = 'userErrors';
  } else {
    // An offboarding with a failed or skipped step changed some things and not others.
    outcome = offboarding && !offboarding.completed ? 'partial' : 'ok';
  }
  const targets = [
    ...new Set([
      ...described.targets,
      ...payloadTargets(settled.result),
      ...(offboarding?.targets ?? []),
      ...reconciliationTargets(settled.result, args),
      ...(bulk ?? []).flatMap((item) => item.targets),
    ]),
  ];
  return {
    requestId: ctx.telemetry?.requestId ?? null,
    tenant: caller?.tenant ?? null,
    auth: caller?.auth ?? null,
    subject: caller?.subject ?? null,
    operation,
    ...(responseKey !== operation ? { alias: String(responseKey) } : {}),
    targets,
    changed: bulk ? [...new Set(bulk.flatMap((item) => item.changed))] : described.changed,
    values: described.values,
    outcome,
    ...(userErrors.length > 0 ? { userErrors } : {}),
    ...(settled.error !== null ? { error: auditError(settled.error) } : {}),
    ...(bulk ? { items: bulk } : {}),
  };
}
