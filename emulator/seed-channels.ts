import { USER_CHANNEL_LIMIT, type ChannelsState } from './channels.js';
import { isoSeconds } from './dates.js';
import { DEPARTMENTS } from './names.js';
import type { Rng } from './prng.js';
import type { ChatUserRecord } from './records.js';
import { newSid } from './sids.js';
import type { AccountState, ServiceState, Store } from './store.js';

/** Channels per service: enough for a user at the per-user limit, and a few to spare. */
const CHANNELS_PER_SERVICE = USER_CHANNEL_LIMIT + 30;
/** Share of a service's users close to the per-user channel limit (Twilio error 45207 past it). */
const NEAR_LIMIT_SHARE = 0.03;
const BINDING_SHARE = 0.3;
const MESSAGE_TYPES = [
  'new_message',
  'added_to_channel',
  'invited_to_channel',
  'removed_from_channel',
];

/**
 * Every chat service's channels, each user's memberships (their `joined_channels_count` is the
 * number they joined; a few invitations besides) and push bindings for some users. A few users
 * per service sit just under the per-user channel limit, and its second user exactly at it (not
 * the first, which many tests take as "some person").
 */
export function seedChannels(store: Store, account: AccountState, rng: Rng, now: number): void {
  for (const service of account.servicesBySid.values()) {
    seedService(store, account, service, rng, now);
  }
}

function seedService(
  store: Store,
  account: AccountState,
  service: ServiceState,
  rng: Rng,
  now: number,
): void {
  const { channels } = service;
  const serviceSid = service.record.sid;
  for (let i = 0; i < CHANNELS_PER_SERVICE; i++) {
    const created = isoSeconds(now - rng.int(700 * 86_400_000));
    const department = rng.pick(DEPARTMENTS).toLowerCase().replaceAll(' ', '-');
    channels.addChannel({
      seq: store.nextSeq(),
      sid: newSid('CH', rng),
      accountSid: account.record.sid,
      serviceSid,
      friendlyName: `${department} #${i + 1}`,
      uniqueName: rng.chance(0.5) ? `${department}-${i + 1}` : null,
      type: rng.chance(0.8) ? 'public' : 'private',
      messagesCount: rng.int(400),
      dateCreated: created,
      dateUpdated: created,
    });
  }
  const credentials = { apn: newSid('CR', rng), fcm: newSid('CR', rng), gcm: newSid('CR', rng) };
  for (const [index, user] of service.users.values().entries()) {
    let joined = user.joinedChannelsCount;
    if (index === 1) joined = USER_CHANNEL_LIMIT;
    else if (rng.chance(NEAR_LIMIT_SHARE)) joined = USER_CHANNEL_LIMIT - 1 - rng.int(10);
    const invited = rng.chance(0.1) ? 1 + rng.int(2) : 0;
    addMemberships(store, channels, user, joined, invited, rng);
    user.joinedChannelsCount = joined;
    if (rng.chance(BINDING_SHARE)) addBindings(store, channels, user, credentials, rng);
  }
}

function addMemberships(
  store: Store,
  channels: ChannelsState,
  user: ChatUserRecord,
  joined: number,
  invited: number,
  rng: Rng,
): void {
  const pool = [...channels.channels.values()];
  // A partial Fisher–Yates shuffle: the first joined + invited channels are a random pick.
  const count = Math.min(pool.length, joined + invited);
  for (let i = 0; i < count; i++) {
    const j = i + rng.int(pool.length - i);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    const channel = pool[i]!;
    const isJoined = i < joined;
    const read =
      channel.messagesCount === 0 || rng.chance(0.1) ? null : rng.int(channel.messagesCount);
    channels.addMembership({
      seq: store.nextSeq(),
      sid: newSid('MB', rng),
      channelSid: channel.sid,
      userSid: user.sid,
      status: isJoined ? 'joined' : 'invited',
      lastConsumedMessageIndex: isJoined ? read : null,
      notificationLevel: rng.chance(0.15) ? 'muted' : 'default',
    });
  }
}

function addBindings(
  store: Store,
  channels: ChannelsState,
  user: ChatUserRecord,
  credentials: Record<'apn' | 'fcm' | 'gcm', string>,
  rng: Rng,
): void {
  const devices = 1 + rng.int(3);
  for (let i = 0; i < devices; i++) {
    const bindingType = rng.pick(['apn', 'fcm', 'fcm', 'gcm'] as const);
    channels.addBinding({
      seq: store.nextSeq(),
      sid: newSid('BS', rng),
      accountSid: user.accountSid,
      serviceSid: user.serviceSid,
      userSid: user.sid,
      identity: user.identity,
      bindingType,
      endpoint: `${rng.hex8()}${rng.hex8()}-${user.identity}`,
      credentialSid: credentials[bindingType],
      messageTypes: MESSAGE_TYPES,
      dateCreated: user.dateCreated,
      dateUpdated: user.dateUpdated,
    });
  }
}
