import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import type * as RedisSemaphore from 'redis-semaphore';
import type { Release } from './fair-limiter.js';
import type { SharedRedis } from './redis.js';
import type { EndSignal } from './request-end.js';

/** Every key the budget keeps in Redis starts with this. */
const PREFIX = 'identity-gateway:budget:';
/** How often a replica says it is alive, and how long it counts as alive after saying so. */
export const HEARTBEAT_MS = 1000;
const ALIVE_MS = 5000;
/** After a failed command, Redis is left alone this long (the local share applies meanwhile). */
const COOLDOWN_MS = 1000;
/** How often a waiter asks Redis again for a slot of a full account. */
const RETRY_INTERVAL_MS = 10;

export interface SharedBudgetSettings {
  redis: SharedRedis;
  /** Calls in flight for one account across every replica (TWILIO_ACCOUNT_CONCURRENCY). */
  accountConcurrency: number;
  /**
   * How long a slot is held at most before Redis frees it by itself: a replica that dies holding
   * slots gives them back after this. Longer than any attempt (the attempt timeout cuts each).
   */
  leaseMs: number;
}

export interface SharedBudgetEvents {
  /** Redis failed (`fallback` true: the local share applies) or is usable again. */
  onFallback?(fallback: boolean, share: number, replicas: number): void;
  /** A Redis command of the budget failed (timed out, or the connection broke). */
  onRedisError?(): void;
  /** The number of live replicas the last heartbeat saw. */
  onReplicas?(replicas: number): void;
}

/** A slot, a pause to wait out (another replica saw a 429), or Redis failed: go local. */
export type SharedGrant = { release: Release } | { pausedMs: number } | { failed: true };

/**
 * The per-account budget every replica shares through Redis: a semaphore per account
 * (redis-semaphore: a sorted set of holders, each expiring after the lease) and a pause key per
 * account (PX: the Retry-After one replica was given). One acquisition costs one round trip for
 * the slot and, in parallel, one for the pause; a release is sent without waiting for it.
 *
 * While Redis fails, each replica keeps to a local share of the account's cap: the cap divided by
 * the replicas the last heartbeat saw alive, at least 1, so the deployment as a whole stays near
 * the cap without anyone to count it.
 */
export interface SharedBudget {
  /** Whether Redis is unusable now, so the local share applies. */
  fallback(): boolean;
  /** The per-account cap of this replica while Redis fails. */
  localShare(): number;
  /** Replicas alive at the last heartbeat (1 before any). */
  replicas(): number;
  acquire(account: string, signal: EndSignal, timeoutMs: number): Promise<SharedGrant>;
  /** Tells every replica that `account` must wait `ms` (best effort: Redis may be down). */
  pause(account: string, ms: number): void;
  close(): Promise<void>;
}

export function createSharedBudget(
  settings: SharedBudgetSettings,
  events: SharedBudgetEvents = {},
): SharedBudget {
  const { redis, accountConcurrency: cap, leaseMs } = settings;
  // Loaded only with Redis configured, as ioredis is (redis.ts): none of it runs without.
  const { Semaphore, TimeoutError } = createRequire(import.meta.url)(
    'redis-semaphore',
  ) as typeof RedisSemaphore;
  const client = redis.client;
  const id = randomUUID();
  const replicasKey = `${PREFIX}replicas`;
  const pauseKey = (account: string) => `${PREFIX}pause:${account}`;
  let replicas = 1;
  let failedUntil = 0;
  // Until the connection is first ready the local share applies, without a "Redis failed" line.
  let inFallback = true;

  const localShare = () => Math.max(1, Math.floor(cap / replicas));
  /** Recomputed on every use, so the change is seen (and logged once) by the first call after it. */
  const fallback = () => {
    const now = !redis.isUp() || Date.now() < failedUntil;
    if (now !== inFallback) {
      inFallback = now;
      events.onFallback?.(now, localShare(), replicas);
    }
    return now;
  };
  const failed = () => {
    failedUntil = Date.now() + COOLDOWN_MS;
    events.onRedisError?.();
    fallback();
  };

  const beat = async () => {
    if (!redis.isUp()) return;
    const now = Date.now();
    try {
      const results = await client
        .multi()
        .zadd(replicasKey, now, id)
        .zremrangebyscore(replicasKey, '-inf', now - ALIVE_MS)
        .zcard(replicasKey)
        .pexpire(replicasKey, ALIVE_MS)
        .exec();
      const count = Number(results?.[2]?.[1]);
      if (Number.isInteger(count) && count >= 1 && count !== replicas) {
        replicas = count;
        events.onReplicas?.(count);
      }
    } catch {
      failed();
    }
  };
  void beat();
  const heartbeat = setInterval(() => {
    void beat();
    // Notices recovery (and logs it) even when no call comes to look.
    fallback();
  }, HEARTBEAT_MS);
  heartbeat.unref();

  return {
    fallback,
    localShare,
    replicas: () => replicas,
    async acquire(account, signal, timeoutMs) {
      const semaphore = new Semaphore(client, `${PREFIX}${account}`, cap, {
        lockTimeout: leaseMs,
        acquireTimeout: timeoutMs,
        retryInterval: RETRY_INTERVAL_MS,
        // No refresh: an attempt never holds its slot longer than the lease.
        refreshInterval: 0,
      });
      // Stopped by the request's end or by a pause found below. The request's end is an
      // EndSignal, not necessarily an AbortSignal (AbortSignal.any takes only those).
      const stop = new AbortController();
      const onEnd = () => stop.abort(signal.reason);
      if (signal.aborted) onEnd();
      else signal.addEventListener('abort', onEnd, { once: true });
      const acquiring = semaphore.acquire(stop.signal).then(
        () => 'acquired' as const,
        (error: unknown) => error,
      );
      void acquiring.then(() => signal.removeEventListener('abort', onEnd));
      const giveBack = () => {
        semaphore.release().catch(() => events.onRedisError?.());
      };
      let pausedMs: number;
      try {
        pausedMs = await client.pttl(pauseKey(account));
      } catch {
        stop.abort();
        if ((await acquiring) === 'acquired') giveBack();
        failed();
        return { failed: true };
      }
      if (pausedMs > 0) {
        stop.abort();
        if ((await acquiring) === 'acquired') giveBack();
        return { pausedMs };
      }
      const outcome = await acquiring;
      if (outcome === 'acquired') return { release: giveBack };
      // The wait outlived the request's budget, or the request ended: no slot, as locally.
      if (outcome instanceof TimeoutError || signal.aborted) throw outcome;
      failed();
      return { failed: true };
    },
    pause(account, ms) {
      if (fallback()) return;
      // NX then GT: a shorter Retry-After never cuts a longer pause short (Redis 7).
      client
        .multi()
        .set(pauseKey(account), '1', 'PX', ms, 'NX')
        .pexpire(pauseKey(account), ms, 'GT')
        .exec()
        .catch(failed);
    },
    async close() {
      clearInterval(heartbeat);
      if (!redis.isUp()) return;
      // Leaving: the others' local share grows at once instead of after ALIVE_MS.
      await client.zrem(replicasKey, id).catch(() => undefined);
    },
  };
}
