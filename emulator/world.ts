import { Concurrency } from './concurrency.js';
import { Faults } from './faults.js';
import { RequestLog } from './request-log.js';
import { createSeededStore, type SeedOptions } from './seed.js';
import type { Store } from './store.js';
import type { EmulatorAccount } from './types.js';

/** Everything one emulator holds; `store` is replaced on reset, so read it per request. */
export class World {
  store: Store;
  readonly faults = new Faults();
  readonly concurrency = new Concurrency();
  readonly log: RequestLog;

  constructor(
    private readonly seedOptions: SeedOptions,
    logCapacity?: number,
  ) {
    this.store = createSeededStore(seedOptions);
    this.log = new RequestLog(logCapacity);
  }

  /**
   * Back to the seed: same SIDs and credentials, faults cleared, log emptied, concurrency peaks
   * restarted (requests still in flight keep counting until they end).
   */
  reset(): void {
    this.store = createSeededStore(this.seedOptions);
    this.faults.reset();
    this.clearRequests();
  }

  /** The log and the concurrency peaks describe the same period, so they restart together. */
  clearRequests(): void {
    this.log.clear();
    this.concurrency.resetPeaks();
  }

  accounts(): EmulatorAccount[] {
    return [...this.store.accounts.values()].map(({ record, services }) => ({
      accountSid: record.sid,
      authToken: record.authToken,
      apiKeySid: record.apiKeySid,
      apiKeySecret: record.apiKeySecret,
      flexInstanceSid: record.flexInstanceSid,
      workspaceSid: record.workspaceSid,
      flexTeamSid: record.flexTeamSid,
      defaultChatServiceSid: record.defaultChatServiceSid,
      chatServiceSids: services.values().map((service) => service.sid),
    }));
  }
}
