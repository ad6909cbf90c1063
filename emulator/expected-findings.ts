import { flexEscape } from './flex-escape.js';
import type { FlexUserRecord } from './records.js';
import type { AccountState } from './store.js';

/**
 * The reconciliation kinds (docs/reconciliation.md), spelled as the gateway's classifier spells
 * them; the emulator keeps its own list so that it never imports the code it checks.
 */
export type ExpectedFindingKind =
  | 'DEACTIVATED_WITH_CONVERSATIONS_USER'
  | 'DEACTIVATED_WITH_CHAT_USERS'
  | 'DEACTIVATED_WITH_WORKER'
  | 'ACTIVE_WITHOUT_CONVERSATIONS_USER'
  | 'CONVERSATIONS_USER_WITHOUT_FLEX_USER'
  | 'CHAT_USER_WITHOUT_FLEX_USER'
  | 'WORKER_WITHOUT_FLEX_USER'
  | 'NAME_DRIFT'
  | 'ESCAPED_IDENTITY_ONLY';

/** One finding a correct scan of the account makes, in the shape of the gateway's `Finding`. */
export interface ExpectedFinding {
  kind: ExpectedFindingKind;
  /** The identity as the product holding the other record spells it (the Flex username if none). */
  identity: string;
  flexUserSid: string | null;
  /** The Conversations/Chat user (US…) or worker (WK…). */
  otherSid: string | null;
  /** For Chat users: their service. */
  serviceSid: string | null;
  /** For NAME_DRIFT: the other product's friendly_name. */
  otherName: string | null;
}

export interface ExpectedFindings {
  findings: ExpectedFinding[];
  /** Findings per kind; kinds with none are left out. */
  byKind: Partial<Record<ExpectedFindingKind, number>>;
}

interface FlexEntry {
  user: FlexUserRecord;
  hasConversationsUser: boolean;
}

/**
 * What a reconciliation scan of the account's Flex users, Conversations users (the default
 * service), the Chat users of `chatServiceSids` and the workers must find, from the store as it is
 * now. Deliberately the plain way: every Flex user in a Map, every record looked up in it, nothing
 * streamed or hashed, so that it is a second implementation of the definitions and not a copy.
 *
 * People are joined by Flex's escaped form (`flexEscape`) where the gateway joins by the unescaped
 * one: both forms of a person escape to the same string, and flexEscape(flexUnescape(x)) is x, so
 * the two keys meet the same records, by another route. The first Flex user of a key keeps it.
 * Findings come in the order a scan meets them (Flex, Conversations, the active Flex users no
 * Conversations user matched, Chat per service, workers); compare them sorted.
 */
export function expectedFindings(
  account: AccountState,
  chatServiceSids: readonly string[],
): ExpectedFindings {
  const flex = new Map<string, FlexEntry>();
  for (const user of account.flexUsers.values()) {
    const key = flexEscape(user.username);
    if (!flex.has(key)) flex.set(key, { user, hasConversationsUser: false });
  }
  const findings: ExpectedFinding[] = [];
  // Keys in the gateway's order (kind, identity, flexUserSid, otherSid, serviceSid, otherName), so
  // a finding's JSON line is the same string from both: findings are compared and deduped by it.
  const add = (
    kind: ExpectedFindingKind,
    fields: Partial<ExpectedFinding> & { identity: string },
  ) =>
    findings.push({
      kind,
      identity: fields.identity,
      flexUserSid: fields.flexUserSid ?? null,
      otherSid: fields.otherSid ?? null,
      serviceSid: fields.serviceSid ?? null,
      otherName: fields.otherName ?? null,
    });

  /** A record matched to a Flex user: deactivation, escaped-only match, name drift, in that order. */
  const matched = (
    entry: FlexEntry,
    record: { identity: string; sid: string; serviceSid: string | null; name: string | null },
    ifDeactivated: ExpectedFindingKind,
  ) => {
    const base = {
      identity: record.identity,
      flexUserSid: entry.user.flexUserSid,
      otherSid: record.sid,
      serviceSid: record.serviceSid,
    };
    if (entry.user.deactivated) add(ifDeactivated, base);
    if (entry.user.username !== record.identity) add('ESCAPED_IDENTITY_ONLY', base);
    // A product with no name (null) has not drifted: it never took one.
    if (record.name !== null && record.name !== entry.user.fullName) {
      add('NAME_DRIFT', { ...base, otherName: record.name });
    }
  };

  for (const user of account.defaultService.users.values()) {
    const entry = flex.get(flexEscape(user.identity));
    if (entry === undefined) {
      add('CONVERSATIONS_USER_WITHOUT_FLEX_USER', { identity: user.identity, otherSid: user.sid });
      continue;
    }
    entry.hasConversationsUser = true;
    const record = { ...user, serviceSid: null, name: user.friendlyName };
    matched(entry, record, 'DEACTIVATED_WITH_CONVERSATIONS_USER');
  }
  for (const { user, hasConversationsUser } of flex.values()) {
    if (!user.deactivated && !hasConversationsUser) {
      add('ACTIVE_WITHOUT_CONVERSATIONS_USER', {
        identity: user.username,
        flexUserSid: user.flexUserSid,
      });
    }
  }
  for (const serviceSid of chatServiceSids) {
    for (const user of account.servicesBySid.get(serviceSid)?.users.values() ?? []) {
      const entry = flex.get(flexEscape(user.identity));
      if (entry === undefined) {
        add('CHAT_USER_WITHOUT_FLEX_USER', {
          identity: user.identity,
          otherSid: user.sid,
          serviceSid,
        });
        continue;
      }
      matched(entry, { ...user, name: user.friendlyName }, 'DEACTIVATED_WITH_CHAT_USERS');
    }
  }
  // Workers are joined by friendly_name, which Flex sets to the username; a worker has no name
  // to drift (its full_name is in attributes, which a list does not show).
  for (const worker of account.workspace.workers.values()) {
    const identity = worker.friendlyName;
    const entry = flex.get(flexEscape(identity));
    if (entry === undefined) {
      add('WORKER_WITHOUT_FLEX_USER', { identity, otherSid: worker.sid });
      continue;
    }
    const record = { identity, sid: worker.sid, serviceSid: null, name: null };
    matched(entry, record, 'DEACTIVATED_WITH_WORKER');
  }

  const byKind: ExpectedFindings['byKind'] = {};
  for (const { kind } of findings) byKind[kind] = (byKind[kind] ?? 0) + 1;
  return { findings, byKind };
}
