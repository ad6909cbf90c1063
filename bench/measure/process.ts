/**
 * Child processes of the bench (the emulator, each contender, the load generator): started with
 * `node --import tsx`, so each is one OS process whose RSS is its own, and stopped for sure.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const TSX = import.meta.resolve('tsx');

export const benchDir = fileURLToPath(new URL('..', import.meta.url));

/**
 * Where bundled scripts go: as deep below the repository as bench/contenders/, so the paths they
 * build from import.meta.url (`../../schema/`, `../../dist/`) still hold, and inside bench/, so
 * their packages resolve from bench/node_modules.
 */
const BUNDLES = join(benchDir, '.bundles');

/**
 * Turns `script` into plain JavaScript in bench/.bundles/, beside `imports` (the modules it loads
 * by computed name, as a contender host loads its contender) each bundled with everything it
 * imports but packages. `script` itself is only transpiled, so its `import(\`./${name}.js\`)`
 * finds the bundle beside it; it may import nothing else but types.
 */
function bundle(script: string, imports: string[]): string {
  mkdirSync(BUNDLES, { recursive: true });
  const common = { platform: 'node', format: 'esm', target: 'node20', outdir: BUNDLES } as const;
  buildSync({ ...common, entryPoints: [script], logLevel: 'warning' });
  buildSync({
    ...common,
    entryPoints: imports,
    bundle: true,
    packages: 'external',
    logLevel: 'warning',
  });
  return join(BUNDLES, basename(script).replace(/\.ts$/, '.js'));
}

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
  options: {
    label: string;
    timeoutMs: number;
    nodeArgs?: string[];
    /** False for a plain JavaScript script: no tsx loader thread in the child (nor in its RSS). */
    tsx?: boolean;
    /**
     * Run `script` bundled to JavaScript, with these modules it imports by computed name, and
     * without tsx: tsx's loader thread alone holds about 70 MiB of the child's RSS, which a
     * deployment (`node dist/main.mjs`) never has.
     */
    bundle?: string[];
  },
): Promise<ReadyChild<T>> {
  if (options.bundle) {
    script = bundle(script, options.bundle);
    options = { ...options, tsx: false };
  }
  const childEnv: Record<string, string | undefined> = { ...process.env, ...env };
  // twilio-node rewrites every hostname when these are set (TWILIO.md §6); keep them unset.
  delete childEnv.TWILIO_REGION;
  delete childEnv.TWILIO_EDGE;
  const child = spawn(
    process.execPath,
    [
      ...(options.nodeArgs ?? []),
      ...(options.tsx === false ? [] : ['--import', TSX]),
      script,
      ...args,
    ],
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
