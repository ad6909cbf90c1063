/**
 * Upstream calls and sequential waves, read from the emulator's request log
 * (GET/DELETE /__emulator/requests), and the control calls the bench needs (faults, fixtures).
 */

import type { LoggedRequest, SeededPerson } from '../../emulator/types.js';

export type { LoggedRequest, SeededPerson };

async function control<T>(base: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${base}/__emulator/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} /__emulator/${path}: HTTP ${response.status}`);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The Authorization header Twilio (and the emulator) take: Basic with SID and secret. */
export function basicAuthorization(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

export function createEmulatorControl(base: string) {
  return {
    clearLog: () => control<void>(base, 'DELETE', 'requests'),
    log: async () =>
      (await control<{ requests: LoggedRequest[] }>(base, 'GET', 'requests')).requests,
    /** Injected upstream latency for every product (no jitter, no errors). */
    setLatency: (latencyMs: number) =>
      control<void>(base, 'PUT', 'faults', { latencyMs, jitterMs: 0 }),
    people: async (filter: Record<string, string | number | boolean>) => {
      const query = new URLSearchParams(
        Object.entries(filter).map(([key, value]): [string, string] => [key, String(value)]),
      ).toString();
      return (await control<{ people: SeededPerson[] }>(base, 'GET', `people?${query}`)).people;
    },
  };
}

export type EmulatorControl = ReturnType<typeof createEmulatorControl>;

/** The calls one workload made, i.e. the log entries of our account, in arrival order. */
export function callsOf(log: LoggedRequest[], accountSid: string): LoggedRequest[] {
  return log
    .filter((entry) => entry.account === accountSid && !entry.path.startsWith('/__emulator'))
    .sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
}

/** Calls in flight per account as the gateway allows them by default (TWILIO_ACCOUNT_CONCURRENCY). */
export const ACCOUNT_CONCURRENCY = 50;

/**
 * A workload's calls in sequential waves: a call starts a new wave when it arrived after some call
 * of the current wave had already been answered (so it may have waited for it), unless that wave
 * had `cap` calls sent before its first answer: the account's budget was full, and later calls
 * waited for a slot, not for an answer (roster's joins, 100 or more, are one wave sent 50 at a
 * time, each refill a few ms after an answer, more on a loaded machine). Meaningful only with
 * injected latency (every call then lasts at least that long, which separates the waves far
 * beyond the log's millisecond clock); at latency 0 the bench reports waves from the 20 ms run.
 */
export function groupWaves(calls: LoggedRequest[], cap = ACCOUNT_CONCURRENCY): LoggedRequest[][] {
  const waves: LoggedRequest[][] = [];
  let firstAnswer = -Infinity;
  for (const call of calls) {
    const start = Date.parse(call.time);
    const end = start + call.durationMs;
    const wave = waves.at(-1);
    const saturated =
      wave !== undefined && wave.filter((c) => Date.parse(c.time) < firstAnswer).length >= cap;
    if (wave === undefined || (start >= firstAnswer && !saturated)) {
      waves.push([call]);
      firstAnswer = end;
    } else {
      wave.push(call);
      firstAnswer = Math.min(firstAnswer, end);
    }
  }
  return waves;
}

export function countWaves(calls: LoggedRequest[]): number {
  return groupWaves(calls).length;
}

/** Cross-check of countWaves from latencies alone: the extra time 20 ms per call added, in waves. */
export function wavesFromLatency(
  p50AtZero: number,
  p50AtLatency: number,
  latencyMs: number,
): number {
  return Math.round((p50AtLatency - p50AtZero) / latencyMs);
}
