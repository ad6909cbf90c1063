import type { EndSignal } from './request-end.js';

/** Gives a slot back; calling it twice is harmless. */
export type Release = () => void;

interface Waiter {
  grant: (release: Release) => void;
  signal: EndSignal | undefined;
  onAbort: () => void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/**
 * Concurrency slots shared by many keys (Twilio accounts): at most `perKey` held by one key, at
 * most `total` by all. When slots are short, a freed slot goes to the waiting key that holds the
 * fewest (max-min fairness), so a key with a thousand calls queued cannot starve one with two.
 * Within a key, first come first served. A waiter whose signal aborts, or who waited `timeoutMs`,
 * leaves the queue with a rejection.
 *
 * Hand-written because the usual limiters (p-limit, p-queue) have one queue and one cap; none
 * knows per-key caps under a shared one.
 */
export class FairLimiter {
  private readonly active = new Map<string, number>();
  private readonly queues = new Map<string, Waiter[]>();
  private inUse = 0;

  constructor(
    private cap: number,
    readonly total: number,
  ) {}

  /** Slots one key may hold at most. */
  get perKey(): number {
    return this.cap;
  }

  /**
   * Changes the per-key cap (the shared budget's local share while Redis fails, and back). Slots
   * held above a lowered cap stay held until released; no new one is granted above it.
   */
  setPerKey(cap: number): void {
    if (cap === this.cap) return;
    this.cap = cap;
    this.pump();
  }

  /** Slots a key holds now (for tests and metrics). */
  held(key: string): number {
    return this.active.get(key) ?? 0;
  }

  acquire(key: string, signal?: EndSignal, timeoutMs?: number): Promise<Release> {
    if (signal?.aborted) return Promise.reject(new Error('aborted'));
    if (this.inUse < this.total && this.held(key) < this.perKey && !this.queues.has(key)) {
      return Promise.resolve(this.take(key));
    }
    return new Promise<Release>((grant, reject) => {
      const leave = (reason: Error) => {
        this.leave(key, waiter);
        reject(reason);
      };
      const waiter: Waiter = {
        grant,
        signal,
        onAbort: () =>
          leave(signal?.reason instanceof Error ? signal.reason : new Error('aborted')),
        timer:
          timeoutMs === undefined
            ? undefined
            : setTimeout(() => leave(new Error('timed out waiting for a slot')), timeoutMs),
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      const queue = this.queues.get(key);
      if (queue) queue.push(waiter);
      else this.queues.set(key, [waiter]);
    });
  }

  private take(key: string): Release {
    this.inUse += 1;
    this.active.set(key, this.held(key) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inUse -= 1;
      const left = this.held(key) - 1;
      if (left === 0) this.active.delete(key);
      else this.active.set(key, left);
      this.pump();
    };
  }

  private leave(key: string, waiter: Waiter): void {
    clearTimeout(waiter.timer);
    waiter.signal?.removeEventListener('abort', waiter.onAbort);
    const queue = this.queues.get(key);
    if (!queue) return;
    const at = queue.indexOf(waiter);
    if (at >= 0) queue.splice(at, 1);
    if (queue.length === 0) this.queues.delete(key);
  }

  private pump(): void {
    while (this.inUse < this.total) {
      let chosen: string | null = null;
      for (const key of this.queues.keys()) {
        const held = this.held(key);
        if (held < this.perKey && (chosen === null || held < this.held(chosen))) chosen = key;
      }
      if (chosen === null) return;
      const queue = this.queues.get(chosen) as Waiter[];
      const waiter = queue.shift() as Waiter;
      if (queue.length === 0) this.queues.delete(chosen);
      // Keys that were served move behind the others at equal holdings (Map keeps insertion order).
      else {
        this.queues.delete(chosen);
        this.queues.set(chosen, queue);
      }
      clearTimeout(waiter.timer);
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
      waiter.grant(this.take(chosen));
    }
  }
}
