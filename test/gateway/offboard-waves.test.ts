import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EmulatorAccount, LoggedRequest } from '../../emulator/index.js';
import { alternateIdentity } from '../../resolvers/flex-identity.js';
import { offboardPersonExample } from '../../server/playground/examples.js';
import { accountCredentials, createTwilio, type Twilio } from '../emulator/twilio-request.js';
import { expectData } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';

/**
 * offboardPerson's waves, read from the emulator's log with latency injected into every call, so
 * that each call lasts long enough for calls sent together to overlap and for a call sent after
 * an answer to arrive visibly after it. Only the order of arrivals and answers is asserted,
 * never a duration.
 */
const LATENCY_MS = 300;
/** The log's clock is whole milliseconds: an arrival may read up to this much before its cause. */
const CLOCK_MS = 2;

interface Step {
  action: string;
  target: string | null;
  outcome: string;
  error: { twilioCode: number | null } | null;
}

const start = (call: LoggedRequest) => Date.parse(call.time);
const end = (call: LoggedRequest) => start(call) + call.durationMs;
/** Every call of the group was sent before any of them was answered: one round trip. */
const expectOverlap = (calls: LoggedRequest[]) => {
  expect(calls.length).toBeGreaterThan(0);
  expect(Math.max(...calls.map(start))).toBeLessThan(Math.min(...calls.map(end)));
};
/** Every call of `later` was sent once every call of `earlier` had been answered. */
const expectAfter = (later: LoggedRequest[], earlier: LoggedRequest[]) => {
  expect(Math.min(...later.map(start))).toBeGreaterThanOrEqual(
    Math.max(...earlier.map(end)) - CLOCK_MS,
  );
};

describe('offboardPerson sends its calls in waves', () => {
  let stack: Stack;
  let account: EmulatorAccount;
  let twilio: Twilio;

  beforeAll(async () => {
    // No retries: the injected failure is the step's answer. No cache: every look-up is a call.
    stack = await startStack({
      seedUsers: 40,
      env: { TWILIO_RETRIES: '0', CACHE_TTL_SECONDS: '0' },
    });
    account = stack.emulator.accounts[0]!;
    twilio = createTwilio(stack.emulator.url, accountCredentials(account));
  });
  afterAll(() => stack.close());
  beforeEach(async () => {
    await stack.emulator.setFaults({});
    await stack.emulator.clearRequests();
  });

  it('look-ups at once, then the deprovision, then the writes at once; a failing write leaves its siblings alone and keeps its Twilio code', async () => {
    const person = await stack.emulator.person({
      flex: true,
      deactivated: false,
      conversations: true,
      extraChat: true,
    });
    const [defaultService, extraService] = account.chatServiceSids as [string, string];
    const extraChat = (
      await twilio(
        'GET',
        `/v2/Services/${extraService}/Users/${encodeURIComponent(person.identity)}`,
      )
    ).body as { sid: string };
    await stack.emulator.clearRequests();
    // The extra service's Chat delete fails; every call, that one too, takes LATENCY_MS.
    await stack.emulator.setFaults({
      rules: [
        {
          path: `^/v2/Services/${extraService}/Users/US[0-9a-f]{32}$`,
          errorRate: 1,
          errorStatus: 500,
          latencyMs: LATENCY_MS,
        },
        { latencyMs: LATENCY_MS },
      ],
    });
    const { offboardPerson } = expectData(
      await stack.execute<{ offboardPerson: { steps: Step[]; completed: boolean } }>(
        offboardPersonExample.query,
        { input: { identity: person.identity } },
      ),
    );
    await stack.emulator.setFaults({});

    // Every step reported, in the documented order, whatever order they ran in.
    expect(
      offboardPerson.steps.map((s) => [s.action, s.target, s.outcome, s.error?.twilioCode ?? null]),
    ).toEqual([
      ['DEPROVISION_FLEX_USER', person.flexUserSid, 'DONE', null],
      ['DELETE_WORKER', null, 'ALREADY_DONE', null],
      ['DELETE_CONVERSATIONS_USER', person.userSid, 'DONE', null],
      ['DELETE_CHAT_USER', `${defaultService}/${person.userSid}`, 'ALREADY_DONE', null],
      ['DELETE_CHAT_USER', `${extraService}/${extraChat.sid}`, 'FAILED', 20500],
    ]);
    expect(offboardPerson.completed).toBe(false);

    const calls = (await stack.emulator.requests()).filter(
      (call) => call.account === account.accountSid && !call.path.startsWith('/__emulator'),
    );
    const is = (method: string, path: RegExp) => (call: LoggedRequest) =>
      call.method === method && path.test(decodeURIComponent(call.path));
    const lookups = calls.filter(
      (call) =>
        call.method === 'GET' &&
        !call.path.includes('/Workers') &&
        (call.path.includes('/Instances/') ||
          call.path.startsWith('/v1/Users/') ||
          call.path.startsWith('/v2/Services/')),
    );
    const deprovision = calls.filter(is('POST', /\/Users\/Deprovision$/));
    const workerLookups = calls.filter(is('GET', /\/Workers$/));
    const conversationsDelete = calls.filter(is('DELETE', /^\/v1\/Users\/US/));
    const extraDelete = calls.filter(is('DELETE', new RegExp(`^/v2/Services/${extraService}/`)));
    const sharedDelete = calls.filter(
      is('DELETE', new RegExp(`^/v2/Services/${defaultService}/Users/${person.userSid}$`)),
    );
    // Flex, Conversations and both chat services, each for every identity form.
    const forms = alternateIdentity(person.identity) === null ? 1 : 2;
    expect(lookups).toHaveLength(4 * forms);
    expect(deprovision).toHaveLength(1);
    expect(workerLookups).toHaveLength(forms);
    expect(conversationsDelete).toHaveLength(1);
    expect(extraDelete).toHaveLength(1);
    expect(extraDelete[0]!.status).toBe(500);
    expect(sharedDelete).toHaveLength(1);
    // Nothing else was sent.
    expect(calls).toHaveLength(5 * forms + 4);

    // Wave 1: every look-up at once.
    expectOverlap(lookups);
    // Wave 2: the deprovision, alone, once they all answered.
    expectAfter(deprovision, lookups);
    // Wave 3: the worker look-ups and the independent deletes at once, after the deprovision.
    const writes = [...workerLookups, ...conversationsDelete, ...extraDelete];
    expectAfter(writes, deprovision);
    expectOverlap(writes);
    // The Conversations user's own Chat user, after the Conversations delete answered (and the
    // failing sibling did not hold it back, nor it the sibling).
    expectAfter(sharedDelete, conversationsDelete);
  });

  it('a failed look-up in wave 1 is reported with its Twilio code; the other look-ups still answer', async () => {
    const person = await stack.emulator.person({
      flex: true,
      deactivated: false,
      conversations: true,
      extraChat: true,
    });
    await stack.emulator.setFaults({
      rules: [
        { path: '^/v1/Users/[^U]', errorRate: 1, errorStatus: 503, latencyMs: LATENCY_MS },
        { latencyMs: LATENCY_MS },
      ],
    });
    const { offboardPerson } = expectData(
      await stack.execute<{ offboardPerson: { steps: Step[]; completed: boolean } }>(
        offboardPersonExample.query,
        { input: { identity: person.identity, dryRun: true } },
      ),
    );
    await stack.emulator.setFaults({});
    const conversations = offboardPerson.steps.filter(
      (s) => s.action === 'DELETE_CONVERSATIONS_USER',
    );
    expect(conversations.length).toBeGreaterThan(0);
    expect(
      conversations.every((s) => s.outcome === 'FAILED' && s.error?.twilioCode === 20503),
    ).toBe(true);
    expect(offboardPerson.steps.map((s) => s.action)).toEqual([
      'DEPROVISION_FLEX_USER',
      'DELETE_WORKER',
      ...conversations.map(() => 'DELETE_CONVERSATIONS_USER'),
      'DELETE_CHAT_USER',
      'DELETE_CHAT_USER',
    ]);
    expect(
      offboardPerson.steps
        .filter((s) => s.action !== 'DELETE_CONVERSATIONS_USER')
        .map((s) => s.outcome),
    ).toEqual(['PLANNED', 'PLANNED', 'PLANNED', 'PLANNED']);
    const lookups = (await stack.emulator.requests()).filter(
      (call) => call.account === account.accountSid && call.method === 'GET',
    );
    expectOverlap(lookups.filter((call) => !call.path.includes('/Workers')));
  });
});
