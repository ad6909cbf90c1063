// What the shared-budget proofs share: a load of many people at once through replicas, the peak
// of one account's calls in flight as the emulator saw them, and reading a gauge off /metrics.
import type { EmulatorClient } from './emulator.js';
import type { GraphQLResponse } from './graphql.js';
import type { Replica } from './replicas.js';

/** The most requests of `account` in flight at once, from the log's arrival and completion times. */
export function peakFromLog(
  requests: { account: string | null; time: string; durationMs: number }[],
  account: string,
): number {
  const events = requests
    .filter((r) => r.account === account)
    .flatMap((r) => {
      const start = Date.parse(r.time);
      return [
        { at: start, delta: 1 },
        { at: start + r.durationMs, delta: -1 },
      ];
    });
  // At equal times a completion goes first: the log's times are whole milliseconds.
  events.sort((x, y) => x.at - y.at || x.delta - y.delta);
  let current = 0;
  let max = 0;
  for (const event of events) {
    current += event.delta;
    max = Math.max(max, current);
  }
  return max;
}

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
