import { isoSeconds } from './dates.js';
import {
  DEPARTMENTS,
  FIRST_NAMES,
  LAST_NAMES,
  LOCALES,
  LOCATIONS,
  SHARED_MAILBOXES,
  SKILLS,
} from './names.js';
import { createRng, deriveSeed, type Rng } from './prng.js';
import type { ChatServiceRecord, ChatUserRecord, FlexUserRecord } from './records.js';
import { seedConversations } from './seed-conversations.js';
import { seedChannels } from './seed-channels.js';
import { seedReconciliation } from './seed-reconciliation.js';
import { seedWorkers } from './seed-workers.js';
import { newSid } from './sids.js';
import { AccountState, ServiceState, Store } from './store.js';

export interface SeedOptions {
  /** People in the primary account; the second gets a tenth, at least 20. */
  seedUsers: number;
  seed: number;
  /**
   * Plant the reconciliation scan's missing kinds (seed-reconciliation.ts): on unless false, so
   * every emulator (tests, `npm start`'s embedded one) has something of each kind to find. It adds
   * workers and Chat users at the end of the lists and moves no SID seeded before.
   */
  plantOrphans?: boolean;
}

/**
 * What a person is across the products. Shares: 60% Flex + Conversations (a third of them also
 * Chat users of the extra service), 10% deactivated Flex users (Conversations user kept), 5% Flex
 * users whose Conversations user was deleted (`user_sid` dangles), 15% Conversations only and 10%
 * Chat users of the extra service only.
 */
type Coverage = 'flex' | 'flexDeactivated' | 'flexDangling' | 'conversationsOnly' | 'chatOnly';

const COVERAGE_SHARES: readonly [Coverage, number][] = [
  ['flex', 0.6],
  ['flexDeactivated', 0.1],
  ['flexDangling', 0.05],
  ['chatOnly', 0.1],
];

interface AccountPlan {
  friendlyName: string;
  domain: string;
  people: number;
}

/** Identities present in both accounts, with different names and emails, for tenant-isolation tests. */
const SHARED_IDENTITIES = 10;

const DAY = 86_400_000;
const SEED_START = Date.UTC(2022, 2, 1, 9, 0, 0);
const SEED_END = Date.UTC(2025, 11, 1, 17, 0, 0);

interface Person {
  identity: string;
  fullName: string;
  email: string;
  coverage: Coverage;
  extraChat: boolean;
}

/** Builds the deterministic world: the same options give the same SIDs, names and dates. */
export function createSeededStore(options: SeedOptions): Store {
  const store = new Store(createRng(deriveSeed(options.seed, 'runtime')));
  const plans: AccountPlan[] = [
    { friendlyName: 'Owl Bank', domain: 'owlbank.example', people: options.seedUsers },
    {
      friendlyName: 'Kestrel Health',
      domain: 'kestrelhealth.example',
      people: Math.max(20, Math.floor(options.seedUsers / 10)),
    },
  ];
  let shared: Person[] = [];
  plans.forEach((plan, index) => {
    const account = createAccount(
      store,
      plan,
      createRng(deriveSeed(options.seed, `account:${index}`)),
    );
    const rng = createRng(deriveSeed(options.seed, `people:${index}`));
    const people = planPeople(plan, rng, shared);
    if (index === 0)
      shared = people.filter((p) => p.coverage === 'flex').slice(0, SHARED_IDENTITIES);
    for (const person of people) addPerson(store, account, person, rng);
    // Each on its own stream, so that what one adds leaves the others' data as it was.
    seedConversations(
      store,
      account,
      createRng(deriveSeed(options.seed, `conversations:${index}`)),
    );
    seedWorkers(store, account, createRng(deriveSeed(options.seed, `workers:${index}`)), SEED_END);
    seedChannels(
      store,
      account,
      createRng(deriveSeed(options.seed, `channels:${index}`)),
      SEED_END,
    );
    if (options.plantOrphans !== false) {
      account.plantedOrphans = seedReconciliation(
        store,
        account,
        createRng(deriveSeed(options.seed, `reconciliation:${index}`)),
      );
    }
  });
  return store;
}

function createAccount(store: Store, plan: AccountPlan, rng: Rng): AccountState {
  const created = isoSeconds(SEED_START - 400 * DAY);
  const service = (friendlyName: string, reachabilityEnabled: boolean): ChatServiceRecord => ({
    seq: store.nextSeq(),
    sid: newSid('IS', rng),
    accountSid: '',
    friendlyName,
    reachabilityEnabled,
    readStatusEnabled: true,
    defaultServiceRoleSid: newSid('RL', rng),
    defaultChannelRoleSid: newSid('RL', rng),
    defaultChannelCreatorRoleSid: newSid('RL', rng),
    adminRoleSid: newSid('RL', rng),
    dateCreated: created,
    dateUpdated: created,
  });
  const sid = newSid('AC', rng);
  const authToken = rng.hex8() + rng.hex8() + rng.hex8() + rng.hex8();
  const apiKeySid = newSid('SK', rng);
  const apiKeySecret = rng.hex8() + rng.hex8() + rng.hex8() + rng.hex8();
  // Reachability is off on the default service and on in the extra one, so fetches show both the
  // null and the boolean `is_online`.
  const defaultService = service('Flex Chat Service', false);
  const extraService = service('Legacy Chat', true);
  defaultService.accountSid = sid;
  extraService.accountSid = sid;
  const account = new AccountState({
    sid,
    friendlyName: plan.friendlyName,
    authToken,
    apiKeySid,
    apiKeySecret,
    flexInstanceSid: newSid('GO', rng),
    workspaceSid: newSid('WS', rng),
    flexTeamSid: newSid('QO', rng),
    defaultChatServiceSid: defaultService.sid,
  });
  account.addService(new ServiceState(defaultService, true));
  account.addService(new ServiceState(extraService, false));
  store.addAccount(account);
  return account;
}

function planPeople(plan: AccountPlan, rng: Rng, shared: readonly Person[]): Person[] {
  const coverages: Coverage[] = [];
  for (const [coverage, share] of COVERAGE_SHARES) {
    for (let i = Math.round(plan.people * share); i > 0; i--) coverages.push(coverage);
  }
  while (coverages.length < plan.people) coverages.push('conversationsOnly');
  coverages.length = plan.people;
  shuffle(coverages, rng);

  const taken = new Set<string>(shared.map((person) => person.identity));
  const people: Person[] = [];
  let flexCount = 0;
  coverages.forEach((coverage) => {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const email = unique(`${ascii(first)}.${ascii(last)}`, `@${plan.domain}`, taken);
    taken.add(email);
    const twin = coverage === 'flex' ? shared[flexCount] : undefined;
    const extraChat = coverage === 'flex' && flexCount++ % 3 === 0;
    if (twin) {
      people.push({
        identity: twin.identity,
        fullName: `${first} ${last}`,
        email,
        coverage,
        extraChat,
      });
      return;
    }
    const style = rng.next();
    let identity = email;
    if (style > 0.95) {
      identity = unique(`${rng.pick(SHARED_MAILBOXES)}+${ascii(last)}`, `@${plan.domain}`, taken);
    } else if (style > 0.65) {
      identity = unique(`agent_${ascii(first).charAt(0)}${ascii(last)}`, '', taken);
    }
    taken.add(identity);
    people.push({ identity, fullName: `${first} ${last}`, email, coverage, extraChat });
  });
  return people;
}

function addPerson(store: Store, account: AccountState, person: Person, rng: Rng): void {
  const created = SEED_START + rng.int(SEED_END - SEED_START - 200 * DAY);
  const updated = created + rng.int(200 * DAY);
  const roles = pickRoles(rng);
  const attributes = pickAttributes(rng);
  const defaultService = account.defaultService;
  const extraService = [...account.servicesBySid.values()].find(
    (s) => !s.isDefault,
  ) as ServiceState;
  const chatUser = (service: ServiceState): ChatUserRecord => {
    const reachable = service.record.reachabilityEnabled;
    return {
      seq: store.nextSeq(),
      sid: newSid('US', rng),
      accountSid: account.record.sid,
      serviceSid: service.record.sid,
      roleSid: roles.includes('admin')
        ? service.record.adminRoleSid
        : service.record.defaultServiceRoleSid,
      identity: person.identity,
      friendlyName: rng.chance(0.1) ? null : person.fullName,
      attributes,
      isOnline: reachable ? rng.chance(0.3) : null,
      isNotifiable: reachable ? rng.chance(0.6) : null,
      joinedChannelsCount: rng.int(12),
      dateCreated: isoSeconds(created),
      dateUpdated: isoSeconds(updated),
    };
  };

  let userSid: string | null = null;
  if (person.coverage === 'chatOnly') {
    extraService.addUser(chatUser(extraService));
    return;
  }
  if (person.coverage === 'flexDangling') {
    userSid = newSid('US', rng);
  } else {
    const user = chatUser(defaultService);
    defaultService.addUser(user);
    userSid = user.sid;
  }
  if (person.extraChat) extraService.addUser(chatUser(extraService));
  if (person.coverage === 'conversationsOnly') return;

  const deactivated = person.coverage === 'flexDeactivated';
  const flexUser: FlexUserRecord = {
    seq: store.nextSeq(),
    flexUserSid: newSid('FU', rng),
    accountSid: account.record.sid,
    instanceSid: account.record.flexInstanceSid,
    userSid,
    workerSid: deactivated ? null : newSid('WK', rng),
    workspaceSid: account.record.workspaceSid,
    flexTeamSid: account.record.flexTeamSid,
    username: person.identity,
    fullName: person.fullName,
    email: person.email,
    locale: rng.pick(LOCALES),
    roles,
    workerAttributes: {},
    createdDate: isoSeconds(created),
    updatedDate: isoSeconds(updated),
    version: 1 + rng.int(6),
    deactivated,
    deactivatedDate: deactivated ? isoSeconds(updated) : null,
  };
  account.addFlexUser(flexUser);
}

function pickRoles(rng: Rng): string[] {
  const roll = rng.next();
  if (roll < 0.78) return ['agent'];
  if (roll < 0.9) return ['supervisor'];
  if (roll < 0.95) return ['agent', 'supervisor'];
  return ['admin'];
}

function pickAttributes(rng: Rng): string {
  if (rng.chance(0.15)) return '{}';
  const skills = new Set([rng.pick(SKILLS), rng.pick(SKILLS)]);
  return JSON.stringify({
    department: rng.pick(DEPARTMENTS),
    skills: [...skills],
    location: rng.pick(LOCATIONS),
    employee_id: 10_000 + rng.int(90_000),
  });
}

function ascii(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** `local + suffix`, or with a number after `local` when that is already taken. */
function unique(local: string, suffix: string, taken: Set<string>): string {
  let candidate = local + suffix;
  for (let n = 2; taken.has(candidate); n++) candidate = `${local}${n}${suffix}`;
  return candidate;
}

function shuffle<T>(items: T[], rng: Rng): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
}
