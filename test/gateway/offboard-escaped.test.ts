import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EmulatorAccount } from '../../emulator/index.js';
import { flexEscape } from '../../resolvers/flex-identity.js';
import { offboardPersonExample } from '../../server/playground/examples.js';
import { accountCredentials, createTwilio, type Twilio } from '../emulator/twilio-request.js';
import { expectData } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';

interface Step {
  action: string;
  target: string | null;
  outcome: string;
  reason: string | null;
}

interface Payload {
  steps: Step[];
  completed: boolean;
}

const brief = (steps: Step[]) => steps.map((s) => [s.action, s.target, s.outcome, s.reason]);
const otherForm = (identity: string) => `found as ${identity} (the other Flex form)`;

/** A stack with Flex identity escapes on or off, and the seed's people as it made them. */
async function stackWith(escapes: boolean) {
  const stack = await startStack({
    seedUsers: 120,
    env: { TWILIO_FLEX_IDENTITY_ESCAPES: String(escapes), CACHE_TTL_SECONDS: '0' },
  });
  const account = stack.emulator.accounts[0]!;
  const people = await stack.emulator.people({ limit: 100_000 });
  const offboard = async (input: Record<string, unknown>) =>
    expectData(
      await stack.execute<{ offboardPerson: Payload }>(offboardPersonExample.query, { input }),
    ).offboardPerson;
  /** The seed's agents whose Conversations (and Chat) identity is the escaped Flex username. */
  const escapedAgents = people.flatMap((flex) => {
    const twin = people.find((p) => p.identity === flexEscape(flex.identity) && p !== flex);
    return flex.flexUserSid && !flex.deactivated && twin?.userSid && !twin.flexUserSid
      ? [{ flex, twin }]
      : [];
  });
  return { stack, account, people, offboard, escapedAgents };
}

describe('offboardPerson finds the records held in the other Flex identity form', () => {
  let world: Awaited<ReturnType<typeof stackWith>>;
  let stack: Stack;
  let account: EmulatorAccount;
  let twilio: Twilio;
  const now = async (identity: string) =>
    (await stack.emulator.people({ limit: 100_000 })).find((p) => p.identity === identity);

  beforeAll(async () => {
    world = await stackWith(true);
    ({ stack, account } = world);
    twilio = createTwilio(stack.emulator.url, accountCredentials(account));
    // The seed makes three such agents; each test takes its own.
    expect(world.escapedAgents.length).toBeGreaterThanOrEqual(2);
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.emulator.clearRequests());

  it('offboards an agent whose chat identities are escaped fully, saying which form each step found', async () => {
    const { flex, twin } = world.escapedAgents[0]!;
    const flexUser = (
      await twilio('GET', `/v4/Instances/${account.flexInstanceSid}/Users/${flex.flexUserSid}`)
    ).body as { worker_sid: string };
    const extra = account.chatServiceSids[1]!;
    const extraChat = await twilio(
      'GET',
      `/v2/Services/${extra}/Users/${encodeURIComponent(twin.identity)}`,
    );
    const payload = await world.offboard({ identity: flex.identity });
    const chatSteps =
      extraChat.status === 200
        ? [
            [
              'DELETE_CHAT_USER',
              `${extra}/${(extraChat.body as { sid: string }).sid}`,
              'DONE',
              otherForm(twin.identity),
            ],
          ]
        : [['DELETE_CHAT_USER', extra, 'ALREADY_DONE', expect.any(String)]];
    expect(brief(payload.steps)).toEqual([
      ['DEPROVISION_FLEX_USER', flex.flexUserSid, 'DONE', null],
      [
        'DELETE_WORKER',
        null,
        'ALREADY_DONE',
        `no worker named ${flex.identity} or ${twin.identity}`,
      ],
      ['DELETE_CONVERSATIONS_USER', twin.userSid, 'DONE', otherForm(twin.identity)],
      // The Conversations user's Chat user, deleted after it: gone with it.
      [
        'DELETE_CHAT_USER',
        `${account.defaultChatServiceSid}/${twin.userSid}`,
        'ALREADY_DONE',
        otherForm(twin.identity),
      ],
      ...chatSteps,
    ]);
    expect(payload.completed).toBe(true);
    // The emulator's state: deactivated, its worker gone, no record left under either form.
    expect(await now(flex.identity)).toMatchObject({ deactivated: true, chatServiceSids: [] });
    expect(await now(twin.identity)).toBeUndefined();
    const worker = await twilio(
      'GET',
      `/v1/Workspaces/${account.workspaceSid}/Workers/${flexUser.worker_sid}`,
    );
    expect(worker.status).toBe(404);
  });

  it('takes the escaped form as input too, finding the Flex user under the plain one', async () => {
    const { flex, twin } = world.escapedAgents[1]!;
    const payload = await world.offboard({ identity: twin.identity });
    expect(brief(payload.steps).slice(0, 3)).toEqual([
      ['DEPROVISION_FLEX_USER', flex.flexUserSid, 'DONE', otherForm(flex.identity)],
      ['DELETE_WORKER', null, 'ALREADY_DONE', expect.any(String)],
      ['DELETE_CONVERSATIONS_USER', twin.userSid, 'DONE', null],
    ]);
    expect(await now(flex.identity)).toMatchObject({ deactivated: true });
    expect(await now(twin.identity)).toBeUndefined();
  });

  it('dry run: lists the records of both forms, writes nothing', async () => {
    // A person with a Conversations user in each form, made through Twilio's API.
    const person = world.people.find(
      (p) => p.flexUserSid && p.userSid && !p.deactivated && p.identity.includes('@'),
    )!;
    const escaped = flexEscape(person.identity);
    const created = await twilio('POST', '/v1/Users', { form: { Identity: escaped } });
    expect(created.status).toBe(201);
    const escapedSid = (created.body as { sid: string }).sid;
    const flexUser = (
      await twilio('GET', `/v4/Instances/${account.flexInstanceSid}/Users/${person.flexUserSid}`)
    ).body as { worker_sid: string };
    await stack.emulator.clearRequests();

    const payload = await world.offboard({ identity: person.identity, dryRun: true });
    expect(brief(payload.steps).slice(0, 5)).toEqual([
      ['DEPROVISION_FLEX_USER', person.flexUserSid, 'PLANNED', null],
      ['DELETE_WORKER', flexUser.worker_sid, 'PLANNED', null],
      ['DELETE_CONVERSATIONS_USER', person.userSid, 'PLANNED', null],
      ['DELETE_CONVERSATIONS_USER', escapedSid, 'PLANNED', otherForm(escaped)],
      ['DELETE_CHAT_USER', `${account.defaultChatServiceSid}/${person.userSid}`, 'PLANNED', null],
    ]);
    expect(payload.steps[5]).toMatchObject({
      target: `${account.defaultChatServiceSid}/${escapedSid}`,
      outcome: 'PLANNED',
    });
    const lines = await stack.emulator.requestLines();
    expect(lines.filter((line) => !line.startsWith('GET '))).toEqual([]);
    expect(lines).toEqual(expect.arrayContaining([`GET /v1/Users/${escaped}`]));
    expect(await now(person.identity)).toEqual(person);
    expect(await now(escaped)).toMatchObject({ userSid: escapedSid });
  });
});

describe('offboardPerson with Flex identity escapes off', () => {
  it('looks up and acts on the identity as given only', async () => {
    const world = await stackWith(false);
    try {
      const { flex, twin } = world.escapedAgents[0]!;
      const payload = await world.offboard({ identity: flex.identity });
      expect(brief(payload.steps).slice(0, 3)).toEqual([
        ['DEPROVISION_FLEX_USER', flex.flexUserSid, 'DONE', null],
        ['DELETE_WORKER', null, 'ALREADY_DONE', `no worker named ${flex.identity}`],
        [
          'DELETE_CONVERSATIONS_USER',
          null,
          'ALREADY_DONE',
          `no Conversations user ${flex.identity}`,
        ],
      ]);
      const lines = await world.stack.emulator.requestLines();
      expect(lines.filter((line) => line.includes(twin.identity))).toEqual([]);
      // The escaped records are not this person's to the gateway: they stay.
      const left = (await world.stack.emulator.people({ limit: 100_000 })).find(
        (p) => p.identity === twin.identity,
      );
      expect(left).toMatchObject({ userSid: twin.userSid });
    } finally {
      await world.stack.close();
    }
  });
});
