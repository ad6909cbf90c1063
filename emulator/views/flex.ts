import type { FlexUserRecord } from '../records.js';

/**
 * The Flex user as the beta Users API shows it (v1 list and v4 fetch): no `user_sid`, no `url`
 * (Flex Users API page). Keys in the order of Twilio's examples.
 */
export function flexUserV4(user: FlexUserRecord) {
  return {
    account_sid: user.accountSid,
    created_date: user.createdDate,
    deactivated: user.deactivated,
    deactivated_date: user.deactivatedDate,
    email: user.email,
    flex_team_sid: user.flexTeamSid,
    flex_user_sid: user.flexUserSid,
    full_name: user.fullName,
    instance_sid: user.instanceSid,
    locale: user.locale,
    roles: user.roles,
    updated_date: user.updatedDate,
    username: user.username,
    version: user.version,
    worker_sid: user.workerSid,
    workspace_sid: user.workspaceSid,
  };
}

/** The by-username lookup's items omit `worker_sid` (the documented example does). */
export function flexUserByUsername(user: FlexUserRecord) {
  const { worker_sid: _workerSid, ...rest } = flexUserV4(user);
  return rest;
}

/** The Provision response nests the worker instead of flat worker fields. */
export function provisionedFlexUser(user: FlexUserRecord) {
  return {
    account_sid: user.accountSid,
    flex_user_sid: user.flexUserSid,
    instance_sid: user.instanceSid,
    username: user.username,
    email: user.email,
    full_name: user.fullName,
    flex_team_sid: user.flexTeamSid,
    roles: user.roles,
    locale: user.locale,
    worker: { worker_sid: user.workerSid, workspace_sid: user.workspaceSid },
    deactivated: user.deactivated,
    created_date: user.createdDate,
    updated_date: user.updatedDate,
    deactivated_date: user.deactivatedDate,
    version: user.version,
  };
}

/** `flex.v2.flex_user` from twilio_flex_v2.json: has `user_sid` and `url`, no name or deactivation. */
export function flexUserV2(user: FlexUserRecord, base: string) {
  return {
    account_sid: user.accountSid,
    instance_sid: user.instanceSid,
    user_sid: user.userSid,
    flex_user_sid: user.flexUserSid,
    worker_sid: user.workerSid,
    workspace_sid: user.workspaceSid,
    flex_team_sid: user.flexTeamSid,
    username: user.username,
    email: user.email,
    locale: user.locale,
    roles: user.roles,
    created_date: user.createdDate,
    updated_date: user.updatedDate,
    version: user.version,
    url: `${base}/v2/Instances/${user.instanceSid}/Users/${user.flexUserSid}`,
  };
}
