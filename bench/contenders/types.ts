import type { BenchAccount } from '../scenarios/types.js';

/**
 * How the driver talks to a contender:
 * - `graphql`: POST each GraphQL step of a workload to `url` + `path` (the gateway, naive Apollo);
 * - `run`: POST the workload's input to `url` + `/run/<scenario>`, where the contender's own
 *   client code does the work (the Twilio SDK fan-out, the Mesh client with its REST joins).
 */
export type ContenderKind = 'graphql' | 'run';

export interface StartedContender {
  /** Origin, e.g. http://127.0.0.1:40123 (loopback only). */
  url: string;
  /** The GraphQL path for `graphql` contenders. */
  path: string;
  /** A `run` contender's own GraphQL endpoint, for workloads it answers alone (`hiveSteps`). */
  graphqlPath?: string;
  /** Headers every request from the driver carries (the production gateway's bearer token). */
  headers?: Record<string, string>;
  close(): Promise<void>;
}

/** What each file in contenders/ exports as `contender`; run in its own process by host.ts. */
export interface ContenderModule {
  name: string;
  kind: ContenderKind;
  /** One line for the report: what this contender does. */
  describe: string;
  /** The packages whose versions the report lists for this contender. */
  packages: string[];
  start(emulatorUrl: string, account: BenchAccount): Promise<StartedContender>;
}

/** What host.ts prints once the contender listens (one line, `BENCH_READY <json>`). */
export interface ReadyMessage {
  name: string;
  kind: ContenderKind;
  url: string;
  path: string;
  graphqlPath?: string;
  headers?: Record<string, string>;
  describe: string;
  packages: string[];
}

export const CONTENDER_NAMES = [
  'gateway',
  'gateway-lean',
  'naive-apollo',
  'naive-apollo-undici',
  'mesh',
  'twilio-sdk',
] as const;
/**
 * What a run without --contenders starts: gateway-lean (the gateway without production features)
 * and naive-apollo-undici (Apollo Server 5 + undici, no features) are references, run by name.
 */
export const DEFAULT_CONTENDERS: ContenderName[] = [
  'gateway',
  'naive-apollo',
  'mesh',
  'twilio-sdk',
];
export type ContenderName = (typeof CONTENDER_NAMES)[number];
