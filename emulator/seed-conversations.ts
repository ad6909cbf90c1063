import type {
  ConversationRecord,
  ConversationState,
  MessagingBinding,
  ParticipantRecord,
} from './conversation-records.js';
import { isoSeconds } from './dates.js';
import { flexEscape } from './flex-escape.js';
import type { Rng } from './prng.js';
import type { ChatUserRecord } from './records.js';
import { SeqList } from './seq-list.js';
import { newSid } from './sids.js';
import type { AccountState, ServiceState, Store } from './store.js';

/**
 * Conversations for the seeded people, and the identity forms Flex uses for some agents. Runs
 * after the people are seeded, on its own random stream, so the people's SIDs and names are the
 * same with or without it.
 *
 * - Default service: every user takes part in some conversations with a customer on SMS or
 *   WhatsApp (0 to 8 for an active Flex agent, 0 to 2 for others, a fifth of them with a second
 *   agent); two agents have 100+, so that their list takes several pages.
 * - Other services: each user has 2 to 5 chats with other users of that service.
 * - Flex identity escapes: for the last three active Flex agents with an email username, their
 *   Conversations and Chat identities are Flex's escaped form (`ann_2Eveal_40x_2Ecom`); for the
 *   fourth-last, the other way round (the Flex username is escaped, the identity is the email).
 */
export function seedConversations(store: Store, account: AccountState, rng: Rng): void {
  const escaped = applyFlexEscapes(account);
  const messagingServiceSid = newSid('MG', rng);
  const agents = new Set(
    account.flexUsers
      .values()
      .filter((user) => !user.deactivated)
      .map((user) => user.username),
  );
  const world = { store, account, rng };
  const defaultUsers = account.defaultService.users.values();
  const heavy = defaultUsers.filter((user) => agents.has(user.identity)).slice(1, 3);
  for (const user of defaultUsers) {
    const count = heavy.includes(user)
      ? 130 - 26 * heavy.indexOf(user)
      : escaped.has(user.identity)
        ? 3 + rng.int(4)
        : agents.has(user.identity)
          ? rng.int(9)
          : rng.int(3);
    for (let i = 0; i < count; i++) {
      const second = rng.chance(0.2) ? rng.pick(defaultUsers) : null;
      addConversation(world, account.defaultService, messagingServiceSid, [user, second], true);
    }
  }
  for (const service of account.servicesBySid.values()) {
    if (service.isDefault) continue;
    const users = service.users.values();
    for (const user of users) {
      for (let i = 2 + rng.int(4); i > 0; i--) {
        const other = rng.chance(0.5) ? rng.pick(users) : null;
        addConversation(world, service, null, [user, other], false);
      }
    }
  }
}

const TOPICS = [
  'Card replacement',
  'Billing question',
  'Address change',
  'Loan application',
  'Appointment',
  'Password reset',
  'Refund request',
  'Delivery status',
  'Account closure',
  'Fraud alert',
] as const;

const STATES: readonly [ConversationState, number][] = [
  ['active', 0.65],
  ['inactive', 0.25],
  ['closed', 0.1],
];

const SEED_START = Date.UTC(2024, 0, 8, 8, 0, 0);
const SEED_SPAN = 600 * 86_400_000;

interface SeedWorld {
  store: Store;
  account: AccountState;
  rng: Rng;
}

function addConversation(
  { store, account, rng }: SeedWorld,
  service: ServiceState,
  messagingServiceSid: string | null,
  users: (ChatUserRecord | null)[],
  withCustomer: boolean,
): void {
  const created = SEED_START + rng.int(SEED_SPAN);
  const updated = created + rng.int(10 * 86_400_000);
  const seq = store.nextSeq();
  const roll = rng.next();
  let state: ConversationState = 'active';
  for (let sum = 0, i = 0; i < STATES.length; i++) {
    sum += (STATES[i] as [ConversationState, number])[1];
    if (roll < sum) {
      state = (STATES[i] as [ConversationState, number])[0];
      break;
    }
  }
  const [first] = users;
  const conversation: ConversationRecord = {
    seq,
    sid: newSid('CH', rng),
    accountSid: account.record.sid,
    serviceSid: service.record.sid,
    messagingServiceSid,
    friendlyName: rng.chance(0.7) ? rng.pick(TOPICS) : null,
    uniqueName: rng.chance(0.15) ? `case-${100_000 + seq}` : null,
    attributes: withCustomer
      ? JSON.stringify({ priority: rng.pick(['low', 'normal', 'high']) })
      : '{}',
    state,
    createdBy: withCustomer && rng.chance(0.7) ? null : (first?.identity ?? null),
    messageCount: 1 + rng.int(40),
    dateCreated: isoSeconds(created),
    dateUpdated: isoSeconds(updated),
    participants: new SeqList<ParticipantRecord>(),
    participantsBySid: new Map(),
  };
  service.conversations.add(conversation);
  const participant = (
    identity: string | null,
    messagingBinding: MessagingBinding | null,
  ): ParticipantRecord => {
    const horizon = rng.next();
    const read =
      identity === null || horizon < 0.15
        ? null
        : horizon < 0.65
          ? conversation.messageCount - 1
          : rng.int(conversation.messageCount);
    return {
      seq: store.nextSeq(),
      sid: newSid('MB', rng),
      accountSid: account.record.sid,
      conversationSid: conversation.sid,
      identity,
      messagingBinding,
      roleSid: service.record.defaultChannelRoleSid,
      attributes: '{}',
      lastReadMessageIndex: read,
      lastReadTimestamp: read === null ? null : isoSeconds(updated),
      notificationLevel: rng.chance(0.1) ? 'muted' : 'default',
      dateCreated: isoSeconds(created),
      dateUpdated: isoSeconds(updated),
    };
  };
  const identities = new Set(users.filter((u) => u !== null).map((u) => u.identity));
  for (const identity of identities) {
    service.conversations.addParticipant(conversation, participant(identity, null));
  }
  if (withCustomer) {
    const number = `+1555${String(rng.int(10_000_000)).padStart(7, '0')}`;
    const binding: MessagingBinding = rng.chance(0.8)
      ? { type: 'sms', address: number, proxy_address: '+15550100' }
      : { type: 'whatsapp', address: `whatsapp:${number}`, proxy_address: 'whatsapp:+15550100' };
    service.conversations.addParticipant(conversation, participant(null, binding));
  }
}

/** Renames the chosen agents' identities (see seedConversations); returns the new identities. */
function applyFlexEscapes(account: AccountState): Set<string> {
  const eligible = account.flexUsers
    .values()
    .filter(
      (user) =>
        !user.deactivated &&
        user.username.includes('@') &&
        account.defaultService.usersByIdentity.has(user.username),
    );
  const renamed = new Set<string>();
  for (const user of eligible.slice(-3)) {
    const escaped = flexEscape(user.username);
    for (const service of account.servicesBySid.values()) {
      const chatUser = service.usersByIdentity.get(user.username);
      if (chatUser === undefined || service.usersByIdentity.has(escaped)) continue;
      service.usersByIdentity.delete(user.username);
      chatUser.identity = escaped;
      service.usersByIdentity.set(escaped, chatUser);
    }
    renamed.add(escaped);
  }
  const reverse = eligible.at(-4);
  if (reverse !== undefined) {
    const escaped = flexEscape(reverse.username);
    if (!account.flexUsersByUsername.has(escaped)) {
      account.flexUsersByUsername.delete(reverse.username);
      reverse.username = escaped;
      account.flexUsersByUsername.set(escaped, reverse);
      renamed.add(account.defaultService.usersBySid.get(reverse.userSid ?? '')?.identity ?? '');
    }
  }
  return renamed;
}
