import { createChatApi } from './chat.js';
import { createConversationsApi } from './conversations.js';
import { createFlexApi } from './flex.js';
import {
  createHttp,
  createSession,
  type Credentials,
  type Session,
  type SessionOptions,
} from './http.js';
import { createLoaders, type Apis, type LoaderHooks, type Loaders } from './loaders.js';
import { createTaskRouterApi } from './taskrouter.js';
import { withReadCache } from './read-cache/cached-apis.js';
import type { TenantCache } from './read-cache/read-cache.js';
import type { Transport } from './transport.js';

export interface DataSources {
  apis: Apis;
  loaders: Loaders;
  /** What the request's calls share: read after execution for its counts and credential verdict. */
  session: Session;
}

/** One request's clients for the products, on one session, and its fresh loaders. */
export function createDataSources(
  transport: Transport,
  options: SessionOptions & { loaderHooks?: LoaderHooks; cache?: TenantCache | null },
): DataSources {
  const session = createSession(transport, options);
  const direct: Apis = {
    flex: createFlexApi(createHttp(transport, 'flex', session)),
    conversations: createConversationsApi(createHttp(transport, 'conversations', session)),
    chat: createChatApi(createHttp(transport, 'chat', session)),
    taskrouter: createTaskRouterApi(createHttp(transport, 'taskrouter', session)),
  };
  // The cross-request cache (CACHE_TTL_SECONDS), bound to this request's credentials.
  const apis = options.cache ? withReadCache(direct, options.cache) : direct;
  return { apis, loaders: createLoaders(apis, options.loaderHooks), session };
}

export {
  createTransport,
  type AccountSettings,
  type Transport,
  type TransportSettings,
} from './transport.js';
export type { Apis, Loaders, Credentials, Session };
