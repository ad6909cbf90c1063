import { describe, expect, it } from 'vitest';
import { ReconciliationIndex, type Finding } from '../../datasources/reconciliation/classifier.js';
import type {
  ChatUserRecord,
  ConversationsUserRecord,
  FlexUserRecord,
  WorkerRecord,
} from '../../datasources/records.js';

const sid = (prefix: string, n: number) => `${prefix}${n.toString(16).padStart(32, '0')}`;
const IS = sid('IS', 9);

const flex = (n: number, username: string, fullName: string, deactivated = false) =>
  ({
    flex_user_sid: sid('FU', n),
    instance_sid: sid('GO', 1),
    username,
    full_name: fullName,
    deactivated,
  }) as FlexUserRecord;
const conv = (n: number, identity: string, friendlyName: string | null) =>
  ({ sid: sid('US', n), identity, friendly_name: friendlyName }) as ConversationsUserRecord;
const chat = (n: number, identity: string, friendlyName: string | null) =>
  ({ sid: sid('US', n), identity, friendly_name: friendlyName, service_sid: IS }) as ChatUserRecord;
const worker = (n: number, friendlyName: string) =>
  ({ sid: sid('WK', n), workspace_sid: sid('WS', 1), friendly_name: friendlyName }) as WorkerRecord;

/** Runs the phases in the scan's order and returns every finding. */
function classify(
  index: ReconciliationIndex,
  input: {
    flex: FlexUserRecord[];
    conversations?: ConversationsUserRecord[];
    chat?: ChatUserRecord[];
    workers?: WorkerRecord[];
  },
): Finding[] {
  input.flex.forEach((user) => index.addFlexUser(user));
  const out: Finding[] = [];
  for (const user of input.conversations ?? []) out.push(...index.conversationsUser(user));
  out.push(...index.unmatchedActive());
  for (const user of input.chat ?? []) out.push(...index.chatUser(user));
  for (const w of input.workers ?? []) out.push(...index.worker(w));
  return out;
}

const base = { flexUserSid: null, otherSid: null, serviceSid: null, otherName: null };

describe('reconciliation classifier', () => {
  it('finds nothing for a person consistent in every product', () => {
    const findings = classify(new ReconciliationIndex(), {
      flex: [flex(1, 'ann@x.com', 'Ann Veal')],
      conversations: [conv(1, 'ann@x.com', 'Ann Veal')],
      chat: [chat(2, 'ann@x.com', null)],
      workers: [worker(1, 'ann@x.com')],
    });
    expect(findings).toEqual([]);
  });

  it('finds a deactivated Flex user still holding a Conversations user, Chat users and a worker', () => {
    const findings = classify(new ReconciliationIndex(), {
      flex: [flex(1, 'gob@x.com', 'Gob Bluth', true)],
      conversations: [conv(1, 'gob@x.com', 'Gob Bluth')],
      chat: [chat(2, 'gob@x.com', 'Gob Bluth')],
      workers: [worker(3, 'gob@x.com')],
    });
    const common = { ...base, identity: 'gob@x.com', flexUserSid: sid('FU', 1) };
    expect(findings).toEqual([
      { ...common, kind: 'DEACTIVATED_WITH_CONVERSATIONS_USER', otherSid: sid('US', 1) },
      { ...common, kind: 'DEACTIVATED_WITH_CHAT_USERS', otherSid: sid('US', 2), serviceSid: IS },
      { ...common, kind: 'DEACTIVATED_WITH_WORKER', otherSid: sid('WK', 3) },
    ]);
  });

  it('finds an active Flex user with no Conversations user, and not a deactivated one', () => {
    const findings = classify(new ReconciliationIndex(), {
      flex: [flex(1, 'lucille@x.com', 'Lucille'), flex(2, 'oscar@x.com', 'Oscar', true)],
    });
    expect(findings).toEqual([
      {
        ...base,
        kind: 'ACTIVE_WITHOUT_CONVERSATIONS_USER',
        identity: 'lucille@x.com',
        flexUserSid: sid('FU', 1),
      },
    ]);
  });

  it('finds Conversations users, Chat users and workers no Flex user has', () => {
    const findings = classify(new ReconciliationIndex(), {
      flex: [],
      conversations: [conv(1, 'buster@x.com', 'Buster')],
      chat: [chat(2, 'tobias@x.com', 'Tobias')],
      workers: [worker(3, 'overflow-bot')],
    });
    expect(findings).toEqual([
      {
        ...base,
        kind: 'CONVERSATIONS_USER_WITHOUT_FLEX_USER',
        identity: 'buster@x.com',
        otherSid: sid('US', 1),
      },
      {
        ...base,
        kind: 'CHAT_USER_WITHOUT_FLEX_USER',
        identity: 'tobias@x.com',
        otherSid: sid('US', 2),
        serviceSid: IS,
      },
      {
        ...base,
        kind: 'WORKER_WITHOUT_FLEX_USER',
        identity: 'overflow-bot',
        otherSid: sid('WK', 3),
      },
    ]);
  });

  it('finds name drift between Flex full_name and a friendly_name, and no drift for a null name', () => {
    const findings = classify(new ReconciliationIndex(), {
      flex: [flex(1, 'maeby@x.com', 'Maeby Fünke')],
      conversations: [conv(1, 'maeby@x.com', 'Surely Fünke')],
      chat: [chat(2, 'maeby@x.com', null), chat(3, 'maeby@x.com', 'Maeby Fünke')],
    });
    expect(findings).toEqual([
      {
        ...base,
        kind: 'NAME_DRIFT',
        identity: 'maeby@x.com',
        flexUserSid: sid('FU', 1),
        otherSid: sid('US', 1),
        otherName: 'Surely Fünke',
      },
    ]);
  });

  it('matches identities that differ only by Flex escaping, both ways, and reports them', () => {
    const findings = classify(new ReconciliationIndex(), {
      flex: [flex(1, 'ann.veal@x.com', 'Ann Veal'), flex(2, 'george_2Emichael_40x_2Ecom', 'GM')],
      conversations: [
        conv(1, 'ann_2Eveal_40x_2Ecom', 'Ann Veal'),
        conv(2, 'george.michael@x.com', 'GM'),
      ],
      workers: [worker(3, 'ann.veal@x.com')],
    });
    expect(findings).toEqual([
      {
        ...base,
        kind: 'ESCAPED_IDENTITY_ONLY',
        identity: 'ann_2Eveal_40x_2Ecom',
        flexUserSid: sid('FU', 1),
        otherSid: sid('US', 1),
      },
      {
        ...base,
        kind: 'ESCAPED_IDENTITY_ONLY',
        identity: 'george.michael@x.com',
        flexUserSid: sid('FU', 2),
        otherSid: sid('US', 2),
      },
    ]);
  });

  it('restores from a snapshot to the same answers, escaped usernames and flags included', () => {
    const original = new ReconciliationIndex();
    original.addFlexUser(flex(1, 'george_2Emichael_40x_2Ecom', 'GM'));
    original.addFlexUser(flex(2, 'oscar@x.com', 'Oscar', true));
    original.addFlexUser(flex(3, 'lindsay@x.com', 'Lindsay'));
    original.conversationsUser(conv(9, 'lindsay@x.com', 'Lindsay'));
    const restored = ReconciliationIndex.restore(
      JSON.parse(JSON.stringify(original.snapshot())) as ReturnType<typeof original.snapshot>,
    );
    expect(restored.size).toBe(3);
    expect([...restored.unmatchedActive()]).toEqual([...original.unmatchedActive()]);
    expect(restored.conversationsUser(conv(8, 'oscar@x.com', 'Oscar B'))).toEqual(
      original.conversationsUser(conv(8, 'oscar@x.com', 'Oscar B')),
    );
    expect(
      restored.conversationsUser(conv(8, 'oscar@x.com', 'Oscar B')).map((f) => f.kind),
    ).toEqual(['DEACTIVATED_WITH_CONVERSATIONS_USER', 'NAME_DRIFT']);
  });

  it('grows past its first allocation without losing anyone', () => {
    const index = new ReconciliationIndex();
    for (let n = 1; n <= 3000; n++) index.addFlexUser(flex(n, `p${n}@x.com`, `P ${n}`));
    const unmatched = [...index.unmatchedActive()];
    expect(unmatched).toHaveLength(3000);
    expect(unmatched[2999]).toMatchObject({
      identity: 'p3000@x.com',
      flexUserSid: sid('FU', 3000),
    });
  });
});
