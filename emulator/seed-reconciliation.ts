import type { Rng } from './prng.js';
import { newSid } from './sids.js';
import type { AccountState, ServiceState, Store } from './store.js';

/** How many of each planted kind: enough to tell a kind from a fluke, few enough to read. */
const PLANTED_PER_KIND = 2;

/**
 * Something planted for the reconciliation scan to find, in the scan's own vocabulary
 * (datasources/reconciliation/classifier.ts `FindingKind`). `identity` is the planted record's.
 */
export interface PlantedOrphan {
  kind: 'DEACTIVATED_WITH_WORKER' | 'DEACTIVATED_WITH_CHAT_USERS' | 'NAME_DRIFT';
  identity: string;
  flexUserSid: string;
  /** The record planted or changed: a worker (WK…) or a Chat/Conversations user (US…). */
  otherSid: string;
}

/**
 * What the rest of the seed never makes, planted for the reconciliation scan (issue 14): workers
 * and Chat users of the extra service left behind by deactivated Flex users (Twilio deletes the
 * worker on deprovision, but a script may recreate it; Chat users are never cleaned up), and
 * Conversations users whose friendly_name drifted from the Flex full_name. Runs last on its own
 * random stream, taking people from the end of the lists, so every SID seeded before stays as it
 * was. Returns what it planted (the emulator serves it at GET /__emulator/planted-orphans).
 */
export function seedReconciliation(store: Store, account: AccountState, rng: Rng): PlantedOrphan[] {
  const planted: PlantedOrphan[] = [];
  const extra = [...account.servicesBySid.values()].find((s) => !s.isDefault) as ServiceState;
  const flexUsers = [...account.flexUsers.values()].reverse();
  const deactivated = flexUsers.filter(
    (user) => user.deactivated && !extra.usersByIdentity.has(user.username),
  );
  const now = '2025-12-01T17:00:00Z';
  for (const user of deactivated.slice(0, PLANTED_PER_KIND)) {
    const sid = newSid('WK', rng);
    account.workspace.addWorker({
      seq: store.nextSeq(),
      sid,
      accountSid: account.record.sid,
      workspaceSid: account.workspace.sid,
      friendlyName: user.username,
      activitySid: account.workspace.defaultActivity.sid,
      attributes: JSON.stringify({ full_name: user.fullName, email: user.email }),
      dateCreated: now,
      dateUpdated: now,
      dateStatusChanged: now,
    });
    planted.push({
      kind: 'DEACTIVATED_WITH_WORKER',
      identity: user.username,
      flexUserSid: user.flexUserSid,
      otherSid: sid,
    });
  }
  for (const user of deactivated.slice(PLANTED_PER_KIND, 2 * PLANTED_PER_KIND)) {
    const sid = newSid('US', rng);
    extra.addUser({
      seq: store.nextSeq(),
      sid,
      accountSid: account.record.sid,
      serviceSid: extra.record.sid,
      roleSid: extra.record.defaultServiceRoleSid,
      identity: user.username,
      friendlyName: user.fullName,
      attributes: '{}',
      isOnline: extra.record.reachabilityEnabled ? false : null,
      isNotifiable: extra.record.reachabilityEnabled ? false : null,
      joinedChannelsCount: 0,
      dateCreated: now,
      dateUpdated: now,
    });
    planted.push({
      kind: 'DEACTIVATED_WITH_CHAT_USERS',
      identity: user.username,
      flexUserSid: user.flexUserSid,
      otherSid: sid,
    });
  }
  const drifting = flexUsers.filter((user) => {
    const conversations = account.defaultService.usersBySid.get(user.userSid ?? '');
    return (
      !user.deactivated &&
      conversations?.identity === user.username &&
      conversations.friendlyName === user.fullName
    );
  });
  for (const user of drifting.slice(0, PLANTED_PER_KIND)) {
    const conversations = account.defaultService.usersBySid.get(user.userSid ?? '')!;
    // A married name, a nickname: what drifts when one product is edited and the other not.
    conversations.friendlyName = `${user.fullName.split(' ')[0]} ${rng.pick(['Bluth', 'Fünke'])}-${user.fullName.split(' ').slice(1).join(' ')}`;
    planted.push({
      kind: 'NAME_DRIFT',
      identity: user.username,
      flexUserSid: user.flexUserSid,
      otherSid: conversations.sid,
    });
  }
  return planted;
}
