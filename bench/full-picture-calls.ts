/**
 * The gateway's upstream calls for one full-picture query (bench/scenarios/full-picture.ts), with
 * their waves, from the emulator's request log at 20 ms injected latency:
 * `npx tsx bench/full-picture-calls.ts` (builds the gateway first, as the bench does).
 *
 * Two people, each read by the default configuration and with TWILIO_FLEX_IDENTITY_ESCAPES=true:
 * - one whose identity has no character Flex escapes (letters and digits only). No seeded identity
 *   is like that (seeded ones are emails, `agent_…` or `mailbox+name@…`), so this script provisions
 *   one through Twilio's own routes on the emulator: Flex v4 Provision (which creates the worker),
 *   and a Conversations user and a Chat user in every chat service where Provision made none. Its lists are empty, but the
 *   calls are the same: the list is read whatever it holds;
 * - one seeded person with an email identity (`.` and `@`, which Flex escapes), in every product.
 * Prints a markdown table per person and configuration: wave, start and end offsets (ms from the
 * first call's arrival), status, method, path and query.
 */
import { startEmulator } from '../emulator/index.js';
import { startGatewayForBench } from './contenders/gateway.js';
import { fullPicture } from './scenarios/full-picture.js';
import {
  basicAuthorization,
  callsOf,
  createEmulatorControl,
  groupWaves,
  type LoggedRequest,
} from './measure/upstream.js';

const LATENCY_MS = 20;

const emulator = await startEmulator({ port: 0, host: '127.0.0.1', seedUsers: 300 });
const stops: (() => Promise<unknown>)[] = [() => emulator.close()];
try {
  const [account] = emulator.accounts;
  if (!account) throw new Error('The emulator seeded no account');
  const control = createEmulatorControl(emulator.url);
  const auth = basicAuthorization(account.accountSid, account.authToken);
  const twilio = async (method: 'POST', path: string, body: URLSearchParams | object) => {
    const form = body instanceof URLSearchParams;
    const response = await fetch(`${emulator.url}${path}`, {
      method,
      headers: {
        authorization: auth,
        'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json',
      },
      body: form ? body.toString() : JSON.stringify(body),
    });
    // 409: Provision already made it (the emulator, like Flex, creates the person's users).
    if (!response.ok && response.status !== 409)
      throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  };

  const plain = `fullpicture${Date.now()
    .toString(36)
    .replace(/[^a-z0-9]/g, '')}`;
  await twilio('POST', `/v4/Instances/${account.flexInstanceSid}/Users/Provision`, {
    username: plain,
    email: `${plain}@example.com`,
    full_name: 'Full Picture',
    roles: ['agent'],
    worker: { attributes: {} },
  });
  await twilio('POST', '/v1/Users', new URLSearchParams({ Identity: plain }));
  for (const service of account.chatServiceSids) {
    await twilio('POST', `/v2/Services/${service}/Users`, new URLSearchParams({ Identity: plain }));
  }
  const email = (
    await control.people({
      accountSid: account.accountSid,
      flex: true,
      conversations: true,
      deactivated: false,
      limit: 200,
    })
  ).find(
    (p) =>
      p.identity.includes('@') &&
      p.flexUserSid &&
      p.userSid &&
      p.chatServiceSids.length === account.chatServiceSids.length,
  );
  if (!email) throw new Error('No seeded person with an email identity in every product');

  const query = fullPicture.steps[0]!.query;
  await control.setLatency(LATENCY_MS);
  for (const escapes of [false, true]) {
    process.env.BENCH_SKIP_BUILD = escapes ? '1' : (process.env.BENCH_SKIP_BUILD ?? '0');
    process.env.BENCH_GATEWAY_ENV = JSON.stringify(
      escapes ? { TWILIO_FLEX_IDENTITY_ESCAPES: 'true' } : {},
    );
    const gateway = await startGatewayForBench({
      twilioAccountSid: account.accountSid,
      twilioAuthToken: account.authToken,
      flexInstanceSid: account.flexInstanceSid,
      chatServiceSids: account.chatServiceSids,
      flexApiUrl: emulator.url,
      conversationsApiUrl: emulator.url,
      chatApiUrl: emulator.url,
      taskrouterApiUrl: emulator.url,
      port: 0,
    });
    stops.push(gateway.close);
    for (const identity of [plain, email.identity]) {
      // Once to warm the gateway's own defaults (Flex Configuration's workspace, read once per
      // process), then the measured query.
      for (const measured of [false, true]) {
        await control.clearLog();
        const response = await fetch(gateway.graphqlUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query, variables: { identity } }),
        });
        const body = (await response.json()) as { errors?: unknown[] };
        const calls = callsOf(await control.log(), account.accountSid);
        if (!measured && !escapes && identity === plain)
          printCalls(`${identity}, first query of the process`, 'default', calls);
        if (!measured) continue;
        if (body.errors?.length) console.log(`errors: ${JSON.stringify(body.errors)}`);
        printCalls(identity, escapes ? 'TWILIO_FLEX_IDENTITY_ESCAPES=true' : 'default', calls);
      }
    }
    await gateway.close();
    stops.pop();
  }
} finally {
  for (const stop of stops.reverse()) await stop();
}

function printCalls(identity: string, config: string, calls: LoggedRequest[]) {
  const waves = groupWaves(calls);
  const t0 = calls.length ? Date.parse(calls[0]!.time) : 0;
  console.log(`\n#### ${identity} (${config}): ${calls.length} calls in ${waves.length} waves\n`);
  console.log('| wave | start ms | end ms | status | call |');
  console.log('| --- | --- | --- | --- | --- |');
  waves.forEach((wave, i) => {
    for (const call of wave) {
      const start = Date.parse(call.time) - t0;
      console.log(
        `| ${i + 1} | ${start} | ${start + Math.round(call.durationMs)} | ${call.status} | ${call.method} ${call.path}${call.query ? `?${decodeURIComponent(call.query)}` : ''} |`,
      );
    }
  });
}
