import type { FlexUserRecord, WorkerRecord } from '../datasources/records.js';
import type { QueryResolvers } from '../generated/resolvers-types.js';
import { readConnection } from './connection.js';
import type { Context } from './context.js';
import { fetchedField } from './fetched-field.js';
import { badInput } from './scalars.js';

/** Twilio's PageSize maximum for ListWorker (twilio_taskrouter_v1.json). */
const MAX_WORKERS_PAGE_SIZE = 1000;

/** The workspace an operation means: the one it names, else the one Flex's Configuration names. */
async function workspace(ctx: Context, workspaceSid?: string | null): Promise<string> {
  const sid = workspaceSid ?? (await ctx.defaults.workspaceSid());
  if (!sid) {
    throw badInput(
      "No TaskRouter workspace known for this account (Flex's Configuration names none): pass workspaceSid (WS…)",
    );
  }
  return sid;
}

/**
 * A Flex user's worker. A record that carries `worker_sid` (v2 fetch, v1 list, v4 fetch,
 * Provision) names it: one fetch by SID, none when it is null. The by-username read leaves
 * `worker_sid` out; rather than fetch the Flex user again first (one more round trip), the worker
 * is found by its friendly name, which Flex sets to the username. A deactivated user has none.
 */
export async function workerOfFlexUser(
  record: FlexUserRecord,
  ctx: Context,
): Promise<WorkerRecord | null> {
  if (record.deactivated === true) return null;
  const workspaceSid = record.workspace_sid ?? (await ctx.defaults.workspaceSid());
  if (!workspaceSid) return null;
  if ('worker_sid' in record || !record.username) {
    const sid = await fetchedField(record, 'worker_sid', () =>
      ctx.loaders.flexUserV4.load({ instanceSid: record.instance_sid, sid: record.flex_user_sid }),
    );
    return sid ? ctx.loaders.worker.load({ workspaceSid, sid }) : null;
  }
  return ctx.loaders.workerByFriendlyName.load({ workspaceSid, friendlyName: record.username });
}

/**
 * The Flex user a worker belongs to: the active Flex user whose username is the worker's friendly
 * name and whose `worker_sid` is this worker (a worker made through TaskRouter with a username
 * for a name belongs to no one). The by-username read lacks `worker_sid`, so the v4 fetch adds it.
 */
export async function flexUserOfWorker(
  worker: WorkerRecord,
  ctx: Context,
): Promise<FlexUserRecord | null> {
  if (!worker.friendly_name) return null;
  const instanceSid = await ctx.defaults.flexInstanceSid();
  if (!instanceSid) return null;
  const flexUser = await ctx.loaders.flexUserByUsername.load({
    instanceSid,
    username: worker.friendly_name,
  });
  if (!flexUser || flexUser.deactivated === true) return null;
  const workerSid = await fetchedField(flexUser, 'worker_sid', () =>
    ctx.loaders.flexUserV4.load({ instanceSid, sid: flexUser.flex_user_sid }),
  );
  return workerSid === worker.sid ? flexUser : null;
}

/** The root fields over TaskRouter workers. */
export const workerQueries: Pick<QueryResolvers, 'worker' | 'workers'> = {
  worker: async (_root, { sid, workspaceSid }, ctx) =>
    ctx.loaders.worker.load({ workspaceSid: await workspace(ctx, workspaceSid), sid }),
  workers: async (_root, { workspaceSid, friendlyName, first, after }, ctx) => {
    const sid = await workspace(ctx, workspaceSid);
    return readConnection({ first, after }, MAX_WORKERS_PAGE_SIZE, (page) =>
      ctx.apis.taskrouter.listWorkers(sid, { friendlyName: friendlyName ?? undefined }, page),
    );
  },
};
