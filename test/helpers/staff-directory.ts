import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { readFileSync } from 'node:fs';

/** The example second subgraph's SDL, as `npm run compose:check` composes it. */
export const STAFF_DIRECTORY_SDL = readFileSync(
  new URL('../../examples/staff-directory/schema.graphql', import.meta.url),
  'utf8',
);

export interface StaffEntry {
  identity: string;
  department: string;
  /** The manager's identity; null at the top. */
  manager: string | null;
}

export interface StaffDirectory {
  url: string;
  sdl: string;
  close(): Promise<void>;
}

/**
 * A small subgraph that extends the gateway's `User` by identity, over the people given (for
 * example identities from the emulator's seed), on a free loopback port.
 */
export async function startStaffDirectory(staff: StaffEntry[]): Promise<StaffDirectory> {
  const byIdentity = new Map(staff.map((entry) => [entry.identity, entry]));
  const person = (identity: string) => ({ identity });
  const server = new ApolloServer({
    schema: buildSubgraphSchema({
      typeDefs: parse(STAFF_DIRECTORY_SDL),
      resolvers: {
        Query: { staff: () => staff },
        StaffMember: { user: (entry: StaffEntry) => person(entry.identity) },
        User: {
          __resolveReference: (reference: { identity: string }) => person(reference.identity),
          department: ({ identity }: { identity: string }) =>
            byIdentity.get(identity)?.department ?? null,
          manager: ({ identity }: { identity: string }) => {
            const manager = byIdentity.get(identity)?.manager;
            return manager ? person(manager) : null;
          },
        },
      },
    }),
  });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { url, sdl: STAFF_DIRECTORY_SDL, close: () => server.stop() };
}
