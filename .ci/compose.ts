/**
 * Composes this gateway's schema files with the example second subgraph's SDL into a Federation
 * v2 supergraph (`npm run compose:check`), from the SDL files: a router or CI cannot read
 * `_service { sdl }` without credentials. Exits 1 with the composition errors when they do not
 * compose; with `--out FILE` also writes the supergraph there.
 *
 *   npm run compose:check
 *   npm run compose:check -- --out supergraph.graphql --url http://gateway:4000/graphql
 */
import { composeServices } from '@theguild/federation-composition';
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'graphql';
import { loadTypeDefs } from '../server/schema.js';

export interface SubgraphSource {
  /** The subgraph's name in the supergraph (lower case, as routers print it). */
  name: string;
  url: string;
  sdl: string;
}

/** This gateway's SDL files, from which `_service { sdl }` is printed. */
export const gatewaySdl = (): string => loadTypeDefs().join('\n');

/** The supergraph SDL, or an Error listing every composition error. */
export function composeSupergraph(subgraphs: SubgraphSource[]): string {
  const result = composeServices(
    subgraphs.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })),
  );
  if (result.errors) {
    throw new Error(
      `The subgraphs do not compose:\n${result.errors.map((error) => `- ${error.message}`).join('\n')}`,
    );
  }
  return result.supergraphSdl;
}

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const staffDirectory = new URL('../examples/staff-directory/schema.graphql', import.meta.url);
  try {
    const supergraph = composeSupergraph([
      {
        name: 'identity',
        url: option('--url') ?? 'http://127.0.0.1:4000/graphql',
        sdl: gatewaySdl(),
      },
      {
        name: 'staff',
        url: 'http://127.0.0.1:4001/graphql',
        sdl: readFileSync(staffDirectory, 'utf8'),
      },
    ]);
    const out = option('--out');
    if (out) writeFileSync(out, supergraph);
    console.log(
      `compose: the gateway and the staff directory compose (${supergraph.length} bytes)`,
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
