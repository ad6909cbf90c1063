// The operations this client sends. `graphql()` comes from the generated code: for each exact
// document string it returns a TypedDocumentNode carrying the result and variables types, so
// changing a selection here and running codegen retypes every use.
import { graphql } from './generated/index.js';

/** A person's profile across Flex, Conversations and Chat, for a profile page. */
export const personProfileQuery = graphql(`
  query PersonProfile($identity: String!) {
    user(identity: $identity) {
      id
      identity
      flexUser {
        sid
        username
        fullName
        email
        roles
        deactivated
      }
      conversationsUser {
        sid
        identity
        friendlyName
        attributes
      }
      chatUsers {
        sid
        serviceSid
        identity
        joinedChannelsCount
      }
    }
  }
`);

/** A page of the Flex roster with each person's Conversations and Chat presence. */
export const rosterPageQuery = graphql(`
  query RosterPage($first: Int!, $after: String) {
    flexUsers(first: $first, after: $after) {
      edges {
        cursor
        node {
          sid
          username
          fullName
          roles
          deactivated
          conversationsUser {
            sid
            friendlyName
          }
          chatUsers {
            sid
            serviceSid
            joinedChannelsCount
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** Provisions (or updates) a Flex user; input problems come back as userErrors. */
export const provisionFlexUserMutation = graphql(`
  mutation ProvisionAgent($input: ProvisionFlexUserInput!) {
    provisionFlexUser(input: $input) {
      userErrors {
        field
        message
        code
      }
      flexUser {
        sid
        username
        email
        roles
      }
    }
  }
`);
