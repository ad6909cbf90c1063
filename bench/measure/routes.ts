/**
 * Twilio calls grouped by route, from the emulator's request log: the method and the path with
 * every SID shortened to its prefix (`GO…`) and a user named by identity shown as `{identity}`,
 * so that "GET /v2/Services/IS…/Users" (a list page) and "GET /v2/Services/IS…/Users/{identity}"
 * (one user) are told apart.
 */
import type { LoggedRequest } from './upstream.js';

const SID = /^[A-Z]{2}[0-9a-f]{32}$/;

export function routeOf(entry: Pick<LoggedRequest, 'method' | 'path'>): string {
  const segments = entry.path.split('/').map((segment, i, all) => {
    if (SID.test(segment)) return `${segment.slice(0, 2)}…`;
    // Users/<identity>: a user fetched, updated or deleted by identity instead of by SID.
    if (all[i - 1] === 'Users' && segment !== '' && !/^[A-Z][a-z]+$/.test(segment)) {
      return '{identity}';
    }
    return segment;
  });
  return `${entry.method} ${segments.join('/')}`;
}

/** Calls per route, most first. */
export function countByRoute(entries: LoggedRequest[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const entry of entries) {
    const route = routeOf(entry);
    counts.set(route, (counts.get(route) ?? 0) + 1);
  }
  return Object.fromEntries([...counts].sort((a, b) => b[1] - a[1]));
}

/** Calls per HTTP status, e.g. {"200": 310, "429": 2}. */
export function countByStatus(entries: LoggedRequest[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of entries) counts[entry.status] = (counts[entry.status] ?? 0) + 1;
  return counts;
}

/**
 * The most calls in flight at once, from arrival times and durations in the log. Arrival times
 * are whole milliseconds (truncated), so an answer less than 1 ms before the next arrival counts
 * as before it: otherwise a call sent just after another was answered could look concurrent.
 * The emulator's own peak (`emulatorPeak`) is exact; this one also works on a slice of the log.
 */
export function mostInFlight(entries: LoggedRequest[]): number {
  const events = entries.flatMap((entry) => {
    const start = Date.parse(entry.time);
    return [
      { at: start, delta: 1 },
      { at: start + Math.max(0, entry.durationMs - 1), delta: -1 },
    ];
  });
  events.sort((a, b) => a.at - b.at || a.delta - b.delta);
  let now = 0;
  let most = 0;
  for (const event of events) {
    now += event.delta;
    most = Math.max(most, now);
  }
  return most;
}

/** The emulator's count of the account's most calls in flight since the log was last cleared. */
export async function emulatorPeak(
  emulatorUrl: string,
  accountSid: string,
): Promise<number | null> {
  const response = await fetch(`${emulatorUrl}/__emulator/concurrency`);
  if (!response.ok) return null;
  const body = (await response.json()) as { accounts: Record<string, { peak: number }> };
  return body.accounts[accountSid]?.peak ?? null;
}
