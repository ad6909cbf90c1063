import { createHmac } from 'node:crypto';
import { pino, type Logger } from 'pino';
import { jobGlobalId, type ReconciliationJobModel } from '../resolvers/reconciliation-model.js';
import type { BackOfficeConfig } from './config.js';

/**
 * Input fields whose values say something about a person. Their values are never written as
 * given: with AUDIT_HASH_KEY they are an HMAC (someone holding the key can check a candidate value
 * against it; nobody without it can reverse or guess-check it), without it only their names are.
 */
export const PERSONAL_FIELDS: ReadonlySet<string> = new Set([
  'username',
  'identity',
  'email',
  'fullName',
  'friendlyName',
  'attributes',
  'workerAttributes',
]);

/** Fields that say which object a mutation acts on, not what it changes. */
const TARGET_FIELDS = new Set(['instanceSid', 'serviceSid', 'sid', 'identity', 'username']);

/** Keys of the records and keys a payload carries that name what was changed. */
const SID_KEYS = ['flex_user_sid', 'sid'] as const;

/** `partial`: a bulk mutation whose items did not all succeed; `notSent`: a bulk item never sent. */
export type AuditOutcome = 'ok' | 'userErrors' | 'failed' | 'partial' | 'notSent';

export interface AuditError {
  code: string;
  twilioCode: number | null;
  status: number | null;
}

export interface AuditItem {
  index: number;
  targets: string[];
  changed: string[];
  values: Record<string, unknown>;
  outcome: AuditOutcome;
  userErrors?: { field: string[] | null; code: string }[];
  error?: AuditError;
}

/** One line of the audit trail: one mutation field of one request. */
export interface AuditRecord {
  requestId: string | null;
  tenant: string | null;
  auth: string | null;
  subject: string | null;
  operation: string;
  /** The response key when the field was aliased. */
  alias?: string;
  targets: string[];
  changed: string[];
  values: Record<string, unknown>;
  outcome: AuditOutcome;
  userErrors?: { field: string[] | null; code: string }[];
  error?: AuditError;
  /** Bulk mutations: one entry per item, in input order. */
  items?: AuditItem[];
}

export interface AuditLog {
  write(record: AuditRecord): void;
  /** Settles once every record is written. */
  close(): Promise<void>;
}

export const NO_AUDIT: AuditLog = { write: () => undefined, close: () => Promise.resolve() };

/**
 * The audit trail's own pino logger on its own destination, apart from the request log. Writes are
 * synchronous: a record is on its way before the mutation's answer is, and none is lost in a
 * buffer when the process dies.
 */
export function createAuditLog(config: Pick<BackOfficeConfig, 'auditLog'>): AuditLog {
  const where = config.auditLog;
  if (where === null) return NO_AUDIT;
  const destination = pino.destination(
    where === 'stdout'
      ? { fd: 1, sync: true }
      : where === 'stderr'
        ? { fd: 2, sync: true }
        : { dest: where.file, sync: true, mkdir: true, append: true },
  );
  const log: Logger = pino(
    {
      base: { log: 'audit', service: 'identity-gateway' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
  return {
    write: (record) => log.info(record, 'mutation'),
    close: () =>
      typeof where === 'object'
        ? new Promise<void>((resolve) => {
            destination.once('close', () => resolve());
            destination.end();
          })
        : Promise.resolve(),
  };
}

/** A personal value as the audit trail may hold it: an HMAC, or nothing. */
export function auditValue(
  field: string,
  value: unknown,
  hashKey: string | null,
): { keep: boolean; value?: unknown } {
  if (!PERSONAL_FIELDS.has(field)) return { keep: true, value };
  if (hashKey === null) return { keep: false };
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return {
    keep: true,
    value: `hmac-sha256:${createHmac('sha256', hashKey).update(text).digest('hex').slice(0, 32)}`,
  };
}

const given = (value: unknown) => value !== null && value !== undefined;

/** What one input object (a mutation's input, or one item of a bulk one) changes. */
export function describeChanges(
  input: Record<string, unknown>,
  hashKey: string | null,
): { targets: string[]; changed: string[]; values: Record<string, unknown> } {
  const targets: string[] = [];
  const changed: string[] = [];
  const values: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(input)) {
    if (!given(value)) continue;
    if (field === 'sid' && typeof value === 'string') targets.push(value);
    // A username names who is provisioned, and is also what provisioning sets.
    if (!TARGET_FIELDS.has(field) || field === 'username') changed.push(field);
    const kept = auditValue(field, value, hashKey);
    if (kept.keep && field !== 'sid') values[field] = kept.value;
  }
  return { targets, changed, values };
}

/** The SIDs of what a payload says it changed: its records' and keys' SIDs, not deeper. */
export function payloadTargets(payload: unknown): string[] {
  if (payload === null || typeof payload !== 'object') return [];
  const found: string[] = [];
  for (const value of Object.values(payload as Record<string, unknown>)) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
    for (const key of SID_KEYS) {
      const sid = (value as Record<string, unknown>)[key];
      if (typeof sid === 'string') {
        found.push(sid);
        break;
      }
    }
  }
  return found;
}

/**
 * What an offboarding acted on: the SIDs of its steps' targets (`IS…/US…` is two), and whether it
 * completed. null for any other payload.
 */
export function offboardingOf(payload: unknown): { targets: string[]; completed: boolean } | null {
  const { steps, completed } = (payload ?? {}) as { steps?: unknown; completed?: unknown };
  if (!Array.isArray(steps) || typeof completed !== 'boolean') return null;
  const targets = (steps as { target?: unknown }[]).flatMap((step) =>
    typeof step.target === 'string' ? step.target.split('/') : [],
  );
  return { targets, completed };
}

/**
 * The reconciliation job a payload carries (start, cancel, resume), by its GraphQL id, and the id
 * the mutation was given (`cancelReconciliation(id:)`), so a refused one still names its target.
 */
export function reconciliationTargets(payload: unknown, args: Record<string, unknown>): string[] {
  const job = (payload as { job?: ReconciliationJobModel | null } | null)?.job;
  const targets = typeof args.id === 'string' ? [args.id] : [];
  if (job?.kind === 'ReconciliationJob') targets.push(jobGlobalId(job.record.id));
  return targets;
}

export function auditError(error: unknown): AuditError {
  const extensions = (error as { extensions?: Record<string, unknown> } | null)?.extensions ?? {};
  const twilio = (extensions.twilio ?? {}) as { code?: unknown; status?: unknown };
  return {
    code: typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR',
    twilioCode: typeof twilio.code === 'number' ? twilio.code : null,
    status: typeof twilio.status === 'number' ? twilio.status : null,
  };
}

/** A payload's userErrors without their messages: a message may quote the value it refused. */
export function userErrorsOf(payload: unknown): { field: string[] | null; code: string }[] {
  const errors = (payload as { userErrors?: unknown } | null)?.userErrors;
  if (!Array.isArray(errors)) return [];
  return (errors as { field: string[] | null; code: string }[]).map(({ field, code }) => ({
    field,
    code,
  }));
}
