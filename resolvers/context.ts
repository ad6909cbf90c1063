import type { Apis, Loaders } from '../datasources/index.js';

/** What every resolver may touch; built once per request by server/context.ts. */
export interface Context {
  apis: Apis;
  loaders: Loaders;
  defaults: Defaults;
  /** Read by the server's logging and metrics plugins, never by resolvers. */
  telemetry: RequestTelemetry;
}

export interface RequestTelemetry {
  requestId: string;
  upstreamCalls: number;
  upstreamRetries: number;
}

export interface Defaults {
  /** The Flex instance used when an operation names none; null when none is configured. */
  flexInstanceSid: string | null;
  /** Chat services every person is looked up in, besides their Conversations user's service. */
  chatServiceSids: string[];
}
