import type { Apis, Loaders } from '../datasources/index.js';
import type { TenantJobs } from '../datasources/reconciliation/tenant-jobs.js';
import type { OperationTrace } from '../datasources/tracing-hooks.js';

/** What every resolver may touch; built once per request by server/context.ts. */
export interface Context {
  apis: Apis;
  loaders: Loaders;
  defaults: Defaults;
  /** Read by the server's logging and metrics plugins, never by resolvers. */
  telemetry: RequestTelemetry;
  /** Used by the server's plugins when the response is ready, never by resolvers. */
  lifecycle: RequestLifecycle;
  /** Bounds of the bulk mutations and of the `people` search (from the configuration). */
  backOffice: BackOfficeLimits;
  /** The tenant's reconciliation jobs (server/reconciliation-jobs.ts), bound to its credentials. */
  reconciliations: TenantJobs;
}

export interface BackOfficeLimits {
  /** Items one bulk mutation may carry. */
  bulkMaxItems: number;
  /** Items of one bulk mutation in flight at once. */
  bulkConcurrency: number;
  /** Flex v1 list pages one `people` search may read. */
  searchMaxPages: number;
}

/** Who made the request, as the audit trail records it: never a secret. */
export interface Caller {
  /** The tenant id, or the AccountSid / API key SID the request acts as. */
  tenant: string;
  auth: 'open' | 'basic' | 'bearer';
  /** The bearer token's `sub`, or the Basic username; null for an open request. */
  subject: string | null;
}

export interface RequestLifecycle {
  /** The response is about to be sent: calls still in flight or waiting are abandoned. */
  end(): void;
  /** Twilio refused the request's credentials (20003); set once any call saw it. */
  credentialsRejected(): boolean;
  /** The credentials came from the client (Basic pass-through), so a refusal is the client's 401. */
  clientCredentials: boolean;
}

export interface RequestTelemetry {
  requestId: string;
  upstreamCalls: number;
  upstreamRetries: number;
  /** The operation's span, when tracing is on. */
  trace?: OperationTrace;
  /** For the audit trail. */
  caller?: Caller;
}

export interface Defaults {
  /**
   * The Flex instance used when an operation names none: the configured one, else the one Flex's
   * Configuration names (read once per account); null when neither has one.
   */
  flexInstanceSid(): Promise<string | null>;
  /**
   * Chat services every person is looked up in, besides their Conversations user's service: the
   * configured ones, else the chat service Flex's Configuration names.
   */
  chatServiceSids(): Promise<string[]>;
  /** How many chat services a person is looked up in, as known before any call (for the cost). */
  chatServiceCount: number;
  /**
   * Non-default Conversations services a person's Conversations users are also looked up in
   * (configured; no discovery), read through `/v1/Services/{ChatServiceSid}/…`.
   */
  conversationsServiceSids: readonly string[];
  /** Joins by identity also try Flex's escaped form of it, in the same wave (flex-identity.ts). */
  flexIdentityEscapes: boolean;
  /**
   * The TaskRouter workspace used when neither the operation nor the Flex user names one: the one
   * Flex's Configuration names (`taskrouter_workspace_sid`, read once per account); null when none.
   */
  workspaceSid(): Promise<string | null>;
  /**
   * The chat service Flex's Configuration names (`chat_service_instance_sid`): the Conversations
   * default service, whose Chat users are the Conversations users. null when none.
   */
  flexChatServiceSid(): Promise<string | null>;
}
