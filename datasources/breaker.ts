/** What a finished call says about the host's health. */
export type Outcome = 'success' | 'failure' | 'ignore';

/** A permission to send one call, to be settled with its outcome. */
export interface Admission {
  settle(outcome: Outcome): void;
}

export interface BreakerOptions {
  /** @default 10000 */
  windowMs?: number;
  /** Calls in the window before the failure share is judged. @default 10 */
  volumeThreshold?: number;
  /** Failure share (0..1) at which the breaker opens. @default 0.5 */
  failureShare?: number;
  /** How long it stays open before one probe is let through. @default 5000 */
  resetMs?: number;
  now?: () => number;
}

const BUCKETS = 10;

/**
 * A circuit breaker for one Twilio account on one host. It opens when at least `failureShare` of
 * the window's calls (and at least `volumeThreshold` of them) failed; after `resetMs` it lets one
 * probe through, and closes when the probe succeeds.
 *
 * Written here rather than taken from opossum because opossum knows only success and failure: a
 * call cut short by the client's own deadline, or never sent, had to count as one or the other, and
 * counting it as a success closed a half-open breaker without any probe reaching the host. Here such
 * a call is `ignore`: it changes nothing.
 */
export class Breaker {
  private readonly windowMs: number;
  private readonly volumeThreshold: number;
  private readonly failureShare: number;
  private readonly resetMs: number;
  private readonly now: () => number;
  private readonly buckets: { start: number; ok: number; failed: number }[] = [];
  private openedAt: number | null = null;
  private probing = false;

  constructor(options: BreakerOptions = {}) {
    this.windowMs = options.windowMs ?? 10_000;
    this.volumeThreshold = options.volumeThreshold ?? 10;
    this.failureShare = options.failureShare ?? 0.5;
    this.resetMs = options.resetMs ?? 5_000;
    this.now = options.now ?? Date.now;
  }

  get state(): 'closed' | 'open' | 'halfOpen' {
    if (this.openedAt === null) return 'closed';
    return this.now() - this.openedAt >= this.resetMs ? 'halfOpen' : 'open';
  }

  /** Null while open (or while a half-open probe is out): the call must not be sent. */
  admit(): Admission | null {
    const state = this.state;
    if (state === 'closed') return { settle: (outcome) => this.record(outcome) };
    if (state === 'open' || this.probing) return null;
    this.probing = true;
    let settled = false;
    return {
      settle: (outcome) => {
        if (settled) return;
        settled = true;
        this.probing = false;
        if (outcome === 'success') this.close();
        else if (outcome === 'failure') this.openedAt = this.now();
      },
    };
  }

  private close(): void {
    this.openedAt = null;
    this.buckets.length = 0;
  }

  private record(outcome: Outcome): void {
    if (outcome === 'ignore' || this.openedAt !== null) return;
    const now = this.now();
    const width = this.windowMs / BUCKETS;
    let bucket = this.buckets.at(-1);
    if (!bucket || now - bucket.start >= width) {
      bucket = { start: now, ok: 0, failed: 0 };
      this.buckets.push(bucket);
    }
    while (this.buckets.length > 0 && now - (this.buckets[0]?.start ?? now) >= this.windowMs) {
      this.buckets.shift();
    }
    if (outcome === 'success') {
      bucket.ok += 1;
      return;
    }
    bucket.failed += 1;
    let ok = 0;
    let failed = 0;
    for (const b of this.buckets) {
      ok += b.ok;
      failed += b.failed;
    }
    if (ok + failed >= this.volumeThreshold && failed / (ok + failed) >= this.failureShare) {
      this.openedAt = now;
    }
  }
}
