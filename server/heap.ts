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
 * Applies HEAP_GROWING_PERCENT to this process (V8's setting is process-wide, so it is the
 * entry point's to call, main.ts's), unless the command line or NODE_OPTIONS chose one.
 */
export function limitHeapGrowth(): void {
  const given = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((arg) =>
    /--heap[-_]growing[-_]percent/.test(arg),
  );
  if (!given) setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
