/**
 * Peak resident set size of a contender's process, from Linux's /proc (VmHWM), reset between
 * workloads through /proc/<pid>/clear_refs ("5" resets the peak). Null where /proc is missing.
 */
import { readFile, writeFile } from 'node:fs/promises';

/** One `kB` field of /proc/<pid>/status (VmHWM, VmRSS…) in MiB; null where it cannot be read. */
export async function procStatusMiB(pid: number, field: string): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB$`, 'm').exec(status);
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

export const peakRssMiB = (pid: number) => procStatusMiB(pid, 'VmHWM');

export async function resetPeakRss(pid: number): Promise<void> {
  try {
    await writeFile(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // Not Linux, or not allowed: the peak then covers the whole run.
  }
}
