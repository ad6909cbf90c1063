import type { Http } from './http.js';
import { twilioForm } from './form.js';
import { toPage } from './pages.js';
import { paths } from './paths.js';
import type {
  FlexConfigurationRecord,
  FlexUserByUsernamePage,
  FlexUserRecord,
  FlexUserV2Record,
  FlexUserV4Record,
  Page,
  PageRequest,
  ProvisionedFlexUserRecord,
  TwilioPage,
} from './records.js';

export interface FlexUserChanges {
  email?: string;
  userSid?: string;
  locale?: string;
}

export interface FlexUserProvision {
  username: string;
  email: string;
  fullName: string;
  roles: string[];
  workerAttributes?: Record<string, unknown>;
}

/**
 * Flex v2 fetch/update and v1 Configuration (in Twilio's specs), and the v1 list and v4 operations of
 * the Flex Users API beta.
 */
export function createFlexApi(http: Http) {
  const listFlexUsers = async (
    instanceSid: string,
    page: PageRequest,
  ): Promise<Page<FlexUserRecord>> => {
    const body = await http.get<TwilioPage<'users', FlexUserV4Record>>(
      'listFlexUsers',
      paths.flex.listFlexUsers(instanceSid, page),
    );
    const { items, nextPageToken } = toPage(body, 'users');
    return { items: items.map((item) => withInstance(item, instanceSid)), nextPageToken };
  };
  return {
    /** Flex v1 Configuration; null when the account has no Flex (Twilio's 404). */
    fetchConfiguration: () =>
      http.getOrNull<FlexConfigurationRecord>(
        'fetchConfiguration',
        paths.flex.fetchConfiguration(),
      ),

    listFlexUsers,

    /**
     * The same list read, for the `people` search: the one list read the cross-request cache
     * serves (read-cache/cached-apis.ts), so `flexUsers` and the reconciliation scan stay fresh.
     */
    scanFlexUsersPage: listFlexUsers,

    /** null when the instance has no such user (Twilio's 404). */
    fetchFlexUser: async (instanceSid: string, sid: string): Promise<FlexUserRecord | null> => {
      const record = await http.getOrNull<FlexUserV2Record>(
        'fetchFlexUser',
        paths.flex.fetchFlexUser(instanceSid, sid),
      );
      return record && withInstance(record, instanceSid, sid);
    },

    updateFlexUser: async (
      instanceSid: string,
      sid: string,
      changes: FlexUserChanges,
    ): Promise<FlexUserRecord> =>
      withInstance(
        await http.postForm<FlexUserV2Record>(
          'updateFlexUser',
          paths.flex.updateFlexUser(instanceSid, sid),
          twilioForm({ Email: changes.email, UserSid: changes.userSid, Locale: changes.locale }),
        ),
        instanceSid,
        sid,
      ),

    /** v4 fetch: the only single-user read that carries full_name and deactivated. null on 404. */
    fetchFlexUserV4: async (instanceSid: string, sid: string): Promise<FlexUserRecord | null> => {
      const record = await http.getOrNull<FlexUserV4Record>(
        'fetchFlexUserV4',
        paths.flex.fetchFlexUserV4(instanceSid, sid),
      );
      return record && withInstance(record, instanceSid, sid);
    },

    /** Twilio answers an unknown username with an empty list, not a 404: that is null here. */
    fetchFlexUserByUsername: async (
      instanceSid: string,
      username: string,
    ): Promise<FlexUserRecord | null> => {
      const body = await http.get<FlexUserByUsernamePage>(
        'fetchFlexUserByUsername',
        paths.flex.fetchFlexUserByUsername(instanceSid, username),
      );
      const [found] = body.users;
      return found ? withInstance(found, instanceSid) : null;
    },

    /** Create-or-update by username, so Twilio documents it as safe to repeat: it is retried. */
    provisionFlexUser: async (
      instanceSid: string,
      provision: FlexUserProvision,
    ): Promise<FlexUserRecord> => {
      const body = await http.postJson<ProvisionedFlexUserRecord>(
        'provisionFlexUser',
        paths.flex.provisionFlexUser(instanceSid),
        {
          username: provision.username,
          email: provision.email,
          full_name: provision.fullName,
          roles: provision.roles,
          worker: provision.workerAttributes ? { attributes: provision.workerAttributes } : {},
        },
        true,
      );
      const { worker, ...flat } = body;
      return withInstance(
        {
          ...flat,
          worker_sid: worker?.worker_sid ?? null,
          workspace_sid: worker?.workspace_sid ?? null,
        },
        instanceSid,
      );
    },

    deprovisionFlexUser: (instanceSid: string, sid: string): Promise<void> =>
      http.postJsonNoContent(
        'deprovisionFlexUser',
        paths.flex.deprovisionFlexUser(instanceSid),
        // The body's SID is checked like a path part: Twilio would act on whatever it names.
        { flex_user_sid: paths.flex.checkFlexUserSid(sid) },
      ),
  };
}

export type FlexApi = ReturnType<typeof createFlexApi>;

/** v2 names the key flex_user_sid like v4 does, but every key is optional in the spec. */
function withInstance(
  record: Partial<FlexUserV2Record> | FlexUserV4Record,
  instanceSid: string,
  sid?: string,
): FlexUserRecord {
  const flexUserSid = record.flex_user_sid ?? sid;
  if (!flexUserSid) throw new Error('Twilio returned a Flex user without flex_user_sid');
  return {
    ...record,
    flex_user_sid: flexUserSid,
    instance_sid: record.instance_sid ?? instanceSid,
  };
}
