/**
 * CPU time a process has used (user + system, all its threads), from Linux's /proc/<pid>/stat.
 * On a shared 2-core machine, throughput moves with whatever else runs; CPU time per workload
 * moves far less, so it is the figure to compare when hunting a contender's cost.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticksPerSecond: number | undefined;

function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    } catch {
      ticksPerSecond = Number.NaN;
    }
    if (!(ticksPerSecond > 0)) ticksPerSecond = 100; // Linux's USER_HZ on every common build
  }
  return ticksPerSecond;
}

/** Milliseconds of CPU the process has used so far; null where /proc is missing. */
export function cpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (comm) may hold spaces and parentheses: count fields from the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return ((utime + stime) * 1000) / clockTicks();
  } catch {
    return null;
  }
}
