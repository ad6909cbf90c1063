/**
 * The gateway as a library: what a host process (the benchmark, an embedding service) needs to
 * start it from its own configuration. `npm run build` bundles it to dist/index.mjs.
 */
export { ConfigError, loadConfig, type Config } from './config.js';
export { startGateway, type RunningGateway } from './http.js';
export { limitHeapGrowth } from './heap.js';
export { createLogDestination } from './logger.js';
