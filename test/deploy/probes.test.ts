/**
 * The probes an orchestrator uses: liveness and readiness look at this replica only, so a Twilio
 * incident takes no replica out; whether Twilio answers is on /upstreams and in /metrics.
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EmulatorAccount } from '../../emulator/index.js';
import { PROBE_PATHS } from '../../server/probes.js';
import { aString, expectData } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';

/** A loopback URL nothing listens on: a port just given back by a server that held it. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${address.port}`;
}

async function getJson(url: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.json() };
}

/** The `twilio_host_up` samples of a /metrics page, by product. */
async function hostUpGauge(baseUrl: string): Promise<Record<string, number>> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const samples: Record<string, number> = {};
  for (const [, product, value] of text.matchAll(/^twilio_host_up\{product="(\w+)"\} (\S+)$/gm)) {
    samples[product!] = Number(value);
  }
  return samples;
}

describe('probes while no Twilio host answers', () => {
  let stack: Stack;

  beforeAll(async () => {
    const closed = await closedPortUrl();
    stack = await startStack({
      seedUsers: 20,
      env: {
        TWILIO_FLEX_API_URL: closed,
        TWILIO_CONVERSATIONS_API_URL: `${closed}/conversations`,
        TWILIO_CHAT_API_URL: `${closed}/chat`,
        TWILIO_TASKROUTER_API_URL: `${closed}/taskrouter`,
      },
    });
  });
  afterAll(() => stack.close());

  it('is live and ready: a Twilio incident must not take every replica out at once', async () => {
    expect(await getJson(`${stack.url}${PROBE_PATHS.health}`)).toEqual({
      status: 200,
      body: { status: 'ok' },
    });
    expect(await getJson(`${stack.url}${PROBE_PATHS.ready}`)).toEqual({
      status: 200,
      body: { status: 'ready' },
    });
    expectData(await stack.execute('{ __typename }'));
  });

  it('shows every Twilio host down on /upstreams and in the twilio_host_up gauge', async () => {
    expect(await getJson(`${stack.url}${PROBE_PATHS.upstreams}`)).toEqual({
      status: 200,
      body: {
        upstreams: { flex: 'down', conversations: 'down', chat: 'down', taskrouter: 'down' },
        checkedAt: aString(),
      },
    });
    expect(await hostUpGauge(stack.url)).toEqual({
      flex: 0,
      conversations: 0,
      chat: 0,
      taskrouter: 0,
    });
  });
});

describe('probes while Twilio answers, and during shutdown', () => {
  let stack: Stack;
  let account: EmulatorAccount;
  let closing: Promise<void> | undefined;

  beforeAll(async () => {
    stack = await startStack({ seedUsers: 20, env: { TWILIO_TIMEOUT_MS: '10000' } });
    account = stack.emulator.accounts[0]!;
  });
  afterAll(() => closing ?? stack.close());

  it('shows every Twilio host up on /upstreams and in the twilio_host_up gauge', async () => {
    expect(await getJson(`${stack.url}${PROBE_PATHS.upstreams}`)).toEqual({
      status: 200,
      body: {
        upstreams: { flex: 'up', conversations: 'up', chat: 'up', taskrouter: 'up' },
        checkedAt: aString(),
      },
    });
    expect(await hostUpGauge(stack.url)).toEqual({
      flex: 1,
      conversations: 1,
      chat: 1,
      taskrouter: 1,
    });
  });

  it('answers /ready with 503 while it drains, still serving, until the request in flight is done', async () => {
    const person = await stack.emulator.person({ conversations: true });
    await stack.emulator.setFaults({ latencyMs: 1500 });
    const inFlight = stack.execute<{ conversationsUser: { sid: string } }>(
      `query ($i: String!) { conversationsUser(identity: $i) { sid } }`,
      { i: person.identity },
    );
    await vi.waitFor(
      async () => {
        const concurrency = await stack.emulator.concurrency();
        expect(concurrency[account.accountSid]?.inFlight).toBe(1);
      },
      { timeout: 10_000, interval: 20 },
    );

    closing = stack.close();
    expect(await getJson(`${stack.url}${PROBE_PATHS.ready}`)).toEqual({
      status: 503,
      body: { status: 'draining' },
    });
    expect((await fetch(`${stack.url}${PROBE_PATHS.health}`)).status).toBe(200);
    // A request a load balancer sent before it saw the 503 is answered, not refused.
    expect(expectData(await stack.execute('{ __typename }'))).toEqual({ __typename: 'Query' });

    expect(expectData(await inFlight)).toEqual({ conversationsUser: { sid: person.userSid } });
    await closing;
    await expect(fetch(`${stack.url}${PROBE_PATHS.ready}`)).rejects.toThrow();
  });
});
