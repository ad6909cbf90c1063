import type { ActivityRecord, WorkerRecord, WorkspaceState } from '../workspace.js';

const workspaceUrl = (base: string, workspaceSid: string) =>
  `${base}/v1/Workspaces/${workspaceSid}`;

/**
 * `taskrouter.v1.workspace.worker`. The spec says `attributes` is shown only by a fetch of the
 * single worker and is null in lists "even if it has a value" (its list example shows `{}`; the
 * description is followed, as for Chat's `is_online`).
 */
export function worker(
  workspace: WorkspaceState,
  record: WorkerRecord,
  base: string,
  fetched: boolean,
) {
  const activity = workspace.activityOf(record);
  const space = workspaceUrl(base, record.workspaceSid);
  const url = `${space}/Workers/${record.sid}`;
  return {
    account_sid: record.accountSid,
    activity_name: activity.friendlyName,
    activity_sid: activity.sid,
    attributes: fetched ? record.attributes : null,
    available: activity.available,
    date_created: record.dateCreated,
    date_status_changed: record.dateStatusChanged,
    date_updated: record.dateUpdated,
    friendly_name: record.friendlyName,
    sid: record.sid,
    workspace_sid: record.workspaceSid,
    url,
    links: {
      channels: `${url}/Channels`,
      activity: `${space}/Activities/${activity.sid}`,
      workspace: space,
      statistics: `${space}/Workers/Statistics`,
      real_time_statistics: `${space}/Workers/RealTimeStatistics`,
      cumulative_statistics: `${space}/Workers/CumulativeStatistics`,
      worker_statistics: `${url}/Statistics`,
      worker_channels: `${url}/Channels`,
      reservations: `${url}/Reservations`,
    },
  };
}

/** `taskrouter.v1.workspace.activity`. */
export function activity(record: ActivityRecord, base: string) {
  const space = workspaceUrl(base, record.workspaceSid);
  return {
    account_sid: record.accountSid,
    available: record.available,
    date_created: record.dateCreated,
    date_updated: record.dateUpdated,
    friendly_name: record.friendlyName,
    sid: record.sid,
    workspace_sid: record.workspaceSid,
    url: `${space}/Activities/${record.sid}`,
    links: { workspace: space },
  };
}
