import { AccountPauses } from './account-pauses.js';
import { FairLimiter, type Release } from './fair-limiter.js';
import type { EndSignal } from './request-end.js';
import type { SharedBudget } from './shared-budget.js';

/** A slot to send one attempt with, or how long the account must still wait before sending. */
export type Grant = { release: Release } | { pausedMs: number };

export interface BudgetEvents {
  /** An attempt got its slot after waiting `ms` for it (0 when one was free). */
  onWait?(account: string, ms: number): void;
  /** The account is paused: by a 429 answered here (`twilio`) or to another replica (`shared`). */
  onPause?(account: string, source: 'twilio' | 'shared', ms: number): void;
}

/**
 * Who may send a call to Twilio now, per account: Retry-After pauses, the in-process fair limiter
 * (every account's cap, the process-wide total, fairness between accounts), and, with Redis, the
 * account's cap across every replica. Without Redis it is exactly the in-process limiter.
 *
 * A call takes its local slot first and its shared one second, so a replica asks Redis for at
 * most its own cap of calls per account at a time, and the fair limiter still decides which
 * account's call goes next.
 */
export interface Budget {
  readonly limiter: FairLimiter;
  /** Rejects when `signal` aborts or no slot came within `timeoutMs`. */
  acquire(account: string, signal: EndSignal, timeoutMs: number): Promise<Grant>;
  /** Twilio answered 429 with Retry-After: every call of the account, on every replica, waits. */
  pause(account: string, ms: number): void;
  close(): Promise<void>;
}

export function createBudget(
  limits: { accountConcurrency: number; totalConcurrency: number },
  shared: SharedBudget | null,
  events: BudgetEvents = {},
): Budget {
  const limiter = new FairLimiter(limits.accountConcurrency, limits.totalConcurrency);
  const pauses = new AccountPauses();

  return {
    limiter,
    async acquire(account, signal, timeoutMs) {
      const started = Date.now();
      const deadline = started + timeoutMs;
      for (;;) {
        const paused = pauses.remaining(account);
        if (paused > 0) return { pausedMs: paused };
        const local = shared !== null && shared.fallback();
        limiter.setPerKey(local ? shared.localShare() : limits.accountConcurrency);
        const release = await limiter.acquire(account, signal, deadline - Date.now());
        if (shared === null || local) {
          events.onWait?.(account, Date.now() - started);
          return { release };
        }
        let grant;
        try {
          grant = await shared.acquire(account, signal, Math.max(1, deadline - Date.now()));
        } catch (error) {
          release();
          throw error;
        }
        if ('release' in grant) {
          events.onWait?.(account, Date.now() - started);
          const sharedRelease = grant.release;
          let released = false;
          return {
            release: () => {
              if (released) return;
              released = true;
              sharedRelease();
              release();
            },
          };
        }
        release();
        if ('pausedMs' in grant) {
          // Concurrent calls learn of one pause a few ms apart, each extending it a little: it is
          // one pause, counted by the call that found the account not paused yet.
          const known = pauses.remaining(account) > 0;
          pauses.pause(account, grant.pausedMs);
          if (!known) events.onPause?.(account, 'shared', grant.pausedMs);
          return { pausedMs: grant.pausedMs };
        }
        // Redis failed under this call: take the slot again, under the local share now.
      }
    },
    pause(account, ms) {
      if (ms <= 0) return;
      if (pauses.pause(account, ms)) events.onPause?.(account, 'twilio', ms);
      shared?.pause(account, ms);
    },
    close: async () => shared?.close(),
  };
}
