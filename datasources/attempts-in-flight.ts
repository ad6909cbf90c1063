import type { EndSignal } from './request-end.js';

/**
 * One request's attempts in flight, each stopped when the request's signal aborts: one listener on
 * the signal while any attempt is in flight, rather than one added and removed per attempt (an
 * EventTarget's listeners cost far more than a Set's entries).
 */
export class AttemptsInFlight {
  readonly #signal: EndSignal;
  readonly #stops = new Set<() => void>();
  readonly #stopAll = () => {
    for (const stop of this.#stops) stop();
  };

  constructor(signal: EndSignal) {
    this.#signal = signal;
  }

  /** `stop` runs when the signal aborts, or at once when it has already. */
  add(stop: () => void): void {
    if (this.#stops.size === 0)
      this.#signal.addEventListener('abort', this.#stopAll, { once: true });
    this.#stops.add(stop);
    if (this.#signal.aborted) stop();
  }

  delete(stop: () => void): void {
    this.#stops.delete(stop);
    if (this.#stops.size === 0) this.#signal.removeEventListener('abort', this.#stopAll);
  }
}
