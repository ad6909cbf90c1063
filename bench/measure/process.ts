/**
 * Child processes of the bench (the emulator, each contender, the load generator): started with
 * `node --import tsx`, so each is one OS process whose RSS is its own, and stopped for sure.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const TSX = import.meta.resolve('tsx');

export const benchDir = fileURLToPath(new URL('..', import.meta.url));

export interface ReadyChild<T> {
  pid: number;
  ready: T;
  /** The last lines the child wrote to stderr (for error messages). */
  stderrTail(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process has exited. */
  stop(graceMs?: number): Promise<void>;
}

function tail(lines: string[], line: string) {
  lines.push(line);
  if (lines.length > 40) lines.shift();
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Runs `node --import tsx <script> ...args` and waits for a stdout line `BENCH_READY <json>`.
 * stdin stays open as a lifeline: the children stop when it closes.
 */
export async function startReadyChild<T>(
  script: string,
  args: string[],
  env: Record<string, string>,
  options: { label: string; timeoutMs: number; nodeArgs?: string[] },
): Promise<ReadyChild<T>> {
  const childEnv: Record<string, string | undefined> = { ...process.env, ...env };
  // twilio-node rewrites every hostname when these are set (TWILIO.md §6); keep them unset.
  delete childEnv.TWILIO_REGION;
  delete childEnv.TWILIO_EDGE;
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), '--import', TSX, script, ...args],
    { cwd: benchDir, env: childEnv, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const stderr: string[] = [];
  createInterface({ input: child.stderr }).on('line', (line) => tail(stderr, line));
  const lines = createInterface({ input: child.stdout });

  const stop = async (graceMs = 5_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    child.stdin?.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited(child);
    clearTimeout(timer);
  };

  const ready = await new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`${options.label}: not ready after ${options.timeoutMs} ms`));
    }, options.timeoutMs);
    lines.on('line', (line) => {
      if (!line.startsWith('BENCH_READY ')) return;
      clearTimeout(timer);
      // From here on the child's stdout (e.g. request logs) is drained unread.
      lines.close();
      child.stdout.resume();
      try {
        resolve(JSON.parse(line.slice('BENCH_READY '.length)) as T);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${options.label}: exited (${signal ?? code}) before it was ready`));
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  }).catch(async (error: unknown) => {
    await stop(1_000);
    const detail = stderr.slice(-12).join('\n');
    throw new Error(`${(error as Error).message}${detail ? `\n${detail}` : ''}`);
  });

  return { pid: child.pid ?? 0, ready, stderrTail: () => stderr.join('\n'), stop };
}

/** Runs `node --import tsx <script>` to completion and returns its stdout (for the load generator). */
export function runChild(
  script: string,
  env: Record<string, string>,
  options: { label: string; timeoutMs: number },
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX, script], {
      cwd: benchDir,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    const stderr: string[] = [];
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    createInterface({ input: child.stderr }).on('line', (line) => tail(stderr, line));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(stdout);
      else reject(new Error(`${options.label}: exited (${signal ?? code})\n${stderr.join('\n')}`));
    });
  });
}
