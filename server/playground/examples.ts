// The operations the playground opens with, one GraphiQL tab each. They are data rather than
// strings inside app.tsx so that the browser bundle, docs/playground.md and the tests read the
// same text, and a schema change means fixing one file. Keep this file free of Node imports: it
// is bundled into the browser.

/** One preloaded operation: a GraphiQL tab. */
export interface PlaygroundExample {
  /** The operation's name; GraphiQL titles the tab with it. */
  operationName: string;
  /** The document, starting with a comment that says what it shows. */
  query: string;
  /**
   * Variables for the variables pane. GraphiQL 4 leaves the pane empty for the tab open at first
   * load, so the queries give their variables defaults and only the mutation needs this.
   */
  variables?: Record<string, unknown>;
}

/**
 * An identity that the embedded emulator's default seed has in Flex, Conversations and Chat, so
 * the first tab answers with all three products out of the box. Against real Twilio, change the
 * variable in the playground.
 */
export const EXAMPLE_IDENTITY = 'nora.hassan@owlbank.example';

/** The unified User: one person's Flex user, Conversations user and Chat users in one request. */
export const personAcrossProductsExample: PlaygroundExample = {
  operationName: 'PersonAcrossProducts',
  query: `# One person across Flex, Conversations and
# Chat, joined by identity. Each product is
# asked once, in parallel. Run: Ctrl-Enter.
# Change the identity here or in Variables.
query PersonAcrossProducts(
  $identity: String! = "${EXAMPLE_IDENTITY}"
) {
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
`,
};

/** What a person is doing: their TaskRouter worker and their chat channels, in two waves. */
export const personAtWorkExample: PlaygroundExample = {
  operationName: 'PersonAtWork',
  query: `# What a person is doing: their TaskRouter
# worker (Flex creates it at provisioning) and
# their chat channels with unread counts. Two
# waves of calls: the person, then what their
# SIDs name. A chat user can be in at most 250
# channels (Twilio error 45207 past that).
query PersonAtWork(
  $identity: String! = "${EXAMPLE_IDENTITY}"
) {
  user(identity: $identity) {
    identity
    flexUser {
      sid
      worker {
        id
        friendlyName
        activityName
        available
        dateStatusChanged
      }
    }
    chatUsers {
      serviceSid
      joinedChannelsCount
      channels(first: 5) {
        nodes {
          channelSid
          status
          unreadMessagesCount
          notificationLevel
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
}
`,
};

/** A Relay page of Flex users, each joined to its Conversations user and Chat users. */
export const flexRosterExample: PlaygroundExample = {
  operationName: 'FlexRoster',
  query: `# A page of Flex users with their Conversations
# and Chat users: one list call, then one batched
# lookup per person and product. Pass
# pageInfo.endCursor as $after for the next page.
query FlexRoster($first: Int = 10, $after: String) {
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
`,
};

/** A person's conversations with unread counts, a page at a time, with the conversation node. */
export const personConversationsExample: PlaygroundExample = {
  operationName: 'PersonConversations',
  query: `# A person's conversations with their unread
# counts: the identity is resolved to the user's
# SID, then Twilio's list is read a page at a
# time. Pass pageInfo.endCursor as $after for
# the next page (isabel.khan@owlbank.example has
# 100+ in the default seed).
query PersonConversations(
  $identity: String! = "${EXAMPLE_IDENTITY}"
  $first: Int = 5
  $after: String
) {
  user(identity: $identity) {
    identity
    conversations(first: $first, after: $after) {
      edges {
        node {
          conversationSid
          friendlyName
          state
          unreadMessagesCount
          lastReadMessageIndex
          notificationLevel
          conversation {
            id
            uniqueName
            dateUpdated
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    conversationsUsers {
      chatServiceSid
      sid
    }
    matchedIdentities {
      product
      chatServiceSid
      identity
      form
    }
  }
}
`,
};

/** Provisioning a Flex user; input problems come back as userErrors, not as top-level errors. */
export const provisionFlexUserExample: PlaygroundExample = {
  operationName: 'ProvisionFlexUser',
  query: `# Provisions a Flex user (Flex v4). Problems
# with the input come back in userErrors;
# running it again updates the same user.
mutation ProvisionFlexUser($input: ProvisionFlexUserInput!) {
  provisionFlexUser(input: $input) {
    userErrors {
      field
      message
      code
    }
    flexUser {
      sid
      username
      fullName
      email
      roles
    }
  }
}
`,
  variables: {
    input: {
      username: 'playground.agent',
      email: 'playground.agent@example.com',
      fullName: 'Playground Agent',
      roles: ['AGENT'],
    },
  },
};

/**
 * The selection of a bulk mutation's payload, shared by its two tabs; `flexUserFields` (names
 * separated by spaces) are those of each result's Flex user. Indented as the tabs nest it.
 */
function bulkPayload(flexUserFields: string): string {
  const fields = flexUserFields
    .split(' ')
    .map((field) => `        ${field}\n`)
    .join('');
  return `    userErrors {
      field
      message
      code
    }
    results {
      index
      outcome
      error {
        code
        twilioCode
        message
      }
      flexUser {
${fields}      }
    }
    succeeded
    failed
`;
}

/** Back office: many users in one call, each item's outcome reported on its own. */
export const provisionFlexUsersExample: PlaygroundExample = {
  operationName: 'ProvisionFlexUsers',
  query: `# Provisions several Flex users in one call.
# Every item is checked first: one bad item and
# nothing is sent. Then a few at a time, each
# item's outcome in results (index = position).
mutation ProvisionFlexUsers($input: ProvisionFlexUsersInput!) {
  provisionFlexUsers(input: $input) {
${bulkPayload('sid username')}  }
}
`,
  variables: {
    input: {
      users: [
        {
          username: 'playground.one',
          email: 'playground.one@example.com',
          fullName: 'Playground One',
          roles: ['AGENT'],
        },
        {
          username: 'playground.two',
          email: 'playground.two@example.com',
          fullName: 'Playground Two',
          roles: ['AGENT', 'SUPERVISOR'],
        },
      ],
    },
  },
};

/**
 * Back office: changes to several users in one call. The SIDs are the demo seed's (the first two
 * active Flex users of the embedded emulator): against real Twilio, put yours in.
 */
export const updateFlexUsersExample: PlaygroundExample = {
  operationName: 'UpdateFlexUsers',
  query: `# Changes several Flex users in one call (Flex
# v2 update: email, userSid, locale). Checked
# first, then sent a few at a time; each item's
# outcome in results. It changes data.
mutation UpdateFlexUsers($input: UpdateFlexUsersInput!) {
  updateFlexUsers(input: $input) {
${bulkPayload('sid username locale')}  }
}
`,
  variables: {
    input: {
      users: [
        { sid: 'FU3d1ab3c12151182d007fff2492541077', locale: 'fr-FR' },
        { sid: 'FUa918f3881f5dd0affdda3ca5f7f535f3', locale: 'de-DE' },
      ],
    },
  },
};

/** Back office: search by name, role, email or deactivation (a bounded scan; Twilio has none). */
export const peopleSearchExample: PlaygroundExample = {
  operationName: 'PeopleSearch',
  query: `# Finds people by name, email, role or whether
# they were deprovisioned. Twilio has no search:
# this scans the Flex user list, 1000 per call;
# scannedPages says how many calls it took.
query PeopleSearch(
  $filter: PeopleFilter = { nameContains: "hassan", role: SUPERVISOR }
  $after: String
) {
  people(filter: $filter, first: 10, after: $after) {
    nodes {
      identity
      flexUser {
        sid
        fullName
        email
        roles
        deactivated
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
    scannedPages
    scannedUsers
    scanLimitReached
  }
}
`,
};

/** Back office: offboarding one person, as a dry run so the demo person stays. */
export const offboardPersonExample: PlaygroundExample = {
  operationName: 'OffboardPerson',
  query: `# Offboards a person: deprovisions the Flex
# user, then deletes the Conversations user and
# the Chat users (or, with LEAVE_CHANNELS, only
# their memberships). Each step says DONE,
# ALREADY_DONE, FAILED (with Twilio's code) or
# SKIPPED. dryRun only looks up and says PLANNED:
# set it to false to do it. Rerunning is safe;
# steps: [...] retries only the named steps.
mutation OffboardPerson($input: OffboardPersonInput!) {
  offboardPerson(input: $input) {
    userErrors {
      field
      message
      code
    }
    steps {
      action
      target
      outcome
      reason
      error {
        code
        twilioCode
        status
        message
      }
    }
    completed
    channelsRemaining
  }
}
`,
  variables: {
    input: { identity: EXAMPLE_IDENTITY, chatUsers: 'REMOVE', dryRun: true },
  },
};

/** Back office: a background reconciliation of the whole account (docs/reconciliation.md). */
export const reconciliationExample: PlaygroundExample = {
  operationName: 'StartReconciliation',
  query: `# Starts a background job that reads the Flex,
# Conversations and Chat users and the workers,
# a page at a time and paced to budgetShare of
# the account's Twilio budget, and finds who is
# inconsistent across products. Then ask
#   reconciliation(id: "…") { status progress {…}
#     findings(kind: [NAME_DRIFT]) { nodes {…} } }
# or download exportPaths (NDJSON, CSV) with the
# same Authorization. One job per tenant at a time.
mutation StartReconciliation {
  startReconciliation(input: { budgetShare: 0.2 }) {
    userErrors {
      message
      code
    }
    job {
      id
      status
      chatServiceSids
      progress {
        phase
        pagesRead
        peopleScanned
        findings
        estimatedRemainingPages
        estimatedRemainingSeconds
      }
      exportPaths {
        ndjson
        csv
      }
    }
  }
}
`,
};

/** The tabs in the order the playground opens them; the first one is shown first. */
export const playgroundExamples: readonly PlaygroundExample[] = [
  personAcrossProductsExample,
  personAtWorkExample,
  flexRosterExample,
  personConversationsExample,
  provisionFlexUserExample,
  provisionFlexUsersExample,
  updateFlexUsersExample,
  peopleSearchExample,
  offboardPersonExample,
  reconciliationExample,
];
