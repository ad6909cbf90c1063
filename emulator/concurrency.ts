import type { ServerResponse } from 'node:http';
import type { AccountConcurrency } from './types.js';

/**
 * Requests in flight per account, as Twilio counts them for its concurrency limit (per account,
 * across its hosts; TWILIO.md, "Identity forms Flex uses"). A request counts from its arrival
 * until its response is sent or its socket closes, so a stalled (timeout-fault) request counts
 * until the client gives up.
 */
export class Concurrency {
  private readonly loads = new Map<string, AccountConcurrency>();

  /** The live counters of one account; keep the object to count against it. */
  of(accountSid: string): AccountConcurrency {
    let load = this.loads.get(accountSid);
    if (load === undefined) {
      load = { inFlight: 0, peak: 0 };
      this.loads.set(accountSid, load);
    }
    return load;
  }

  /** Counts one request against `load` until `response` closes (sent, or the connection gone). */
  admit(load: AccountConcurrency, response: ServerResponse): void {
    load.inFlight += 1;
    if (load.inFlight > load.peak) load.peak = load.inFlight;
    response.once('close', () => {
      load.inFlight -= 1;
    });
  }

  /** A new measuring period: each peak starts from what is in flight now. */
  resetPeaks(): void {
    for (const load of this.loads.values()) load.peak = load.inFlight;
  }

  /** A snapshot for these accounts, in their order; an account never seen has zeros. */
  report(accountSids: Iterable<string>): Record<string, AccountConcurrency> {
    const report: Record<string, AccountConcurrency> = {};
    for (const sid of accountSids) {
      const load = this.loads.get(sid);
      report[sid] = { inFlight: load?.inFlight ?? 0, peak: load?.peak ?? 0 };
    }
    return report;
  }
}
