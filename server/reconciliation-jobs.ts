import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { Credentials, Transport } from '../datasources/index.js';
import { createRedisJobStore } from '../datasources/reconciliation/job-store-redis.js';
import {
  createLocalJobStore,
  FINISHED,
  type JobRecord,
  type JobStore,
  type ResumeAs,
} from '../datasources/reconciliation/job-store.js';
import {
  emptyProgress,
  startJobRun,
  type JobRun,
} from '../datasources/reconciliation/job-runner.js';
import type { JobOutcome, TenantJobs } from '../datasources/reconciliation/tenant-jobs.js';
import type { AuditLog, AuditOutcome } from './audit.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';
import { REDIS_PREFIX } from './read-cache.js';
import type { SharedState } from './shared-state.js';
import type { Tenant } from './tenant.js';

export interface ReconciliationJobs {
  /** The request's tenant's jobs (its key computed from its id and credentials). */
  forTenant(tenant: Tenant): TenantJobs;
  /** Resumes RUNNING jobs whose lease lapsed (Redis): at boot, then every lease period. */
  sweep(): Promise<void>;
  /** Shutdown: each running job checkpoints and releases its lease, for another replica. */
  close(): Promise<void>;
}

export interface ReconciliationJobsDeps {
  config: Config;
  transport: Transport;
  shared: SharedState;
  log: Logger;
  metrics: Metrics;
  audit: AuditLog;
  /** The job's global id for the audit trail (resolvers/global-id.ts). */
  publicId(id: string): string;
}

const sameCredentials = (a: Credentials | null | undefined, b: Credentials) =>
  a != null && a.username === b.username && a.password === b.password;

const AUDIT_OUTCOMES: Partial<Record<JobRecord['status'], AuditOutcome>> = {
  DONE: 'ok',
  CANCELLED: 'partial',
  FAILED: 'failed',
};

/**
 * Starts, cancels, resumes and lists reconciliation jobs, and keeps them going across replicas.
 * Jobs are keyed by an HMAC (REDIS_KEY_SECRET, or a per-process secret without Redis) over the
 * tenant id and its credentials, the secret included: a wrong secret finds nothing.
 */
export function createReconciliationJobs(deps: ReconciliationJobsDeps): ReconciliationJobs {
  const { config, transport, log, metrics, audit } = deps;
  const settings = config.reconcile;
  const redis = deps.shared.redis;
  const secret = config.redis?.keySecret ?? randomBytes(32).toString('base64');
  const store: JobStore = redis
    ? createRedisJobStore(redis, {
        prefix: `${REDIS_PREFIX}reconcile:`,
        retentionSeconds: settings.retentionHours * 3600,
      })
    : createLocalJobStore({ retentionSeconds: settings.retentionHours * 3600 });
  const owner = randomUUID();
  const runs = new Map<string, JobRun>();
  const runKey = (tenant: string, id: string) => `${tenant}/${id}`;
  let closing = false;

  const tenantKey = (id: string, credentials: Credentials) =>
    createHmac('sha256', secret)
      .update(JSON.stringify([id, credentials.username, credentials.password]))
      .digest('base64url')
      .slice(0, 32);

  /** How this replica could act as the tenant again with nothing from the client. */
  const resumeAsOf = (tenant: Tenant): ResumeAs => {
    if (sameCredentials(config.credentials, tenant.credentials)) return { kind: 'configured' };
    if (sameCredentials(config.tenants.get(tenant.id)?.credentials, tenant.credentials)) {
      return { kind: 'tenant', id: tenant.id };
    }
    return { kind: 'client' };
  };

  /** The credentials a resume acts with, from this replica's own configuration; null: none. */
  const ownCredentials = (record: JobRecord) => {
    const as = record.resumeAs;
    if (as.kind === 'configured' && config.credentials) {
      return { credentials: config.credentials, account: config.accountSid ?? undefined };
    }
    const configured = as.kind === 'tenant' ? config.tenants.get(as.id) : undefined;
    if (configured) {
      return { credentials: configured.credentials, account: configured.accountSid ?? undefined };
    }
    return null;
  };

  const endAudit = (record: JobRecord, counts: Record<string, number>) =>
    audit.write({
      requestId: null,
      tenant: record.tenantId,
      auth: record.auth,
      subject: record.subject,
      operation: 'reconciliationFinished',
      targets: [deps.publicId(record.id)],
      changed: [],
      values: {
        status: record.status,
        pagesRead: record.progress.pages,
        peopleScanned: record.progress.people,
        findings: record.progress.findings,
        findingsByKind: counts,
      },
      outcome: AUDIT_OUTCOMES[record.status] ?? 'failed',
      ...(record.error
        ? {
            error: {
              code: record.error.code,
              twilioCode: record.error.twilioCode,
              status: record.error.status,
            },
          }
        : {}),
    });

  const finishedWithout = async (tenant: string, record: JobRecord, status: 'CANCELLED') => {
    const finished: JobRecord = {
      ...record,
      status,
      finishedAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
    };
    await store.put(tenant, finished);
    await store.clearRunning(tenant, record.id);
    endAudit(finished, await store.counts(tenant, record.id));
    return finished;
  };

  /** Runs the job here, if this replica gets its lease. */
  const launch = async (
    tenant: string,
    record: JobRecord,
    as: { credentials: Credentials; account: string | undefined },
    resume: boolean,
  ): Promise<boolean> => {
    if (closing) return false;
    if (!(await store.lease(tenant, record.id, owner, settings.leaseMs))) return false;
    const from = resume ? await store.loadCheckpoint(tenant, record.id) : null;
    if (resume && from === null) {
      // Stopped before its first checkpoint: from the start, with nothing found kept.
      await store.trimFindings(tenant, record.id, {});
      record.progress = emptyProgress();
    }
    const run = startJobRun({
      store,
      tenant,
      record,
      transport,
      credentials: as.credentials,
      account: as.account,
      from,
      settings: {
        checkpointPages: settings.checkpointPages,
        checkpointMs: settings.checkpointSeconds * 1000,
        leaseMs: settings.leaseMs,
        owner,
        pageBudgetMs: config.requestBudgetMs,
      },
      hooks: {
        onPage: () => metrics.reconcilePage(),
        onFindings: (findings) => {
          for (const finding of findings) metrics.reconcileFinding(finding.kind);
        },
        onEnd: (ended) => {
          void store.counts(tenant, ended.id).then(
            (counts) => endAudit(ended, counts),
            () => endAudit(ended, {}),
          );
          log.info(
            { job: ended.id, tenant: ended.tenantId, status: ended.status, ...ended.progress },
            'reconciliation ended',
          );
        },
        onWarning: (message, error) =>
          log.warn({ job: record.id, err: { message: (error as Error).message } }, message),
      },
    });
    const key = runKey(tenant, record.id);
    runs.set(key, run);
    metrics.reconcileJobsRunning(runs.size);
    void run.done
      .catch((error: unknown) =>
        log.error({ job: record.id, err: error }, 'reconciliation run failed'),
      )
      .finally(() => {
        runs.delete(key);
        metrics.reconcileJobsRunning(runs.size);
      });
    log.info(
      { job: record.id, tenant: record.tenantId, resumed: resume },
      'reconciliation running',
    );
    return true;
  };

  /** A job is RUNNING, but reads CANCELLING once a cancel is asked for. */
  const view = async (tenant: string, record: JobRecord | null) => {
    if (record?.status === 'RUNNING' && (await store.cancelRequested(tenant, record.id))) {
      return { ...record, status: 'CANCELLING' as const };
    }
    return record;
  };

  const forTenant = (tenant: Tenant): TenantJobs => {
    const key = tenantKey(tenant.id, tenant.credentials);
    const as = { credentials: tenant.credentials, account: tenant.accountSid ?? undefined };
    return {
      budgetShare: settings.budgetShare,
      maxBudgetShare: settings.maxBudgetShare,
      async start(target, budgetShare): Promise<JobOutcome> {
        const now = new Date().toISOString();
        const record: JobRecord = {
          id: `RJ${randomBytes(16).toString('hex')}`,
          tenantId: tenant.id,
          auth: tenant.caller.auth,
          subject: tenant.caller.subject,
          resumeAs: resumeAsOf(tenant),
          status: 'RUNNING',
          target,
          budgetShare,
          progress: emptyProgress(),
          startedAt: now,
          updatedAt: now,
          finishedAt: null,
          error: null,
        };
        for (let attempt = 0; ; attempt += 1) {
          const created = await store.create(key, record);
          if ('created' in created) break;
          const running = await store.get(key, created.runningId);
          // A replica that died while ending a job can leave its id as the running one.
          if (attempt > 0 || (running !== null && !FINISHED.has(running.status))) {
            return { problem: 'RUNNING', runningId: created.runningId };
          }
          await store.clearRunning(key, created.runningId);
        }
        await launch(key, record, as, false);
        return { job: record };
      },
      async cancel(id) {
        const record = await store.get(key, id);
        if (!record) return { problem: 'NOT_FOUND' };
        if (FINISHED.has(record.status)) return { problem: 'NOT_ALLOWED', status: record.status };
        await store.requestCancel(key, id);
        const run = runs.get(runKey(key, id));
        if (run) {
          run.cancel();
          return { job: await run.done };
        }
        if (record.status === 'INTERRUPTED') {
          return { job: await finishedWithout(key, record, 'CANCELLED') };
        }
        // Running on another replica: it sees the flag within a third of its lease.
        return { job: (await view(key, record))! };
      },
      async resume(id) {
        const record = await store.get(key, id);
        if (!record) return { problem: 'NOT_FOUND' };
        if (record.status !== 'INTERRUPTED')
          return { problem: 'NOT_ALLOWED', status: record.status };
        const claimed = await store.claimRunning(key, id);
        if (!('claimed' in claimed)) return { problem: 'RUNNING', runningId: claimed.runningId };
        record.status = 'RUNNING';
        record.updatedAt = new Date().toISOString();
        await store.put(key, record);
        await launch(key, record, as, true);
        return { job: record };
      },
      get: async (id) => view(key, await store.get(key, id)),
      list: async (offset, limit) =>
        Promise.all((await store.list(key, offset, limit)).map(async (r) => (await view(key, r))!)),
      counts: (id) => store.counts(key, id),
      readFindings: (id, kinds, from, limit) => store.readFindings(key, id, kinds, from, limit),
    };
  };

  const sweep = async () => {
    if (closing) return;
    for (const { tenant, id } of await store.orphans()) {
      if (runs.has(runKey(tenant, id))) continue;
      const record = await store.get(tenant, id);
      if (!record || record.status !== 'RUNNING') continue;
      if (await store.cancelRequested(tenant, id)) {
        if (await store.lease(tenant, id, owner, settings.leaseMs)) {
          await finishedWithout(tenant, record, 'CANCELLED');
          await store.releaseLease(tenant, id, owner);
        }
        continue;
      }
      const as = ownCredentials(record);
      // The configuration must still act as the very tenant (same id, same secret): a rotated
      // token finds nothing under the old key, and nothing under the old key is resumed with it.
      if (as === null || tenantKey(record.tenantId, as.credentials) !== tenant) {
        if (!(await store.lease(tenant, id, owner, settings.leaseMs))) continue;
        await store.put(tenant, {
          ...record,
          status: 'INTERRUPTED',
          updatedAt: new Date().toISOString(),
        });
        await store.clearRunning(tenant, id);
        await store.releaseLease(tenant, id, owner);
        log.info({ job: id, tenant: record.tenantId }, 'reconciliation interrupted');
        continue;
      }
      await launch(tenant, record, as, true);
    }
  };

  const sweeping = (() => {
    if (!redis) return null;
    const timer = setInterval(() => {
      sweep().catch((error: unknown) =>
        log.warn({ err: { message: (error as Error).message } }, 'reconciliation sweep failed'),
      );
    }, settings.leaseMs);
    timer.unref();
    return timer;
  })();

  return {
    forTenant,
    sweep,
    async close() {
      closing = true;
      if (sweeping) clearInterval(sweeping);
      await Promise.all([...runs.values()].map((run) => run.stop().catch(() => undefined)));
    },
  };
}
