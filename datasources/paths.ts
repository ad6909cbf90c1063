import { InvalidUpstreamInput } from './errors.js';
import type { PageRequest } from './records.js';
import { isSid, SID_PREFIXES, type SidKind } from './sids.js';

/**
 * A request target (path and query) Twilio will receive. Only this module makes one, so no caller
 * can interpolate a string into an upstream URL: every SID is checked against its pattern and
 * every free-text value is refused or percent-encoded here.
 */
export type UpstreamTarget = string & { readonly __upstreamTarget: unique symbol };

/** A user as Twilio's `/Users/{Sid}` paths take it: by its US… SID or by its identity. */
export type UserRef = { sid: string } | { identity: string };

type Query = Record<string, string | number | undefined>;

/**
 * Why a free-text value cannot go to Twilio, or null when it can. Dot-only values are refused
 * although they are encoded (`%2E`): RFC 3986 lets an intermediary decode and normalise them,
 * which would turn `/Users/..` into the service itself. A lone surrogate has no UTF-8 form:
 * encodeURIComponent throws on it and URLSearchParams silently sends U+FFFD instead.
 */
export function textProblem(value: string): string | null {
  if (value.length === 0) return 'must not be empty';
  if (/^\.+$/.test(value)) return 'must not be only dots';
  if (!value.isWellFormed()) return 'must be valid Unicode (it has a lone surrogate)';
  return null;
}

function text(what: string, value: string): string {
  const problem = textProblem(value);
  if (problem !== null) throw new InvalidUpstreamInput(`${what} ${problem}`, what);
  // encodeURIComponent keeps `.`; encoding it too means no segment is ever a path step.
  return encodeURIComponent(value).replaceAll('.', '%2E');
}

function sid(kind: SidKind, what: string, value: string): string {
  if (!isSid(kind, value)) {
    throw new InvalidUpstreamInput(
      `Expected ${what} (${SID_PREFIXES[kind]} + 32 hex digits), got ${JSON.stringify(value)}`,
      what,
    );
  }
  return value;
}

function user(ref: UserRef): string {
  return 'sid' in ref ? sid('user', 'a user SID', ref.sid) : text('identity', ref.identity);
}

function target(segments: string[], query?: Query): UpstreamTarget {
  let search = '';
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    const encoded = typeof value === 'number' ? String(value) : text(name.toLowerCase(), value);
    search += `${search ? '&' : '?'}${name}=${encoded}`;
  }
  return `${segments.join('/')}${search}` as UpstreamTarget;
}

/** Twilio's query parameters for one page of a list. */
const page = (p: PageRequest): Query => ({
  PageSize: p.pageSize,
  PageToken: p.pageToken ?? undefined,
});

const flexUsers = (version: string, instanceSid: string) => [
  version,
  'Instances',
  sid('flexInstance', 'a Flex instance SID', instanceSid),
  'Users',
];
const flexUserSid = (value: string) => sid('flexUser', 'a Flex user SID', value);
const chatUsers = (serviceSid: string) => [
  'v2',
  'Services',
  sid('chatService', 'a chat service SID', serviceSid),
  'Users',
];

/** `/v1` is the account's default Conversations service; `/v1/Services/{IS…}` any service. */
const conversationsScope = (serviceSid: string | null) =>
  serviceSid === null
    ? ['v1']
    : ['v1', 'Services', sid('chatService', 'a chat service SID', serviceSid)];
const workers = (workspaceSid: string) => [
  'v1',
  'Workspaces',
  sid('workspace', 'a workspace SID', workspaceSid),
  'Workers',
];
/** The nested user routes take a SID or an identity; the gateway always sends the SID it holds. */
const chatUserSid = (serviceSid: string, userSid: string) => [
  ...chatUsers(serviceSid),
  sid('user', 'a user SID', userSid),
];

/**
 * Every upstream request target, one function per Twilio operation (named as the datasource
 * function that calls it). Relative to the product's base URL.
 */
export const paths = {
  flex: {
    fetchConfiguration: () => target(['v1', 'Configuration']),
    listFlexUsers: (instanceSid: string, p: PageRequest) =>
      target(flexUsers('v1', instanceSid), page(p)),
    fetchFlexUser: (instanceSid: string, sid: string) =>
      target([...flexUsers('v2', instanceSid), flexUserSid(sid)]),
    updateFlexUser: (instanceSid: string, sid: string) =>
      target([...flexUsers('v2', instanceSid), flexUserSid(sid)]),
    fetchFlexUserV4: (instanceSid: string, sid: string) =>
      target([...flexUsers('v4', instanceSid), flexUserSid(sid)]),
    fetchFlexUserByUsername: (instanceSid: string, username: string) =>
      target(flexUsers('v4', instanceSid), { Username: username }),
    provisionFlexUser: (instanceSid: string) =>
      target([...flexUsers('v4', instanceSid), 'Provision']),
    deprovisionFlexUser: (instanceSid: string) =>
      target([...flexUsers('v4', instanceSid), 'Deprovision']),
    checkFlexUserSid: flexUserSid,
  },
  conversations: {
    fetchUser: (ref: UserRef) => target(['v1', 'Users', user(ref)]),
    listUsers: (p: PageRequest) => target(['v1', 'Users'], page(p)),
    updateUser: (ref: UserRef) => target(['v1', 'Users', user(ref)]),
    deleteUser: (userSid: string) => target(['v1', 'Users', sid('user', 'a user SID', userSid)]),
    fetchServiceUser: (serviceSid: string, ref: UserRef) =>
      target([...conversationsScope(serviceSid), 'Users', user(ref)]),
    /** The nested route takes the user's US… SID only: callers resolve an identity first. */
    listUserConversations: (serviceSid: string | null, userSid: string, p: PageRequest) =>
      target(
        [
          ...conversationsScope(serviceSid),
          'Users',
          sid('user', 'a user SID', userSid),
          'Conversations',
        ],
        page(p),
      ),
    fetchConversation: (serviceSid: string | null, conversationSid: string) =>
      target([
        ...conversationsScope(serviceSid),
        'Conversations',
        sid('conversation', 'a conversation SID', conversationSid),
      ]),
  },
  chat: {
    fetchService: (serviceSid: string) =>
      target(['v2', 'Services', sid('chatService', 'a chat service SID', serviceSid)]),
    fetchUser: (serviceSid: string, ref: UserRef) => target([...chatUsers(serviceSid), user(ref)]),
    listUsers: (serviceSid: string, p: PageRequest) => target(chatUsers(serviceSid), page(p)),
    updateUser: (serviceSid: string, ref: UserRef) => target([...chatUsers(serviceSid), user(ref)]),
    deleteUser: (serviceSid: string, userSid: string) => target(chatUserSid(serviceSid, userSid)),
    /** DeleteMember: the member (MB…) of a channel (CH…), as a user's channel list names them. */
    deleteMember: (serviceSid: string, channelSid: string, memberSid: string) =>
      target([
        'v2',
        'Services',
        sid('chatService', 'a chat service SID', serviceSid),
        'Channels',
        sid('channel', 'a channel SID', channelSid),
        'Members',
        sid('participant', 'a member SID', memberSid),
      ]),
    listUserChannels: (serviceSid: string, userSid: string, p: PageRequest) =>
      target([...chatUserSid(serviceSid, userSid), 'Channels'], page(p)),
    listUserBindings: (serviceSid: string, userSid: string, p: PageRequest) =>
      target([...chatUserSid(serviceSid, userSid), 'Bindings'], page(p)),
  },
  taskrouter: {
    fetchWorker: (workspaceSid: string, workerSid: string) =>
      target([...workers(workspaceSid), sid('worker', 'a worker SID', workerSid)]),
    listWorkers: (workspaceSid: string, filter: { friendlyName?: string }, p: PageRequest) =>
      target(workers(workspaceSid), { FriendlyName: filter.friendlyName, ...page(p) }),
    deleteWorker: (workspaceSid: string, workerSid: string) =>
      target([...workers(workspaceSid), sid('worker', 'a worker SID', workerSid)]),
  },
};
