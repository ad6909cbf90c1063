/**
 * Turns Twilio records into the gateway schema's shapes, so that the SDK and Mesh clients answer
 * with exactly what the GraphQL contenders answer (and the bench can check they did the same work).
 */
import type { SdkChatUser, SdkConversationsUser, SdkFlexUser } from './types.js';

type Row = Record<string, unknown>;

/** Keeps the listed fields, in that order, null where absent (as GraphQL would). */
/** The gateway's FlexUser.roles is an enum (AGENT, …), Twilio's strings upper-cased. */
const asRoleEnum = (roles: unknown) =>
  Array.isArray(roles) ? roles.map((role) => String(role).toUpperCase()) : roles;

export function pick(object: Row | null | undefined, fields: readonly string[]): Row | null {
  if (!object) return null;
  const out: Row = {};
  for (const field of fields) out[field] = object[field] ?? null;
  return out;
}

function parseAttributes(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? null;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/**
 * Twilio's second-precision UTC form (`2024-07-31T04:00:00Z`), which the gateway's DateTime
 * keeps; the SDK turns dates into Date objects and Mesh's DateTime adds milliseconds.
 */
function iso(value: unknown): string | null {
  if (value == null) return null;
  if (typeof value === 'string') return value.replace(/\.000Z$/, 'Z');
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) return null;
  return value.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A Flex user record from v1 (list), v2 or v4 (snake_case, as REST and Mesh return it). */
export function flexFromRecord(r: Row | null | undefined): Row | null {
  if (!r) return null;
  const worker = (r.worker ?? {}) as Row;
  return {
    sid: r.flex_user_sid,
    accountSid: r.account_sid,
    instanceSid: r.instance_sid,
    userSid: r.user_sid,
    workerSid: r.worker_sid ?? worker.worker_sid,
    workspaceSid: r.workspace_sid ?? worker.workspace_sid,
    flexTeamSid: r.flex_team_sid,
    username: r.username,
    fullName: r.full_name,
    email: r.email,
    locale: r.locale,
    roles: asRoleEnum(r.roles),
    createdDate: iso(r.created_date),
    updatedDate: iso(r.updated_date),
    version: r.version,
    deactivated: r.deactivated,
    deactivatedDate: iso(r.deactivated_date),
    url: r.url,
  };
}

/** A Conversations user record (snake_case). */
export function conversationsFromRecord(r: Row | null | undefined): Row | null {
  if (!r) return null;
  return {
    sid: r.sid,
    accountSid: r.account_sid,
    chatServiceSid: r.chat_service_sid,
    roleSid: r.role_sid,
    identity: r.identity,
    friendlyName: r.friendly_name,
    attributes: parseAttributes(r.attributes),
    isOnline: r.is_online,
    isNotifiable: r.is_notifiable,
    dateCreated: iso(r.date_created),
    dateUpdated: iso(r.date_updated),
    url: r.url,
  };
}

/** A Chat user record (snake_case). */
export function chatFromRecord(r: Row | null | undefined): Row | null {
  if (!r) return null;
  return {
    sid: r.sid,
    accountSid: r.account_sid,
    serviceSid: r.service_sid,
    roleSid: r.role_sid,
    identity: r.identity,
    friendlyName: r.friendly_name,
    attributes: parseAttributes(r.attributes),
    isOnline: r.is_online,
    isNotifiable: r.is_notifiable,
    joinedChannelsCount: r.joined_channels_count,
    dateCreated: iso(r.date_created),
    dateUpdated: iso(r.date_updated),
    url: r.url,
  };
}

export function flexFromSdk(u: SdkFlexUser | null): Row | null {
  if (!u) return null;
  return {
    sid: u.flexUserSid,
    accountSid: u.accountSid,
    instanceSid: u.instanceSid,
    userSid: u.userSid,
    workerSid: u.workerSid,
    workspaceSid: u.workspaceSid,
    flexTeamSid: u.flexTeamSid,
    username: u.username,
    email: u.email,
    locale: u.locale,
    roles: asRoleEnum(u.roles),
    createdDate: iso(u.createdDate),
    updatedDate: iso(u.updatedDate),
    version: u.version,
    url: u.url,
  };
}

export function conversationsFromSdk(u: SdkConversationsUser | null): Row | null {
  if (!u) return null;
  return {
    sid: u.sid,
    accountSid: u.accountSid,
    chatServiceSid: u.chatServiceSid,
    roleSid: u.roleSid,
    identity: u.identity,
    friendlyName: u.friendlyName,
    attributes: parseAttributes(u.attributes),
    isOnline: u.isOnline,
    isNotifiable: u.isNotifiable,
    dateCreated: iso(u.dateCreated),
    dateUpdated: iso(u.dateUpdated),
    url: u.url,
  };
}

export function chatFromSdk(u: SdkChatUser | null): Row | null {
  if (!u) return null;
  return {
    sid: u.sid,
    accountSid: u.accountSid,
    serviceSid: u.serviceSid,
    roleSid: u.roleSid,
    identity: u.identity,
    friendlyName: u.friendlyName,
    attributes: parseAttributes(u.attributes),
    isOnline: u.isOnline,
    isNotifiable: u.isNotifiable,
    joinedChannelsCount: u.joinedChannelsCount,
    dateCreated: iso(u.dateCreated),
    dateUpdated: iso(u.dateUpdated),
    url: u.url,
  };
}

/** Null for the SDK's 404 (RestException has a numeric `status`); rethrows anything else. */
export async function orNullOn404<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (error) {
    if ((error as { status?: unknown }).status === 404) return null;
    throw error;
  }
}

/** The rows of a Mesh alias that failed with 404 come back null with an error: keep the null. */
export function meshField<T>(
  data: Record<string, unknown> | null | undefined,
  alias: string,
): T | null {
  return (data?.[alias] as T | undefined) ?? null;
}

/** Sorts chat users by service so lists from different contenders compare equal. */
export function byService(users: unknown): unknown {
  if (!Array.isArray(users)) return users;
  const service = (row: Row) => (typeof row.serviceSid === 'string' ? row.serviceSid : '');
  return [...(users as Row[])].sort((a, b) => service(a).localeCompare(service(b)));
}
