import type { JobView } from '../datasources/reconciliation/tenant-jobs.js';
import { fromGlobalId, toGlobalId } from './global-id.js';

/** The parent of `ReconciliationJob`: the stored record (`kind` for Node's type resolution). */
export interface ReconciliationJobModel {
  kind: 'ReconciliationJob';
  record: JobView;
}

export const jobModel = (record: JobView): ReconciliationJobModel => ({
  kind: 'ReconciliationJob',
  record,
});

/** The job's GraphQL id, which is also the `{id}` of its export URLs. */
export const jobGlobalId = (id: string) => toGlobalId({ type: 'ReconciliationJob', id });

/** The store's id (`RJ…`) behind a GraphQL id; null when it names no job (or another type). */
export function jobIdOf(globalId: string): string | null {
  const target = fromGlobalId(globalId);
  return target?.type === 'ReconciliationJob' ? target.id : null;
}
