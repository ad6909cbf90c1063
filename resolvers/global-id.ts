import { textProblem } from '../datasources/paths.js';
import { isSid, type SidKind } from '../datasources/sids.js';

/** The object kinds a global id can name, with the Twilio keys that find each again. */
export type GlobalIdTarget =
  | { type: 'User'; identity: string }
  | { type: 'FlexUser'; instanceSid: string; sid: string }
  | { type: 'ConversationsUser'; sid: string }
  | { type: 'ChatUser'; serviceSid: string; sid: string }
  /** A Conversations user of a configured non-default service. */
  | { type: 'ServiceConversationsUser'; chatServiceSid: string; sid: string }
  /** A conversation of the default service (`/v1/Conversations/{Sid}`). */
  | { type: 'Conversation'; sid: string }
  /** A conversation of a named service (`/v1/Services/{ChatServiceSid}/Conversations/{Sid}`). */
  | { type: 'ServiceConversation'; chatServiceSid: string; sid: string }
  | { type: 'Worker'; workspaceSid: string; sid: string }
  /** A reconciliation job of the request's tenant (RJ + 32 hex digits). */
  | { type: 'ReconciliationJob'; id: string };

type Check = (value: string) => boolean;
const sid =
  (kind: SidKind): Check =>
  (value) =>
    isSid(kind, value);
const identity: Check = (value) => textProblem(value) === null;

/** Each type's keys, in the order the id carries them, with the check each must pass. */
const KEYS = {
  User: [['identity', identity]],
  FlexUser: [
    ['instanceSid', sid('flexInstance')],
    ['sid', sid('flexUser')],
  ],
  ConversationsUser: [['sid', sid('user')]],
  ChatUser: [
    ['serviceSid', sid('chatService')],
    ['sid', sid('user')],
  ],
  ServiceConversationsUser: [
    ['chatServiceSid', sid('chatService')],
    ['sid', sid('user')],
  ],
  Conversation: [['sid', sid('conversation')]],
  ServiceConversation: [
    ['chatServiceSid', sid('chatService')],
    ['sid', sid('conversation')],
  ],
  Worker: [
    ['workspaceSid', sid('workspace')],
    ['sid', sid('worker')],
  ],
  ReconciliationJob: [['id', (value) => /^RJ[0-9a-f]{32}$/.test(value)]],
} as const satisfies Record<GlobalIdTarget['type'], readonly (readonly [string, Check])[]>;

/** Opaque by contract (clients must not decode it): base64url of the type and its keys. */
export function toGlobalId(target: GlobalIdTarget): string {
  const { type, ...keys } = target;
  const values = KEYS[type].map(([name]) => (keys as Record<string, string>)[name]);
  return Buffer.from(JSON.stringify([type, ...values]), 'utf8').toString('base64url');
}

/**
 * The target of an id, or null when it is not one this gateway could have made: an unknown type,
 * the wrong number of keys, or a key that fails its type's check (a SID of the wrong kind, an
 * identity Twilio could not be asked for). Nothing decoded from an id reaches Twilio unchecked.
 */
export function fromGlobalId(id: string): GlobalIdTarget | null {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(id, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(parts) || !parts.every((part) => typeof part === 'string')) return null;
  const [type, ...values] = parts;
  if (type === undefined || !Object.hasOwn(KEYS, type)) return null;
  const keys = KEYS[type as GlobalIdTarget['type']];
  if (values.length !== keys.length) return null;
  const target: Record<string, string> = { type };
  for (const [i, [name, check]] of keys.entries()) {
    const value = values[i] as string;
    if (!check(value)) return null;
    target[name] = value;
  }
  return target as GlobalIdTarget;
}
