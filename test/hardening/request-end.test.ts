/**
 * No Twilio call outlives its request: when one field's failure lets the response go while a
 * sibling's call is still in flight, that call is abandoned, and the operation's log line counts
 * every call that was sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmulatorAccount } from '../../emulator/index.js';
import { LogLines } from '../helpers/log-lines.js';
import { startStack, type Stack } from '../helpers/stack.js';

describe('the end of a request', () => {
  let stack: Stack;
  let account: EmulatorAccount;
  const logs = new LogLines();

  beforeAll(async () => {
    stack = await startStack({ seedUsers: 30, env: { LOG_LEVEL: 'info' }, logDestination: logs });
    account = stack.emulator.accounts[0] as EmulatorAccount;
  });
  afterAll(() => stack.close());

  it('abandons the calls still in flight when the response is sent, and counts them', async () => {
    const [failing, slow] = account.chatServiceSids as [string, string];
    const person = await stack.emulator.person({ conversations: true });
    // One configured service answers 400 at once, the other takes 5 s: chatUsers fails fast.
    await stack.emulator.setFaults({
      rules: [
        { path: `^/v2/Services/${failing}/`, errorRate: 1, errorStatus: 400 },
        { path: `^/v2/Services/${slow}/`, latencyMs: 5000 },
      ],
    });
    await stack.emulator.clearRequests();
    const result = await stack.execute(
      `query Abandon($i: String!) { user(identity: $i) { chatUsers { sid } } }`,
      { i: person.identity },
    );
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);

    // The slow call's socket is closed by the gateway, not answered 5 s later.
    let inFlight = 1;
    for (let i = 0; i < 100 && inFlight > 0; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      inFlight = (await stack.emulator.concurrency())[account.accountSid]?.inFlight ?? 0;
    }
    expect(inFlight).toBe(0);
    const sent = await stack.emulator.requests();
    const line = logs.lines.find((l) => l.operation === 'Abandon');
    expect(line?.upstreamCalls).toBe(sent.length);
    expect(sent.length).toBeGreaterThanOrEqual(2);
    await stack.emulator.setFaults({});
  });
});
