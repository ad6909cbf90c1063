import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import type { ExpectedFinding, ExpectedFindings } from '../../emulator/expected-findings.js';
import type { PlantedOrphan } from '../../emulator/seed-reconciliation.js';
import { createEmulatorClient, type EmulatorClient } from '../helpers/emulator.js';
import { accountCredentials, createTwilio, type Twilio } from './twilio-request.js';

let emulator: RunningEmulator;
let client: EmulatorClient;
let twilio: Twilio;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seedUsers: 120 });
  client = createEmulatorClient(emulator);
  twilio = createTwilio(emulator.url, accountCredentials(emulator.accounts[0]!));
});
afterAll(() => emulator.close());

async function expected(query = ''): Promise<ExpectedFindings> {
  const response = await fetch(`${emulator.url}/__emulator/expected-findings${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as ExpectedFindings;
}

/** A finding's JSON line with its keys in the gateway's order, whatever order `f` has them in. */
const line = (f: ExpectedFinding) =>
  JSON.stringify([f.kind, f.identity, f.flexUserSid, f.otherSid, f.serviceSid, f.otherName]);
const sorted = (findings: ExpectedFinding[]) => findings.map(line).sort();
const finding = (
  kind: ExpectedFinding['kind'],
  fields: Partial<ExpectedFinding>,
): ExpectedFinding => ({
  identity: '',
  flexUserSid: null,
  otherSid: null,
  serviceSid: null,
  otherName: null,
  ...fields,
  kind,
});

describe('GET /__emulator/expected-findings', () => {
  it('follows the store through Twilio writes, kind by kind, for one hand-made person', async () => {
    const account = emulator.accounts[0]!;
    const extra = account.chatServiceSids.find((sid) => sid !== account.defaultChatServiceSid)!;
    const v4 = `/v4/Instances/${account.flexInstanceSid}/Users`;
    const username = 'orc.one@owlbank.example';
    const escaped = 'orc_2Eone_40owlbank_2Eexample';
    const about = async () =>
      sorted(
        (await expected()).findings.filter(
          (f) => f.identity === username || f.identity === escaped,
        ),
      );
    const worker = { attributes: {} };
    const provisioned = await twilio('POST', `${v4}/Provision`, {
      json: { username, email: username, full_name: 'Orc One', roles: ['agent'], worker },
    });
    expect(provisioned.status).toBe(201);
    const flexUserSid = (provisioned.body as { flex_user_sid: string }).flex_user_sid;
    const lookup = await twilio('GET', `/v1/Users/${encodeURIComponent(username)}`);
    const conversationsSid = (lookup.body as { sid: string }).sid;
    // Provisioning links a Conversations user of the same name and a worker: nothing to find.
    expect(await about()).toEqual([]);

    await twilio('POST', `/v1/Users/${conversationsSid}`, { form: { FriendlyName: 'Orc Two' } });
    const chat = await twilio('POST', `/v2/Services/${extra}/Users`, {
      form: { Identity: escaped },
    });
    const chatSid = (chat.body as { sid: string }).sid;
    const drift = finding('NAME_DRIFT', {
      identity: username,
      flexUserSid,
      otherSid: conversationsSid,
      otherName: 'Orc Two',
    });
    const escapedChat = { identity: escaped, flexUserSid, otherSid: chatSid, serviceSid: extra };
    // The Chat user has no name (null): matched in the escaped form only, and no drift.
    expect(await about()).toEqual(sorted([drift, finding('ESCAPED_IDENTITY_ONLY', escapedChat)]));

    await twilio('POST', `${v4}/Deprovision`, { json: { flex_user_sid: flexUserSid } });
    expect(await about()).toEqual(
      sorted([
        drift,
        finding('DEACTIVATED_WITH_CONVERSATIONS_USER', { ...drift, otherName: null }),
        finding('DEACTIVATED_WITH_CHAT_USERS', escapedChat),
        finding('ESCAPED_IDENTITY_ONLY', escapedChat),
      ]),
    );

    // Provisioning again reactivates the user with a new worker (matched: nothing to find);
    // deleting the Conversations user leaves an active Flex user without one.
    await twilio('POST', `${v4}/Provision`, {
      json: { username, email: username, full_name: 'Orc One', roles: ['agent'], worker },
    });
    await twilio('DELETE', `/v1/Users/${conversationsSid}`);
    expect(await about()).toEqual(
      sorted([
        finding('ACTIVE_WITHOUT_CONVERSATIONS_USER', { identity: username, flexUserSid }),
        finding('ESCAPED_IDENTITY_ONLY', escapedChat),
      ]),
    );
  });

  it('finds a record no Flex user matches, in each product', async () => {
    const account = emulator.accounts[0]!;
    const extra = account.chatServiceSids.find((sid) => sid !== account.defaultChatServiceSid)!;
    const identity = 'nobody.at.all';
    const conversations = await twilio('POST', '/v1/Users', { form: { Identity: identity } });
    const chat = await twilio('POST', `/v2/Services/${extra}/Users`, {
      form: { Identity: identity, FriendlyName: 'Nobody' },
    });
    const { findings } = await expected();
    expect(sorted(findings.filter((f) => f.identity === identity))).toEqual(
      sorted([
        finding('CONVERSATIONS_USER_WITHOUT_FLEX_USER', {
          identity,
          otherSid: (conversations.body as { sid: string }).sid,
        }),
        finding('CHAT_USER_WITHOUT_FLEX_USER', {
          identity,
          otherSid: (chat.body as { sid: string }).sid,
          serviceSid: extra,
        }),
      ]),
    );
    // The seed's workers named after no one.
    const orphanWorkers = findings.filter((f) => f.kind === 'WORKER_WITHOUT_FLEX_USER');
    expect(orphanWorkers.map((f) => f.identity)).toEqual(
      expect.arrayContaining(['overflow-bot', 'after-hours-queue', 'legacy.ivr.worker']),
    );
  });

  it('holds every planted orphan and every kind, counted by kind, for the seed as reset', async () => {
    await client.reset();
    const { findings, byKind } = await expected();
    const response = await fetch(`${emulator.url}/__emulator/planted-orphans`);
    const { planted } = (await response.json()) as { planted: PlantedOrphan[] };
    expect(planted).toHaveLength(6);
    const found = findings.map(({ kind, identity, flexUserSid, otherSid }) => ({
      kind,
      identity,
      flexUserSid,
      otherSid,
    }));
    expect(found).toEqual(expect.arrayContaining(planted));
    const counts: Record<string, number> = {};
    for (const { kind } of findings) counts[kind] = (counts[kind] ?? 0) + 1;
    expect(byKind).toEqual(counts);
    expect(Object.keys(byKind).sort()).toEqual([
      'ACTIVE_WITHOUT_CONVERSATIONS_USER',
      'CHAT_USER_WITHOUT_FLEX_USER',
      'CONVERSATIONS_USER_WITHOUT_FLEX_USER',
      'DEACTIVATED_WITH_CHAT_USERS',
      'DEACTIVATED_WITH_CONVERSATIONS_USER',
      'DEACTIVATED_WITH_WORKER',
      'ESCAPED_IDENTITY_ONLY',
      'NAME_DRIFT',
      'WORKER_WITHOUT_FLEX_USER',
    ]);
    // A control route: the log holds no request of it.
    expect(await client.requests()).toEqual([]);
  });

  it('reads the Chat services asked for, the account asked for, and refuses unknown ones', async () => {
    const [first, second] = emulator.accounts;
    const all = await expected();
    const extra = first!.chatServiceSids.find((sid) => sid !== first!.defaultChatServiceSid)!;
    expect(await expected(`?chatServiceSids=${extra}`)).toEqual(all);
    const none = await expected('?chatServiceSids=');
    const chatKinds = all.findings.filter((f) => f.serviceSid !== null);
    expect(chatKinds.length).toBeGreaterThan(0);
    expect(sorted(none.findings)).toEqual(
      sorted(all.findings.filter((f) => f.serviceSid === null)),
    );

    const other = await expected(`?accountSid=${second!.accountSid}`);
    const otherExtra = second!.chatServiceSids.find((sid) => sid !== second!.defaultChatServiceSid);
    expect(other.findings.some((f) => f.serviceSid === otherExtra)).toBe(true);
    expect(other.findings.some((f) => f.serviceSid === extra)).toBe(false);

    const unknownService = await fetch(
      `${emulator.url}/__emulator/expected-findings?chatServiceSids=${extra},IS${'0'.repeat(32)}`,
    );
    expect(unknownService.status).toBe(400);
    const foreignService = await fetch(
      `${emulator.url}/__emulator/expected-findings?chatServiceSids=${otherExtra}`,
    );
    expect(foreignService.status).toBe(400);
    const unknownAccount = await fetch(
      `${emulator.url}/__emulator/expected-findings?accountSid=AC0`,
    );
    expect(unknownAccount.status).toBe(404);
  });
});
