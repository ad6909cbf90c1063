import { createChatApi } from './chat.js';
import { createConversationsApi } from './conversations.js';
import { createFlexApi } from './flex.js';
import {
  createHttp,
  type Credentials,
  type SharedTransport,
  type UpstreamObserver,
} from './http.js';
import { createLoaders, type Apis, type LoaderHooks, type Loaders } from './loaders.js';

export interface DataSourceOptions {
  baseUrls: { flex: string; conversations: string; chat: string };
  /** One per product host, shared by every request and tenant. */
  transports: { flex: SharedTransport; conversations: SharedTransport; chat: SharedTransport };
  timeoutMs?: number;
  /** Epoch ms by which the request must be answered; no upstream attempt starts after it. */
  deadline?: number;
  retries?: number;
  maxRetryAfterSeconds?: number;
  observer?: UpstreamObserver;
  loaderHooks?: LoaderHooks;
  userAgent?: string;
}

export interface DataSources {
  apis: Apis;
  loaders: Loaders;
}

/** Twilio clients bound to one tenant's credentials, and that request's fresh loaders. */
export function createDataSources(
  credentials: Credentials,
  options: DataSourceOptions,
): DataSources {
  const http = (product: 'flex' | 'conversations' | 'chat') =>
    createHttp({
      product,
      baseUrl: options.baseUrls[product],
      credentials,
      transport: options.transports[product],
      timeoutMs: options.timeoutMs,
      deadline: options.deadline,
      retries: options.retries,
      maxRetryAfterSeconds: options.maxRetryAfterSeconds,
      observer: options.observer,
      userAgent: options.userAgent,
    });
  const apis: Apis = {
    flex: createFlexApi(http('flex')),
    conversations: createConversationsApi(http('conversations')),
    chat: createChatApi(http('chat')),
  };
  return { apis, loaders: createLoaders(apis, options.loaderHooks) };
}

export type { Apis, Loaders, Credentials };
