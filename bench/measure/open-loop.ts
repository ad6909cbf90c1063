/**
 * Live traffic at a fixed rate: request i is sent at start + i / rate whether or not the earlier
 * ones have been answered (an open loop, as independent users arrive), and its latency is counted
 * from that scheduled time, so a slow answer cannot hide the requests it would have held back.
 */
import { Pool } from 'undici';

export interface OpenLoopResult {
  /** Latency per answered request, ms, from its scheduled send time. */
  samples: number[];
  /** Requests answered with a non-200 status, no data or any GraphQL error. */
  errors: number;
  /** The first error's text, to tell what went wrong. */
  firstError: string | null;
  sent: number;
  durationMs: number;
}

export interface OpenLoop {
  /** Stops sending and resolves once every request sent has been answered. */
  stop(): Promise<OpenLoopResult>;
}

export function startOpenLoop(options: {
  url: string;
  ratePerSecond: number;
  /** The JSON body of request `i`. */
  body(i: number): unknown;
  /** Requests already sent by earlier runs, so a rotation continues rather than restarts. */
  offset?: number;
}): OpenLoop {
  const target = new URL(options.url);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname)) {
    throw new Error(`Load is only ever sent to loopback, not ${target.hostname}`);
  }
  const pool = new Pool(target.origin, { connections: 64, pipelining: 1 });
  const samples: number[] = [];
  const pending = new Set<Promise<void>>();
  let errors = 0;
  let firstError: string | null = null;
  let sent = 0;
  let stopped = false;
  const started = performance.now();
  const fail = (text: string) => {
    errors += 1;
    firstError ??= text;
  };

  const send = (i: number, scheduled: number) => {
    const request = pool
      .request({
        method: 'POST',
        path: target.pathname,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(options.body(i)),
      })
      .then(async (response) => {
        const text = await response.body.text();
        const ms = performance.now() - scheduled;
        const parsed = JSON.parse(text) as { data?: unknown; errors?: { message: string }[] };
        if (response.statusCode !== 200 || !parsed.data || parsed.errors?.length) {
          fail(`HTTP ${response.statusCode}: ${text.slice(0, 200)}`);
        } else {
          samples.push(ms);
        }
      })
      .catch((error: unknown) => fail(String(error)))
      .finally(() => pending.delete(request));
    pending.add(request);
  };

  const interval = 1000 / options.ratePerSecond;
  // A timer per request would drift; one tick sends every request whose time has come.
  const tick = () => {
    if (stopped) return;
    const now = performance.now();
    while (started + sent * interval <= now) {
      send((options.offset ?? 0) + sent, started + sent * interval);
      sent += 1;
    }
    setTimeout(tick, Math.max(1, started + sent * interval - performance.now()));
  };
  tick();

  return {
    stop: async () => {
      stopped = true;
      const durationMs = performance.now() - started;
      while (pending.size > 0) await Promise.all([...pending]);
      await pool.close();
      return { samples, errors, firstError, sent, durationMs };
    },
  };
}
