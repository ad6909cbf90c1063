import { SID_PATTERNS } from './sids.js';
import type { FaultRules, FaultSettings } from './types.js';

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
  accountSid: null,
  maxConcurrency: null,
  times: null,
};

/** What GET /__emulator/faults answers: the settings as set, every field resolved. */
export type ResolvedFaultsBody = ResolvedFaults | { rules: ResolvedFaults[] };

/** What happens to one request: wait `delayMs`, then answer normally or with the fault. */
export interface FaultDecision {
  delayMs: number;
  outcome: 'pass' | 'error' | 'rateLimit' | 'timeout';
}

const RATES = ['errorRate', 'rateLimitRate', 'timeoutRate'] as const;
const DURATIONS = ['latencyMs', 'jitterMs'] as const;
const KNOWN = new Set(Object.keys(DEFAULT_FAULTS));

function isObject(input: unknown): input is Record<string, unknown> {
  return input !== null && typeof input === 'object' && !Array.isArray(input);
}

/** Omitted fields take their defaults. Throws a readable Error for an invalid body. */
function resolve(input: unknown): ResolvedFaults {
  if (!isObject(input)) throw new Error('faults must be a JSON object');
  const unknown = Object.keys(input).filter((key) => !KNOWN.has(key));
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
    if (typeof value !== 'number' || !(value >= 0)) throw new Error(`${key} must be a number >= 0`);
  }
  if (!Number.isInteger(next.errorStatus) || next.errorStatus < 400 || next.errorStatus > 599) {
    throw new Error('errorStatus must be an HTTP error status (400-599)');
  }
  const retry = next.retryAfterSeconds;
  if (retry !== null && (typeof retry !== 'number' || !(retry >= 0))) {
    throw new Error('retryAfterSeconds must be a number >= 0 or null');
  }
  if (next.path !== null && typeof next.path !== 'string') {
    throw new Error('path must be a regular expression string or null');
  }
  const account = next.accountSid;
  if (account !== null && (typeof account !== 'string' || !SID_PATTERNS.account.test(account))) {
    throw new Error(
      `accountSid must be an AccountSid (AC + 32 hex) or null, got ${JSON.stringify(account)}`,
    );
  }
  const max = next.maxConcurrency;
  if (max !== null && !(Number.isInteger(max) && max >= 0)) {
    throw new Error('maxConcurrency must be an integer >= 0 or null');
  }
  const times = next.times;
  if (times !== null && !(Number.isInteger(times) && times >= 0)) {
    throw new Error('times must be an integer >= 0 or null');
  }
  return next;
}

/** One rule, validated and compiled when set, so the per-request check is a few comparisons. */
export class FaultRule {
  readonly settings: ResolvedFaults;
  private readonly pathPattern: RegExp | null = null;
  /** Whether decide() can return anything but null: some latency or a fault rate. */
  private readonly injects: boolean;
  /** Whether the rule changes anything: it injects, or it limits concurrency. */
  readonly active: boolean;
  /** Faults injected so far, for `times`. */
  private injected = 0;

  constructor(input: unknown) {
    const settings = resolve(input);
    if (settings.path !== null) {
      try {
        this.pathPattern = new RegExp(settings.path);
      } catch (error) {
        throw new Error(`path is not a valid regular expression: ${(error as Error).message}`);
      }
    }
    this.settings = settings;
    this.injects =
      settings.latencyMs > 0 ||
      settings.jitterMs > 0 ||
      settings.errorRate > 0 ||
      settings.rateLimitRate > 0 ||
      settings.timeoutRate > 0;
    this.active = this.injects || settings.maxConcurrency !== null;
  }

  /** `accountSid` is what the request's credentials resolved to, null when nothing. */
  matches(path: string, accountSid: string | null): boolean {
    const account = this.settings.accountSid;
    if (account !== null && account !== accountSid) return false;
    return this.pathPattern === null || this.pathPattern.test(path);
  }

  /** Whether a request arriving with `inFlight` others of its account in flight is over the limit. */
  refuses(inFlight: number): boolean {
    const max = this.settings.maxConcurrency;
    return max !== null && inFlight >= max;
  }

  /** Null when the rule injects nothing, so the request goes on without a timer. */
  decide(): FaultDecision | null {
    if (!this.injects) return null;
    const f = this.settings;
    const delayMs = f.latencyMs + (f.jitterMs > 0 ? Math.random() * f.jitterMs : 0);
    let outcome: FaultDecision['outcome'] = 'pass';
    if (Math.random() < f.timeoutRate) outcome = 'timeout';
    else if (Math.random() < f.rateLimitRate) outcome = 'rateLimit';
    else if (Math.random() < f.errorRate) outcome = 'error';
    if (outcome !== 'pass' && f.times !== null) {
      if (this.injected >= f.times) outcome = 'pass';
      else this.injected += 1;
    }
    return { delayMs, outcome };
  }
}

/**
 * The fault settings: one object (every request alike, or those of one account or path) or
 * `{ rules: [...] }`, of which the first matching a request applies.
 */
export class Faults {
  private rules: FaultRule[] = [new FaultRule({})];
  private setAsRules = false;
  private active = false;

  /** What was set, in the form it was set in. */
  get current(): ResolvedFaultsBody {
    const settings = this.rules.map((rule) => rule.settings);
    return this.setAsRules ? { rules: settings } : (settings[0] as ResolvedFaults);
  }

  /** Replaces every rule. Throws a readable Error (naming the rule) for an invalid body. */
  set(input: unknown): ResolvedFaultsBody {
    let rules: FaultRule[];
    const asRules = isObject(input) && 'rules' in input;
    if (asRules) {
      const list = (input as Partial<FaultRules>).rules;
      if (Object.keys(input).length !== 1) {
        throw new Error('rules cannot be combined with other settings');
      }
      if (!Array.isArray(list)) throw new Error('rules must be an array of fault settings');
      rules = list.map((rule, index) => {
        try {
          return new FaultRule(rule);
        } catch (error) {
          throw new Error(`rules[${index}]: ${(error as Error).message}`);
        }
      });
    } else {
      rules = [new FaultRule(input)];
    }
    this.rules = rules;
    this.setAsRules = asRules;
    this.active = rules.some((rule) => rule.active);
    return this.current;
  }

  reset(): void {
    this.set({});
  }

  /**
   * The first rule matching the request, or null when that rule changes nothing, no rule matches
   * or none is active (the common, fast case).
   */
  ruleFor(path: string, accountSid: string | null): FaultRule | null {
    if (!this.active) return null;
    for (const rule of this.rules) {
      if (rule.matches(path, accountSid)) return rule.active ? rule : null;
    }
    return null;
  }
}
