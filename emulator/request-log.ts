import type { LoggedRequest } from './types.js';

/** Keeps the last `capacity` entries, so a long load test does not grow memory without bound. */
export class RequestLog {
  private entries: LoggedRequest[] = [];
  private next = 0;
  /** Entries pushed out by newer ones since the last clear: a reader that needs all must see 0. */
  dropped = 0;

  constructor(private readonly capacity = 100_000) {}

  /** Logs at arrival (so the log is in arrival order); the caller fills status and duration later. */
  add(entry: LoggedRequest): void {
    if (this.entries.length < this.capacity) {
      this.entries.push(entry);
    } else {
      this.entries[this.next] = entry;
      this.dropped += 1;
    }
    this.next = (this.next + 1) % this.capacity;
  }

  /** Oldest first. */
  list(): LoggedRequest[] {
    if (this.entries.length < this.capacity) return [...this.entries];
    return [...this.entries.slice(this.next), ...this.entries.slice(0, this.next)];
  }

  clear(): void {
    this.entries = [];
    this.next = 0;
    this.dropped = 0;
  }
}
