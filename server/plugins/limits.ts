import { LEAVE_CHANNELS_PER_USER } from '../../resolvers/offboarding-steps.js';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { createRequire } from 'node:module';
import { getNamedType, GraphQLError, isLeafType, type ValidationRule } from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import type { ErrorCode } from '../../datasources/errors.js';
import type { Context } from '../../resolvers/context.js';

// The CommonJS build, required: its ESM build imports graphql/index.mjs, a second graphql realm
// that cannot read this schema ("Cannot use GraphQLObjectType from another module or realm"), and
// an ESM import of the CommonJS build sees different exports under Node and under Vite.
const queryComplexity = createRequire(import.meta.url)(
  'graphql-query-complexity/cjs',
) as typeof import('graphql-query-complexity');

/** The limits an operation must stay within; every one is checked before any upstream call. */
export const QUERY_LIMITS = {
  /** Nesting of fields, fragments flattened. The deepest useful walk (page → node → joins) is 7. */
  depth: 10,
  aliases: 30,
  directives: 20,
  tokens: 5000,
  /**
   * Cost, roughly the Twilio calls the operation may cause: 1 per object field (each may be a
   * fetch), times the page size or the number of ids for list fields (read from variables too);
   * leaf fields are free, since they come from a record already in hand. A page of 1000 Flex users
   * with their names, emails and roles costs about 1000; a page of 50 with their other products
   * about 300; a page of 1000 with joins is refused.
   */
  cost: 5000,
} as const;

const COST_CACHE_ENTRIES = 1000;

/**
 * What the cost of an operation depends on: the document, the only variable values the
 * estimators read (whole numbers, for page sizes, and list lengths, for ids), and how many chat
 * services a person is looked up in.
 */
function costKey(
  queryHash: string,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | undefined,
  fanOut: FanOut,
): string {
  const sizes: string[] = [];
  // Bulk inputs carry their list one level down (`input.users`): its length counts as well.
  const collect = (entries: [string, unknown][], prefix: string, depth: number) => {
    for (const [name, value] of entries) {
      if (typeof value === 'number') sizes.push(`${prefix}${name}=${value}`);
      else if (Array.isArray(value)) sizes.push(`${prefix}${name}=#${value.length}`);
      else if (depth > 0 && value !== null && typeof value === 'object') {
        collect(Object.entries(value), `${prefix}${name}.`, depth - 1);
      }
    }
  };
  collect(Object.entries(variables ?? {}), '', 1);
  const { chatServices, conversationsServices, identityForms } = fanOut;
  return `${queryHash}|${operationName ?? ''}|${sizes.join(',')}|${chatServices}|${conversationsServices}|${identityForms}`;
}

/** What a person's lookups fan out to, as known before any call. */
interface FanOut {
  chatServices: number;
  /** Configured non-default Conversations services. */
  conversationsServices: number;
  /** 2 with Flex identity escapes on (exact and escaped form in the same wave), else 1. */
  identityForms: number;
}

/** User fields that join by identity: each form of the identity may be a call of its own. */
const IDENTITY_JOINS = new Set([
  'flexUser',
  'conversationsUser',
  'conversationsUsers',
  'chatUsers',
  'chatUser',
  'conversations',
  'matchedIdentities',
]);

/**
 * List fields multiply what they select by how many items they may return: a page by its size,
 * `users`/`nodes` by their ids, federation's `_entities` by its representations, a person's
 * `chatUsers` by the chat services they are looked up in (the configured ones, and their
 * Conversations user's own) and `conversationsUsers` by the configured Conversations services
 * plus the default one, one Twilio call each. With Flex identity escapes on, a `User` field
 * joining by identity costs twice: both forms are asked.
 */
const listEstimator =
  (
    { chatServices, conversationsServices, identityForms }: FanOut,
    searchMaxPages: number,
  ): ComplexityEstimator =>
  ({ args, childComplexity, field, type }) => {
    const forms = type.name === 'User' && IDENTITY_JOINS.has(field.name) ? identityForms : 1;
    const first: unknown = args.first;
    // A search is a scan: every Flex list page it may read, then what it returns.
    if (field.name === 'people' && typeof first === 'number') {
      return searchMaxPages + childComplexity * Math.max(first, 0);
    }
    // Offboarding, per identity form (both with escapes on): a Flex look-up and write, a worker
    // look-up and delete, a Conversations look-up and delete, then per chat service a look-up,
    // and a delete or a page of channels with one leave per channel.
    if (field.name === 'offboardPerson') {
      return identityForms * (6 + chatServices * (2 + LEAVE_CHANNELS_PER_USER)) + childComplexity;
    }
    // A bulk mutation makes one Twilio call per item, and returns each item's result.
    const bulk = (args.input as { users?: unknown } | undefined)?.users;
    if (Array.isArray(bulk)) return 1 + Math.max(childComplexity, 1) * bulk.length;
    // A page costs its resolution by identity (User.conversations) and the page itself.
    if (typeof first === 'number') return forms + childComplexity * Math.max(first, 0);
    // Each id, identity or entity representation may be a fetch of its own, even when only leaf
    // fields are asked for.
    const items: unknown = args.identities ?? args.ids ?? args.representations;
    if (Array.isArray(items)) return 1 + Math.max(childComplexity, 1) * items.length;
    const each = Math.max(childComplexity, 1);
    if (field.name === 'chatUsers') return 1 + each * (chatServices + 1) * forms;
    if (field.name === 'conversationsUsers') {
      return 1 + each * (conversationsServices + 1) * forms;
    }
    // Every product a person is matched in, each under each form.
    if (field.name === 'matchedIdentities') {
      return 1 + (2 + chatServices + conversationsServices) * forms;
    }
    if (forms > 1) return forms + childComplexity;
    return undefined;
  };

/** Scalars and enums come from the record their parent already loaded. */
const leafEstimator: ComplexityEstimator = ({ field }) =>
  isLeafType(getNamedType(field.type)) ? 0 : undefined;

/**
 * Depth, aliases and directives come from GraphQL Armor's rules. Its cost rule only sees literal
 * page sizes, so cost is computed here instead, with variables, once the operation is known. Its
 * token plugin re-parses the document inside a plugin hook, where a syntax error becomes a 500;
 * graphql-js's own parser counts tokens instead (`parseOptions`, see apollo.ts).
 */
export function createQueryLimits(options: { searchMaxPages: number } = { searchMaxPages: 10 }): {
  plugins: ApolloServerPlugin<Context>[];
  validationRules: ValidationRule[];
} {
  const armor = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.depth, flattenFragments: true },
    maxAliases: { n: QUERY_LIMITS.aliases },
    maxDirectives: { n: QUERY_LIMITS.directives },
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    // Suggestions are hidden with introspection, field and enum ones alike (format-error.ts);
    // Armor's rule hides field names only, and in development too, where they help.
    blockFieldSuggestion: { enabled: false },
  });
  const { plugins, validationRules } = armor.protect();
  // Computing cost walks the whole document with type info; the same operation with the same list
  // sizes always costs the same, so it is computed once.
  const costs = new Map<string, number>();
  const remember = (key: string, cost: number) => {
    if (costs.has(key)) return;
    if (costs.size >= COST_CACHE_ENTRIES) costs.delete(costs.keys().next().value!);
    costs.set(key, cost);
  };
  const costPlugin: ApolloServerPlugin<Context> = {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation({ request, document, schema, queryHash, operation, contextValue }) {
          // No operation of that name (or several and no name): execution refuses it next with
          // OPERATION_RESOLUTION_FAILURE (400). The estimator, given a name, reads every
          // operation's name and throws a TypeError on an anonymous one: a 500.
          if (!operation) return Promise.resolve();
          const { defaults } = contextValue;
          const fanOut: FanOut = {
            chatServices: defaults.chatServiceCount,
            conversationsServices: defaults.conversationsServiceSids.length,
            identityForms: defaults.flexIdentityEscapes ? 2 : 1,
          };
          const key = costKey(queryHash, request.operationName, request.variables, fanOut);
          let cost = costs.get(key);
          try {
            cost ??= queryComplexity.getComplexity({
              schema,
              query: document,
              variables: request.variables ?? {},
              operationName: request.operationName ?? undefined,
              estimators: [
                listEstimator(fanOut, options.searchMaxPages),
                leafEstimator,
                queryComplexity.simpleEstimator({ defaultComplexity: 1 }),
              ],
            });
          } catch (error) {
            // Variables that do not fit the operation: execution refuses them next, with Apollo's
            // BAD_USER_INPUT (400), before any resolver runs. Thrown here, it would be a 500.
            if (error instanceof GraphQLError) return Promise.resolve();
            throw error;
          }
          remember(key, cost);
          if (cost > QUERY_LIMITS.cost) {
            throw new GraphQLError(
              `Operation cost ${cost} exceeds the limit of ${QUERY_LIMITS.cost}: ask for fewer fields or smaller pages`,
              {
                extensions: {
                  code: 'QUERY_TOO_COSTLY' satisfies ErrorCode,
                  cost,
                  maxCost: QUERY_LIMITS.cost,
                  http: { status: 400 },
                },
              },
            );
          }
          return Promise.resolve();
        },
      }),
  };
  return { plugins: [...(plugins as ApolloServerPlugin<Context>[]), costPlugin], validationRules };
}
