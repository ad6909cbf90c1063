import type { Stack } from './stack.js';

/** Waves and keys per loader, as /metrics counts them (`dataloader_batch_size`). */
export type LoaderWaves = Record<string, { waves: number; keys: number }>;

/**
 * How many loader waves ran, and how many keys they held, for each of `loaders`, from /metrics.
 * Reading /metrics checks Twilio's hosts (GET /): read it outside the calls a test counts.
 */
export async function loaderWaves(stack: Stack, loaders: string[]): Promise<LoaderWaves> {
  const text = await (await fetch(`${stack.url}/metrics`)).text();
  const read = (loader: string, series: 'count' | 'sum') => {
    const prefix = `dataloader_batch_size_${series}{loader="${loader}"} `;
    const line = text.split('\n').find((l) => l.startsWith(prefix));
    return line ? Number(line.slice(prefix.length)) : 0;
  };
  return Object.fromEntries(
    loaders.map((l) => [l, { waves: read(l, 'count'), keys: read(l, 'sum') }]),
  );
}

/** What ran between two readings of loaderWaves. */
export function wavesSince(before: LoaderWaves, after: LoaderWaves): LoaderWaves {
  return Object.fromEntries(
    Object.entries(after).map(([l, v]) => [
      l,
      { waves: v.waves - (before[l]?.waves ?? 0), keys: v.keys - (before[l]?.keys ?? 0) },
    ]),
  );
}
