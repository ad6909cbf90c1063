/**
 * The wire floor: the upstream calls a workload needs, sent by the driver straight to the emulator
 * in the same sequential waves, with nothing in between. No contender can answer faster on this
 * machine than the emulator and loopback allow, so "p50 − wire" is a contender's own cost, while
 * "p50 − floor" also holds the emulator's time per call, which the issue's floor (waves × latency)
 * leaves out.
 *
 * Calls are replayed from the reference contender's request log. Only reads are sent as they were;
 * a write is sent as a GET of its path (same route, same injected latency, no second user created).
 */
import { Agent, request } from 'undici';
import type { BenchAccount } from '../scenarios/types.js';
import { basicAuthorization, groupWaves, type LoggedRequest } from './upstream.js';

const dispatcher = new Agent({ connections: 128 });

export function createWireReplay(emulatorUrl: string, account: BenchAccount) {
  const authorization = basicAuthorization(account.accountSid, account.authToken);
  const send = async (call: LoggedRequest) => {
    const url = `${emulatorUrl}${call.path}${call.query ? `?${call.query}` : ''}`;
    const response = await request(url, { dispatcher, method: 'GET', headers: { authorization } });
    await response.body.dump();
  };
  /** Milliseconds to send `calls` wave by wave, each wave's calls at once. */
  return async (calls: LoggedRequest[]): Promise<number> => {
    const waves = groupWaves(calls);
    const started = performance.now();
    for (const wave of waves) await Promise.all(wave.map(send));
    return performance.now() - started;
  };
}
