import type { WorkerResolvers } from '../generated/resolvers-types.js';
import { fetchedField } from './fetched-field.js';
import { toGlobalId } from './global-id.js';
import { parseAttributes } from './joins.js';
import { flexUserOfWorker } from './worker-joins.js';

export const Worker: WorkerResolvers = {
  id: (record) =>
    toGlobalId({ type: 'Worker', workspaceSid: record.workspace_sid, sid: record.sid }),
  sid: (record) => record.sid,
  workspaceSid: (record) => record.workspace_sid,
  accountSid: (record) => record.account_sid ?? null,
  friendlyName: (record) => record.friendly_name ?? null,
  activityName: (record) => record.activity_name ?? null,
  activitySid: (record) => record.activity_sid ?? null,
  available: (record) => record.available ?? null,
  // A list read says null here whatever the worker has; a record from a list lacks the key.
  attributes: async (record, _args, { loaders }) =>
    parseAttributes(
      await fetchedField(record, 'attributes', () =>
        loaders.worker.load({ workspaceSid: record.workspace_sid, sid: record.sid }),
      ),
    ),
  dateStatusChanged: (record) => record.date_status_changed ?? null,
  dateCreated: (record) => record.date_created ?? null,
  dateUpdated: (record) => record.date_updated ?? null,
  url: (record) => record.url ?? null,

  flexUser: (record, _args, ctx) => flexUserOfWorker(record, ctx),
  user: (record) => (record.friendly_name ? { identity: record.friendly_name } : null),
};
