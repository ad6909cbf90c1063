import { SeqList } from './seq-list.js';

/** A TaskRouter activity (`taskrouter.v1.workspace.activity`): a state a worker can be in. */
export interface ActivityRecord {
  seq: number;
  sid: string;
  accountSid: string;
  workspaceSid: string;
  friendlyName: string;
  /** Whether a worker in this activity may be offered tasks. */
  available: boolean;
  dateCreated: string;
  dateUpdated: string;
}

/** A TaskRouter worker (`taskrouter.v1.workspace.worker`). */
export interface WorkerRecord {
  seq: number;
  sid: string;
  accountSid: string;
  workspaceSid: string;
  /** Unique in the workspace, compared case-insensitively (the spec's description). */
  friendlyName: string;
  activitySid: string;
  /** A JSON object as a string, as TaskRouter stores and returns it. */
  attributes: string;
  dateCreated: string;
  dateUpdated: string;
  dateStatusChanged: string;
}

/**
 * The activities a new workspace has (Twilio creates Offline, Available and Unavailable; Flex
 * adds Break), the first being the default a new worker starts in.
 */
export const DEFAULT_ACTIVITIES: readonly { friendlyName: string; available: boolean }[] = [
  { friendlyName: 'Offline', available: false },
  { friendlyName: 'Available', available: true },
  { friendlyName: 'Unavailable', available: false },
  { friendlyName: 'Break', available: false },
];

/** An account's TaskRouter workspace: its activities and workers, by SID and by friendly name. */
export class WorkspaceState {
  readonly activities = new SeqList<ActivityRecord>();
  readonly activitiesBySid = new Map<string, ActivityRecord>();
  readonly workers = new SeqList<WorkerRecord>();
  readonly workersBySid = new Map<string, WorkerRecord>();
  private readonly workersByName = new Map<string, WorkerRecord>();

  constructor(readonly sid: string) {}

  /** The activity a new worker starts in (Offline). */
  get defaultActivity(): ActivityRecord {
    return this.activities.values()[0] as ActivityRecord;
  }

  addActivity(activity: ActivityRecord): void {
    this.activities.push(activity);
    this.activitiesBySid.set(activity.sid, activity);
  }

  /** Friendly names are case-insensitive in TaskRouter: `Alice` and `alice` are the same worker. */
  workerByFriendlyName(friendlyName: string): WorkerRecord | undefined {
    return this.workersByName.get(friendlyName.toLowerCase());
  }

  addWorker(worker: WorkerRecord): void {
    this.workers.push(worker);
    this.workersBySid.set(worker.sid, worker);
    this.workersByName.set(worker.friendlyName.toLowerCase(), worker);
  }

  removeWorker(worker: WorkerRecord): void {
    this.workers.remove(worker);
    this.workersBySid.delete(worker.sid);
    this.workersByName.delete(worker.friendlyName.toLowerCase());
  }

  activityOf(worker: WorkerRecord): ActivityRecord {
    return this.activitiesBySid.get(worker.activitySid) ?? this.defaultActivity;
  }
}
