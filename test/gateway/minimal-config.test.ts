/**
 * An account SID and auth token are enough: the Flex instance and the chat service a person is
 * looked up in come from Flex's `GET /v1/Configuration`, read once per account.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EmulatorAccount } from '../../emulator/index.js';
import { expectData } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';

const PROFILE = `query ($i: String!) {
  user(identity: $i) { flexUser { sid } chatUsers { serviceSid } }
}`;

interface Profile {
  user: { flexUser: { sid: string } | null; chatUsers: { serviceSid: string }[] };
}

describe('with only the account credentials configured', () => {
  let stack: Stack;
  let account: EmulatorAccount;

  beforeAll(async () => {
    stack = await startStack({
      seedUsers: 30,
      env: { TWILIO_FLEX_INSTANCE_SID: '', TWILIO_CHAT_SERVICE_SIDS: '' },
    });
    account = stack.emulator.accounts[0] as EmulatorAccount;
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.emulator.clearRequests());
  afterEach(() => stack.emulator.setFaults({}));

  it("finds the Flex instance and chat service in Flex's Configuration, read once", async () => {
    const [first, second] = await stack.emulator.people({ flex: true, conversations: true });
    for (const person of [first!, second!]) {
      const result = await stack.execute<Profile>(PROFILE, { i: person.identity });
      expect(expectData(result).user).toEqual({
        flexUser: { sid: person.flexUserSid },
        chatUsers: [{ serviceSid: account.defaultChatServiceSid }],
      });
    }
    const configurationReads = (await stack.emulator.requestLines()).filter(
      (line) => line === 'GET /v1/Configuration',
    );
    expect(configurationReads).toHaveLength(1);
  });
});

describe('for an account whose Flex Configuration names no instance', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ seedUsers: 20, env: { TWILIO_FLEX_INSTANCE_SID: '' } });
    // Twilio answers 404 for an account without Flex.
    await stack.emulator.setFaults({ path: '^/v1/Configuration$', errorRate: 1, errorStatus: 404 });
  });
  afterAll(() => stack.close());

  it('says why a person has no Flex user, as flexUserByUsername does', async () => {
    const person = await stack.emulator.person({ flex: true });
    const result = await stack.execute(
      `query ($i: String!) { user(identity: $i) { flexUser { sid } } flexUserByUsername(username: $i) { sid } }`,
      { i: person.identity },
    );
    const reasons = result.errors?.map((e) => [e.path?.join('.'), e.extensions?.code, e.message]);
    const why = expect.stringMatching(/^No Flex instance known for this account/) as string;
    expect(reasons?.sort()).toEqual([
      ['flexUserByUsername', 'BAD_USER_INPUT', why],
      ['user.flexUser', 'BAD_USER_INPUT', why],
    ]);
  });
});
