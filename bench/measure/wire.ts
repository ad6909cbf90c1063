/**
 * The wire floor: the upstream calls a workload needs, sent by the driver straight to the emulator
 * in the same sequential waves, with nothing in between. No contender can answer faster on this
 * machine than the emulator and loopback allow, so "p50 − wire" is a contender's own cost, while
 * "p50 − floor" also holds the emulator's time per call, which the issue's floor (waves × latency)
 * leaves out.
 *
 * Calls are replayed from the reference contender's request log. Only reads are sent as they were;
 * a write is sent as a GET of its path (same route, same injected latency, no second user created).
 * A wave larger than the account's budget (`cap` in flight, as the gateway sends it) is sent
 * through that many slots, each taking the next call when its call is answered.
 */
import { Agent, request } from 'undici';
import type { BenchAccount } from '../scenarios/types.js';
import {
  ACCOUNT_CONCURRENCY,
  basicAuthorization,
  groupWaves,
  type LoggedRequest,
} from './upstream.js';

const dispatcher = new Agent({ connections: 128 });

export function createWireReplay(
  emulatorUrl: string,
  account: BenchAccount,
  cap = ACCOUNT_CONCURRENCY,
) {
  const authorization = basicAuthorization(account.accountSid, account.authToken);
  const send = async (call: LoggedRequest) => {
    const url = `${emulatorUrl}${call.path}${call.query ? `?${call.query}` : ''}`;
    const response = await request(url, { dispatcher, method: 'GET', headers: { authorization } });
    await response.body.dump();
  };
  const sendWave = async (wave: LoggedRequest[]) => {
    let next = 0;
    const slot = async () => {
      while (next < wave.length) await send(wave[next++]!);
    };
    await Promise.all(Array.from({ length: Math.min(cap, wave.length) }, slot));
  };
  /** Milliseconds to send `calls` wave by wave, each wave's calls at once (up to `cap`). */
  return async (calls: LoggedRequest[]): Promise<number> => {
    const waves = groupWaves(calls, cap);
    const started = performance.now();
    for (const wave of waves) await sendWave(wave);
    return performance.now() - started;
  };
}
