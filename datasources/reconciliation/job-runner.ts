import { setMaxListeners } from 'node:events';
import { TwilioError } from '../errors.js';
import { createDataSources, type Apis, type Credentials, type Transport } from '../index.js';
import type { Page } from '../records.js';
import type { Finding } from './classifier.js';
import type {
  JobError,
  JobProgress,
  JobRecord,
  JobStore,
  KindCounts,
  StoredCheckpoint,
} from './job-store.js';
import { runReconciliationScan, type ScanCheckpoint, type ScanTarget } from './scan.js';

export interface JobRunSettings {
  /**
   * A checkpoint once this many pages and this long have both passed since the last one: the
   * snapshot is about 100 B per Flex user, so the time bounds the write rate (10 MB per 30 s at
   * 100,000 people) and the pages bound the share of writes on a small account.
   */
  checkpointPages: number;
  checkpointMs: number;
  /** The lease's TTL; it is renewed (and the cancel flag read) every third of it. */
  leaseMs: number;
  /** This replica's id, the lease's value. */
  owner: string;
  /** One page's deadline, its retries and Retry-After waits included (REQUEST_BUDGET_MS). */
  pageBudgetMs: number;
}

export interface JobRunHooks {
  onPage?(): void;
  onFindings?(findings: Finding[]): void;
  /** The job ended (done, cancelled, failed), with its final record; not on a stop. */
  onEnd?(record: JobRecord): void;
  /** Something failed that the job survives (a checkpoint write, a lease renewal). */
  onWarning?(message: string, error: unknown): void;
}

export interface JobRun {
  /** The record when the run ends: finished, or still RUNNING after a stop. */
  done: Promise<JobRecord>;
  /** Cancel now: the call in flight is abandoned, and the job ends CANCELLED. */
  cancel(): void;
  /** Shutdown: the page in flight finishes, a checkpoint is saved and the lease released. */
  stop(): Promise<JobRecord>;
}

/** Transient failures a page is tried again for (with backoff), before the job fails. */
const TRANSIENT = new Set(['UPSTREAM_UNAVAILABLE', 'UPSTREAM_TIMEOUT', 'UPSTREAM_ERROR']);
const TRANSIENT_RETRIES = 3;
/** A 429 without Retry-After is waited for this long. */
const DEFAULT_PAUSE_MS = 1000;

export const emptyProgress = (): JobProgress => ({
  phase: 'FLEX',
  pages: 0,
  people: 0,
  findings: 0,
  flexUsers: 0,
  phasePages: 0,
  chatService: 0,
  callMs: 0,
});

/** Waits `ms` unless `signal` aborts first; false when it did. */
function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (value: boolean) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', aborted);
      resolve(value);
    };
    const aborted = () => done(false);
    const timer = setTimeout(() => done(true), ms);
    signal.addEventListener('abort', aborted, { once: true });
  });
}

/** The phase after a list has ended (scan.ts's order). */
function nextPhase(progress: JobProgress, target: ScanTarget): void {
  progress.phasePages = 0;
  switch (progress.phase) {
    case 'FLEX':
      progress.phase = 'CONVERSATIONS';
      return;
    case 'CONVERSATIONS':
      progress.phase = target.chatServiceSids.length > 0 ? 'CHAT' : 'WORKERS';
      return;
    case 'CHAT':
      if (progress.chatService + 1 < target.chatServiceSids.length) progress.chatService += 1;
      else progress.phase = 'WORKERS';
      return;
    default:
      progress.phase = 'DONE';
  }
}

export function jobError(error: unknown): JobError {
  if (error instanceof TwilioError) {
    return {
      code: error.code,
      message: error.message,
      twilioCode: error.twilio.code,
      status: error.twilio.status,
    };
  }
  return {
    code: 'INTERNAL_SERVER_ERROR',
    message: 'The job failed',
    twilioCode: null,
    status: null,
  };
}

/**
 * Runs one job: the scan with a datasource session of its own per page (the job's AbortSignal
 * tied in, so a cancel abandons the call in flight), through the account's budget like any call
 * (one call at a time: one slot), paced to `budgetShare` of the account's throughput, with its
 * progress and findings in the store and a checkpoint every few pages.
 */
export function startJobRun(options: {
  store: JobStore;
  tenant: string;
  record: JobRecord;
  transport: Transport;
  credentials: Credentials;
  account: string | undefined;
  settings: JobRunSettings;
  hooks?: JobRunHooks;
  /** Resume from here (a restart, another replica, or resumeReconciliation). */
  from?: StoredCheckpoint | null;
}): JobRun {
  const { store, tenant, transport, settings, hooks = {} } = options;
  const record: JobRecord = { ...options.record };
  const { target } = record;
  const share = record.budgetShare;
  // Cancel aborts both; a stop only the scan's, so the page in flight finishes.
  const calls = new AbortController();
  const scan = new AbortController();
  setMaxListeners(0, calls.signal, scan.signal);
  let cancelled = false;
  let stopping = false;
  let leaseLost = false;
  let lastPageMs = 0;
  const counts: KindCounts = { ...(options.from?.counts ?? {}) };
  const progress: JobProgress = options.from ? { ...options.from.progress } : emptyProgress();

  const cancel = () => {
    cancelled = true;
    scan.abort();
    calls.abort();
  };

  /** One list page, with the retries a background job can afford and a request cannot. */
  async function call<T>(read: (apis: Apis) => Promise<Page<T>>): Promise<Page<T>> {
    let transient = 0;
    for (;;) {
      const { apis } = createDataSources(transport, {
        credentials: options.credentials,
        account: options.account,
        deadline: Date.now() + settings.pageBudgetMs,
        signal: calls.signal,
        maxCalls: transport.settings.retries + 1,
      });
      const started = performance.now();
      try {
        const page = await read(apis);
        // The page's time, retries and waits for a slot included: what it cost the account.
        lastPageMs = performance.now() - started;
        progress.callMs += lastPageMs;
        progress.phasePages += 1;
        if (progress.phase === 'FLEX') progress.flexUsers += page.items.length;
        if (page.nextPageToken === null) nextPhase(progress, target);
        return page;
      } catch (error) {
        if (calls.signal.aborted || !(error instanceof TwilioError)) throw error;
        // Twilio asked the account to wait: the whole account already waits (account-pauses.ts);
        // the job waits with it however long that is, where a request would fail.
        if (error.code === 'RATE_LIMITED') {
          const ms = (error.retryAfterSeconds ?? 0) * 1000 || DEFAULT_PAUSE_MS;
          if (!(await pause(ms, calls.signal))) throw error;
          continue;
        }
        if (TRANSIENT.has(error.code) && transient < TRANSIENT_RETRIES) {
          transient += 1;
          if (!(await pause(DEFAULT_PAUSE_MS * 2 ** (transient - 1), calls.signal))) throw error;
          continue;
        }
        throw error;
      }
    }
  }

  const apis: Parameters<typeof runReconciliationScan>[0] = {
    flex: { listFlexUsers: (sid, page) => call((a) => a.flex.listFlexUsers(sid, page)) },
    conversations: { listUsers: (page) => call((a) => a.conversations.listUsers(page)) },
    chat: { listUsers: (sid, page) => call((a) => a.chat.listUsers(sid, page)) },
    taskrouter: {
      listWorkers: (sid, filter, page) => call((a) => a.taskrouter.listWorkers(sid, filter, page)),
    },
  } as Parameters<typeof runReconciliationScan>[0];

  const persist = async () => {
    record.progress = { ...progress };
    record.updatedAt = new Date().toISOString();
    await store.put(tenant, record);
  };
  const saveCheckpoint = async (scanCheckpoint: ScanCheckpoint) => {
    await store.saveCheckpoint(tenant, record.id, {
      scan: scanCheckpoint,
      counts: { ...counts },
      progress: { ...progress },
    });
  };

  // The lease renewed and the cancel flag read between pages and while a page or a pause runs:
  // a cancel from another replica abandons the call in flight here too.
  let renewedAt = Date.now();
  const loseLease = () => {
    leaseLost = true;
    scan.abort();
    calls.abort();
  };
  const heartbeat = setInterval(
    () => {
      void (async () => {
        try {
          if (!(await store.lease(tenant, record.id, settings.owner, settings.leaseMs))) {
            // Another replica took the job over (this one was too slow to renew): let it.
            loseLease();
            return;
          }
          renewedAt = Date.now();
          if (await store.cancelRequested(tenant, record.id)) cancel();
        } catch (error) {
          hooks.onWarning?.('reconciliation lease renewal failed', error);
          // Unrenewed for a whole lease: another replica may be running it by now.
          if (Date.now() - renewedAt > settings.leaseMs) loseLease();
        }
      })();
    },
    Math.max(50, Math.floor(settings.leaseMs / 3)),
  );

  const run = async (): Promise<JobRecord> => {
    let lastCheckpoint: (() => ScanCheckpoint) | null = null;
    let pagesSince = 0;
    let checkpointedAt = Date.now();
    try {
      if (options.from) await store.trimFindings(tenant, record.id, options.from.counts);
      const outcome = await runReconciliationScan(apis, target, {
        signal: scan.signal,
        from: options.from?.scan,
        onFindings: async (findings) => {
          for (const finding of findings) counts[finding.kind] = (counts[finding.kind] ?? 0) + 1;
          await store.appendFindings(tenant, record.id, findings);
          hooks.onFindings?.(findings);
        },
        onPage: async (scanProgress, checkpoint) => {
          lastCheckpoint = checkpoint;
          progress.pages = scanProgress.pages;
          progress.people = scanProgress.people;
          progress.findings = scanProgress.findings;
          hooks.onPage?.();
          pagesSince += 1;
          if (
            pagesSince >= settings.checkpointPages &&
            Date.now() - checkpointedAt >= settings.checkpointMs
          ) {
            try {
              await saveCheckpoint(checkpoint());
              pagesSince = 0;
              checkpointedAt = Date.now();
            } catch (error) {
              // Tried again at the next page; a crash meanwhile costs pages read twice, not findings.
              hooks.onWarning?.('reconciliation checkpoint failed', error);
            }
          }
          try {
            if (await store.cancelRequested(tenant, record.id)) cancel();
            await persist();
          } catch (error) {
            // Progress is shown again after the next page; the heartbeat stops a job that
            // cannot reach its store for a whole lease.
            hooks.onWarning?.('reconciliation progress write failed', error);
          }
          // Paced to the share: a page that took t ms is followed by t × (1 − share) / share of
          // nothing, so the job's calls take `share` of the time the account spends calling.
          if (progress.phase !== 'DONE') {
            await pause((lastPageMs * (1 - share)) / share, scan.signal);
          }
        },
      });
      if (leaseLost) return record;
      if (outcome.status === 'cancelled' && !cancelled) {
        // Stopped for shutdown: the checkpoint says where another replica goes on.
        await saveCheckpoint(outcome.checkpoint);
        await persist();
        return record;
      }
      return await finish(cancelled ? 'CANCELLED' : 'DONE', null);
    } catch (error) {
      if (leaseLost) return record;
      if (cancelled) return finish('CANCELLED', null);
      if (stopping && lastCheckpoint !== null) {
        // The page in flight failed as the process stopped: the last page boundary is consistent.
        await saveCheckpoint((lastCheckpoint as () => ScanCheckpoint)()).catch(() => undefined);
        return record;
      }
      return finish('FAILED', jobError(error));
    } finally {
      clearInterval(heartbeat);
      await store.releaseLease(tenant, record.id, settings.owner).catch(() => undefined);
    }
  };

  const finish = async (status: JobRecord['status'], error: JobError | null) => {
    if (status === 'DONE') progress.phase = 'DONE';
    record.status = status;
    record.error = error;
    record.finishedAt = new Date().toISOString();
    await persist();
    await store.clearRunning(tenant, record.id);
    hooks.onEnd?.({ ...record });
    return record;
  };

  const done = run();
  return {
    done,
    cancel,
    stop: () => {
      stopping = true;
      scan.abort();
      return done;
    },
  };
}
