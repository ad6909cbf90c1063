/**
 * Runs one workload against one contender from the driver, the way its users would:
 * GraphQL contenders get each GraphQL step as a POST; `run` contenders get one POST /run/<name>.
 */
import { request } from 'undici';
import type { Scenario, Variables } from '../scenarios/types.js';
import type { ContenderKind } from '../contenders/types.js';

export interface ContenderEndpoint {
  name: string;
  kind: ContenderKind;
  url: string;
  path: string;
  /** Sent with every request (the production gateway's bearer token). */
  headers?: Record<string, string>;
}

export interface WorkloadOutcome {
  ms: number;
  /** What the workload answered: a read's `data`, or the write's data per step. */
  result: unknown;
  /** GraphQL or transport errors, if any (the workload still counts). */
  errors: string[];
}

interface GraphQLResponse {
  data?: unknown;
  errors?: { message: string }[];
}

// undici's request rather than fetch: it costs the driver a fraction of the CPU per call, and
// that time would otherwise be counted in every contender's latency.
async function post(
  url: string,
  body: unknown,
  headers?: Record<string, string>,
): Promise<GraphQLResponse> {
  const response = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.body.text();
  try {
    return JSON.parse(text) as GraphQLResponse;
  } catch {
    return { errors: [{ message: `HTTP ${response.statusCode}: ${text.slice(0, 200)}` }] };
  }
}

export async function runWorkload(
  contender: ContenderEndpoint,
  scenario: Scenario,
  input: Variables,
): Promise<WorkloadOutcome> {
  const errors: string[] = [];
  const started = performance.now();
  let result: unknown;
  if (contender.kind === 'run') {
    const response = await post(`${contender.url}/run/${scenario.name}`, input, contender.headers);
    result = response.data ?? null;
    for (const error of response.errors ?? []) errors.push(error.message);
  } else {
    const previous: Record<string, unknown> = {};
    for (const step of scenario.steps) {
      let variables: Variables;
      try {
        variables = step.variables(input, previous);
      } catch (error) {
        errors.push(`${step.name}: ${(error as Error).message}`);
        break;
      }
      const response = await post(
        `${contender.url}${contender.path}`,
        { query: step.query, variables },
        contender.headers,
      );
      previous[step.name] = response.data ?? null;
      for (const error of response.errors ?? []) errors.push(`${step.name}: ${error.message}`);
    }
    result = scenario.steps.length === 1 ? previous[scenario.steps[0]!.name] : previous;
  }
  return { ms: performance.now() - started, result, errors };
}

/** Deep equality on JSON values with object keys in any order. */
export function sameJson(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>)
          .sort(([x], [y]) => x.localeCompare(y))
          .map(([k, v]) => [k, canonical(v)]),
      );
    }
    return value;
  };
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** The first path where two JSON values differ, for the report. */
export function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
  if (sameJson(a, b)) return null;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      const diff = firstDifference(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        Array.isArray(a) ? `${path}[${key}]` : `${path}.${key}`,
      );
      if (diff) return diff;
    }
  }
  return `${path}: ${JSON.stringify(a)?.slice(0, 80)} ≠ ${JSON.stringify(b)?.slice(0, 80)}`;
}
