/** Longest pause one Retry-After can impose: a broken header must not silence an account for hours. */
export const MAX_PAUSE_MS = 5 * 60_000;
/** Bounds the map: pass-through lets any number of accounts appear. */
const MAX_ACCOUNTS = 10_000;

/**
 * Accounts Twilio asked to wait (a 429 with Retry-After), in this process: until when, per
 * account. Twilio's limit is the account's, not the call's, so every call of the account waits,
 * not only the one that was answered 429.
 */
export class AccountPauses {
  private readonly until = new Map<string, number>();

  /** Pauses `account` for `ms` from now, unless it is already paused for longer. */
  pause(account: string, ms: number, now = Date.now()): boolean {
    const until = now + Math.min(ms, MAX_PAUSE_MS);
    const current = this.until.get(account);
    if (current !== undefined && current >= until) return false;
    this.until.delete(account);
    if (this.until.size >= MAX_ACCOUNTS) this.sweep(now);
    this.until.set(account, until);
    return true;
  }

  /** Milliseconds `account` must still wait; 0 when it is not paused. */
  remaining(account: string, now = Date.now()): number {
    const until = this.until.get(account);
    if (until === undefined) return 0;
    if (until > now) return until - now;
    this.until.delete(account);
    return 0;
  }

  /** Drops expired pauses, and the oldest set when none has expired. */
  private sweep(now: number): void {
    for (const [account, until] of this.until) if (until <= now) this.until.delete(account);
    if (this.until.size >= MAX_ACCOUNTS)
      this.until.delete(this.until.keys().next().value as string);
  }
}
