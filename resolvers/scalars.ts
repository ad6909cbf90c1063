import {
  GraphQLError,
  GraphQLScalarType,
  Kind,
  valueFromASTUntyped,
  type ValueNode,
} from 'graphql';
import { SID_PREFIXES, sidPattern, type SidKind } from '../datasources/sids.js';

/** A client error in an argument, raised by a resolver before it calls Twilio. */
export function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/**
 * A value a scalar refuses. It is raised while the request's variables or literals are checked,
 * before anything runs, so the whole request is a client error (HTTP 400).
 */
function invalidValue(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
  });
}

function stringScalar(
  name: string,
  description: string,
  check: (value: string) => string | null,
): GraphQLScalarType<string, string> {
  const parse = (value: unknown): string => {
    if (typeof value !== 'string')
      throw invalidValue(`${name}: expected a string, got ${JSON.stringify(value)}`);
    const problem = check(value);
    if (problem) throw invalidValue(problem);
    return value;
  };
  return new GraphQLScalarType<string, string>({
    name,
    description,
    // Twilio's own values go out as sent: validating output would turn a Twilio quirk into an error.
    serialize: (value) => String(value),
    parseValue: parse,
    parseLiteral: (ast: ValueNode) => {
      if (ast.kind !== Kind.STRING) throw invalidValue(`${name}: expected a string literal`);
      return parse(ast.value);
    },
  });
}

function sidScalar(
  name: string,
  kinds: SidKind[],
  what: string,
): GraphQLScalarType<string, string> {
  const pattern = sidPattern(...kinds);
  const shape = kinds.map((kind) => `${SID_PREFIXES[kind]} + 32 hex digits`).join(' or ');
  return stringScalar(name, `${what}: ${shape}.`, (value) =>
    pattern.test(value) ? null : `Expected ${what} (${shape}), got ${JSON.stringify(value)}`,
  );
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export const DateTime = stringScalar('DateTime', 'ISO 8601 date-time in UTC.', (value) =>
  ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))
    ? null
    : `Expected an ISO 8601 date-time such as 2024-07-31T04:00:00Z, got ${JSON.stringify(value)}`,
);

/**
 * How deep a JSON input may nest objects and arrays (`{"a": 1}` is 1 level). Attributes are a
 * flat bag in practice; a value thousands of levels deep overflows the stack of everything that
 * walks it (JSON.stringify, graphql-js), so it is refused here, before anything runs.
 */
export const MAX_JSON_DEPTH = 32;

/** True when `root` nests containers deeper than `limit`; walks without recursion. */
function nestsDeeperThan<T>(root: T, limit: number, children: (node: T) => readonly T[] | null) {
  const pending: [T, number][] = [[root, 0]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [node, depth] = next;
    const inner = children(node);
    if (inner === null) continue;
    if (depth === limit) return true;
    for (const child of inner) pending.push([child, depth + 1]);
  }
  return false;
}

const jsonChildren = (value: unknown): readonly unknown[] | null =>
  typeof value !== 'object' || value === null
    ? null
    : Array.isArray(value)
      ? value
      : Object.values(value);

const literalChildren = (ast: ValueNode): readonly ValueNode[] | null =>
  ast.kind === Kind.LIST
    ? ast.values
    : ast.kind === Kind.OBJECT
      ? ast.fields.map((field) => field.value)
      : null;

const tooDeep = () =>
  invalidValue(`JSON values may be nested at most ${MAX_JSON_DEPTH} levels deep`);

const checkJsonDepth = (value: unknown): unknown => {
  if (nestsDeeperThan(value, MAX_JSON_DEPTH, jsonChildren)) throw tooDeep();
  return value;
};

export const JSONScalar = new GraphQLScalarType<unknown, unknown>({
  name: 'JSON',
  description: 'Any JSON value.',
  serialize: (value) => value,
  parseValue: checkJsonDepth,
  parseLiteral: (ast, variables) => {
    // The literal first, so that valueFromASTUntyped's recursion stays shallow; then the value,
    // which may have variables' values spliced into it.
    if (nestsDeeperThan(ast, MAX_JSON_DEPTH, literalChildren)) throw tooDeep();
    return checkJsonDepth(valueFromASTUntyped(ast, variables));
  },
});

export const scalars = {
  DateTime,
  JSON: JSONScalar,
  AccountSid: sidScalar('AccountSid', ['account'], 'an account SID'),
  FlexInstanceSid: sidScalar('FlexInstanceSid', ['flexInstance'], 'a Flex instance SID'),
  FlexUserSid: sidScalar('FlexUserSid', ['flexUser'], 'a Flex user SID'),
  UserSid: sidScalar('UserSid', ['user'], 'a user SID'),
  PersonSid: sidScalar('PersonSid', ['flexUser', 'user'], 'a Flex user SID or a user SID'),
  ChatServiceSid: sidScalar('ChatServiceSid', ['chatService'], 'a chat service SID'),
  RoleSid: sidScalar('RoleSid', ['role'], 'a role SID'),
  WorkerSid: sidScalar('WorkerSid', ['worker'], 'a worker SID'),
  WorkspaceSid: sidScalar('WorkspaceSid', ['workspace'], 'a workspace SID'),
  FlexTeamSid: sidScalar('FlexTeamSid', ['flexTeam'], 'a Flex team SID'),
  ConversationSid: sidScalar('ConversationSid', ['conversation'], 'a conversation SID'),
  ParticipantSid: sidScalar('ParticipantSid', ['participant'], 'a participant SID'),
  ActivitySid: sidScalar('ActivitySid', ['activity'], 'an activity SID'),
  ChatChannelSid: sidScalar('ChatChannelSid', ['channel'], 'a chat channel SID'),
};
