import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EmulatorAccount, SeededPerson } from '../../emulator/index.js';
import { accountCredentials, createTwilio, type Twilio } from '../emulator/twilio-request.js';
import { alternateIdentity } from '../../resolvers/flex-identity.js';
import { offboardPersonExample } from '../../server/playground/examples.js';
import { expectData } from '../helpers/graphql.js';
import { redisOrSkip, startRedis, type RedisServer } from '../helpers/redis.js';
import { startStack, type Stack } from '../helpers/stack.js';

// The playground's document: the tab is tested by every case here.
const OFFBOARD = offboardPersonExample.query;

interface Step {
  action: string;
  target: string | null;
  outcome: string;
  reason: string | null;
  error: { code: string; twilioCode: number | null; status: number | null } | null;
}

interface Payload {
  userErrors: { field: string[] | null; code: string }[];
  steps: Step[];
  completed: boolean;
  channelsRemaining: boolean;
}

/** A step as compared here: the outcome, and the error's Twilio code when it failed. */
const brief = (steps: Step[]) =>
  steps.map((s) => [s.action, s.target, s.outcome, s.error?.twilioCode ?? null]);

describe('offboardPerson', () => {
  let stack: Stack;
  let account: EmulatorAccount;
  let twilio: Twilio;
  let dir: string;
  let auditFile: string;
  let people: SeededPerson[];
  /** A Chat user in more channels than one call leaves (the seed puts one at the limit, 250). */
  let busy: { identity: string; joined_channels_count: number };
  /** Each test takes people nobody else has touched. */
  let taken = 0;
  const nextPerson = () => {
    const person = people[taken++];
    if (!person) throw new Error('out of seeded people');
    return person;
  };

  const offboard = async (input: Record<string, unknown>) =>
    expectData(await stack.execute<{ offboardPerson: Payload }>(OFFBOARD, { input }))
      .offboardPerson;
  const writes = (lines: string[]) => lines.filter((line) => !line.startsWith('GET '));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'offboard-'));
    auditFile = join(dir, 'audit.jsonl');
    // No retries: an injected failure is the step's answer, not a call retried away.
    stack = await startStack({
      seedUsers: 60,
      env: { AUDIT_LOG: auditFile, TWILIO_RETRIES: '0' },
    });
    account = stack.emulator.accounts[0]!;
    twilio = createTwilio(stack.emulator.url, accountCredentials(account));
    const users = (
      (await twilio('GET', `/v2/Services/${account.chatServiceSids[0]}/Users?PageSize=100`))
        .body as { users: { identity: string; joined_channels_count: number }[] }
    ).users;
    busy = users.find((u) => u.joined_channels_count > 60)!;
    people = (
      await stack.emulator.people({
        flex: true,
        deactivated: false,
        conversations: true,
        extraChat: true,
        limit: 20,
      })
    ).filter((person) => person.identity !== busy.identity);
  });
  afterAll(async () => {
    await stack.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await stack.emulator.setFaults({});
    await stack.emulator.clearRequests();
  });

  const defaultService = () => account.chatServiceSids[0]!;
  const extraService = () => account.chatServiceSids[1]!;
  const flexUsers = () => `/v4/Instances/${account.flexInstanceSid}/Users`;
  /** The person's Chat user SID in the extra service, from the emulator. */
  const extraChatUserSid = async (person: SeededPerson) =>
    (
      (
        await twilio(
          'GET',
          `/v2/Services/${extraService()}/Users/${encodeURIComponent(person.identity)}`,
        )
      ).body as { sid: string }
    ).sid;
  const now = async (person: SeededPerson) =>
    (await stack.emulator.people({ limit: 100_000 })).find((p) => p.identity === person.identity);

  it('deprovisions the Flex user, deletes the Conversations and Chat users, and reports each step', async () => {
    const person = nextPerson();
    const before = (await twilio('GET', `${flexUsers()}/${person.flexUserSid}`)).body as {
      worker_sid: string;
    };
    const chatSid = await extraChatUserSid(person);
    await stack.emulator.clearRequests();

    const payload = await offboard({ identity: person.identity });
    expect(payload.userErrors).toEqual([]);
    expect(brief(payload.steps)).toEqual([
      ['DEPROVISION_FLEX_USER', person.flexUserSid, 'DONE', null],
      // Deprovisioning removed the worker: none is left under the person's name.
      ['DELETE_WORKER', null, 'ALREADY_DONE', null],
      ['DELETE_CONVERSATIONS_USER', person.userSid, 'DONE', null],
      // The default service's Chat user is the Conversations user: its delete, sent once the
      // Conversations delete answered, finds it gone.
      ['DELETE_CHAT_USER', `${defaultService()}/${person.userSid}`, 'ALREADY_DONE', null],
      ['DELETE_CHAT_USER', `${extraService()}/${chatSid}`, 'DONE', null],
    ]);
    expect(payload).toMatchObject({ completed: true, channelsRemaining: false });
    // Each look-up in both of Flex's forms (escapes are on by default), the exact one first.
    const other = alternateIdentity(person.identity);
    const both = (line: (identity: string) => string) =>
      other === null ? [line(person.identity)] : [line(person.identity), line(other)];
    const lines = await stack.emulator.requestLines();
    const lookups = [
      ...both((identity) => `GET ${flexUsers()}?Username=${identity}`),
      ...both((identity) => `GET /v1/Users/${identity}`),
      ...both((identity) => `GET /v2/Services/${defaultService()}/Users/${identity}`),
      ...both((identity) => `GET /v2/Services/${extraService()}/Users/${identity}`),
    ];
    const deprovision = `POST ${flexUsers()}/Deprovision`;
    const afterIt = [
      ...both(
        (identity) =>
          `GET /v1/Workspaces/${account.workspaceSid}/Workers?FriendlyName=${identity}&PageSize=1`,
      ),
      `DELETE /v1/Users/${person.userSid}`,
      `DELETE /v2/Services/${extraService()}/Users/${chatSid}`,
    ];
    const sharedChatDelete = `DELETE /v2/Services/${defaultService()}/Users/${person.userSid}`;
    // Every call once; the look-ups (both Flex forms, escapes being on by default) all before
    // the deprovision, the rest after it, the shared Chat user after the Conversations delete.
    // (The arrival order within a wave is free: offboard-waves.test.ts proves the overlap.)
    expect([...lines].sort()).toEqual(
      [...lookups, deprovision, ...afterIt, sharedChatDelete].sort(),
    );
    expect(lines.slice(0, lookups.length).sort()).toEqual([...lookups].sort());
    expect(lines[lookups.length]).toBe(deprovision);
    expect(lines.at(-1)).toBe(sharedChatDelete);
    expect(other).not.toBeNull();
    // The emulator's state: deactivated, no worker, no Conversations or Chat user left.
    expect(await now(person)).toMatchObject({
      deactivated: true,
      userSid: null,
      chatServiceSids: [],
    });
    const flexUser = (await twilio('GET', `${flexUsers()}/${person.flexUserSid}`)).body;
    expect(flexUser).toMatchObject({ deactivated: true, worker_sid: null });
    const worker = await twilio(
      'GET',
      `/v1/Workspaces/${account.workspaceSid}/Workers/${before.worker_sid}`,
    );
    expect(worker.status).toBe(404);

    // Twice: every step already done, and only look-ups sent.
    await stack.emulator.clearRequests();
    const again = await offboard({ identity: person.identity });
    expect(again.steps.map((s) => [s.action, s.outcome])).toEqual([
      ['DEPROVISION_FLEX_USER', 'ALREADY_DONE'],
      ['DELETE_WORKER', 'ALREADY_DONE'],
      ['DELETE_CONVERSATIONS_USER', 'ALREADY_DONE'],
      ['DELETE_CHAT_USER', 'ALREADY_DONE'],
      ['DELETE_CHAT_USER', 'ALREADY_DONE'],
    ]);
    expect(again.completed).toBe(true);
    const againLines = await stack.emulator.requestLines();
    expect(writes(againLines)).toEqual([]);
    // At most the five look-ups in both forms (the gateway may answer one Chat look-up from
    // what it knows).
    expect(againLines.length).toBeLessThanOrEqual(10);
  });

  it('dry run: only look-ups, every step PLANNED, nothing changed', async () => {
    const person = nextPerson();
    const payload = await offboard({ identity: person.identity, dryRun: true });
    expect(payload.steps.map((s) => [s.action, s.outcome])).toEqual([
      ['DEPROVISION_FLEX_USER', 'PLANNED'],
      // The worker the deprovision would remove.
      ['DELETE_WORKER', 'PLANNED'],
      ['DELETE_CONVERSATIONS_USER', 'PLANNED'],
      ['DELETE_CHAT_USER', 'PLANNED'],
      ['DELETE_CHAT_USER', 'PLANNED'],
    ]);
    expect(payload.steps[0]!.target).toBe(person.flexUserSid);
    const lines = await stack.emulator.requestLines();
    expect(lines.length).toBeGreaterThan(0);
    expect(writes(lines)).toEqual([]);
    expect(await now(person)).toEqual(person);
  });

  it('a failed Flex deprovision skips, and reports, every later step; retrying it alone completes it', async () => {
    const person = nextPerson();
    await stack.emulator.setFaults({ errorRate: 1, errorStatus: 503, path: 'Users/Deprovision$' });
    const payload = await offboard({ identity: person.identity });
    expect(brief(payload.steps)).toEqual([
      ['DEPROVISION_FLEX_USER', person.flexUserSid, 'FAILED', 20503],
      ['DELETE_WORKER', null, 'SKIPPED', null],
      ['DELETE_CONVERSATIONS_USER', null, 'SKIPPED', null],
      ['DELETE_CHAT_USER', null, 'SKIPPED', null],
    ]);
    expect(payload.steps[0]!.error).toMatchObject({ status: 503 });
    expect(payload.steps[1]!.reason).toBe('the Flex deprovision failed');
    expect(payload.steps[2]!.reason).toBe('the Flex deprovision failed');
    expect(payload.completed).toBe(false);
    // Nothing was sent after the failed write.
    expect((await stack.emulator.requestLines()).at(-1)).toBe(`POST ${flexUsers()}/Deprovision`);
    expect(await now(person)).toEqual(person);

    await stack.emulator.setFaults({});
    await stack.emulator.clearRequests();
    const retried = await offboard({ identity: person.identity, steps: ['DEPROVISION_FLEX_USER'] });
    expect(retried.steps.map((s) => [s.action, s.outcome, s.reason])).toEqual([
      ['DEPROVISION_FLEX_USER', 'DONE', null],
      ['DELETE_WORKER', 'SKIPPED', 'not in input.steps'],
      ['DELETE_CONVERSATIONS_USER', 'SKIPPED', 'not in input.steps'],
      ['DELETE_CHAT_USER', 'SKIPPED', 'not in input.steps'],
    ]);
    expect(retried.completed).toBe(true);
    expect(writes(await stack.emulator.requestLines())).toEqual([
      `POST ${flexUsers()}/Deprovision`,
    ]);
    expect(await now(person)).toMatchObject({ deactivated: true, userSid: person.userSid });
  });

  it('a failed Conversations delete is FAILED with Twilio’s code, the Chat steps still run, and it can be retried alone', async () => {
    const person = nextPerson();
    await stack.emulator.setFaults({
      errorRate: 1,
      errorStatus: 500,
      path: `^/v1/Users/${person.userSid}$`,
    });
    const payload = await offboard({ identity: person.identity });
    expect(payload.steps.map((s) => [s.action, s.outcome, s.error?.twilioCode ?? null])).toEqual([
      ['DEPROVISION_FLEX_USER', 'DONE', null],
      ['DELETE_WORKER', 'ALREADY_DONE', null],
      ['DELETE_CONVERSATIONS_USER', 'FAILED', 20500],
      ['DELETE_CHAT_USER', 'DONE', null],
      ['DELETE_CHAT_USER', 'DONE', null],
    ]);
    expect(payload.completed).toBe(false);

    await stack.emulator.setFaults({});
    await stack.emulator.clearRequests();
    const retried = await offboard({
      identity: person.identity,
      steps: ['DELETE_CONVERSATIONS_USER'],
    });
    expect(retried.steps.map((s) => [s.action, s.outcome])).toEqual([
      ['DEPROVISION_FLEX_USER', 'SKIPPED'],
      ['DELETE_WORKER', 'SKIPPED'],
      ['DELETE_CONVERSATIONS_USER', 'ALREADY_DONE'],
      ['DELETE_CHAT_USER', 'SKIPPED'],
    ]);
    expect(retried.completed).toBe(true);
    expect(await now(person)).toMatchObject({
      deactivated: true,
      userSid: null,
      chatServiceSids: [],
    });
  });

  it('LEAVE_CHANNELS takes the Chat users out of their channels and keeps them', async () => {
    const person = nextPerson();
    const channelsOf = async (service: string) =>
      (
        (
          await twilio(
            'GET',
            `/v2/Services/${service}/Users/${encodeURIComponent(person.identity)}/Channels?PageSize=50`,
          )
        ).body as { channels: { channel_sid: string; member_sid: string }[] }
      ).channels.map((c) => ({ ...c, service }));
    const before = [...(await channelsOf(defaultService())), ...(await channelsOf(extraService()))];
    expect(before.length).toBeGreaterThan(0);
    expect(before.length).toBeLessThan(50);
    await stack.emulator.clearRequests();

    const payload = await offboard({
      identity: person.identity,
      conversationsUser: 'KEEP',
      chatUsers: 'LEAVE_CHANNELS',
    });
    const leaves = payload.steps.filter((s) => s.action === 'LEAVE_CHANNEL');
    expect(leaves.map((s) => s.outcome)).toEqual(before.map(() => 'DONE'));
    expect(leaves.map((s) => s.target!.split('/').slice(1))).toEqual(
      before.map((c) => [c.channel_sid, c.member_sid]),
    );
    expect(payload).toMatchObject({ completed: true, channelsRemaining: false });
    expect(
      writes(await stack.emulator.requestLines()).filter((l) => l.startsWith('DELETE')),
    ).toEqual(
      before.map(
        (c) => `DELETE /v2/Services/${c.service}/Channels/${c.channel_sid}/Members/${c.member_sid}`,
      ),
    );
    expect([
      ...(await channelsOf(defaultService())),
      ...(await channelsOf(extraService())),
    ]).toEqual([]);
    // Again, as a dry run: no channel is left to plan a leave for.
    await stack.emulator.clearRequests();
    const again = await offboard({
      identity: person.identity,
      conversationsUser: 'KEEP',
      chatUsers: 'LEAVE_CHANNELS',
      dryRun: true,
    });
    expect(again.steps.slice(2).map((s) => [s.action, s.outcome])).toEqual([
      ['LEAVE_CHANNEL', 'ALREADY_DONE'],
      ['LEAVE_CHANNEL', 'ALREADY_DONE'],
    ]);
    expect(writes(await stack.emulator.requestLines())).toEqual([]);
    // The users themselves are still there.
    expect(await now(person)).toMatchObject({
      userSid: person.userSid,
      chatServiceSids: person.chatServiceSids,
    });
  });

  it('leaves at most one page (50) of channels per Chat user per call and says more remain', async () => {
    await stack.emulator.clearRequests();
    const payload = await offboard({
      identity: busy.identity,
      steps: ['LEAVE_CHANNEL'],
      conversationsUser: 'KEEP',
      chatUsers: 'LEAVE_CHANNELS',
    });
    const leaves = payload.steps.filter(
      (s) => s.target?.startsWith(`${defaultService()}/CH`) && s.outcome === 'DONE',
    );
    expect(leaves).toHaveLength(50);
    const deletes = (await stack.emulator.requestLines()).filter((l) => l.startsWith('DELETE'));
    expect(deletes.length).toBe(payload.steps.filter((s) => s.outcome === 'DONE').length);
    const left = await twilio(
      'GET',
      `/v2/Services/${defaultService()}/Users/${encodeURIComponent(busy.identity)}`,
    );
    expect(left.body).toMatchObject({ joined_channels_count: busy.joined_channels_count - 50 });
    expect(payload).toMatchObject({ completed: false, channelsRemaining: true });
  });

  it('refuses malformed input before any Twilio call', async () => {
    const cases: [Record<string, unknown>, { field: string[]; code: string }[]][] = [
      [{ identity: '' }, [{ field: ['input', 'identity'], code: 'REQUIRED' }]],
      [{ identity: '..' }, [{ field: ['input', 'identity'], code: 'INVALID' }]],
      [{ identity: 'a', steps: [] }, [{ field: ['input', 'steps'], code: 'REQUIRED' }]],
      [
        { identity: 'a', chatUsers: 'REMOVE', steps: ['LEAVE_CHANNEL'] },
        [{ field: ['input', 'steps'], code: 'INVALID' }],
      ],
      [
        { identity: 'a', conversationsUser: 'KEEP', steps: ['DELETE_CONVERSATIONS_USER'] },
        [{ field: ['input', 'steps'], code: 'INVALID' }],
      ],
    ];
    for (const [input, userErrors] of cases) {
      const payload = await offboard(input);
      expect({
        ...payload,
        userErrors: payload.userErrors.map(({ field, code }) => ({ field, code })),
      }).toEqual({
        userErrors,
        steps: [],
        completed: false,
        channelsRemaining: false,
      });
    }
    const badSid = await stack.execute(OFFBOARD, {
      input: { identity: 'a', instanceSid: 'GO123' },
    });
    expect(badSid.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await stack.emulator.requestLines()).toEqual([]);
  });

  it('writes an audit record with the targets of its steps and a partial outcome on failure', async () => {
    const person = nextPerson();
    const seen = readFileSync(auditFile, 'utf8').split('\n').filter(Boolean).length;
    await stack.emulator.setFaults({ errorRate: 1, path: 'Users/Deprovision$' });
    await offboard({ identity: person.identity });
    const records = readFileSync(auditFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .slice(seen)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ operation: 'offboardPerson', outcome: 'partial' });
    expect(records[0]!.targets).toContain(person.flexUserSid);
    expect(JSON.stringify(records[0])).not.toContain(account.authToken);
  });
});

const redis = redisOrSkip();

describe.skipIf('skip' in redis)('offboardPerson with the cross-request cache (Redis)', () => {
  let server: RedisServer;
  let stack: Stack;
  beforeAll(async () => {
    server = await startRedis(redis as { path: string });
    stack = await startStack({
      seedUsers: 30,
      env: { REDIS_URL: server.url, REDIS_KEY_SECRET: 'offboard-test-secret-0123456789abcdef' },
    });
  });
  afterAll(async () => {
    await stack?.close();
    await server?.stop();
  });

  it('forgets the deleted Conversations and Chat users: the next read does not serve them', async () => {
    const person = await stack.emulator.person({
      flex: true,
      deactivated: false,
      conversations: true,
      extraChat: true,
    });
    const READ = `query ($identity: String!) { user(identity: $identity) { conversationsUser { sid } chatUsers { sid } } }`;
    type Read = {
      user: { conversationsUser: { sid: string } | null; chatUsers: { sid: string }[] | null };
    };
    // Read twice: the second answer comes from the cache, so the records are in it.
    await stack.execute(READ, { identity: person.identity });
    const cached = expectData(await stack.execute<Read>(READ, { identity: person.identity }));
    expect(cached.user.conversationsUser?.sid).toBe(person.userSid);
    expect(cached.user.chatUsers?.length).toBeGreaterThan(1);

    const result = await stack.execute<{ offboardPerson: Payload }>(OFFBOARD, {
      input: { identity: person.identity },
    });
    expect(expectData(result).offboardPerson.completed).toBe(true);
    const after = expectData(await stack.execute<Read>(READ, { identity: person.identity }));
    expect(after.user).toEqual({ conversationsUser: null, chatUsers: [] });
  });
});
