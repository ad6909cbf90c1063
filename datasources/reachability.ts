import { request } from 'undici';
import type { Product } from './errors.js';

export interface Reachability {
  upstreams: Record<Product, 'up' | 'down'>;
  /** ISO 8601 time the check finished. */
  checkedAt: string;
}

/**
 * Whether each Twilio host answers HTTP at all (any status counts: reachability, not credentials).
 * No credentials are sent: a probe must not spend a tenant's rate limit or leak a token.
 */
export async function checkReachability(
  baseUrls: Record<Product, string>,
  timeoutMs = 2000,
): Promise<Reachability> {
  const probe = async (url: string) => {
    try {
      const response = await request(url, { signal: AbortSignal.timeout(timeoutMs) });
      await response.body.dump();
      return 'up' as const;
    } catch {
      return 'down' as const;
    }
  };
  const [flex, conversations, chat, taskrouter] = await Promise.all([
    probe(baseUrls.flex),
    probe(baseUrls.conversations),
    probe(baseUrls.chat),
    probe(baseUrls.taskrouter),
  ]);
  return {
    upstreams: { flex, conversations, chat, taskrouter },
    checkedAt: new Date().toISOString(),
  };
}

export interface ReachabilityWatch {
  /**
   * The last check while it is younger than `maxAgeMs`, otherwise a new one, which takes at most
   * `timeoutMs`. Callers at the same time share one check, so any number of scrapers and callers
   * cost the hosts at most one request each per `maxAgeMs`.
   */
  current(): Promise<Reachability>;
}

/**
 * Reachability checked on demand, never on a timer: an idle gateway sends Twilio nothing, and the
 * emulator's request log in tests holds only what a test caused (reading /metrics or /upstreams
 * adds a `GET /` per product when the last check is stale).
 */
export function createReachabilityWatch(
  baseUrls: Record<Product, string>,
  { maxAgeMs = 15_000, timeoutMs = 2000 }: { maxAgeMs?: number; timeoutMs?: number } = {},
): ReachabilityWatch {
  let last: { at: number; result: Reachability } | undefined;
  let running: Promise<Reachability> | undefined;
  return {
    current() {
      if (last && performance.now() - last.at < maxAgeMs) return Promise.resolve(last.result);
      running ??= checkReachability(baseUrls, timeoutMs).then((result) => {
        last = { at: performance.now(), result };
        running = undefined;
        return result;
      });
      return running;
    },
  };
}
