import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rootDir } from './root.js';

const SCHEMA_DIR = join(rootDir, 'schema');

/** The SDL, one file per domain, read once at start-up. */
export function loadTypeDefs(): string[] {
  return readdirSync(SCHEMA_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(join(SCHEMA_DIR, file), 'utf8'));
}
