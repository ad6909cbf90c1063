/** Latency statistics over a run's samples (milliseconds). */

/** Nearest-rank percentile; NaN when there are no samples. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

export function median(samples: number[]): number {
  return percentile(samples, 50);
}

export function min(samples: number[]): number {
  return samples.length === 0 ? Number.NaN : Math.min(...samples);
}

export function max(samples: number[]): number {
  return samples.length === 0 ? Number.NaN : Math.max(...samples);
}
