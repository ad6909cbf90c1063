/**
 * What a workload is, for every kind of contender: GraphQL steps for the GraphQL servers, and
 * the same work written by hand for the clients that join on their own (the official Twilio SDK,
 * and a client of GraphQL Mesh that calls REST for what Mesh's schema lacks).
 *
 * Nothing here imports a contender's package: scenarios are type-checked with the root project,
 * so the SDK and the Mesh client are described by the small structural interfaces below.
 */

/** The seeded Twilio account the workloads act as (a subset of the emulator's EmulatorAccount). */
export interface BenchAccount {
  accountSid: string;
  authToken: string;
  flexInstanceSid: string;
  defaultChatServiceSid: string;
  /** Every chat service of the account, the default one first. */
  chatServiceSids: string[];
}

/** A person in the seed who is a Flex user, a Conversations user and a Chat user. */
export interface BenchPerson {
  identity: string;
  flexUserSid: string;
  userSid: string;
  chatServiceSids: string[];
}

/** What the workloads draw their inputs from; the same for every contender. */
export interface Fixture {
  account: BenchAccount;
  /** People present in every product; workloads rotate through them. */
  people: BenchPerson[];
  /** Distinct usernames on the first page of the Flex v1 user list (PageSize 50). */
  rosterUsernames: string[];
  /** Makes provisioned usernames unique per run and contender. */
  runId: string;
}

export type Variables = Record<string, unknown>;

/** One GraphQL request of a workload. */
export interface GraphQLStep {
  /** Key of this step's data in the workload's result. */
  name: string;
  query: string;
  /** Variables for this step, from the workload input and the data of the steps before it. */
  variables(input: Variables, previous: Record<string, unknown>): Variables;
}

/** The fewest upstream calls and sequential waves that can answer the workload. */
export interface Floor {
  calls: number;
  waves: number;
  /** The distinct upstream resources, e.g. "conversations user alice". */
  resources: string[];
}

export interface Scenario {
  name: 'profile' | 'roster' | 'overlap' | 'write' | 'hot' | 'full-picture' | 'single' | 'typename';
  title: string;
  /** Contenders that do not run this workload (it means nothing for them). */
  skip?: readonly string[];
  /**
   * When Hive Gateway answers the workload alone from its composed schema: these steps are posted
   * straight to its GraphQL endpoint (the mesh contender's `graphqlPath`), with no client code.
   */
  hiveSteps?: GraphQLStep[];
  /** The workload's input for iteration `i` (rotates through the fixture; unique for writes). */
  input(fixture: Fixture, i: number, tag: string): Variables;
  /** GraphQL requests in order; one for reads, four for the write workload. */
  steps: GraphQLStep[];
  floor(fixture: Fixture, input: Variables): Floor;
  /** The same work with the official Twilio SDK, returning what the GraphQL steps return. */
  sdk(client: TwilioLike, account: BenchAccount, input: Variables): Promise<unknown>;
  /** The same work as a client of GraphQL Mesh (+ REST for what its schema lacks). */
  mesh(client: MeshClient, account: BenchAccount, input: Variables): Promise<unknown>;
  /** Makes results from different contenders comparable (drops run-specific values). */
  normalize?(result: unknown): unknown;
}

// ---------------------------------------------------------------------------------------------
// The parts of the official `twilio` SDK the workloads use (structurally; see contenders/twilio-sdk.ts).

/** A Conversations or Chat user as the SDK returns it (camelCase, dates as Date). */
export interface SdkUser {
  sid: string;
  accountSid: string;
  identity: string;
  friendlyName: string | null;
  attributes: string | null;
  roleSid: string | null;
  isOnline: boolean | null;
  isNotifiable: boolean | null;
  dateCreated: Date;
  dateUpdated: Date;
  url: string;
}

export interface SdkConversationsUser extends SdkUser {
  chatServiceSid: string;
}

export interface SdkChatUser extends SdkUser {
  serviceSid: string;
  joinedChannelsCount: number;
}

export interface SdkFlexUser {
  accountSid: string;
  instanceSid: string;
  userSid: string | null;
  flexUserSid: string;
  workerSid: string | null;
  workspaceSid: string | null;
  flexTeamSid: string | null;
  username: string;
  email: string | null;
  locale: string | null;
  roles: string[] | null;
  createdDate: Date;
  updatedDate: Date;
  version: number;
  url: string;
}

/** One page of an SDK list (`resource.page()`): its items and Twilio's next page URL. */
export interface SdkPage<T> {
  instances: T[];
  nextPageUrl?: string | null;
}

export interface SdkWorker {
  sid: string;
  friendlyName: string | null;
  activityName: string | null;
  available: boolean | null;
}

export interface SdkUserConversation {
  conversationSid: string;
  friendlyName: string | null;
  unreadMessagesCount: number | null;
}

export interface SdkUserChannel {
  channelSid: string;
  status: string | null;
  unreadMessagesCount: number | null;
}

export interface TwilioLike {
  conversations: {
    v1: {
      users(sid: string): {
        fetch(): Promise<SdkConversationsUser>;
        userConversations: {
          page(params: { pageSize: number }): Promise<SdkPage<SdkUserConversation>>;
        };
      };
    };
  };
  chat: {
    v2: {
      services(sid: string): {
        users(sid: string): {
          fetch(): Promise<SdkChatUser>;
          userChannels: {
            page(params: { pageSize: number }): Promise<SdkPage<SdkUserChannel>>;
          };
        };
      };
    };
  };
  taskrouter: {
    v1: {
      workspaces(sid: string): {
        workers: {
          page(params: { friendlyName: string; pageSize: number }): Promise<SdkPage<SdkWorker>>;
        };
      };
    };
  };
  flexApi: {
    v2: {
      flexUser(
        instanceSid: string,
        flexUserSid: string,
      ): {
        fetch(): Promise<SdkFlexUser>;
        update(params: { email?: string; userSid?: string; locale?: string }): Promise<SdkFlexUser>;
      };
    };
  };
  /** The SDK's escape hatch for endpoints it has no resource for (Flex v1 list, Flex v4). */
  request(opts: {
    method: 'get' | 'post';
    uri: string;
    params?: object;
    data?: object;
    headers?: Record<string, string>;
  }): Promise<{ statusCode: number; body: unknown }>;
}

// ---------------------------------------------------------------------------------------------
// A client of the Mesh-composed supergraph (see contenders/mesh.ts).

export interface GraphQLResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[] }[];
}

export interface MeshClient {
  /** POST a GraphQL operation to Hive Gateway serving the Mesh supergraph. */
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Variables,
  ): Promise<GraphQLResult<T>>;
  /**
   * The GraphQL type of a root field's argument in the composed schema, e.g.
   * `chat_queryInput_FetchUser_ServiceSid!` (Mesh generates one scalar per SID pattern).
   */
  argType(rootType: 'Query' | 'Mutation', field: string, arg: string): string;
  /** A REST call to Twilio for the endpoints the OpenAPI specs (and so Mesh) do not have. */
  rest<T = unknown>(
    method: 'GET' | 'POST',
    path: string,
    options?: { query?: Record<string, string>; json?: unknown },
  ): Promise<{ status: number; body: T }>;
}

/** The Flex base URL the SDK builds its requests on (it is rewritten to the emulator). */
export const FLEX_API = 'https://flex-api.twilio.com';
