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
}
