import type { FastifyInstance, FastifyRequest } from 'fastify';
import { readPage, readPageRequest } from '../pages.js';
import { param, type Params } from '../params.js';
import { accountOf, baseUrlOf, pathParam, queryOf } from '../request-context.js';
import { resource } from '../resource.js';
import { SeqList } from '../seq-list.js';
import { SID_PATTERNS } from '../sids.js';
import { invalidParameter, notFound } from '../twilio-errors.js';
import { activity, worker } from '../views/taskrouter.js';
import type { WorkerRecord, WorkspaceState } from '../workspace.js';

/** TaskRouter lists allow PageSize up to 1000 (twilio_taskrouter_v1.json). */
const MAX_PAGE = 1000;

/** Filters of ListWorker the emulator does not evaluate: refused rather than silently ignored. */
const UNSUPPORTED_WORKER_FILTERS = [
  'TargetWorkersExpression',
  'TaskQueueName',
  'TaskQueueSid',
  'Ordering',
];

/** The account's own workspace; any other WorkspaceSid (bad pattern, other account's) is 404. */
function workspaceOf(request: FastifyRequest): WorkspaceState {
  const sid = pathParam(request, 'WorkspaceSid');
  const { workspace } = accountOf(request);
  if (!SID_PATTERNS.workspace.test(sid) || sid !== workspace.sid) {
    throw notFound(request.twilioPath);
  }
  return workspace;
}

function workerOf(request: FastifyRequest, workspace: WorkspaceState): WorkerRecord {
  const sid = pathParam(request, 'Sid');
  const found = SID_PATTERNS.worker.test(sid) ? workspace.workersBySid.get(sid) : undefined;
  if (found === undefined) throw notFound(request.twilioPath);
  return found;
}

/** "true", "1" or "yes" mean available; anything else unavailable (the spec's description). */
const isTrue = (value: string) => ['true', '1', 'yes'].includes(value.toLowerCase());

/** The workers a ListWorker query selects, in creation order, and the filters it used. */
function selectWorkers(workspace: WorkspaceState, query: Params) {
  for (const name of UNSUPPORTED_WORKER_FILTERS) {
    if (param(query, name) !== undefined) {
      throw invalidParameter(name, 'is not supported by this emulator');
    }
  }
  const filters: Record<string, string> = {};
  const checks: ((w: WorkerRecord) => boolean)[] = [];
  const friendlyName = param(query, 'FriendlyName');
  if (friendlyName !== undefined) {
    filters.FriendlyName = friendlyName;
    checks.push((w) => w.friendlyName.toLowerCase() === friendlyName.toLowerCase());
  }
  const activityName = param(query, 'ActivityName');
  if (activityName !== undefined) {
    filters.ActivityName = activityName;
    checks.push((w) => workspace.activityOf(w).friendlyName === activityName);
  }
  const activitySid = param(query, 'ActivitySid');
  if (activitySid !== undefined) {
    filters.ActivitySid = activitySid;
    checks.push((w) => workspace.activityOf(w).sid === activitySid);
  }
  const available = param(query, 'Available');
  if (available !== undefined) {
    filters.Available = available;
    checks.push((w) => workspace.activityOf(w).available === isTrue(available));
  }
  if (checks.length === 0) return { list: workspace.workers, filters };
  const list = new SeqList<WorkerRecord>();
  for (const w of workspace.workers.values()) if (checks.every((check) => check(w))) list.push(w);
  return { list, filters };
}

/** TaskRouter v1: the account's workspace's workers (created by Flex provisioning) and activities. */
export function registerTaskRouterRoutes(app: FastifyInstance): void {
  resource(app, '/v1/Workspaces/:WorkspaceSid/Workers', {
    GET: (request, reply) => {
      const workspace = workspaceOf(request);
      const query = queryOf(request);
      const { list, filters } = selectWorkers(workspace, query);
      const base = baseUrlOf(request);
      const page = readPage(
        list,
        readPageRequest(query, MAX_PAGE),
        `${base}/v1/Workspaces/${workspace.sid}/Workers`,
        'workers',
        filters,
      );
      void reply.send({
        workers: page.items.map((w) => worker(workspace, w, base, false)),
        meta: page.meta,
      });
    },
  });

  resource(app, '/v1/Workspaces/:WorkspaceSid/Workers/:Sid', {
    GET: (request, reply) => {
      const workspace = workspaceOf(request);
      void reply.send(worker(workspace, workerOf(request, workspace), baseUrlOf(request), true));
    },
    // Deleting a worker through TaskRouter leaves the Flex user's worker_sid naming it, as in
    // Twilio: only Deprovision unlinks it.
    DELETE: (request, reply) => {
      const workspace = workspaceOf(request);
      workspace.removeWorker(workerOf(request, workspace));
      void reply.code(204).send();
    },
  });

  resource(app, '/v1/Workspaces/:WorkspaceSid/Activities', {
    GET: (request, reply) => {
      const workspace = workspaceOf(request);
      const base = baseUrlOf(request);
      const page = readPage(
        workspace.activities,
        readPageRequest(queryOf(request), MAX_PAGE),
        `${base}/v1/Workspaces/${workspace.sid}/Activities`,
        'activities',
      );
      void reply.send({
        activities: page.items.map((a) => activity(a, base)),
        meta: page.meta,
      });
    },
  });

  resource(app, '/v1/Workspaces/:WorkspaceSid/Activities/:Sid', {
    GET: (request, reply) => {
      const workspace = workspaceOf(request);
      const sid = pathParam(request, 'Sid');
      const found = SID_PATTERNS.activity.test(sid)
        ? workspace.activitiesBySid.get(sid)
        : undefined;
      if (found === undefined) throw notFound(request.twilioPath);
      void reply.send(activity(found, baseUrlOf(request)));
    },
  });
}
