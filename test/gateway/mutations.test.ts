import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EmulatorAccount } from '../../emulator/index.js';
import { aStringMatching, aNumber, expectData } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';

interface UserErrorView {
  field: string[] | null;
  message: string;
  code: string;
}

const PROVISION = /* GraphQL */ `
  mutation ($input: ProvisionFlexUserInput!) {
    provisionFlexUser(input: $input) {
      userErrors {
        field
        message
        code
      }
      flexUser {
        sid
        username
        fullName
        email
        roles
        twilioRoles
        deactivated
        workerSid
        version
      }
      user {
        identity
        conversationsUser {
          identity
        }
        flexUser {
          email
        }
      }
    }
  }
`;

interface ProvisionResult {
  provisionFlexUser: {
    userErrors: UserErrorView[];
    flexUser: {
      sid: string;
      username: string;
      fullName: string;
      email: string;
      roles: string[];
      twilioRoles: string[];
      deactivated: boolean;
      workerSid: string | null;
      version: number;
    } | null;
    user: {
      identity: string;
      conversationsUser: { identity: string } | null;
      flexUser: { email: string } | null;
    } | null;
  };
}

describe('mutations', () => {
  let stack: Stack;
  let account: EmulatorAccount;

  beforeAll(async () => {
    stack = await startStack();
    account = stack.emulator.accounts[0]!;
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.emulator.clearRequests());

  const newcomer = {
    username: 'ada.newcomer@owlbank.example',
    email: 'ada.newcomer@owlbank.example',
    fullName: 'Ada Newcomer',
    roles: ['AGENT', 'SUPERVISOR'],
    workerAttributes: { skills: ['billing'] },
  };

  it('provisions a Flex user with its worker and Conversations user, and provisioning again changes nothing new', async () => {
    const first = expectData(
      await stack.execute<ProvisionResult>(PROVISION, { input: newcomer }),
    ).provisionFlexUser;
    expect(first).toEqual({
      userErrors: [],
      flexUser: {
        sid: aStringMatching(/^FU[0-9a-f]{32}$/),
        username: newcomer.username,
        fullName: newcomer.fullName,
        email: newcomer.email,
        // The enum the input takes, and Twilio's own strings beside it.
        roles: ['AGENT', 'SUPERVISOR'],
        twilioRoles: ['agent', 'supervisor'],
        deactivated: false,
        workerSid: aStringMatching(/^WK[0-9a-f]{32}$/),
        version: aNumber(),
      },
      user: {
        identity: newcomer.username,
        conversationsUser: { identity: newcomer.username },
        flexUser: { email: newcomer.email },
      },
    });
    const again = expectData(
      await stack.execute<ProvisionResult>(PROVISION, { input: newcomer }),
    ).provisionFlexUser;
    expect(again.flexUser?.sid).toBe(first.flexUser?.sid);
    const people = await stack.emulator.people({ flex: true, limit: 100_000 });
    expect(people.filter((p) => p.identity === newcomer.username)).toHaveLength(1);
  });

  it('refuses bad provisioning input in userErrors without calling Twilio', async () => {
    const result = await stack.execute<ProvisionResult>(PROVISION, {
      input: {
        username: ' ',
        email: 'not-an-email',
        fullName: 'x'.repeat(300),
        roles: [],
        workerAttributes: [1],
      },
    });
    expect(expectData(result).provisionFlexUser).toEqual({
      userErrors: [
        { field: ['input', 'username'], message: 'username must not be empty', code: 'REQUIRED' },
        {
          field: ['input', 'email'],
          message: 'Expected an email address, got "not-an-email"',
          code: 'INVALID',
        },
        {
          field: ['input', 'fullName'],
          message: 'fullName must be at most 256 characters',
          code: 'INVALID',
        },
        { field: ['input', 'roles'], message: 'Give at least one role', code: 'REQUIRED' },
        {
          field: ['input', 'workerAttributes'],
          message: 'workerAttributes must be a JSON object',
          code: 'INVALID',
        },
      ],
      flexUser: null,
      user: null,
    });
    expect(await stack.emulator.requestLines()).toEqual([]);
  });

  it('updates a Flex user, and later fields in the same response read the new state', async () => {
    const person = await stack.emulator.person({
      flex: true,
      conversations: true,
      deactivated: false,
    });
    const result = await stack.execute<{
      before: { email: string; version: number };
      updateFlexUser: {
        userErrors: UserErrorView[];
        flexUser: { email: string; locale: string; version: number };
      };
      after: { email: string; locale: string; version: number; fullName: string };
    }>(
      `mutation ($sid: FlexUserSid!) {
        updateFlexUser(input: { sid: $sid, email: "changed@owlbank.example", locale: "fr-FR" }) {
          userErrors { field message code }
          flexUser { email locale version }
        }
      }`,
      { sid: person.flexUserSid },
    );
    const data = expectData(result);
    expect(data.updateFlexUser.userErrors).toEqual([]);
    expect(data.updateFlexUser.flexUser).toMatchObject({
      email: 'changed@owlbank.example',
      locale: 'fr-FR',
    });

    const read = await stack.execute<{ flexUser: { email: string; version: number } }>(
      `query ($sid: FlexUserSid!) { flexUser(sid: $sid) { email version } }`,
      { sid: person.flexUserSid },
    );
    expect(expectData(read).flexUser).toEqual({
      email: 'changed@owlbank.example',
      version: data.updateFlexUser.flexUser.version,
    });
  });

  it('says there is nothing to change, and reports an unknown Flex user as NOT_FOUND', async () => {
    const result = await stack.execute<{
      a: { userErrors: UserErrorView[] };
      b: { userErrors: UserErrorView[]; flexUser: null };
    }>(
      `mutation {
        a: updateFlexUser(input: { sid: "FU00000000000000000000000000000000" }) { userErrors { field message code } }
        b: updateFlexUser(input: { sid: "FU00000000000000000000000000000000", locale: "en-US" }) {
          userErrors { field code } flexUser { sid }
        }
      }`,
    );
    const data = expectData(result);
    expect(data.a.userErrors).toEqual([
      {
        field: ['input'],
        message: 'Give at least one of email, userSid, locale to change',
        code: 'NOTHING_TO_CHANGE',
      },
    ]);
    expect(data.b).toEqual({
      userErrors: [{ field: ['input', 'sid'], code: 'NOT_FOUND' }],
      flexUser: null,
    });
    expect(await stack.emulator.requestLines()).toEqual([
      `POST /v2/Instances/${account.flexInstanceSid}/Users/FU00000000000000000000000000000000`,
    ]);
  });

  it('blames the input that named nothing, in words without Twilio paths', async () => {
    const person = await stack.emulator.person({ conversations: true });
    const unknownService = `IS${'0'.repeat(32)}`;
    const result = await stack.execute<Record<string, { userErrors: UserErrorView[] }>>(
      `mutation ($i: String!, $s: ChatServiceSid!, $known: ChatServiceSid!) {
        noService: updateChatUser(input: { serviceSid: $s, identity: $i, friendlyName: "x" }) {
          userErrors { field message code }
        }
        noUser: updateChatUser(input: { serviceSid: $known, identity: "nobody", friendlyName: "x" }) {
          userErrors { field message code }
        }
        noConversationsUser: updateConversationsUser(input: { identity: "nobody", friendlyName: "x" }) {
          userErrors { field message code }
        }
      }`,
      { i: person.identity, s: unknownService, known: account.chatServiceSids[0] },
    );
    expect(expectData(result)).toEqual({
      noService: {
        userErrors: [
          {
            field: ['input', 'serviceSid'],
            message: `No chat service ${unknownService} in this account`,
            code: 'NOT_FOUND',
          },
        ],
      },
      noUser: {
        userErrors: [
          {
            field: ['input', 'identity'],
            message: `No user with identity "nobody" in chat service ${account.chatServiceSids[0]}`,
            code: 'NOT_FOUND',
          },
        ],
      },
      noConversationsUser: {
        userErrors: [
          {
            field: ['input', 'identity'],
            message: 'No Conversations user with identity "nobody"',
            code: 'NOT_FOUND',
          },
        ],
      },
    });
  });

  it('deprovisions a Flex user, which Twilio keeps as deactivated without a worker', async () => {
    const person = await stack.emulator.person({
      flex: true,
      conversations: true,
      deactivated: false,
    });
    const result = await stack.execute<{
      deprovisionFlexUser: {
        userErrors: UserErrorView[];
        flexUser: { sid: string; deactivated: boolean; workerSid: null };
      };
    }>(
      `mutation ($sid: FlexUserSid!) {
        deprovisionFlexUser(input: { sid: $sid }) { userErrors { code } flexUser { sid deactivated workerSid } }
      }`,
      { sid: person.flexUserSid },
    );
    expect(expectData(result).deprovisionFlexUser).toEqual({
      userErrors: [],
      flexUser: { sid: person.flexUserSid, deactivated: true, workerSid: null },
    });
    expect(await stack.emulator.requestLines()).toEqual([
      `POST /v4/Instances/${account.flexInstanceSid}/Users/Deprovision`,
      `GET /v4/Instances/${account.flexInstanceSid}/Users/${person.flexUserSid}`,
    ]);
  });

  it('updates a Conversations user by identity, and the Chat view of the same user follows', async () => {
    const person = await stack.emulator.person({ conversations: true });
    const result = await stack.execute<{
      updateConversationsUser: {
        userErrors: UserErrorView[];
        conversationsUser: {
          friendlyName: string;
          attributes: unknown;
          chatUser: { friendlyName: string; attributes: unknown };
        };
      };
    }>(
      `mutation ($identity: String!) {
        updateConversationsUser(input: { identity: $identity, friendlyName: "Renamed", attributes: { team: "blue", level: 2 } }) {
          userErrors { field message code }
          conversationsUser { friendlyName attributes chatUser { friendlyName attributes } }
        }
      }`,
      { identity: person.identity },
    );
    expect(expectData(result).updateConversationsUser).toEqual({
      userErrors: [],
      conversationsUser: {
        friendlyName: 'Renamed',
        attributes: { team: 'blue', level: 2 },
        chatUser: { friendlyName: 'Renamed', attributes: { team: 'blue', level: 2 } },
      },
    });
  });

  it('updates a Chat user in a named service by SID', async () => {
    const person = await stack.emulator.person({ extraChat: true });
    const service = account.chatServiceSids[1]!;
    const sid = expectData(
      await stack.execute<{ chatUser: { sid: string } }>(
        `query ($s: ChatServiceSid!, $i: String!) { chatUser(serviceSid: $s, identity: $i) { sid } }`,
        { s: service, i: person.identity },
      ),
    ).chatUser.sid;
    const result = await stack.execute<{
      updateChatUser: {
        userErrors: UserErrorView[];
        chatUser: { sid: string; friendlyName: string };
      };
    }>(
      `mutation ($s: ChatServiceSid!, $sid: UserSid!) {
        updateChatUser(input: { serviceSid: $s, sid: $sid, friendlyName: "Chat Name" }) {
          userErrors { code } chatUser { sid friendlyName }
        }
      }`,
      { s: service, sid },
    );
    expect(expectData(result).updateChatUser).toEqual({
      userErrors: [],
      chatUser: { sid, friendlyName: 'Chat Name' },
    });
  });

  it('asks for exactly one of sid and identity and a JSON object for attributes', async () => {
    const result = await stack.execute<{
      updateConversationsUser: { userErrors: UserErrorView[] };
    }>(
      `mutation { updateConversationsUser(input: { attributes: "text" }) { userErrors { field message code } } }`,
    );
    expect(expectData(result).updateConversationsUser.userErrors).toEqual([
      { field: ['input'], message: 'Give exactly one of sid, identity', code: 'INVALID' },
      {
        field: ['input', 'attributes'],
        message: 'attributes must be a JSON object',
        code: 'INVALID',
      },
    ]);
    expect(await stack.emulator.requestLines()).toEqual([]);
  });
});
