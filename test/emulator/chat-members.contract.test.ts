import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorAccount, type RunningEmulator } from '../../emulator/index.js';
import {
  accountCredentials,
  apiKeyCredentials,
  createTwilio,
  type Twilio,
} from './twilio-request.js';

interface ChatUser {
  sid: string;
  identity: string;
  joined_channels_count: number;
}

interface UserChannel {
  channel_sid: string;
  member_sid: string;
  status: string;
}

/** DeleteMember (twilio_chat_v2.json): `/v2/Services/{ServiceSid}/Channels/{ChannelSid}/Members/{Sid}`. */
describe('Chat v2 DeleteMember', () => {
  let emulator: RunningEmulator;
  let account: EmulatorAccount;
  let other: EmulatorAccount;
  let twilio: Twilio;
  let service: string;
  let users: ChatUser[];

  const channelsOf = async (user: ChatUser) =>
    (
      (await twilio('GET', `${service}/Users/${user.sid}/Channels?PageSize=50`)).body as {
        channels: UserChannel[];
      }
    ).channels;
  const userNow = async (user: ChatUser) =>
    (await twilio('GET', `${service}/Users/${user.sid}`)).body as ChatUser;
  /** A user with at least two joined channels, not used by another test. */
  let next = 0;
  const aMember = async () => {
    for (; next < users.length; next++) {
      const user = users[next]!;
      const joined = (await channelsOf(user)).filter((c) => c.status === 'joined');
      if (joined.length >= 2) {
        next++;
        return { user, joined };
      }
    }
    throw new Error('the seed has no user in two channels');
  };

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, seedUsers: 40 });
    [account, other] = emulator.accounts as [EmulatorAccount, EmulatorAccount];
    twilio = createTwilio(emulator.url, accountCredentials(account));
    service = `/v2/Services/${account.defaultChatServiceSid}`;
    users = ((await twilio('GET', `${service}/Users?PageSize=100`)).body as { users: ChatUser[] })
      .users;
  });
  afterAll(() => emulator.close());

  it('answers 204 with no body, and the user is no longer in the channel', async () => {
    const { user, joined } = await aMember();
    const [leaving, staying] = joined as [UserChannel, UserChannel];
    const before = (await userNow(user)).joined_channels_count;
    const response = await twilio(
      'DELETE',
      `${service}/Channels/${leaving.channel_sid}/Members/${leaving.member_sid}`,
    );
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
    const after = await channelsOf(user);
    expect(after.map((c) => c.channel_sid)).not.toContain(leaving.channel_sid);
    expect(after.map((c) => c.channel_sid)).toContain(staying.channel_sid);
    expect((await userNow(user)).joined_channels_count).toBe(before - 1);
  });

  it('answers Twilio 20404 for a member already removed (the second delete)', async () => {
    const { joined } = await aMember();
    const path = `${service}/Channels/${joined[0]!.channel_sid}/Members/${joined[0]!.member_sid}`;
    expect((await twilio('DELETE', path)).status).toBe(204);
    const again = await twilio('DELETE', path);
    expect(again.status).toBe(404);
    expect(again.body).toMatchObject({ code: 20404, status: 404 });
  });

  it('takes the member by identity too, as the spec allows', async () => {
    const { user, joined } = await aMember();
    const response = await twilio(
      'DELETE',
      `${service}/Channels/${joined[0]!.channel_sid}/Members/${encodeURIComponent(user.identity)}`,
    );
    expect(response.status).toBe(204);
    expect((await channelsOf(user)).map((c) => c.channel_sid)).not.toContain(
      joined[0]!.channel_sid,
    );
  });

  it('answers 404 for a member of another channel, an unknown channel, and another account', async () => {
    const { joined } = await aMember();
    const [first, second] = joined as [UserChannel, UserChannel];
    const asOther = createTwilio(emulator.url, apiKeyCredentials(other));
    const statuses = await Promise.all([
      twilio('DELETE', `${service}/Channels/${second.channel_sid}/Members/${first.member_sid}`),
      twilio('DELETE', `${service}/Channels/CH${'0'.repeat(32)}/Members/${first.member_sid}`),
      asOther('DELETE', `${service}/Channels/${first.channel_sid}/Members/${first.member_sid}`),
    ]);
    expect(statuses.map((r) => r.status)).toEqual([404, 404, 404]);
    // None of them removed anything.
    expect((await channelsOf(users[next - 1]!)).map((c) => c.channel_sid)).toContain(
      first.channel_sid,
    );
  });

  it('removes a deleted Chat user’s memberships with the user', async () => {
    const { user, joined } = await aMember();
    expect((await twilio('DELETE', `${service}/Users/${user.sid}`)).status).toBe(204);
    const member = await twilio(
      'DELETE',
      `${service}/Channels/${joined[0]!.channel_sid}/Members/${joined[0]!.member_sid}`,
    );
    expect(member.status).toBe(404);
  });
});
