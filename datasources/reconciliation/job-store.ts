import { FINDING_KINDS, type Finding, type FindingKind } from './classifier.js';
import type { ScanCheckpoint, ScanTarget } from './scan.js';

export type JobStatus = 'RUNNING' | 'CANCELLING' | 'CANCELLED' | 'DONE' | 'FAILED' | 'INTERRUPTED';
export type JobPhase = 'FLEX' | 'CONVERSATIONS' | 'CHAT' | 'WORKERS' | 'DONE';

/** Statuses a job never leaves: its record and findings expire after the retention period. */
export const FINISHED: ReadonlySet<JobStatus> = new Set(['CANCELLED', 'DONE', 'FAILED']);

/**
 * How a replica can act as the job's tenant again without the client: from its own configuration
 * (the configured account, or a TWILIO_TENANTS entry by id), or not at all (Basic pass-through:
 * the credentials were the client's and are never stored).
 */
export type ResumeAs = { kind: 'configured' } | { kind: 'tenant'; id: string } | { kind: 'client' };

export interface JobProgress {
  phase: JobPhase;
  pages: number;
  people: number;
  findings: number;
  /** Flex users read: known once the Flex phase is over, it sizes the other lists. */
  flexUsers: number;
  /** Pages read in the current phase (for Chat: of the current service). */
  phasePages: number;
  chatService: number;
  /** Milliseconds spent in Twilio calls, summed over pages (the pace is derived from it). */
  callMs: number;
}

export interface JobError {
  /** The gateway's code (RATE_LIMITED, NOT_FOUND, ...), Twilio's own below when it answered. */
  code: string;
  message: string;
  twilioCode: number | null;
  status: number | null;
}

/** A job as stored: no credential, only the keyed tenant hash and how to act as it again. */
export interface JobRecord {
  id: string;
  /** The tenant's id for logs and the audit trail (an AccountSid or a TWILIO_TENANTS id). */
  tenantId: string;
  auth: 'open' | 'basic' | 'bearer';
  subject: string | null;
  resumeAs: ResumeAs;
  status: JobStatus;
  target: ScanTarget;
  budgetShare: number;
  progress: JobProgress;
  startedAt: string;
  updatedAt: string;
  finishedAt: string | null;
  error: JobError | null;
}

/** Findings of one kind stored so far, per kind: a checkpoint's record of what it covers. */
export type KindCounts = Partial<Record<FindingKind, number>>;

/** What a resume goes on from: the scan's checkpoint and the findings stored before it. */
export interface StoredCheckpoint {
  scan: ScanCheckpoint;
  counts: KindCounts;
  progress: JobProgress;
}

/** A position in a job's findings: the kind (index in FINDING_KINDS) and the offset in it. */
export interface FindingPosition {
  kind: number;
  offset: number;
}

/**
 * Where jobs live: in process (this file) or in Redis (job-store-redis.ts). Every method takes the
 * tenant key (an HMAC over the tenant and its secret, see server/reconciliation-jobs.ts), and every
 * key is under it, so another tenant, or the same account with another secret, finds nothing.
 * Findings are kept as one list per kind, in the order found.
 */
export interface JobStore {
  /** Stores a new job and makes it the tenant's running one, or names the one already running. */
  create(tenant: string, job: JobRecord): Promise<{ created: true } | { runningId: string }>;
  get(tenant: string, id: string): Promise<JobRecord | null>;
  /** Replaces the record; a finished one expires after `retentionSeconds` with its findings. */
  put(tenant: string, job: JobRecord): Promise<void>;
  /** The tenant's jobs, newest first. */
  list(tenant: string, offset: number, limit: number): Promise<JobRecord[]>;
  /** The tenant has no running job any more (it finished or was interrupted). */
  clearRunning(tenant: string, id: string): Promise<void>;
  /** Makes an interrupted job the tenant's running one again, unless another is running. */
  claimRunning(tenant: string, id: string): Promise<{ claimed: true } | { runningId: string }>;
  requestCancel(tenant: string, id: string): Promise<void>;
  cancelRequested(tenant: string, id: string): Promise<boolean>;
  appendFindings(tenant: string, id: string, findings: Finding[]): Promise<void>;
  counts(tenant: string, id: string): Promise<KindCounts>;
  /** Up to `limit` findings of `kinds` (in FINDING_KINDS order) from `from`, and where to go on. */
  readFindings(
    tenant: string,
    id: string,
    kinds: readonly FindingKind[],
    from: FindingPosition,
    limit: number,
  ): Promise<{ findings: Finding[]; next: FindingPosition | null }>;
  saveCheckpoint(tenant: string, id: string, checkpoint: StoredCheckpoint): Promise<void>;
  loadCheckpoint(tenant: string, id: string): Promise<StoredCheckpoint | null>;
  /** Cuts each kind's list back to the checkpoint's counts: findings after it are found again. */
  trimFindings(tenant: string, id: string, counts: KindCounts): Promise<void>;
  /** Takes (or renews, for the same owner) the job's lease; false when another replica holds it. */
  lease(tenant: string, id: string, owner: string, ttlMs: number): Promise<boolean>;
  releaseLease(tenant: string, id: string, owner: string): Promise<void>;
  /** Every tenant's RUNNING jobs whose lease has lapsed: another replica may take them over. */
  orphans(): Promise<{ tenant: string; id: string }[]>;
}

export interface JobStoreSettings {
  /** How long a finished job and its findings are kept. */
  retentionSeconds: number;
}

interface LocalJob {
  record: JobRecord;
  findings: Map<FindingKind, Finding[]>;
  checkpoint: StoredCheckpoint | null;
  cancel: boolean;
  expiresAt: number | null;
}

/** Findings from `from` on, kind by kind, over lists read by `read(kind, start, count)`. */
export async function readAcrossKinds(
  kinds: readonly FindingKind[],
  from: FindingPosition,
  limit: number,
  read: (kind: FindingKind, start: number, count: number) => Promise<Finding[]>,
  length: (kind: FindingKind) => Promise<number>,
): Promise<{ findings: Finding[]; next: FindingPosition | null }> {
  const wanted = FINDING_KINDS.map((kind, index) => ({ kind, index })).filter(
    ({ kind, index }) => kinds.includes(kind) && index >= from.kind,
  );
  const findings: Finding[] = [];
  for (const { kind, index } of wanted) {
    let offset = index === from.kind ? from.offset : 0;
    while (findings.length < limit) {
      const chunk = await read(kind, offset, limit - findings.length);
      findings.push(...chunk);
      offset += chunk.length;
      if (chunk.length === 0) break;
    }
    if (findings.length >= limit) {
      // Full: go on from here, unless this was the last of everything asked for.
      const more = offset < (await length(kind)) || wanted.some((w) => w.index > index);
      return { findings, next: more ? { kind: index, offset } : null };
    }
  }
  return { findings, next: null };
}

/**
 * The in-process store: jobs live and die with the process (a restart loses them; with REDIS_URL
 * they are shared and resumable). One process, so the lease is always its own.
 */
export function createLocalJobStore(settings: JobStoreSettings): JobStore {
  const tenants = new Map<string, Map<string, LocalJob>>();
  const running = new Map<string, string>();
  const jobsOf = (tenant: string) => {
    let jobs = tenants.get(tenant);
    if (!jobs) tenants.set(tenant, (jobs = new Map<string, LocalJob>()));
    const now = Date.now();
    for (const [id, job] of jobs)
      if (job.expiresAt !== null && job.expiresAt <= now) jobs.delete(id);
    return jobs;
  };
  const job = (tenant: string, id: string) => jobsOf(tenant).get(id);
  const copy = <T>(value: T): T => structuredClone(value);

  const local: Sync<JobStore> = {
    create(tenant, record) {
      const current = running.get(tenant);
      if (current !== undefined) return { runningId: current };
      running.set(tenant, record.id);
      jobsOf(tenant).set(record.id, {
        record: copy(record),
        findings: new Map(),
        checkpoint: null,
        cancel: false,
        expiresAt: null,
      });
      return { created: true };
    },
    get(tenant, id) {
      const found = job(tenant, id);
      return found ? copy(found.record) : null;
    },
    put(tenant, record) {
      const found = job(tenant, record.id);
      if (!found) return;
      found.record = copy(record);
      found.expiresAt = FINISHED.has(record.status)
        ? Date.now() + settings.retentionSeconds * 1000
        : null;
    },
    list(tenant, offset, limit) {
      return [...jobsOf(tenant).values()]
        .map((entry) => entry.record)
        .sort((a, b) => b.startedAt.localeCompare(a.startedAt) || b.id.localeCompare(a.id))
        .slice(offset, offset + limit)
        .map(copy);
    },
    clearRunning(tenant, id) {
      if (running.get(tenant) === id) running.delete(tenant);
    },
    claimRunning(tenant, id) {
      const current = running.get(tenant);
      if (current !== undefined && current !== id) return { runningId: current };
      running.set(tenant, id);
      return { claimed: true };
    },
    requestCancel(tenant, id) {
      const found = job(tenant, id);
      if (found) found.cancel = true;
    },
    cancelRequested(tenant, id) {
      return job(tenant, id)?.cancel ?? false;
    },
    appendFindings(tenant, id, findings) {
      const found = job(tenant, id);
      if (!found) return;
      for (const finding of findings) {
        const list = found.findings.get(finding.kind) ?? [];
        list.push(finding);
        found.findings.set(finding.kind, list);
      }
    },
    counts(tenant, id) {
      const found = job(tenant, id);
      const counts: KindCounts = {};
      for (const [kind, list] of found?.findings ?? []) counts[kind] = list.length;
      return counts;
    },
    readFindings(tenant, id, kinds, from, limit) {
      const lists = job(tenant, id)?.findings ?? new Map<FindingKind, Finding[]>();
      return readAcrossKinds(
        kinds,
        from,
        limit,
        (kind, start, count) =>
          Promise.resolve((lists.get(kind) ?? []).slice(start, start + count)),
        (kind) => Promise.resolve(lists.get(kind)?.length ?? 0),
      );
    },
    saveCheckpoint(tenant, id, checkpoint) {
      const found = job(tenant, id);
      if (found) found.checkpoint = copy(checkpoint);
    },
    loadCheckpoint(tenant, id) {
      const found = job(tenant, id);
      return found?.checkpoint ? copy(found.checkpoint) : null;
    },
    trimFindings(tenant, id, counts) {
      const found = job(tenant, id);
      if (!found) return;
      for (const [kind, list] of found.findings)
        list.length = Math.min(list.length, counts[kind] ?? 0);
    },
    lease: () => true,
    releaseLease: () => undefined,
    orphans: () => [],
  };
  // Async like the Redis store, so callers cannot come to rely on the in-process timing.
  return Object.fromEntries(
    Object.entries(local).map(([name, method]) => [
      name,
      (...args: unknown[]) =>
        Promise.resolve().then(() => (method as (...a: unknown[]) => unknown)(...args)),
    ]),
  ) as unknown as JobStore;
}

/** A store's methods without their promises. */
type Sync<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R>
    ? (...args: A) => R | Promise<R>
    : never;
};
