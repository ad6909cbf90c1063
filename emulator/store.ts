import type { PlantedOrphan } from './seed-reconciliation.js';
import { isoSeconds } from './dates.js';
import type { Rng } from './prng.js';
import type {
  AccountRecord,
  ChatServiceRecord,
  ChatUserRecord,
  FlexUserRecord,
} from './records.js';
import { ConversationsState } from './conversations-state.js';
import { ChannelsState } from './channels.js';
import { SeqList } from './seq-list.js';
import { newSid, SID_PATTERNS } from './sids.js';
import { TwilioError } from './twilio-errors.js';
import { WorkspaceState, type WorkerRecord } from './workspace.js';

/** A chat service and its users, indexed by SID and by (case-sensitive) identity. */
export class ServiceState {
  readonly users = new SeqList<ChatUserRecord>();
  readonly usersBySid = new Map<string, ChatUserRecord>();
  readonly usersByIdentity = new Map<string, ChatUserRecord>();
  readonly conversations = new ConversationsState();
  /** Channels, memberships and push bindings (Programmable Chat). */
  readonly channels = new ChannelsState();

  constructor(
    readonly record: ChatServiceRecord,
    readonly isDefault: boolean,
  ) {}

  /** `key` is a US SID or an identity, as Twilio's `{Sid}` path parameter for users. */
  findUser(key: string): ChatUserRecord | undefined {
    return SID_PATTERNS.user.test(key) ? this.usersBySid.get(key) : this.usersByIdentity.get(key);
  }

  addUser(user: ChatUserRecord): void {
    this.users.push(user);
    this.usersBySid.set(user.sid, user);
    this.usersByIdentity.set(user.identity, user);
  }

  removeUser(user: ChatUserRecord): void {
    this.users.remove(user);
    this.usersBySid.delete(user.sid);
    this.usersByIdentity.delete(user.identity);
  }
}

export class AccountState {
  readonly services = new SeqList<ChatServiceRecord>();
  readonly servicesBySid = new Map<string, ServiceState>();
  readonly flexUsers = new SeqList<FlexUserRecord>();
  readonly flexUsersBySid = new Map<string, FlexUserRecord>();
  readonly flexUsersByUsername = new Map<string, FlexUserRecord>();
  /** The TaskRouter workspace Flex routes to: its activities and workers. */
  readonly workspace: WorkspaceState;
  /** What the seed planted for the reconciliation scan (empty when told not to plant). */
  plantedOrphans: PlantedOrphan[] = [];

  constructor(readonly record: AccountRecord) {
    this.workspace = new WorkspaceState(record.workspaceSid);
  }

  get defaultService(): ServiceState {
    return this.servicesBySid.get(this.record.defaultChatServiceSid) as ServiceState;
  }

  addService(service: ServiceState): void {
    this.services.push(service.record);
    this.servicesBySid.set(service.record.sid, service);
  }

  addFlexUser(user: FlexUserRecord): void {
    this.flexUsers.push(user);
    this.flexUsersBySid.set(user.flexUserSid, user);
    this.flexUsersByUsername.set(user.username, user);
  }
}

export interface ChatUserInput {
  identity: string;
  friendlyName?: string | null;
  attributes?: string;
  roleSid?: string;
}

export interface ChatUserChanges {
  friendlyName?: string;
  attributes?: string;
  roleSid?: string;
}

export interface ProvisionInput {
  username: string;
  email: string;
  fullName: string;
  roles: string[];
  workerAttributes: Record<string, unknown>;
}

export interface FlexUserChanges {
  email?: string;
  userSid?: string;
  locale?: string;
}

/**
 * The in-memory world: accounts, their chat services and users, and their Flex users. Lookups are
 * O(1) by SID, identity and username; lists are keyset pages over creation order.
 */
export class Store {
  readonly accounts = new Map<string, AccountState>();
  /** "username:password" → account SID, for AccountSid:AuthToken and ApiKeySid:Secret alike. */
  private readonly credentials = new Map<string, string>();
  private seq = 0;

  /** `rng` draws the SIDs of records created at run time. */
  constructor(private readonly rng: Rng) {}

  nextSeq(): number {
    return ++this.seq;
  }

  newSid(prefix: Parameters<typeof newSid>[0]): string {
    return newSid(prefix, this.rng);
  }

  addAccount(account: AccountState): void {
    this.accounts.set(account.record.sid, account);
    const { sid, authToken, apiKeySid, apiKeySecret } = account.record;
    this.credentials.set(`${sid}:${authToken}`, sid);
    this.credentials.set(`${apiKeySid}:${apiKeySecret}`, sid);
  }

  /** The account a decoded Basic credential ("user:password") belongs to. */
  authenticate(userPass: string): AccountState | undefined {
    const sid = this.credentials.get(userPass);
    return sid === undefined ? undefined : this.accounts.get(sid);
  }

  createChatUser(service: ServiceState, input: ChatUserInput): ChatUserRecord {
    // Twilio refuses identities that would be read back as SIDs by the SID-or-identity paths.
    if (SID_PATTERNS.user.test(input.identity)) {
      throw new TwilioError(400, 50206, 'Identity can not be a User SID');
    }
    if (service.usersByIdentity.has(input.identity)) {
      throw new TwilioError(409, 50201, 'User already exists');
    }
    const now = isoSeconds();
    const user: ChatUserRecord = {
      seq: this.nextSeq(),
      sid: this.newSid('US'),
      accountSid: service.record.accountSid,
      serviceSid: service.record.sid,
      roleSid: input.roleSid ?? service.record.defaultServiceRoleSid,
      identity: input.identity,
      friendlyName: input.friendlyName ?? null,
      attributes: input.attributes ?? '{}',
      isOnline: service.record.reachabilityEnabled ? false : null,
      isNotifiable: service.record.reachabilityEnabled ? false : null,
      joinedChannelsCount: 0,
      dateCreated: now,
      dateUpdated: now,
    };
    service.addUser(user);
    return user;
  }

  updateChatUser(user: ChatUserRecord, changes: ChatUserChanges): ChatUserRecord {
    if (changes.friendlyName !== undefined) user.friendlyName = changes.friendlyName;
    if (changes.attributes !== undefined) user.attributes = changes.attributes;
    if (changes.roleSid !== undefined) user.roleSid = changes.roleSid;
    user.dateUpdated = isoSeconds();
    return user;
  }

  /** A Flex user whose `user_sid` named the deleted user keeps it: the link dangles, as in Twilio. */
  deleteChatUser(service: ServiceState, user: ChatUserRecord): void {
    service.removeUser(user);
    service.channels.removeUser(user.sid);
  }

  /**
   * Create-or-update by username (Twilio documents Provision as idempotent). An existing user gets
   * changed fields and a version bump only when something differs; a deactivated one is
   * reactivated with a new worker, as provisioning always leaves an active user with a worker.
   * The Conversations user with identity = username is linked, or created when missing.
   */
  provisionFlexUser(
    account: AccountState,
    input: ProvisionInput,
  ): { user: FlexUserRecord; created: boolean } {
    const existing = account.flexUsersByUsername.get(input.username);
    const now = isoSeconds();
    const conversationsUser = this.linkConversationsUser(account, input);
    const userSid = conversationsUser?.sid ?? null;
    if (existing) {
      let changed = false;
      if (existing.email !== input.email) {
        existing.email = input.email;
        changed = true;
      }
      if (existing.fullName !== input.fullName) {
        existing.fullName = input.fullName;
        changed = true;
      }
      if (existing.roles.join() !== input.roles.join()) {
        existing.roles = [...input.roles];
        changed = true;
      }
      if (existing.deactivated) {
        existing.deactivated = false;
        existing.deactivatedDate = null;
        changed = true;
      }
      // Provisioning always leaves the user with a worker: a new one when it had none.
      const worker = this.provisionWorker(account, existing, input, now);
      if (existing.workerSid !== worker.sid) {
        existing.workerSid = worker.sid;
        changed = true;
      }
      if (existing.userSid !== userSid) {
        existing.userSid = userSid;
        changed = true;
      }
      existing.workerAttributes = input.workerAttributes;
      if (changed) {
        existing.version += 1;
        existing.updatedDate = now;
      }
      return { user: existing, created: false };
    }
    const user: FlexUserRecord = {
      seq: this.nextSeq(),
      flexUserSid: this.newSid('FU'),
      accountSid: account.record.sid,
      instanceSid: account.record.flexInstanceSid,
      userSid,
      workerSid: null,
      workspaceSid: account.record.workspaceSid,
      flexTeamSid: account.record.flexTeamSid,
      username: input.username,
      fullName: input.fullName,
      email: input.email,
      locale: null,
      roles: [...input.roles],
      workerAttributes: input.workerAttributes,
      createdDate: now,
      updatedDate: now,
      version: 1,
      deactivated: false,
      deactivatedDate: null,
    };
    user.workerSid = this.provisionWorker(account, user, input, now).sid;
    account.addFlexUser(user);
    return { user, created: true };
  }

  /**
   * The user's TaskRouter worker, created or updated: its friendly name is the username (the
   * Provision page) and its attributes the ones given. A worker already named so (TaskRouter
   * compares names case-insensitively) is the one updated, since the name cannot be used twice.
   */
  private provisionWorker(
    account: AccountState,
    user: FlexUserRecord,
    input: ProvisionInput,
    now: string,
  ): WorkerRecord {
    const { workspace } = account;
    const attributes = JSON.stringify({
      ...input.workerAttributes,
      full_name: input.fullName,
      email: input.email,
      roles: input.roles,
    });
    const existing =
      (user.workerSid === null ? undefined : workspace.workersBySid.get(user.workerSid)) ??
      workspace.workerByFriendlyName(input.username);
    if (existing) {
      if (existing.attributes !== attributes) {
        existing.attributes = attributes;
        existing.dateUpdated = now;
      }
      return existing;
    }
    const worker: WorkerRecord = {
      seq: this.nextSeq(),
      sid: this.newSid('WK'),
      accountSid: account.record.sid,
      workspaceSid: workspace.sid,
      friendlyName: input.username,
      activitySid: workspace.defaultActivity.sid,
      attributes,
      dateCreated: now,
      dateUpdated: now,
      dateStatusChanged: now,
    };
    workspace.addWorker(worker);
    return worker;
  }

  /** Deactivates and deletes the worker; deprovisioning a deactivated user changes nothing. */
  deprovisionFlexUser(account: AccountState, user: FlexUserRecord): void {
    if (user.deactivated) return;
    const worker =
      user.workerSid === null ? undefined : account.workspace.workersBySid.get(user.workerSid);
    if (worker) account.workspace.removeWorker(worker);
    const now = isoSeconds();
    user.deactivated = true;
    user.deactivatedDate = now;
    user.workerSid = null;
    user.version += 1;
    user.updatedDate = now;
  }

  /** The v2 update: every accepted POST is a new version, as the v2 resource documents `version`. */
  updateFlexUser(user: FlexUserRecord, changes: FlexUserChanges): FlexUserRecord {
    if (changes.email !== undefined) user.email = changes.email;
    if (changes.userSid !== undefined) user.userSid = changes.userSid;
    if (changes.locale !== undefined) user.locale = changes.locale;
    user.version += 1;
    user.updatedDate = isoSeconds();
    return user;
  }

  /** Null when the username looks like a US SID, which cannot be an identity. */
  private linkConversationsUser(
    account: AccountState,
    input: ProvisionInput,
  ): ChatUserRecord | null {
    const service = account.defaultService;
    if (SID_PATTERNS.user.test(input.username)) return null;
    return (
      service.usersByIdentity.get(input.username) ??
      this.createChatUser(service, { identity: input.username, friendlyName: input.fullName })
    );
  }
}
