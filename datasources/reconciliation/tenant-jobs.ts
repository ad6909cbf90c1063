import type { Finding, FindingKind } from './classifier.js';
import type { FindingPosition, JobRecord, KindCounts } from './job-store.js';
import type { ScanTarget } from './scan.js';

/** A job as a reader sees it: CANCELLING while a cancel is asked and the runner has not stopped. */
export type JobView = JobRecord;

export type JobOutcome =
  | { job: JobView }
  | { problem: 'RUNNING'; runningId: string }
  | { problem: 'NOT_FOUND' }
  | { problem: 'NOT_ALLOWED'; status: JobRecord['status'] };

/**
 * One tenant's reconciliation jobs, bound to the request's tenant and credentials (the context
 * builds it): nothing here can reach another tenant's jobs, and ids are the store's (`RJ…`).
 */
export interface TenantJobs {
  /** Defaults the resolver needs to build a target: RECONCILE_BUDGET_SHARE and its maximum. */
  readonly budgetShare: number;
  readonly maxBudgetShare: number;
  start(target: ScanTarget, budgetShare: number): Promise<JobOutcome>;
  cancel(id: string): Promise<JobOutcome>;
  resume(id: string): Promise<JobOutcome>;
  get(id: string): Promise<JobView | null>;
  list(offset: number, limit: number): Promise<JobView[]>;
  counts(id: string): Promise<KindCounts>;
  readFindings(
    id: string,
    kinds: readonly FindingKind[],
    from: FindingPosition,
    limit: number,
  ): Promise<{ findings: Finding[]; next: FindingPosition | null }>;
}
