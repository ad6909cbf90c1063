import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EmulatorAccount, LoggedRequest } from '../../emulator/index.js';
import { accountCredentials, createTwilio, type Twilio } from '../emulator/twilio-request.js';
import { expectData, type GraphQLResponse } from '../helpers/graphql.js';
import { EXAMPLE_IDENTITY, personAtWorkExample } from '../../server/playground/examples.js';
import { startStack, type Stack } from '../helpers/stack.js';

interface TwilioChatUser {
  sid: string;
  identity: string;
  joined_channels_count: number;
}

interface ChannelsData {
  chatUser: {
    sid: string;
    joinedChannelsCount: number;
    channels: {
      nodes: { channelSid: string; status: string; unreadMessagesCount: number }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  };
}

/** Twilio's default per-user channel limit (`limits.user_channels`). */
const USER_CHANNEL_LIMIT = 250;

/**
 * Waves of upstream calls from the emulator's log: a call is in the wave after the latest wave
 * of any call that had finished before it arrived (so a call that waited on another's answer is
 * in a later wave than it). For the report, not for asserting time.
 */
function waves(requests: LoggedRequest[]): { wave: number; line: string }[] {
  const done: { end: number; wave: number }[] = [];
  return [...requests]
    .sort((a, b) => Date.parse(a.time) - Date.parse(b.time))
    .map((request) => {
      const start = Date.parse(request.time);
      const wave = 1 + Math.max(0, ...done.filter((d) => d.end <= start).map((d) => d.wave));
      done.push({ end: start + request.durationMs, wave });
      const query = request.query ? `?${decodeURIComponent(request.query)}` : '';
      return { wave, line: `${request.method} ${decodeURIComponent(request.path)}${query}` };
    });
}

describe('Chat user channels and bindings', () => {
  let stack: Stack;
  let account: EmulatorAccount;
  let twilio: Twilio;
  let users: string;
  let atLimit: TwilioChatUser;

  beforeAll(async () => {
    // Each test counts its own request's Twilio calls: the cross-request cache would serve
    // repeats of earlier tests' reads.
    stack = await startStack({ seedUsers: 120, env: { CACHE_TTL_SECONDS: '0' } });
    account = stack.emulator.accounts[0]!;
    twilio = createTwilio(stack.emulator.url, accountCredentials(account));
    users = `/v2/Services/${account.defaultChatServiceSid}/Users`;
    const page = (await twilio('GET', `${users}?PageSize=100`)).body as { users: TwilioChatUser[] };
    atLimit = page.users.find((user) => user.joined_channels_count === USER_CHANNEL_LIMIT)!;
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.emulator.clearRequests());

  const readChannels = (identity: string, first: number, after: string | null) =>
    stack.execute<ChannelsData>(
      `query ($id: String!, $first: Int!, $after: String, $service: ChatServiceSid) {
        chatUser(serviceSid: $service, identity: $id) {
          sid joinedChannelsCount
          channels(first: $first, after: $after) {
            nodes { channelSid status unreadMessagesCount }
            pageInfo { hasNextPage endCursor }
          }
        }
      }`,
      { id: identity, first, after, service: account.defaultChatServiceSid },
    );

  it('pages a user at the channel limit to the end, one list call per page, by the user’s SID', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let joined = 0;
    for (;;) {
      const result: GraphQLResponse<ChannelsData> = await readChannels(atLimit.identity, 50, after);
      const { chatUser } = expectData(result);
      joined = chatUser.joinedChannelsCount;
      seen.push(...chatUser.channels.nodes.map((node) => node.channelSid));
      if (!chatUser.channels.pageInfo.hasNextPage) break;
      after = chatUser.channels.pageInfo.endCursor;
    }
    expect(joined).toBe(USER_CHANNEL_LIMIT);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(USER_CHANNEL_LIMIT);
    const lists = (await stack.emulator.requestLines()).filter(
      (line) => line.endsWith('PageSize=50') || line.includes('/Channels?'),
    );
    expect(
      lists.every((line) => line.startsWith(`GET ${users}/${atLimit.sid}/Channels?PageSize=50`)),
    ).toBe(true);
    expect(lists).toHaveLength(Math.ceil(seen.length / 50));
  });

  it('lists exactly what Twilio lists, with the unread counts it gives', async () => {
    const result = await readChannels(atLimit.identity, 10, null);
    const twilioPage = (await twilio('GET', `${users}/${atLimit.sid}/Channels?PageSize=10`))
      .body as {
      channels: { channel_sid: string; unread_messages_count: number; status: string }[];
    };
    expect(expectData(result).chatUser.channels.nodes).toEqual(
      twilioPage.channels.map((c) => ({
        channelSid: c.channel_sid,
        status: c.status.toUpperCase(),
        unreadMessagesCount: c.unread_messages_count,
      })),
    );
  });

  it('costs no fetch of the user beyond the one that found it', async () => {
    await readChannels(atLimit.identity, 5, null);
    expect(await stack.emulator.requestLines()).toEqual([
      `GET ${users}/${atLimit.identity}`,
      `GET ${users}/${atLimit.sid}/Channels?PageSize=5`,
    ]);
  });

  it('lists a user’s push bindings, credentials only by SID', async () => {
    const page = (await twilio('GET', `${users}?PageSize=100`)).body as { users: TwilioChatUser[] };
    let withBindings: TwilioChatUser | undefined;
    let expected: {
      sid: string;
      binding_type: string;
      endpoint: string;
      credential_sid: string;
    }[] = [];
    for (const user of page.users) {
      const bindings = (await twilio('GET', `${users}/${user.sid}/Bindings`)).body as {
        bindings: typeof expected;
      };
      if (bindings.bindings.length > 0) {
        withBindings = user;
        expected = bindings.bindings;
        break;
      }
    }
    await stack.emulator.clearRequests();
    const result = await stack.execute<{
      chatUser: {
        bindings: {
          nodes: { sid: string; bindingType: string; endpoint: string; credentialSid: string }[];
        };
      };
    }>(
      `query ($sid: UserSid!, $service: ChatServiceSid) { chatUser(serviceSid: $service, sid: $sid) {
        bindings(first: 10) { nodes { sid bindingType endpoint credentialSid } } } }`,
      { sid: withBindings!.sid, service: account.defaultChatServiceSid },
    );
    expect(expectData(result).chatUser.bindings.nodes).toEqual(
      expected.map((b) => ({
        sid: b.sid,
        bindingType: b.binding_type.toUpperCase(),
        endpoint: b.endpoint,
        credentialSid: b.credential_sid,
      })),
    );
    expect(await stack.emulator.requestLines()).toEqual([
      `GET ${users}/${withBindings!.sid}`,
      `GET ${users}/${withBindings!.sid}/Bindings?PageSize=10`,
    ]);
  });

  it.each([
    { name: 'a page larger than Twilio’s', args: 'first: 51' },
    { name: 'an empty page', args: 'first: 0' },
    { name: 'a cursor this API never made', args: 'after: "bm9wZQ"' },
  ])('refuses $name on the field, before the list call', async ({ args }) => {
    const result = await stack.execute<{
      chatUser: { sid: string; channels: null; bindings: null };
    }>(
      `query ($id: String!, $service: ChatServiceSid) { chatUser(serviceSid: $service, identity: $id) {
        sid channels(${args}) { nodes { channelSid } } bindings(${args}) { nodes { sid } } } }`,
      { id: atLimit.identity, service: account.defaultChatServiceSid },
    );
    expect(result.data?.chatUser).toEqual({ sid: atLimit.sid, channels: null, bindings: null });
    expect(result.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['chatUser', 'channels'], 'BAD_USER_INPUT'],
      [['chatUser', 'bindings'], 'BAD_USER_INPUT'],
    ]);
    expect(await stack.emulator.requestLines()).toEqual([`GET ${users}/${atLimit.identity}`]);
  });

  it('counts a channel page by its size in the cost limit', async () => {
    const identities = Array.from({ length: 40 }, (_, i) => `someone.${i}`);
    const query = `query ($ids: [String!]!, $n: Int!) {
      users(identities: $ids) { chatUsers { channels(first: $n) { nodes { channelSid } } } } }`;
    const big = await stack.execute(query, { ids: identities, n: 50 });
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY' });
    expect(await stack.emulator.requestLines()).toEqual([]);
    const small = await stack.execute(query, { ids: identities, n: 5 });
    expect(small.errors).toBeUndefined();
  });

  it('counts a worker page by its size in the cost limit', async () => {
    const query = `query ($n: Int!) { workers(workspaceSid: "${account.workspaceSid}", first: $n) {
      nodes { flexUser { sid conversationsUser { sid } chatUsers { sid } } user { conversationsUser { sid } } } } }`;
    const big = await stack.execute(query, { n: 1000 });
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY' });
    expect(await stack.emulator.requestLines()).toEqual([]);
    const small = await stack.execute(query, { n: 20 });
    expect(small.errors).toBeUndefined();
  });

  it('reads a person’s full picture in two waves: identity-keyed reads, then what their SIDs name', async () => {
    const person = await stack.emulator.person({
      flex: true,
      conversations: true,
      extraChat: true,
      deactivated: false,
    });
    await stack.emulator.clearRequests();
    // Latency, so that calls made together overlap in the log and the waves can be read off it.
    await stack.emulator.setFaults({ latencyMs: 150 });
    const result = await stack.execute<{
      user: {
        flexUser: { worker: { friendlyName: string; activityName: string } };
        conversationsUser: { sid: string };
        chatUsers: { serviceSid: string; channels: { nodes: { channelSid: string }[] } }[];
      };
    }>(
      `query ($id: String!) { user(identity: $id) {
        flexUser { sid worker { friendlyName activityName available } }
        conversationsUser { sid }
        chatUsers { serviceSid joinedChannelsCount channels(first: 10) { nodes { channelSid unreadMessagesCount } } }
      } }`,
      { id: person.identity },
    );
    const data = expectData(result).user;
    expect(data.flexUser.worker.friendlyName).toBe(person.identity);
    expect(data.chatUsers).toHaveLength(2);
    const requests = await stack.emulator.requests();
    await stack.emulator.setFaults({});
    const calls = waves(requests);
    console.log(
      `full picture of one person: ${calls.length} calls\n${calls.map((c) => `  wave ${c.wave}: ${c.line}`).join('\n')}`,
    );
    const chatUserSids = await Promise.all(
      account.chatServiceSids.map(async (service) => {
        const user = (
          await twilio(
            'GET',
            `/v2/Services/${service}/Users/${encodeURIComponent(person.identity)}`,
          )
        ).body as TwilioChatUser;
        return [service, user.sid] as const;
      }),
    );
    // Exactly these calls: nothing that needs an answer of the second wave (no Flex refetch for
    // the worker SID, no user refetch for the channels), so no third wave.
    expect(calls.map((c) => c.line).sort()).toEqual(
      [
        `GET /v4/Instances/${account.flexInstanceSid}/Users?Username=${person.identity}`,
        `GET /v1/Users/${person.identity}`,
        ...account.chatServiceSids.map((s) => `GET /v2/Services/${s}/Users/${person.identity}`),
        `GET /v1/Workspaces/${account.workspaceSid}/Workers?FriendlyName=${person.identity}&PageSize=1`,
        ...chatUserSids.map(
          ([s, sid]) => `GET /v2/Services/${s}/Users/${sid}/Channels?PageSize=10`,
        ),
      ].sort(),
    );
  });
});

describe('the playground’s PersonAtWork example', () => {
  it('shows the example identity’s worker and channels from the embedded seed', async () => {
    // The seed size the embedded demo uses (emulator default), where EXAMPLE_IDENTITY lives.
    const stack = await startStack({ seedUsers: 300, env: { CACHE_TTL_SECONDS: '0' } });
    try {
      const result = await stack.execute<{
        user: {
          flexUser: { worker: { friendlyName: string } | null };
          chatUsers: { channels: { nodes: unknown[] } }[];
        };
      }>(personAtWorkExample.query, {}, { operationName: personAtWorkExample.operationName });
      const { user } = expectData(result);
      expect(user.flexUser.worker?.friendlyName).toBe(EXAMPLE_IDENTITY);
      expect(user.chatUsers.some((chatUser) => chatUser.channels.nodes.length > 0)).toBe(true);
    } finally {
      await stack.close();
    }
  });
});
