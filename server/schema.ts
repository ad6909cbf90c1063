import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Context } from '../resolvers/context.js';
import type { AuditLog } from './audit.js';
import { auditMutations } from './audit-mutations.js';
import { resolvers } from '../resolvers/index.js';
import { guardEntities } from '../resolvers/representations.js';
import { rootDir } from './root.js';

/** @apollo/subgraph's resolver map (not exported), looser than codegen's `Resolvers`. */
type SubgraphResolvers = Extract<
  Parameters<typeof buildSubgraphSchema>[0],
  { resolvers?: unknown }
>['resolvers'];

const SCHEMA_DIR = join(rootDir, 'schema');

/** The SDL, one file per domain, read once at start-up. */
export function loadTypeDefs(): string[] {
  return readdirSync(SCHEMA_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(join(SCHEMA_DIR, file), 'utf8'));
}

/** Where mutation fields' audit records go (AUDIT_LOG), and the key that hashes their values. */
export interface SchemaAudit {
  log: AuditLog;
  hashKey: string | null;
}

/**
 * The executable schema, which is also a Federation v2 subgraph (schema/federation.graphql): the
 * same fields as ever, plus `_service` and `_entities` for a router. One server serves both.
 */
export function createSchema(audit: SchemaAudit | null = null): GraphQLSchema {
  const schema = buildSubgraphSchema({
    typeDefs: parse(loadTypeDefs().join('\n')),
    resolvers: resolvers as SubgraphResolvers,
  });
  const entities = schema.getQueryType()?.getFields()._entities;
  if (!entities?.resolve) throw new Error('The subgraph schema has no _entities resolver');
  entities.resolve = guardEntities(entities.resolve as GraphQLFieldResolver<unknown, Context>);
  if (audit) auditMutations(schema, audit.log, audit.hashKey);
  return schema;
}
