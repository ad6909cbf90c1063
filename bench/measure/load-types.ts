/** The load generator's input and output (apart from load.ts, which imports autocannon). */
import type { ContenderKind } from '../contenders/types.js';
import type { Fixture } from '../scenarios/types.js';

export interface LoadConfig {
  url: string;
  path: string;
  kind: ContenderKind;
  scenario: string;
  fixture: Fixture;
  connections: number;
  durationSec: number;
  warmupSec: number;
  /** Makes written usernames unique per load run. */
  tag: string;
  /** Sent with every request (the production gateway's bearer token). */
  headers?: Record<string, string>;
  /** Post the scenario's `hiveSteps` (Hive Gateway's own GraphQL endpoint) instead of its steps. */
  hive?: boolean;
  /** The contender's process: its CPU time over the measured run is reported per workload. */
  pid?: number;
}

export interface LoadResult {
  workloadsPerSec: number;
  requestsPerSec: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  graphqlErrors: number;
  /** The contender process's CPU time (user + system) per workload; null without /proc. */
  cpuMsPerWorkload: number | null;
}
