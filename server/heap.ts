import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the heap grow past what its last full collection kept, in percent. Left to
 * itself V8 grows it up to 4× when collecting looks cheap, and the gateway's garbage is the kind
 * that gets there: a request lives as long as its Twilio calls, longer than a young-generation
 * collection, so under load what it allocated is promoted before it dies. Roster at 10 requests
 * in flight (bench/measure/ab.ts, 4 interleaved rounds): peak RSS 202–245 MiB with about 36 MiB
 * live; at 50 %, 147–150 MiB, CPU per operation within the rounds' spread.
 */
export const HEAP_GROWING_PERCENT = 50;

/**
 * V8's allocation-site pretenuring, off. V8 allocates an object literal straight into the old
 * generation once enough of those from its site survived a young collection; a burst of requests
 * in flight is enough for the sites that build a request's clients and loaders, and from then on
 * every request's are old garbage that only a full collection frees. On the single fetch
 * (`bench/cpu-ab.ts --node-args-b=--trace-gc`), each young collection promoted 1.8 MB and took
 * 4–6 ms, with a full one every 2 s; without pretenuring, 0.1–0.3 MB and 1.3 ms, and a quarter of
 * the full ones.
 */
const NO_PRETENURING = '--no-allocation-site-pretenuring';

/**
 * Node flags the gateway is started with (package.json's start, the Dockerfile's CMD, the bench),
 * for what V8 reads only when the process starts. A young generation of 8 MB semi-spaces instead
 * of Node 20's 16: with pretenuring off (above) it holds what a request allocates, and it is
 * memory every replica keeps committed. Peak RSS under the bench's roster throughput run (`npm run
 * bench`'s gateway row, roster only): 162 and 164 MiB without it, 141–152 in four runs with it
 * (153 at 10 MB); CPU per operation flat on single and profile (cpu-ab 1.02, 1.02), 1.12× on
 * roster (more young collections of its large responses). V8 reads the size only at start-up
 * (setFlagsFromString has no effect on it), hence a flag on the command line.
 * test/deploy/manifests.test.ts checks that every start command carries them.
 */
export const NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8'];

/**
 * Applies HEAP_GROWING_PERCENT and NO_PRETENURING to this process (V8's settings are process-wide, so
 * it is the entry point's to call, main.ts's), each unless the command line or NODE_OPTIONS chose
 * it. Called before the gateway is built, so no code is compiled under the old settings.
 */
export function limitHeapGrowth(): void {
  const given = (flag: RegExp) =>
    [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((arg) => flag.test(arg));
  if (!given(/--heap[-_]growing[-_]percent/)) {
    setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  }
  if (!given(/--(no-)?allocation[-_]site[-_]pretenuring/)) setFlagsFromString(NO_PRETENURING);
}
