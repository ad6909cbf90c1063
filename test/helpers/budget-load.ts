// What the shared-budget proofs share: a load of many people at once through replicas, with the
// peak of one account's calls in flight as the emulator counted them, and a gauge off /metrics.
import type { EmulatorClient } from './emulator.js';
import type { GraphQLResponse } from './graphql.js';
import type { Replica } from './replicas.js';

const PEOPLE = `query ($ids: [String!]!) { users(identities: $ids) { conversationsUser { sid } } }`;

/**
 * `requests` requests of `batch` people each through every replica given, all at once; every one
 * must answer without errors. Returns the account's peak in flight, from the emulator's counter.
 */
export async function loadThrough(
  replicas: Replica[],
  emulator: EmulatorClient,
  identities: string[],
  { requests = 3, batch = 8 } = {},
): Promise<{ peak: number; answers: GraphQLResponse<unknown>[] }> {
  const account = emulator.accounts[0]!.accountSid;
  await emulator.clearRequests();
  const answers = await Promise.all(
    replicas.flatMap((replica, r) =>
      Array.from({ length: requests }, (_, i) => {
        const at = ((r * requests + i) * batch) % Math.max(1, identities.length - batch);
        return replica.execute(PEOPLE, { ids: identities.slice(at, at + batch) });
      }),
    ),
  );
  const peak = (await emulator.concurrency())[account]?.peak ?? 0;
  return { peak, answers };
}

/** One sample of a metric without labels (or with exactly `labels`), or undefined. */
export async function metric(url: string, name: string, labels = ''): Promise<number | undefined> {
  const page = await (await fetch(`${url}/metrics`)).text();
  const series = labels ? `${name}{${labels}}` : name;
  const line = page.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}
