/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query PersonProfile($identity: String!) {\n    user(identity: $identity) {\n      id\n      identity\n      flexUser {\n        sid\n        username\n        fullName\n        email\n        roles\n        deactivated\n      }\n      conversationsUser {\n        sid\n        identity\n        friendlyName\n        attributes\n      }\n      chatUsers {\n        sid\n        serviceSid\n        identity\n        joinedChannelsCount\n      }\n    }\n  }\n": typeof types.PersonProfileDocument,
    "\n  query RosterPage($first: Int!, $after: String) {\n    flexUsers(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          sid\n          username\n          fullName\n          roles\n          deactivated\n          conversationsUser {\n            sid\n            friendlyName\n          }\n          chatUsers {\n            sid\n            serviceSid\n            joinedChannelsCount\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.RosterPageDocument,
    "\n  mutation ProvisionAgent($input: ProvisionFlexUserInput!) {\n    provisionFlexUser(input: $input) {\n      userErrors {\n        field\n        message\n        code\n      }\n      flexUser {\n        sid\n        username\n        email\n        roles\n      }\n    }\n  }\n": typeof types.ProvisionAgentDocument,
};
const documents: Documents = {
    "\n  query PersonProfile($identity: String!) {\n    user(identity: $identity) {\n      id\n      identity\n      flexUser {\n        sid\n        username\n        fullName\n        email\n        roles\n        deactivated\n      }\n      conversationsUser {\n        sid\n        identity\n        friendlyName\n        attributes\n      }\n      chatUsers {\n        sid\n        serviceSid\n        identity\n        joinedChannelsCount\n      }\n    }\n  }\n": types.PersonProfileDocument,
    "\n  query RosterPage($first: Int!, $after: String) {\n    flexUsers(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          sid\n          username\n          fullName\n          roles\n          deactivated\n          conversationsUser {\n            sid\n            friendlyName\n          }\n          chatUsers {\n            sid\n            serviceSid\n            joinedChannelsCount\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.RosterPageDocument,
    "\n  mutation ProvisionAgent($input: ProvisionFlexUserInput!) {\n    provisionFlexUser(input: $input) {\n      userErrors {\n        field\n        message\n        code\n      }\n      flexUser {\n        sid\n        username\n        email\n        roles\n      }\n    }\n  }\n": types.ProvisionAgentDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonProfile($identity: String!) {\n    user(identity: $identity) {\n      id\n      identity\n      flexUser {\n        sid\n        username\n        fullName\n        email\n        roles\n        deactivated\n      }\n      conversationsUser {\n        sid\n        identity\n        friendlyName\n        attributes\n      }\n      chatUsers {\n        sid\n        serviceSid\n        identity\n        joinedChannelsCount\n      }\n    }\n  }\n"): (typeof documents)["\n  query PersonProfile($identity: String!) {\n    user(identity: $identity) {\n      id\n      identity\n      flexUser {\n        sid\n        username\n        fullName\n        email\n        roles\n        deactivated\n      }\n      conversationsUser {\n        sid\n        identity\n        friendlyName\n        attributes\n      }\n      chatUsers {\n        sid\n        serviceSid\n        identity\n        joinedChannelsCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RosterPage($first: Int!, $after: String) {\n    flexUsers(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          sid\n          username\n          fullName\n          roles\n          deactivated\n          conversationsUser {\n            sid\n            friendlyName\n          }\n          chatUsers {\n            sid\n            serviceSid\n            joinedChannelsCount\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query RosterPage($first: Int!, $after: String) {\n    flexUsers(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          sid\n          username\n          fullName\n          roles\n          deactivated\n          conversationsUser {\n            sid\n            friendlyName\n          }\n          chatUsers {\n            sid\n            serviceSid\n            joinedChannelsCount\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProvisionAgent($input: ProvisionFlexUserInput!) {\n    provisionFlexUser(input: $input) {\n      userErrors {\n        field\n        message\n        code\n      }\n      flexUser {\n        sid\n        username\n        email\n        roles\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ProvisionAgent($input: ProvisionFlexUserInput!) {\n    provisionFlexUser(input: $input) {\n      userErrors {\n        field\n        message\n        code\n      }\n      flexUser {\n        sid\n        username\n        email\n        roles\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;