import type { FaultSettings } from './types.js';

export type ResolvedFaults = Required<FaultSettings>;

export const DEFAULT_FAULTS: ResolvedFaults = {
  latencyMs: 0,
  jitterMs: 0,
  errorRate: 0,
  errorStatus: 500,
  rateLimitRate: 0,
  retryAfterSeconds: 1,
  timeoutRate: 0,
  path: null,
};

/** What happens to one request: wait `delayMs`, then answer normally or with the fault. */
export interface FaultDecision {
  delayMs: number;
  outcome: 'pass' | 'error' | 'rateLimit' | 'timeout';
}

const RATES = ['errorRate', 'rateLimitRate', 'timeoutRate'] as const;
const DURATIONS = ['latencyMs', 'jitterMs'] as const;

/** Fault settings, validated once when set so the per-request check is a few comparisons. */
export class Faults {
  private current: ResolvedFaults = DEFAULT_FAULTS;
  private pathPattern: RegExp | null = null;
  private active = false;

  get settings(): ResolvedFaults {
    return this.current;
  }

  /** Omitted fields go back to their defaults. Throws a readable Error for an invalid body. */
  set(input: unknown): ResolvedFaults {
    if (input === null || typeof input !== 'object' || Array.isArray(input)) {
      throw new Error('faults must be a JSON object');
    }
    const known = new Set(Object.keys(DEFAULT_FAULTS));
    const unknown = Object.keys(input).filter((key) => !known.has(key));
    if (unknown.length > 0) throw new Error(`unknown fault settings: ${unknown.join(', ')}`);
    const next: ResolvedFaults = { ...DEFAULT_FAULTS, ...(input as FaultSettings) };
    for (const key of RATES) {
      const value = next[key];
      if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
        throw new Error(`${key} must be a number from 0 to 1`);
      }
    }
    for (const key of DURATIONS) {
      const value = next[key];
      if (typeof value !== 'number' || !(value >= 0))
        throw new Error(`${key} must be a number >= 0`);
    }
    if (!Number.isInteger(next.errorStatus) || next.errorStatus < 400 || next.errorStatus > 599) {
      throw new Error('errorStatus must be an HTTP error status (400-599)');
    }
    const retry = next.retryAfterSeconds;
    if (retry !== null && (typeof retry !== 'number' || !(retry >= 0))) {
      throw new Error('retryAfterSeconds must be a number >= 0 or null');
    }
    let pathPattern: RegExp | null = null;
    if (next.path !== null) {
      if (typeof next.path !== 'string')
        throw new Error('path must be a regular expression string or null');
      try {
        pathPattern = new RegExp(next.path);
      } catch (error) {
        throw new Error(`path is not a valid regular expression: ${(error as Error).message}`);
      }
    }
    this.current = next;
    this.pathPattern = pathPattern;
    this.active =
      next.latencyMs > 0 ||
      next.jitterMs > 0 ||
      next.errorRate > 0 ||
      next.rateLimitRate > 0 ||
      next.timeoutRate > 0;
    return next;
  }

  reset(): void {
    this.set({});
  }

  /** Null when no fault applies to `path` (the common, fast case). */
  decide(path: string): FaultDecision | null {
    if (!this.active) return null;
    if (this.pathPattern !== null && !this.pathPattern.test(path)) return null;
    const f = this.current;
    const delayMs = f.latencyMs + (f.jitterMs > 0 ? Math.random() * f.jitterMs : 0);
    let outcome: FaultDecision['outcome'] = 'pass';
    if (Math.random() < f.timeoutRate) outcome = 'timeout';
    else if (Math.random() < f.rateLimitRate) outcome = 'rateLimit';
    else if (Math.random() < f.errorRate) outcome = 'error';
    return { delayMs, outcome };
  }
}
