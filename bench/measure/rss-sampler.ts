/**
 * A process's resident set size over a run, sampled from /proc/<pid>/status (VmRSS) at a fixed
 * interval, beside the kernel's own peak (VmHWM, reset at the start through clear_refs): the
 * samples show the shape (and catch a peak the reset could not), VmHWM the exact maximum.
 */
import { peakRssMiB, procStatusMiB, resetPeakRss } from './rss.js';

export const rssMiB = (pid: number) => procStatusMiB(pid, 'VmRSS');

export interface RssFigures {
  /** The largest VmRSS sample. */
  sampledPeakMiB: number | null;
  /** VmHWM at the end: the kernel's peak since the sampler started. */
  hwmMiB: number | null;
  samples: number;
}

export async function startRssSampler(pid: number, intervalMs = 100) {
  await resetPeakRss(pid);
  let peak: number | null = null;
  let samples = 0;
  const sample = async () => {
    const value = await rssMiB(pid);
    if (value === null) return;
    samples += 1;
    peak = peak === null ? value : Math.max(peak, value);
  };
  await sample();
  const timer = setInterval(() => void sample(), intervalMs);
  return {
    stop: async (): Promise<RssFigures> => {
      clearInterval(timer);
      await sample();
      return { sampledPeakMiB: peak, hwmMiB: await peakRssMiB(pid), samples };
    },
  };
}
