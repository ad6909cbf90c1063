import { SeqList } from './seq-list.js';

/** A Programmable Chat channel (`chat.v2.service.channel`), as much of it as user channels need. */
export interface ChannelRecord {
  seq: number;
  sid: string;
  accountSid: string;
  serviceSid: string;
  friendlyName: string;
  uniqueName: string | null;
  type: 'public' | 'private';
  /** Messages sent so far; their indexes are 0 … messagesCount − 1. */
  messagesCount: number;
  dateCreated: string;
  dateUpdated: string;
}

/**
 * A user's place in a channel: a member (`MB…`) once joined, or an invitation. The user's channel
 * list (`/Users/{UserSid}/Channels`) is read from these.
 */
export interface MembershipRecord {
  seq: number;
  /** The member SID (`MB…`). */
  sid: string;
  channelSid: string;
  userSid: string;
  status: 'joined' | 'invited' | 'notParticipating';
  /** The index of the last message the user has read; null when they have read none. */
  lastConsumedMessageIndex: number | null;
  notificationLevel: 'default' | 'muted';
}

/** A push binding of a user (`chat.v2.service.user.user_binding`): a device registered for push. */
export interface BindingRecord {
  seq: number;
  sid: string;
  accountSid: string;
  serviceSid: string;
  userSid: string;
  identity: string;
  bindingType: 'gcm' | 'apn' | 'fcm';
  /** The device's endpoint identifier (its format depends on the binding type). */
  endpoint: string;
  /** The push credential (`CR…`) the binding sends with; a SID, never the secret itself. */
  credentialSid: string;
  messageTypes: string[];
  dateCreated: string;
  dateUpdated: string;
}

/** Twilio's default per-user channel limit (`limits.user_channels` of a Chat service). */
export const USER_CHANNEL_LIMIT = 250;

/** A chat service's channels, and each user's memberships and push bindings, by user SID. */
export class ChannelsState {
  readonly channels = new SeqList<ChannelRecord>();
  readonly channelsBySid = new Map<string, ChannelRecord>();
  private readonly memberships = new Map<string, SeqList<MembershipRecord>>();
  private readonly membershipsBySid = new Map<string, MembershipRecord>();
  private readonly bindings = new Map<string, SeqList<BindingRecord>>();

  addChannel(channel: ChannelRecord): void {
    this.channels.push(channel);
    this.channelsBySid.set(channel.sid, channel);
  }

  /** The user's channels, in the order they joined or were invited. */
  membershipsOf(userSid: string): SeqList<MembershipRecord> {
    return this.memberships.get(userSid) ?? new SeqList();
  }

  addMembership(membership: MembershipRecord): void {
    let list = this.memberships.get(membership.userSid);
    if (list === undefined) this.memberships.set(membership.userSid, (list = new SeqList()));
    list.push(membership);
    this.membershipsBySid.set(membership.sid, membership);
  }

  /** A member of a channel, by its MB… SID or its user's SID; undefined when not a member. */
  memberOf(channelSid: string, key: string): MembershipRecord | undefined {
    const bySid = this.membershipsBySid.get(key);
    if (bySid !== undefined) return bySid.channelSid === channelSid ? bySid : undefined;
    return this.membershipsOf(key)
      .values()
      .find((m) => m.channelSid === channelSid);
  }

  removeMembership(membership: MembershipRecord): void {
    this.memberships.get(membership.userSid)?.remove(membership);
    this.membershipsBySid.delete(membership.sid);
  }

  /** A deleted user is no member of anything any more (Twilio removes their memberships). */
  removeUser(userSid: string): void {
    for (const m of [...this.membershipsOf(userSid).values()]) this.removeMembership(m);
    this.bindings.delete(userSid);
  }

  /** A channel by its CH… SID or its unique name, as DeleteMember's ChannelSid takes it. */
  channelOf(key: string): ChannelRecord | undefined {
    return this.channelsBySid.get(key) ?? this.channels.values().find((c) => c.uniqueName === key);
  }

  bindingsOf(userSid: string): SeqList<BindingRecord> {
    return this.bindings.get(userSid) ?? new SeqList();
  }

  addBinding(binding: BindingRecord): void {
    let list = this.bindings.get(binding.userSid);
    if (list === undefined) this.bindings.set(binding.userSid, (list = new SeqList()));
    list.push(binding);
  }

  /** Unread = messages after the last one read (all of them when none was read). */
  unreadCount(membership: MembershipRecord): number {
    const channel = this.channelsBySid.get(membership.channelSid);
    if (channel === undefined) return 0;
    const read =
      membership.lastConsumedMessageIndex === null ? 0 : membership.lastConsumedMessageIndex + 1;
    return Math.max(0, channel.messagesCount - read);
  }
}
