import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EmulatorAccount } from '../../emulator/index.js';
import type { ExpectedFindings } from '../../emulator/expected-findings.js';
import type { PlantedOrphan } from '../../emulator/seed-reconciliation.js';
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

describe('offboardPerson and the workers named after a person', () => {
  let stack: Stack;
  let account: EmulatorAccount;
  let twilio: Twilio;
  let planted: PlantedOrphan[];

  const offboard = async (input: Record<string, unknown>) =>
    expectData(
      await stack.execute<{ offboardPerson: { steps: Step[]; completed: boolean } }>(
        offboardPersonExample.query,
        { input },
      ),
    ).offboardPerson;
  const emulatorJson = async <T>(path: string) =>
    (await (await fetch(`${stack.emulator.url}/__emulator/${path}`)).json()) as T;
  const worker = (sid: string) =>
    twilio('GET', `/v1/Workspaces/${account.workspaceSid}/Workers/${sid}`);

  beforeAll(async () => {
    stack = await startStack({ seedUsers: 120, env: { CACHE_TTL_SECONDS: '0' } });
    account = stack.emulator.accounts[0]!;
    twilio = createTwilio(stack.emulator.url, accountCredentials(account));
    planted = (await emulatorJson<{ planted: PlantedOrphan[] }>('planted-orphans')).planted;
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.emulator.clearRequests());

  it("deletes a deactivated person's lingering worker, which the reconciliation then no longer finds", async () => {
    const orphan = planted.find((p) => p.kind === 'DEACTIVATED_WITH_WORKER')!;
    const lingering = (findings: ExpectedFindings) =>
      findings.findings.filter(
        (f) => f.kind === 'DEACTIVATED_WITH_WORKER' && f.otherSid === orphan.otherSid,
      );
    expect(lingering(await emulatorJson<ExpectedFindings>('expected-findings'))).toHaveLength(1);

    const payload = await offboard({
      identity: orphan.identity,
      conversationsUser: 'KEEP',
      chatUsers: 'KEEP',
    });
    expect(payload.steps.map((s) => [s.action, s.target, s.outcome, s.reason])).toEqual([
      ['DEPROVISION_FLEX_USER', orphan.flexUserSid, 'ALREADY_DONE', 'already deactivated'],
      ['DELETE_WORKER', orphan.otherSid, 'DONE', null],
    ]);
    expect(payload.completed).toBe(true);
    expect((await worker(orphan.otherSid)).status).toBe(404);
    expect(lingering(await emulatorJson<ExpectedFindings>('expected-findings'))).toEqual([]);
    expect((await stack.emulator.requestLines()).filter((l) => !l.startsWith('GET '))).toEqual([
      `DELETE /v1/Workspaces/${account.workspaceSid}/Workers/${orphan.otherSid}`,
    ]);
  });

  it('never deletes the worker of a Flex user that stays active', async () => {
    const person = await stack.emulator.person({ flex: true, deactivated: false });
    const flexUser = (
      await twilio('GET', `/v4/Instances/${account.flexInstanceSid}/Users/${person.flexUserSid}`)
    ).body as { worker_sid: string };
    const payload = await offboard({ identity: person.identity, steps: ['DELETE_WORKER'] });
    expect(payload.steps[1]).toEqual({
      action: 'DELETE_WORKER',
      target: null,
      outcome: 'SKIPPED',
      reason: `the Flex user ${person.flexUserSid} is active: deprovision it first`,
      error: null,
    });
    expect(payload.completed).toBe(false);
    expect((await worker(flexUser.worker_sid)).status).toBe(200);
    expect((await stack.emulator.requestLines()).filter((l) => !l.startsWith('GET '))).toEqual([]);
  });
});
