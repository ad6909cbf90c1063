import { fileURLToPath } from 'node:url';

/**
 * The repository root, for the files the server reads at run time (schema/, the playground's
 * sources). This module sits one folder below the root, as does the bundle `npm run build` writes
 * (dist/main.mjs), so the same relative URL is right whether it runs from source or bundled.
 */
export const rootDir = fileURLToPath(new URL('../', import.meta.url));
