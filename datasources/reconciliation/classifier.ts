import { flexUnescape } from '../flex-identity.js';
import type {
  ChatUserRecord,
  ConversationsUserRecord,
  FlexUserRecord,
  WorkerRecord,
} from '../records.js';

export type FindingKind =
  | 'DEACTIVATED_WITH_CONVERSATIONS_USER'
  | 'DEACTIVATED_WITH_CHAT_USERS'
  | 'DEACTIVATED_WITH_WORKER'
  | 'ACTIVE_WITHOUT_CONVERSATIONS_USER'
  | 'CONVERSATIONS_USER_WITHOUT_FLEX_USER'
  | 'CHAT_USER_WITHOUT_FLEX_USER'
  | 'WORKER_WITHOUT_FLEX_USER'
  | 'NAME_DRIFT'
  | 'ESCAPED_IDENTITY_ONLY';

export const FINDING_KINDS: readonly FindingKind[] = [
  'DEACTIVATED_WITH_CONVERSATIONS_USER',
  'DEACTIVATED_WITH_CHAT_USERS',
  'DEACTIVATED_WITH_WORKER',
  'ACTIVE_WITHOUT_CONVERSATIONS_USER',
  'CONVERSATIONS_USER_WITHOUT_FLEX_USER',
  'CHAT_USER_WITHOUT_FLEX_USER',
  'WORKER_WITHOUT_FLEX_USER',
  'NAME_DRIFT',
  'ESCAPED_IDENTITY_ONLY',
];

/**
 * One inconsistency. Small and flat (SIDs and identities, never whole records) so that findings
 * can be streamed out, stored in Redis or written as one NDJSON/CSV line each.
 */
export interface Finding {
  kind: FindingKind;
  /** The identity as the product holding the other record spells it (the Flex username if none). */
  identity: string;
  flexUserSid: string | null;
  /** The other product's record: a Conversations/Chat user (US…) or a worker (WK…). */
  otherSid: string | null;
  /** For Chat users: the service. */
  serviceSid: string | null;
  /** For NAME_DRIFT: the other product's friendly_name (Flex's full_name is kept only as a hash). */
  otherName: string | null;
}

/** What the classifier has seen of a Flex user: bits of PRESENT_* below. */
const ACTIVE = 1;
const HAS_CONVERSATIONS = 2;

/** FNV-1a, 32 bits: Flex's full_name is compared, never kept (a collision hides one drift in 4e9). */
function nameHash(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The key people are joined by: the unescaped identity, so both of Flex's forms meet. */
export function joinKey(identity: string): string {
  return flexUnescape(identity) ?? identity;
}

const SID_HEX = /^[A-Z]{2}[0-9a-f]{32}$/;

/**
 * The per-person index, built from the Flex list and then read by the other lists. Per Flex user
 * it holds the join key (a Map entry), the username only when it differs from the key (escaped
 * usernames: rare), 1 byte of flags, a 4-byte name hash and the SID as 16 bytes: no record is kept.
 * Records of the other products are never held: each is classified as it streams past.
 */
export interface IndexSnapshot {
  keys: string[];
  usernames: (string | null)[];
  flags: string;
  hashes: string;
  sids: string;
}

export class ReconciliationIndex {
  private readonly byKey = new Map<string, number>();
  private readonly usernames = new Map<number, string>();
  private flags = new Uint8Array(1024);
  private hashes = new Uint32Array(1024);
  private sids = new Uint8Array(1024 * 16);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Phase 1: one Flex user. A username seen twice (not expected) keeps the first. */
  addFlexUser(user: FlexUserRecord): void {
    const username = user.username ?? '';
    const key = joinKey(username);
    if (this.byKey.has(key) || !SID_HEX.test(user.flex_user_sid)) return;
    this.grow();
    const at = this.count++;
    this.byKey.set(key, at);
    if (username !== key) this.usernames.set(at, username);
    this.flags[at] = user.deactivated === true ? 0 : ACTIVE;
    this.hashes[at] = nameHash(user.full_name ?? '');
    this.sids.set(Buffer.from(user.flex_user_sid.slice(2), 'hex'), at * 16);
  }

  /** Phase 2: one Conversations user; its findings. */
  conversationsUser(user: ConversationsUserRecord): Finding[] {
    const at = this.byKey.get(joinKey(user.identity));
    if (at === undefined) {
      return [finding('CONVERSATIONS_USER_WITHOUT_FLEX_USER', user.identity, null, user.sid)];
    }
    this.flags[at]! |= HAS_CONVERSATIONS;
    return this.matched(at, user.identity, user.sid, null, user.friendly_name ?? null, [
      'DEACTIVATED_WITH_CONVERSATIONS_USER',
    ]);
  }

  /** Phase 3: one Chat user of a service; its findings. */
  chatUser(user: ChatUserRecord): Finding[] {
    const at = this.byKey.get(joinKey(user.identity));
    if (at === undefined) {
      return [
        {
          ...finding('CHAT_USER_WITHOUT_FLEX_USER', user.identity, null, user.sid),
          serviceSid: user.service_sid,
        },
      ];
    }
    return this.matched(at, user.identity, user.sid, user.service_sid, user.friendly_name ?? null, [
      'DEACTIVATED_WITH_CHAT_USERS',
    ]);
  }

  /** Phase 4: one worker, joined by its friendly_name (Flex names a worker after the username). */
  worker(worker: WorkerRecord): Finding[] {
    const name = worker.friendly_name ?? '';
    const at = this.byKey.get(joinKey(name));
    if (at === undefined) return [finding('WORKER_WITHOUT_FLEX_USER', name, null, worker.sid)];
    return this.matched(at, name, worker.sid, null, null, ['DEACTIVATED_WITH_WORKER']);
  }

  /** Last: active Flex users no Conversations user matched. Call once, after phase 2. */
  *unmatchedActive(): Generator<Finding> {
    for (const [key, at] of this.byKey) {
      if (this.flags[at] === ACTIVE) {
        const identity = this.usernames.get(at) ?? key;
        yield finding('ACTIVE_WITHOUT_CONVERSATIONS_USER', identity, this.sid(at), null);
      }
    }
  }

  snapshot(): IndexSnapshot {
    const keys = [...this.byKey.keys()];
    return {
      keys,
      usernames: keys.map((_, at) => this.usernames.get(at) ?? null),
      flags: Buffer.from(this.flags.subarray(0, this.count)).toString('base64'),
      hashes: Buffer.from(this.hashes.buffer, 0, this.count * 4).toString('base64'),
      sids: Buffer.from(this.sids.subarray(0, this.count * 16)).toString('base64'),
    };
  }

  static restore(snapshot: IndexSnapshot): ReconciliationIndex {
    const index = new ReconciliationIndex();
    const count = snapshot.keys.length;
    const hashes = Buffer.from(snapshot.hashes, 'base64');
    index.flags = new Uint8Array(Math.max(count, 1));
    index.flags.set(Buffer.from(snapshot.flags, 'base64'));
    index.hashes = new Uint32Array(Math.max(count, 1));
    index.hashes.set(
      new Uint32Array(hashes.buffer.slice(hashes.byteOffset, hashes.byteOffset + hashes.length)),
    );
    index.sids = new Uint8Array(Math.max(count, 1) * 16);
    index.sids.set(Buffer.from(snapshot.sids, 'base64'));
    snapshot.keys.forEach((key, at) => {
      index.byKey.set(key, at);
      const username = snapshot.usernames[at];
      if (username !== null && username !== undefined) index.usernames.set(at, username);
    });
    index.count = count;
    return index;
  }

  private matched(
    at: number,
    identity: string,
    otherSid: string,
    serviceSid: string | null,
    otherName: string | null,
    ifDeactivated: FindingKind[],
  ): Finding[] {
    const flexUserSid = this.sid(at);
    const out: Finding[] = [];
    const base = { identity, flexUserSid, otherSid, serviceSid, otherName: null };
    if ((this.flags[at]! & ACTIVE) === 0) {
      for (const kind of ifDeactivated) out.push({ ...base, kind });
    }
    const username = this.usernames.get(at) ?? joinKey(identity);
    if (username !== identity) out.push({ ...base, kind: 'ESCAPED_IDENTITY_ONLY' });
    // A product with no name (null) has not drifted: it simply never took one.
    if (otherName !== null && nameHash(otherName) !== this.hashes[at]) {
      out.push({ ...base, kind: 'NAME_DRIFT', otherName });
    }
    return out;
  }

  private sid(at: number): string {
    return `FU${Buffer.from(this.sids.subarray(at * 16, at * 16 + 16)).toString('hex')}`;
  }

  private grow(): void {
    if (this.count < this.flags.length) return;
    const size = this.flags.length * 2;
    const flags = new Uint8Array(size);
    flags.set(this.flags);
    const hashes = new Uint32Array(size);
    hashes.set(this.hashes);
    const sids = new Uint8Array(size * 16);
    sids.set(this.sids);
    this.flags = flags;
    this.hashes = hashes;
    this.sids = sids;
  }
}

function finding(
  kind: FindingKind,
  identity: string,
  flexUserSid: string | null,
  otherSid: string | null,
): Finding {
  return { kind, identity, flexUserSid, otherSid, serviceSid: null, otherName: null };
}
