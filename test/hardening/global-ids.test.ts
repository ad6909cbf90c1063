/**
 * Global ids are decoded to a type and keys checked per type: a forged id is null and costs no
 * Twilio call, and a node is only ever returned as the type its id names.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EmulatorAccount } from '../../emulator/index.js';
import { expectData } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';

/** An id as the gateway encodes them, but with whatever keys a forger likes. */
const forge = (...parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');

const NODES = `query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`;

describe('global ids', () => {
  let stack: Stack;
  let account: EmulatorAccount;

  beforeAll(async () => {
    stack = await startStack({ seedUsers: 30 });
    account = stack.emulator.accounts[0] as EmulatorAccount;
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.emulator.clearRequests());

  it('answers null for forged ids without calling Twilio', async () => {
    const person = await stack.emulator.person({ flex: true, conversations: true });
    const service = account.chatServiceSids[0] as string;
    const user = person.userSid as string;
    const forged = [
      // The examples that reached Twilio: a query string, a path and a traversal in a key.
      forge('ChatUser', `${service}?x=`, 'y'),
      forge('ChatUser', `${service}/Users/${person.identity}?`, user),
      forge(
        'FlexUser',
        account.flexInstanceSid,
        `../../v1/Instances/${account.flexInstanceSid}/Users?PageSize=1&`,
      ),
      forge('ConversationsUser', '..'),
      forge('ConversationsUser', `${user} `),
      forge('ConversationsUser', user.replace('US', 'US ')),
      forge('ChatUser', service, `${user.slice(0, 10)} ${user.slice(11)}`),
      // Keys of the wrong kind, count or type.
      forge('ConversationsUser', person.flexUserSid),
      forge('ChatUser', account.flexInstanceSid, user),
      forge('FlexUser', service, person.flexUserSid),
      forge('FlexUser', person.flexUserSid),
      forge('ConversationsUser', user, 'extra'),
      forge('ConversationsUser', 42),
      forge('User', ''),
      forge('User', '.'),
      forge('User', 'a\uD800'),
      forge('__proto__', user),
      forge('constructor'),
      'not base64 at all!',
      Buffer.from('{"type":"User"}').toString('base64url'),
    ];
    const result = await stack.execute<{ nodes: null[] }>(NODES, { ids: forged });
    expect(expectData(result).nodes).toEqual(forged.map(() => null));
    expect(await stack.emulator.requestLines()).toEqual([]);
  });

  it('returns each node as the type its id names, and fetches it by that type only', async () => {
    const person = await stack.emulator.person({ flex: true, conversations: true });
    const service = account.chatServiceSids[0] as string;
    const ids = [
      forge('ConversationsUser', person.userSid),
      forge('ChatUser', service, person.userSid),
      forge('FlexUser', account.flexInstanceSid, person.flexUserSid),
      forge('User', person.identity),
    ];
    const result = await stack.execute<{ nodes: { __typename: string; id: string }[] }>(NODES, {
      ids,
    });
    expect(expectData(result).nodes).toEqual([
      { __typename: 'ConversationsUser', id: ids[0] },
      { __typename: 'ChatUser', id: ids[1] },
      { __typename: 'FlexUser', id: ids[2] },
      { __typename: 'User', id: ids[3] },
    ]);
    expect((await stack.emulator.requestLines()).sort()).toEqual(
      [
        `GET /v1/Users/${person.userSid}`,
        `GET /v2/Services/${service}/Users/${person.userSid}`,
        `GET /v2/Instances/${account.flexInstanceSid}/Users/${person.flexUserSid}`,
      ].sort(),
    );
  });
});
