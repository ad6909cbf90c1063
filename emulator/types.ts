/** Options for startEmulator(). */
export interface EmulatorOptions {
  /** @default 0 (any free port); the CLI defaults to PORT or 4010 */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** People seeded in the primary account (the second account gets a tenth, at least 20). @default 300 */
  seedUsers?: number;
  /** Seed of the deterministic PRNG. @default 1 */
  seed?: number;
  /**
   * Plant the reconciliation scan's orphans and drift (GET /__emulator/planted-orphans); false
   * for the seed without them. @default true
   */
  plantOrphans?: boolean;
  /**
   * Requests the log keeps; older ones are dropped (and counted in GET /__emulator/requests'
   * `dropped`), so a long load test cannot grow memory without bound. @default 100000
   */
  requestLogCapacity?: number;
}

/** A seeded Twilio account, with everything a client needs to talk to it. */
export interface EmulatorAccount {
  accountSid: string;
  authToken: string;
  apiKeySid: string;
  apiKeySecret: string;
  flexInstanceSid: string;
  workspaceSid: string;
  flexTeamSid: string;
  /** The Conversations default service: its users are served at /v1/Users. */
  defaultChatServiceSid: string;
  /** Every chat service of the account, the default one first. */
  chatServiceSids: string[];
}

export interface RunningEmulator {
  /** Base URL, e.g. http://127.0.0.1:4010 (no trailing slash). Every product is served on it. */
  url: string;
  accounts: EmulatorAccount[];
  close(): Promise<void>;
}

/** One entry of GET /__emulator/requests: a Twilio API request the emulator received. */
export interface LoggedRequest {
  method: string;
  /** Path without the query string, percent-encoded as received. */
  path: string;
  /** The raw query string without '?', '' when none. */
  query: string;
  /**
   * The AccountSid the credentials resolved to, known on arrival (so requests answered by a fault
   * carry it too); null when they resolve to no account.
   */
  account: string | null;
  status: number;
  /** ISO 8601 time the request arrived. */
  time: string;
  durationMs: number;
}

/** Body of PUT /__emulator/faults; every field optional, omitted ones reset to their default. */
export interface FaultSettings {
  /** Added before answering. @default 0 */
  latencyMs?: number;
  /** Uniform extra latency in [0, jitterMs). @default 0 */
  jitterMs?: number;
  /** Share of requests answered with errorStatus, 0..1. @default 0 */
  errorRate?: number;
  /** Status of injected errors (500, 502, 503, ...). @default 500 */
  errorStatus?: number;
  /** Share answered 429 / code 20429, 0..1. @default 0 */
  rateLimitRate?: number;
  /** Retry-After seconds sent with injected 429s; null sends none. @default 1 */
  retryAfterSeconds?: number | null;
  /** Share of requests that stall without answering until the client gives up, 0..1. @default 0 */
  timeoutRate?: number;
  /** A regular expression; when set, faults apply only to request paths matching it. */
  path?: string | null;
  /**
   * An AccountSid; when set, faults apply only to requests whose credentials (AccountSid:AuthToken
   * or one of the account's API keys) resolve to that account. @default null (every account)
   */
  accountSid?: string | null;
  /**
   * Requests an account may have in flight before the next one is refused with Twilio's 429 /
   * 20429. The count is the account's whole load, but only requests this rule matches are
   * refused. @default null (no limit)
   */
  maxConcurrency?: number | null;
  /**
   * How many requests the rule answers with an injected fault (error, 429 or stall) before it
   * lets every later one through (latency still applies): "the first two calls get 429, then
   * Twilio recovers". Counted from when the rule is set. @default null (no limit)
   */
  times?: number | null;
}

/**
 * The other body of PUT /__emulator/faults: several rules at once, so tenants can have different
 * faults at the same time. A request gets the first rule matching its account and path, even one
 * that injects nothing, so an early rule can exempt an account from a later catch-all.
 */
export interface FaultRules {
  rules: FaultSettings[];
}

/** One account's entry in GET /__emulator/concurrency. */
export interface AccountConcurrency {
  /** Requests of the account that have arrived and are not yet answered (or their socket closed). */
  inFlight: number;
  /** The most that were in flight at once since the last DELETE /__emulator/requests. */
  peak: number;
}

/** A person in the seed as the control API describes them (GET /__emulator/people). */
export interface SeededPerson {
  accountSid: string;
  identity: string;
  /** FU… when the person is a Flex user. */
  flexUserSid: string | null;
  deactivated: boolean;
  /** US… when the person has a Conversations user (a user of the default chat service). */
  userSid: string | null;
  /** The chat services the person is a Chat user of (the default one included when userSid is set). */
  chatServiceSids: string[];
}
