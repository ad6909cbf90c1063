/**
 * What the datasources need of "this request has ended": the part of AbortSignal they use. An
 * AbortSignal is one (a reconciliation job passes its controller's), and so is RequestEnd.
 */
export interface EndSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  /** Each listener runs once, when the signal aborts; none runs if it had already. */
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/**
 * The end of one GraphQL request, which every call it started listens for. Not an
 * AbortController: one per request cost about 3% of a single fetch's CPU (the controller, its
 * EventTarget, setMaxListeners, and an Event dispatched at every end), for listeners that are
 * all the datasources' own and that a Set serves as well.
 */
export class RequestEnd implements EndSignal {
  #aborted = false;
  #reason: unknown = undefined;
  readonly #listeners = new Set<() => void>();

  get aborted(): boolean {
    return this.#aborted;
  }

  get reason(): unknown {
    return this.#reason;
  }

  addEventListener(_type: 'abort', listener: () => void): void {
    if (!this.#aborted) this.#listeners.add(listener);
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    this.#listeners.delete(listener);
  }

  /** Runs every listener once; later calls do nothing. */
  end(reason: unknown): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#reason = reason;
    // As on an EventTarget, a listener another one removes before its turn does not run (a Set's
    // iteration skips entries deleted during it).
    for (const listener of this.#listeners) {
      this.#listeners.delete(listener);
      listener();
    }
  }
}
