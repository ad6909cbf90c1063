import { describe, expect, it } from 'vitest';
import { composeSupergraph, gatewaySdl } from '../../.ci/compose.js';
import { STAFF_DIRECTORY_SDL } from '../helpers/staff-directory.js';

const LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])';
const gateway = { name: 'identity', url: 'http://127.0.0.1:4000/graphql', sdl: gatewaySdl() };
const other = (sdl: string) => ({ name: 'other', url: 'http://127.0.0.1:4002/graphql', sdl });

describe('composition (npm run compose:check)', () => {
  it('composes the gateway with the staff directory, Relay node and nodes owned by the gateway', () => {
    const supergraph = composeSupergraph([
      gateway,
      { name: 'staff', url: 'http://127.0.0.1:4001/graphql', sdl: STAFF_DIRECTORY_SDL },
    ]);
    expect(supergraph).toMatch(
      /type User implements Node @join__type\(graph: IDENTITY, key: "identity"\) @join__type\(graph: STAFF, key: "identity"\)/,
    );
    expect(supergraph).toMatch(/id: ID!\): Node @join__field\(graph: IDENTITY\)/);
    expect(supergraph).toMatch(/ids: \[ID!\]!\): \[Node\] @join__field\(graph: IDENTITY\)/);
    expect(supergraph).toMatch(/staff: \[StaffMember!\]! @join__field\(graph: STAFF\)/);
    expect(supergraph).not.toContain('@cacheControl(');
  });

  it('fails when another subgraph defines Query.node as well (federation#1067)', () => {
    const relayToo = `${LINK}
      interface Node { id: ID! }
      type Query { node(id: ID!): Node }`;
    expect(() => composeSupergraph([gateway, other(relayToo)])).toThrow(/node/);
  });

  it('fails when another subgraph defines PageInfo without @shareable', () => {
    const pages = `${LINK}
      type PageInfo { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }
      type Query { anything: PageInfo }`;
    expect(() => composeSupergraph([gateway, other(pages)])).toThrow(/PageInfo/);
  });
});
