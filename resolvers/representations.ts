import type { GraphQLError, GraphQLFieldResolver } from 'graphql';
import { textProblem } from '../datasources/paths.js';
import { isSid, SID_PREFIXES, type SidKind } from '../datasources/sids.js';
import type { Context } from './context.js';
import { MAX_IDENTITIES_PER_REQUEST } from './Query.js';
import { badInput } from './scalars.js';

/** Each representation may be a fetch per product, as each identity of `users(identities:)` is. */
export const MAX_REPRESENTATIONS_PER_REQUEST = MAX_IDENTITIES_PER_REQUEST;

type KeyCheck = (value: string) => string | null;

const sid =
  (kind: SidKind, what: string): KeyCheck =>
  (value) =>
    isSid(kind, value) ? null : `must be ${what} (${SID_PREFIXES[kind]} + 32 hex digits)`;

/** The `@key` fields of each entity (schema/federation.graphql), with the check each must pass. */
const ENTITY_KEYS: Record<string, [string, KeyCheck][]> = {
  User: [['identity', textProblem]],
  FlexUser: [['sid', sid('flexUser', 'a Flex user SID')]],
  ConversationsUser: [['sid', sid('user', 'a user SID')]],
  ChatUser: [
    ['serviceSid', sid('chatService', 'a chat service SID')],
    ['sid', sid('user', 'a user SID')],
  ],
};

/**
 * What is wrong with the representation at `index`, or null. A router only sends what a
 * supergraph's keys allow, but `_entities` is a public field: nothing unchecked reaches a loader.
 */
function representationProblem(representation: unknown, index: number): GraphQLError | null {
  const problem = (message: string) => badInput(`Representation ${index}: ${message}`);
  if (typeof representation !== 'object' || representation === null) {
    return problem('expected an object with __typename and its key fields');
  }
  const fields = representation as Record<string, unknown>;
  const typename = fields.__typename;
  const keys =
    typeof typename === 'string' && Object.hasOwn(ENTITY_KEYS, typename)
      ? ENTITY_KEYS[typename]
      : undefined;
  if (typeof typename !== 'string' || !keys) {
    return problem(
      `expected __typename to be one of ${Object.keys(ENTITY_KEYS).join(', ')}, got ${JSON.stringify(typename)}`,
    );
  }
  for (const [name, check] of keys) {
    const value = fields[name];
    if (typeof value !== 'string') {
      return problem(
        `${typename}.${name} is missing (expected a string, got ${JSON.stringify(value)})`,
      );
    }
    const wrong = check(value);
    if (wrong !== null)
      return problem(`${typename}.${name} ${wrong}, got ${JSON.stringify(value)}`);
  }
  return null;
}

/**
 * Wraps `_entities` (built by @apollo/subgraph): more representations than the cap refuse the
 * whole field, and a malformed one is an error at its own index, before any upstream call; the
 * valid ones are resolved together, so their loads share one wave.
 */
export function guardEntities(
  resolve: GraphQLFieldResolver<unknown, Context>,
): GraphQLFieldResolver<unknown, Context, { representations: unknown[] }> {
  return (source, args, ctx, info) => {
    const { representations } = args;
    if (representations.length > MAX_REPRESENTATIONS_PER_REQUEST) {
      throw badInput(
        `_entities takes at most ${MAX_REPRESENTATIONS_PER_REQUEST} representations, got ${representations.length}`,
      );
    }
    const problems = representations.map(representationProblem);
    const valid = representations.filter((_, index) => problems[index] === null);
    const resolved = resolve(source, { representations: valid }, ctx, info) as unknown[];
    let next = 0;
    // graphql-js turns an Error in a list into an error at that index and null there.
    return problems.map((problem) => problem ?? resolved[next++]);
  };
}
