import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EmulatorAccount } from '../../emulator/index.js';
import { aStringMatching, expectData } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';

interface PersonView {
  identity: string;
  flexUser: { sid: string; username: string; userSid: string | null } | null;
  conversationsUser: { sid: string; identity: string; chatServiceSid: string } | null;
  chatUsers: { sid: string; serviceSid: string; identity: string }[] | null;
}

const PERSON = /* GraphQL */ `
  fragment PersonView on User {
    identity
    flexUser {
      sid
      username
      userSid
    }
    conversationsUser {
      sid
      identity
      chatServiceSid
    }
    chatUsers {
      sid
      serviceSid
      identity
    }
  }
`;

describe('User joins', () => {
  let stack: Stack;
  let account: EmulatorAccount;
  let defaultService: string;
  let extraService: string;

  beforeAll(async () => {
    // Each test counts its own requests' Twilio calls: the cross-request cache (tested in
    // test/shared-state/read-cache*.test.ts) would answer what an earlier test read.
    stack = await startStack({ env: { CACHE_TTL_SECONDS: '0' } });
    account = stack.emulator.accounts[0]!;
    defaultService = account.defaultChatServiceSid;
    extraService = account.chatServiceSids.find((sid) => sid !== defaultService)!;
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.emulator.clearRequests());

  it('joins a person across Flex, Conversations and both chat services by identity, one call per product resource', async () => {
    const person = await stack.emulator.person({
      flex: true,
      conversations: true,
      extraChat: true,
      deactivated: false,
    });
    const result = await stack.execute<{ user: PersonView }>(
      `query ($identity: String!) { user(identity: $identity) { ...PersonView } } ${PERSON}`,
      { identity: person.identity },
    );

    expect(expectData(result).user).toEqual({
      identity: person.identity,
      flexUser: { sid: person.flexUserSid, username: person.identity, userSid: person.userSid },
      conversationsUser: {
        sid: person.userSid,
        identity: person.identity,
        chatServiceSid: defaultService,
      },
      chatUsers: [
        { sid: person.userSid, serviceSid: defaultService, identity: person.identity },
        {
          sid: aStringMatching(/^US/),
          serviceSid: extraService,
          identity: person.identity,
        },
      ],
    });
    expect((await stack.emulator.requestLines()).sort()).toEqual(
      [
        `GET /v4/Instances/${account.flexInstanceSid}/Users?Username=${person.identity}`,
        // The v4 by-username item has no user_sid: userSid comes from the v2 fetch, asked for here.
        `GET /v2/Instances/${account.flexInstanceSid}/Users/${person.flexUserSid}`,
        `GET /v1/Users/${person.identity}`,
        `GET /v2/Services/${defaultService}/Users/${person.identity}`,
        `GET /v2/Services/${extraService}/Users/${person.identity}`,
      ].sort(),
    );
  });

  it('finds the same person by Flex user SID and by user SID', async () => {
    const person = await stack.emulator.person({
      flex: true,
      conversations: true,
      deactivated: false,
    });
    const result = await stack.execute<{ byFlex: PersonView; byUser: PersonView }>(
      `query ($fu: PersonSid!, $us: PersonSid!) {
        byFlex: user(sid: $fu) { ...PersonView }
        byUser: user(sid: $us) { ...PersonView }
      } ${PERSON}`,
      { fu: person.flexUserSid, us: person.userSid },
    );
    const data = expectData(result);
    expect(data.byFlex).toEqual(data.byUser);
    expect(data.byFlex.identity).toBe(person.identity);
    expect(data.byFlex.flexUser?.sid).toBe(person.flexUserSid);
    expect(data.byFlex.conversationsUser?.sid).toBe(person.userSid);
  });

  it('walks from a Chat user back to its Flex user and Conversations user', async () => {
    const person = await stack.emulator.person({
      flex: true,
      conversations: true,
      extraChat: true,
      deactivated: false,
    });
    const result = await stack.execute<{
      chatUser: {
        identity: string;
        flexUser: { sid: string } | null;
        conversationsUser: { sid: string } | null;
        user: { identity: string };
      };
    }>(
      `query ($service: ChatServiceSid!, $identity: String!) {
        chatUser(serviceSid: $service, identity: $identity) {
          identity flexUser { sid } conversationsUser { sid } user { identity }
        }
      }`,
      { service: extraService, identity: person.identity },
    );
    expect(expectData(result).chatUser).toEqual({
      identity: person.identity,
      flexUser: { sid: person.flexUserSid },
      conversationsUser: { sid: person.userSid },
      user: { identity: person.identity },
    });
  });

  it('walks from a Flex user to its Conversations user through user_sid and on to its Chat user', async () => {
    const person = await stack.emulator.person({
      flex: true,
      conversations: true,
      deactivated: false,
    });
    const result = await stack.execute<{
      flexUser: {
        conversationsUser: {
          sid: string;
          flexUser: { sid: string } | null;
          chatUser: { serviceSid: string } | null;
        } | null;
      };
    }>(
      `query ($sid: FlexUserSid!) {
        flexUser(sid: $sid) { conversationsUser { sid flexUser { sid } chatUser { serviceSid } } }
      }`,
      { sid: person.flexUserSid },
    );
    expect(expectData(result).flexUser).toEqual({
      conversationsUser: {
        sid: person.userSid,
        flexUser: { sid: person.flexUserSid },
        chatUser: { serviceSid: defaultService },
      },
    });
    const lines = await stack.emulator.requestLines();
    // The v2 record names the user_sid, so the Conversations user is fetched by SID.
    expect(lines).toContain(`GET /v1/Users/${person.userSid}`);
    expect(lines).not.toContain(`GET /v1/Users/${person.identity}`);
  });

  it('answers null for the products a person is not in', async () => {
    const conversationsOnly = await stack.emulator.person({
      flex: false,
      conversations: true,
      extraChat: false,
    });
    const chatOnly = await stack.emulator.person({
      flex: false,
      conversations: false,
      extraChat: true,
    });
    const result = await stack.execute<{ a: PersonView; b: PersonView }>(
      `query ($a: String!, $b: String!) {
        a: user(identity: $a) { ...PersonView }
        b: user(identity: $b) { ...PersonView }
      } ${PERSON}`,
      { a: conversationsOnly.identity, b: chatOnly.identity },
    );
    const data = expectData(result);
    expect(data.a).toEqual({
      identity: conversationsOnly.identity,
      flexUser: null,
      conversationsUser: {
        sid: conversationsOnly.userSid,
        identity: conversationsOnly.identity,
        chatServiceSid: defaultService,
      },
      chatUsers: [
        {
          sid: conversationsOnly.userSid,
          serviceSid: defaultService,
          identity: conversationsOnly.identity,
        },
      ],
    });
    expect(data.b).toEqual({
      identity: chatOnly.identity,
      flexUser: null,
      conversationsUser: null,
      chatUsers: [
        {
          sid: aStringMatching(/^US/),
          serviceSid: extraService,
          identity: chatOnly.identity,
        },
      ],
    });
  });

  it('answers null for a Flex user whose Conversations user no longer exists', async () => {
    const people = await stack.emulator.people({ flex: true, conversations: false });
    const dangling = people.find((p) => p.flexUserSid !== null);
    expect(dangling).toBeDefined();
    const result = await stack.execute<{ flexUser: { username: string; conversationsUser: null } }>(
      `query ($sid: FlexUserSid!) { flexUser(sid: $sid) { username conversationsUser { sid } } }`,
      { sid: dangling!.flexUserSid },
    );
    expect(expectData(result).flexUser).toEqual({
      username: dangling!.identity,
      conversationsUser: null,
    });
  });

  it('returns null for a SID no user has, and a User whose products are all null for an unknown identity', async () => {
    const result = await stack.execute<{ bySid: null; byIdentity: PersonView }>(
      `query {
        bySid: user(sid: "US00000000000000000000000000000000") { identity }
        byIdentity: user(identity: "nobody-at-all") { ...PersonView }
      } ${PERSON}`,
    );
    expect(expectData(result)).toEqual({
      bySid: null,
      byIdentity: {
        identity: 'nobody-at-all',
        flexUser: null,
        conversationsUser: null,
        chatUsers: [],
      },
    });
  });
});
