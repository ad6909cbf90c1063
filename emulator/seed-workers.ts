import { isoSeconds } from './dates.js';
import { SKILLS } from './names.js';
import type { Rng } from './prng.js';
import { newSid } from './sids.js';
import type { AccountState, Store } from './store.js';
import { DEFAULT_ACTIVITIES, type WorkerRecord } from './workspace.js';

/** Share of people without a Flex user who still have a worker named after them. */
const ORPHAN_WORKER_SHARE = 0.1;
/** Workers created straight through TaskRouter, named after no one (bots, old queues). */
const UNNAMED_WORKERS = ['overflow-bot', 'after-hours-queue', 'legacy.ivr.worker'];

/** How long ago, at most, a seeded worker last changed activity. */
const STATUS_WINDOW_MS = 30 * 86_400_000;

/**
 * The account's TaskRouter workspace: the default activities, a worker for every active Flex user
 * (named after the username, with the SID the Flex user links), none for deactivated ones (Twilio
 * deletes them on deprovision), and some workers no Flex user links: named after a person with
 * no Flex user, or after no one.
 */
export function seedWorkers(store: Store, account: AccountState, rng: Rng, now: number): void {
  const { workspace } = account;
  const created = isoSeconds(now - 400 * 86_400_000);
  for (const { friendlyName, available } of DEFAULT_ACTIVITIES) {
    workspace.addActivity({
      seq: store.nextSeq(),
      sid: newSid('WA', rng),
      accountSid: account.record.sid,
      workspaceSid: workspace.sid,
      friendlyName,
      available,
      dateCreated: created,
      dateUpdated: created,
    });
  }
  const activities = workspace.activities.values();
  const worker = (sid: string, friendlyName: string, attributes: object, since: string) => {
    // Offline most of the time, as agents outside their shift are.
    const roll = rng.next();
    const activity = activities[roll < 0.5 ? 0 : roll < 0.75 ? 1 : roll < 0.9 ? 2 : 3];
    const record: WorkerRecord = {
      seq: store.nextSeq(),
      sid,
      accountSid: account.record.sid,
      workspaceSid: workspace.sid,
      friendlyName,
      activitySid: (activity ?? workspace.defaultActivity).sid,
      attributes: JSON.stringify(attributes),
      dateCreated: since,
      dateUpdated: since,
      dateStatusChanged: isoSeconds(now - rng.int(STATUS_WINDOW_MS)),
    };
    workspace.addWorker(record);
  };

  const flexUsernames = new Set<string>();
  for (const user of account.flexUsers.values()) {
    flexUsernames.add(user.username);
    if (user.workerSid === null) continue;
    worker(
      user.workerSid,
      user.username,
      {
        full_name: user.fullName,
        email: user.email,
        roles: user.roles,
        routing: { skills: [rng.pick(SKILLS)], levels: {} },
      },
      user.createdDate,
    );
  }
  for (const user of account.defaultService.users.values()) {
    if (flexUsernames.has(user.identity) || !rng.chance(ORPHAN_WORKER_SHARE)) continue;
    worker(newSid('WK', rng), user.identity, { full_name: user.friendlyName }, user.dateCreated);
  }
  for (const name of UNNAMED_WORKERS) worker(newSid('WK', rng), name, {}, created);
}
