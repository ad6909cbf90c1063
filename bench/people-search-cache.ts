/**
 * Figures for the `people` search served from the read cache: the same search that finds nobody
 * (the whole Flex list scanned) three times over a `seed`-person emulator, cold, repeated within
 * CACHE_TTL_SECONDS, and after a Flex write through the gateway (which makes it scan again).
 *
 *   npx tsx bench/people-search-cache.ts [-- --seed 10000 --latency 100]
 *
 * The emulator answers each call after `latency` ms, about what Twilio takes. The gateway runs
 * with its defaults (read cache in process, CACHE_TTL_SECONDS 30), SEARCH_MAX_PAGES raised to
 * cover the seed.
 */
import { parseArgs } from 'node:util';
import { startEmulator, type EmulatorAccount } from '../emulator/index.js';
import { loadConfig } from '../server/config.js';
import { startGateway } from '../server/http.js';
import { createEmulatorClient } from '../test/helpers/emulator.js';
import { emulatorGatewayEnv } from '../test/helpers/stack.js';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '10000' },
    latency: { type: 'string', default: '100' },
  },
});

const emulator = await startEmulator({ port: 0, seedUsers: Number(values.seed) });
const control = createEmulatorClient(emulator);
const account = emulator.accounts[0] as EmulatorAccount;
// The test gateways' environment (open auth, silent logs, no audit), as a deployment sets it.
const gateway = await startGateway(
  loadConfig({ ...emulatorGatewayEnv(account, emulator.url), SEARCH_MAX_PAGES: '100' }),
);

const graphql = async (query: string) => {
  const response = await fetch(gateway.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data: Record<string, unknown> };
};

/** One search: its Twilio calls (from the emulator's log), pages scanned and wall time. */
async function search(label: string): Promise<void> {
  await control.clearRequests();
  const started = performance.now();
  const { data } = await graphql(`
    {
      people(filter: { email: "nobody@nowhere.example" }) {
        scannedPages
        scannedUsers
      }
    }
  `);
  const ms = performance.now() - started;
  const calls = (await control.requests()).length;
  const people = data.people as { scannedPages: number; scannedUsers: number };
  console.log(
    `${label}: ${calls} Twilio calls, ${people.scannedPages} pages / ${people.scannedUsers} Flex users scanned, ${ms.toFixed(0)} ms wall`,
  );
}

try {
  await control.setFaults({ latencyMs: Number(values.latency) });
  console.log(`emulator latency ${values.latency} ms per call, seed ${values.seed} people`);
  await search('cold search');
  await search('repeated search');
  await graphql(`
    mutation {
      provisionFlexUser(
        input: {
          username: "bench.cache@owlbank.example"
          email: "bench.cache@owlbank.example"
          fullName: "Bench Cache"
          roles: [AGENT]
        }
      ) {
        flexUser {
          sid
        }
      }
    }
  `);
  await search('search after a provision');
} finally {
  await gateway.close();
  await emulator.close();
}
