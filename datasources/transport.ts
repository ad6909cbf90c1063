import { createHmac, randomBytes } from 'node:crypto';
import { Pool } from 'undici';
import { Breaker } from './breaker.js';
import { createBudget, type Budget, type BudgetEvents } from './budget.js';
import type { Product } from './errors.js';
import type { Credentials } from './http.js';
import { perCredentials } from './per-credentials.js';
import type { SharedBudget } from './shared-budget.js';

export interface TransportSettings {
  baseUrls: Record<Product, string>;
  /** Per attempt. */
  timeoutMs: number;
  /** Retries of idempotent calls on 429/5xx/network errors. */
  retries: number;
  /** A Retry-After longer than this is not waited for: the call fails with RATE_LIMITED. */
  maxRetryAfterSeconds: number;
  /** Calls in flight for one Twilio account, across its hosts (Twilio counts per account). */
  accountConcurrency: number;
  /** Calls in flight for the whole process, across accounts and hosts. */
  totalConcurrency: number;
  userAgent: string;
}

/** How long a credential pair Twilio accepted is trusted to be right without a probe. */
const VERIFIED_TTL_MS = 10 * 60_000;
/** How long what Flex's Configuration says about an account is used before it is read again. */
const SETTINGS_TTL_MS = 10 * 60_000;
/** Bounds on per-account state: pass-through lets any number of accounts appear. */
const MAX_VERIFIED = 10_000;
const MAX_SETTINGS = 10_000;

/** Where an account's Flex instance and chat service are, as Flex's Configuration says. */
export interface AccountSettings {
  flexInstanceSid: string | null;
  chatServiceSid: string | null;
  workspaceSid: string | null;
}
const MAX_BREAKERS = 10_000;

/**
 * What every request shares, process-wide: keep-alive sockets per Twilio host, the per-account
 * concurrency budget, a breaker per account and host, and which credentials Twilio has accepted.
 * Nothing here holds a secret: credentials are known only by a keyed hash, so a wrong secret can
 * never match another's entry.
 */
export interface Transport {
  settings: TransportSettings;
  /** Where a product's calls go, and the keep-alive sockets to that origin. */
  origin(product: Product): { origin: string; prefix: string; pool: Pool };
  /** Per-account slots and Retry-After pauses: in process, and across replicas with Redis. */
  budget: Budget;
  breaker(account: string, product: Product): Breaker;
  /**
   * A keyed hash of the credential pair, never reversible, unique to this process; computed once
   * per credentials object (a configured tenant's: once for the process).
   */
  fingerprint(credentials: Credentials): string;
  isVerified(fingerprint: string): boolean;
  markVerified(fingerprint: string): void;
  /**
   * The account's settings, read once per account (by credential fingerprint) and kept for ten
   * minutes; `read` runs only on a miss, and a failed read is not kept: it fails that request
   * only, and the next one reads again.
   */
  accountSettings(
    fingerprint: string,
    read: () => Promise<AccountSettings>,
  ): Promise<AccountSettings>;
  destroy(): Promise<void>;
}

export interface TransportOptions {
  /** The replicas' shared budget (Redis); without it every limit is this process's own. */
  sharedBudget?: SharedBudget | null;
  budgetEvents?: BudgetEvents;
}

export function createTransport(
  settings: TransportSettings,
  options: TransportOptions = {},
): Transport {
  // undici's own timers default to 10 s (connect) and 300 s (headers, body); the attempt's timeout
  // in http.ts is the one that counts, so these only match it. One pool per origin (products on
  // one host share it), with as many sockets as calls the budget lets through at once: what an
  // Agent keeps, without its lookup of the pool and its redirect interceptor on every call.
  const pools = new Map<string, Pool>();
  const poolOf = (origin: string) => {
    let pool = pools.get(origin);
    if (pool === undefined) {
      pool = new Pool(origin, {
        connections: settings.totalConcurrency,
        connectTimeout: settings.timeoutMs,
        headersTimeout: settings.timeoutMs,
        bodyTimeout: settings.timeoutMs,
      });
      pools.set(origin, pool);
    }
    return pool;
  };
  const origins = Object.fromEntries(
    (Object.keys(settings.baseUrls) as Product[]).map((product) => {
      const base = new URL(settings.baseUrls[product]);
      return [
        product,
        {
          origin: base.origin,
          prefix: base.pathname.replace(/\/+$/, ''),
          pool: poolOf(base.origin),
        },
      ];
    }),
  ) as Record<Product, { origin: string; prefix: string; pool: Pool }>;
  const budget = createBudget(
    {
      accountConcurrency: settings.accountConcurrency,
      totalConcurrency: settings.totalConcurrency,
    },
    options.sharedBudget ?? null,
    options.budgetEvents,
  );
  const breakers = new Map<string, Breaker>();
  const verified = new Map<string, number>();
  const settingsCache = new Map<string, { until: number; value: AccountSettings }>();
  const salt = randomBytes(32);

  return {
    settings,
    origin: (product) => origins[product],
    budget,
    breaker(account, product) {
      const key = `${account}|${product}`;
      let breaker = breakers.get(key);
      if (breaker === undefined) {
        // The Map is kept in order of last use: the first key is the one unused for longest.
        if (breakers.size >= MAX_BREAKERS) breakers.delete(breakers.keys().next().value as string);
        breaker = new Breaker();
      } else {
        breakers.delete(key);
      }
      breakers.set(key, breaker);
      return breaker;
    },
    fingerprint: perCredentials(({ username, password }) =>
      createHmac('sha256', salt).update(username).update('\0').update(password).digest('base64'),
    ),
    isVerified(fingerprint) {
      const until = verified.get(fingerprint);
      return until !== undefined && until > Date.now();
    },
    markVerified(fingerprint) {
      verified.delete(fingerprint);
      if (verified.size >= MAX_VERIFIED) verified.delete(verified.keys().next().value as string);
      verified.set(fingerprint, Date.now() + VERIFIED_TTL_MS);
    },
    async accountSettings(fingerprint, read) {
      const cached = settingsCache.get(fingerprint);
      if (cached && cached.until > Date.now()) return cached.value;
      // Only an answer is kept, never a read in flight: a read runs on one request's session
      // (its budget, its end), which must not decide another request's outcome.
      const value = await read();
      settingsCache.delete(fingerprint);
      if (settingsCache.size >= MAX_SETTINGS) {
        settingsCache.delete(settingsCache.keys().next().value as string);
      }
      settingsCache.set(fingerprint, { until: Date.now() + SETTINGS_TTL_MS, value });
      return value;
    },
    async destroy() {
      await budget.close();
      await Promise.all([...pools.values()].map((pool) => pool.destroy()));
    },
  };
}
