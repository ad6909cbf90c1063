/**
 * Load-generator child process: autocannon at a fixed concurrency for a bounded time against one
 * contender on loopback, driving whole workloads (the write workload's four GraphQL requests are
 * chained per connection, each step using the SID the previous one returned).
 * Config in BENCH_LOAD (JSON, see LoadConfig); prints one JSON line (LoadResult) on stdout.
 */
import autocannon from 'autocannon';
import { scenarioByName } from '../scenarios/index.js';
import type { Variables } from '../scenarios/types.js';
import { cpuMs } from './cpu.js';
import type { LoadConfig, LoadResult } from './load-types.js';

const config = JSON.parse(process.env.BENCH_LOAD ?? 'null') as LoadConfig | null;
if (!config) throw new Error('BENCH_LOAD is not set');
const target = new URL(config.url);
if (!['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname)) {
  throw new Error(`Load is only ever sent to loopback, not ${target.hostname}`);
}

const scenario = scenarioByName(config.scenario);
const fixture = config.fixture;
let counter = 0;
let graphqlErrors = 0;

interface Context {
  input?: Variables;
  previous?: Record<string, unknown>;
}

function countErrors(body: string): unknown {
  try {
    const parsed = JSON.parse(body) as { data?: unknown; errors?: unknown[] };
    if (parsed.errors?.length) graphqlErrors += 1;
    return parsed.data ?? null;
  } catch {
    graphqlErrors += 1;
    return null;
  }
}

const headers = {
  'content-type': 'application/json',
  accept: 'application/json',
  ...config.headers,
};
const steps = (config.hive ? scenario.hiveSteps : undefined) ?? scenario.steps;
const requests: autocannon.Request[] =
  config.kind === 'run'
    ? [
        {
          method: 'POST',
          path: `/run/${scenario.name}`,
          headers,
          setupRequest: (request) => ({
            ...request,
            body: JSON.stringify(scenario.input(fixture, counter++, config.tag)),
          }),
          onResponse: (_status, body) => void countErrors(body),
        },
      ]
    : steps.map((step, index) => ({
        method: 'POST' as const,
        path: config.path,
        headers,
        setupRequest: (request: autocannon.Request, context: Context) => {
          if (index === 0 || !context.input) {
            context.input = scenario.input(fixture, counter++, config.tag);
            context.previous = {};
          }
          let variables: Variables = {};
          try {
            variables = step.variables(context.input, context.previous ?? {});
          } catch {
            // The step before failed; send it anyway so the error is counted, not hidden.
          }
          return { ...request, body: JSON.stringify({ query: step.query, variables }) };
        },
        onResponse: (_status: number, body: string, context: Context) => {
          (context.previous ??= {})[step.name] = countErrors(body);
        },
      }));

const run = (durationSec: number) =>
  autocannon({
    url: target.origin,
    connections: config.connections,
    pipelining: 1,
    duration: durationSec,
    timeout: 10,
    requests,
    initialContext: {},
  });

// Warm-up is its own pass (not autocannon's `warmup`), so the CPU read below covers only the
// measured pass.
if (config.warmupSec > 0) await run(config.warmupSec);
const cpuBefore = config.pid ? cpuMs(config.pid) : null;
const result = await run(config.durationSec);
const cpuAfter = config.pid ? cpuMs(config.pid) : null;

const stepCount = config.kind === 'run' ? 1 : steps.length;
const seconds = result.duration > 0 ? result.duration : config.durationSec;
const output: LoadResult = {
  workloadsPerSec: result.requests.total / stepCount / seconds,
  requestsPerSec: result.requests.total / seconds,
  p50: result.latency.p50,
  p99: result.latency.p99,
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
  graphqlErrors,
  cpuMsPerWorkload:
    cpuBefore !== null && cpuAfter !== null && result.requests.total > 0
      ? (cpuAfter - cpuBefore) / (result.requests.total / stepCount)
      : null,
};
process.stdout.write(`${JSON.stringify(output)}\n`);
