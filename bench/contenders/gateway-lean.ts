/**
 * Contender: this gateway with the settings the bench used before the production row (see
 * gateway.ts): AUTH_OPEN=true, LOG_LEVEL=warn, CACHE_TTL_SECONDS=0. A reference when profiling
 * what the production features cost; the hot workload (hot.ts) starts it with its own cache
 * settings.
 */
import { startGatewayContender } from './gateway.js';
import type { ContenderModule } from './types.js';

export const contender: ContenderModule = {
  name: 'gateway-lean',
  kind: 'graphql',
  describe:
    'identity-gateway as npm run build bundles it, lean: AUTH_OPEN=true, LOG_LEVEL=warn, CACHE_TTL_SECONDS=0',
  packages: [],
  start: (emulatorUrl, account) => startGatewayContender(emulatorUrl, account, false),
};
