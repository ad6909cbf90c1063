import { deleteOrGone } from './conversations.js';
import type { Http } from './http.js';
import { toPage } from './pages.js';
import { paths } from './paths.js';
import type { Page, PageRequest, TwilioPage, WorkerRecord } from './records.js';

/** What ListWorker can filter on, as the gateway offers it. */
export interface WorkerFilter {
  /** Twilio's `FriendlyName` (compared case-insensitively by TaskRouter). */
  friendlyName?: string;
}

/**
 * A worker as a list read returns it: Twilio answers `attributes` with null there "even if it has
 * a value", which is "not read", not "none": the key is dropped so that asking for it fetches.
 */
function fromListRead(record: WorkerRecord): WorkerRecord {
  const { attributes: _attributes, ...rest } = record;
  return rest;
}

/** TaskRouter v1: the workers of a workspace (Flex creates one per provisioned user). */
export function createTaskRouterApi(http: Http) {
  return {
    /** null when the workspace has no such worker (Twilio's 404: deleted on deprovision). */
    fetchWorker: (workspaceSid: string, workerSid: string) =>
      http.getOrNull<WorkerRecord>(
        'fetchWorker',
        paths.taskrouter.fetchWorker(workspaceSid, workerSid),
      ),

    listWorkers: async (
      workspaceSid: string,
      filter: WorkerFilter,
      page: PageRequest,
    ): Promise<Page<WorkerRecord>> => {
      const body = await http.get<TwilioPage<'workers', WorkerRecord>>(
        'listWorkers',
        paths.taskrouter.listWorkers(workspaceSid, filter, page),
      );
      const { items, nextPageToken } = toPage(body, 'workers');
      return { items: items.map(fromListRead), nextPageToken };
    },

    /**
     * DeleteWorker; false when the workspace has no such worker (404). For a worker no Flex user
     * links any more (offboarding): deprovisioning removes the linked one itself.
     */
    deleteWorker: (workspaceSid: string, workerSid: string) =>
      deleteOrGone(http, 'deleteWorker', paths.taskrouter.deleteWorker(workspaceSid, workerSid)),
  };
}

export type TaskRouterApi = ReturnType<typeof createTaskRouterApi>;
