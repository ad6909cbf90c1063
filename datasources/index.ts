import { createChatApi } from './chat.js';
import { createConversationsApi } from './conversations.js';
import { createFlexApi } from './flex.js';
import {
  createTwilioClient,
  type Credentials,
  type RequestScope,
  type SharedTransport,
  type TwilioClient,
} from './http.js';
import { createLoaders, type Apis, type LoaderHooks, type Loaders } from './loaders.js';

export interface ClientSettings {
  baseUrls: { flex: string; conversations: string; chat: string };
  /** One per product host, shared by every request and tenant. */
  transports: { flex: SharedTransport; conversations: SharedTransport; chat: SharedTransport };
  timeoutMs?: number;
  retries?: number;
  maxRetryAfterSeconds?: number;
  userAgent?: string;
}

/** One tenant's Twilio clients, one per product; built once per tenant and reused by its requests. */
export interface TenantClients {
  flex: TwilioClient;
  conversations: TwilioClient;
  chat: TwilioClient;
}

export function createTenantClients(
  credentials: Credentials,
  settings: ClientSettings,
): TenantClients {
  const client = (product: 'flex' | 'conversations' | 'chat') =>
    createTwilioClient({
      product,
      baseUrl: settings.baseUrls[product],
      credentials,
      transport: settings.transports[product],
      timeoutMs: settings.timeoutMs,
      retries: settings.retries,
      maxRetryAfterSeconds: settings.maxRetryAfterSeconds,
      userAgent: settings.userAgent,
    });
  return { flex: client('flex'), conversations: client('conversations'), chat: client('chat') };
}

export interface DataSources {
  apis: Apis;
  loaders: Loaders;
}

/** One request's view of a tenant's clients (its deadline and observer), and its fresh loaders. */
export function createDataSources(
  clients: TenantClients,
  scope: RequestScope & { loaderHooks?: LoaderHooks },
): DataSources {
  const apis: Apis = {
    flex: createFlexApi(clients.flex.forRequest(scope)),
    conversations: createConversationsApi(clients.conversations.forRequest(scope)),
    chat: createChatApi(clients.chat.forRequest(scope)),
  };
  return { apis, loaders: createLoaders(apis, scope.loaderHooks) };
}

export type { Apis, Loaders, Credentials };
