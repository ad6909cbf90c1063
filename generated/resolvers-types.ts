import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { FlexUserRecord, ConversationsUserRecord, ChatUserRecord } from '../datasources/records.js';
import type { Person, DeprovisionResult } from '../resolvers/models.js';
import type { Context } from '../resolvers/context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A Twilio account SID: `AC` followed by 32 hexadecimal digits. */
  AccountSid: { input: string; output: string; }
  /** A chat service SID (Conversations service or Programmable Chat service): `IS` + 32 hex digits. */
  ChatServiceSid: { input: string; output: string; }
  /** A point in time, ISO 8601 in UTC with second precision (`2024-07-31T04:00:00Z`), as Twilio sends it. */
  DateTime: { input: string; output: string; }
  /** Federation: a selection of fields, as `@key(fields:)` takes it. */
  FieldSet: { input: string; output: string; }
  /** A Flex instance SID: `GO` followed by 32 hexadecimal digits. */
  FlexInstanceSid: { input: string; output: string; }
  /** A Flex team SID: `QO` followed by 32 hexadecimal digits. */
  FlexTeamSid: { input: string; output: string; }
  /** A Flex user SID (Twilio's `flex_user_sid`): `FU` followed by 32 hexadecimal digits. */
  FlexUserSid: { input: string; output: string; }
  /** Any JSON value. Twilio stores user `attributes` as a JSON string; the gateway parses it for you. */
  JSON: { input: unknown; output: unknown; }
  /** Either a Flex user SID (`FU…`) or a Twilio user SID (`US…`): the two SIDs a person is found by. */
  PersonSid: { input: string; output: string; }
  /** A role SID: `RL` followed by 32 hexadecimal digits. */
  RoleSid: { input: string; output: string; }
  /**
   * A Twilio user SID (Conversations and Chat users, and Flex's `user_sid`): `US` followed by 32
   * hexadecimal digits.
   */
  UserSid: { input: string; output: string; }
  /** A TaskRouter worker SID: `WK` followed by 32 hexadecimal digits. */
  WorkerSid: { input: string; output: string; }
  /** A TaskRouter workspace SID: `WS` followed by 32 hexadecimal digits. */
  WorkspaceSid: { input: string; output: string; }
  /** Federation: a name imported by `@link`. */
  link__Import: { input: string; output: string; }
};

/** Who may cache a response: any cache (PUBLIC) or only the client's own (PRIVATE). */
export type CacheControlScope =
  /** Only the caller's own cache (every answer here depends on the caller's Twilio account). */
  | 'PRIVATE'
  /** Any cache, including shared CDN caches. */
  | 'PUBLIC';

/**
 * A Programmable Chat user: a user of one chat service (`/v2/Services/{ServiceSid}/Users`). In the
 * account's default service it is the same person record as the Conversations user.
 */
export type ChatUser = Node & {
  __typename?: 'ChatUser';
  /** The Twilio account that owns the user. */
  accountSid: Maybe<Scalars['AccountSid']['output']>;
  /** Free-form JSON attributes (Twilio stores them as a JSON string; parsed here). */
  attributes: Maybe<Scalars['JSON']['output']>;
  /** The person's Conversations user (by identity). */
  conversationsUser: Maybe<ConversationsUser>;
  /** When the user was created. */
  dateCreated: Maybe<Scalars['DateTime']['output']>;
  /** When the user last changed. */
  dateUpdated: Maybe<Scalars['DateTime']['output']>;
  /** The person's Flex user (by username = identity). */
  flexUser: Maybe<FlexUser>;
  /** Display name. */
  friendlyName: Maybe<Scalars['String']['output']>;
  /** Opaque global id. */
  id: Scalars['ID']['output'];
  /** The identity, case-sensitive. */
  identity: Scalars['String']['output'];
  /** Whether the user can receive push notifications; null when reachability is off. */
  isNotifiable: Maybe<Scalars['Boolean']['output']>;
  /** Whether the user is connected now; null when the service has reachability off. */
  isOnline: Maybe<Scalars['Boolean']['output']>;
  /** How many channels the user has joined. */
  joinedChannelsCount: Maybe<Scalars['Int']['output']>;
  /** The user's role in the service. */
  roleSid: Maybe<Scalars['RoleSid']['output']>;
  /** The chat service of this user. Twilio's `service_sid`. */
  serviceSid: Scalars['ChatServiceSid']['output'];
  /** Twilio's `sid` (`US…`). */
  sid: Scalars['UserSid']['output'];
  /** The resource URL. */
  url: Maybe<Scalars['String']['output']>;
  /** The person this user is. */
  user: Maybe<User>;
};

/** A page of Chat users. */
export type ChatUserConnection = {
  __typename?: 'ChatUserConnection';
  /** The users of this page, each with its cursor. */
  edges: Array<ChatUserEdge>;
  /** The users of this page. */
  nodes: Array<ChatUser>;
  /** Where this page sits. */
  pageInfo: PageInfo;
};

/** A Chat user in a page, with its cursor. */
export type ChatUserEdge = {
  __typename?: 'ChatUserEdge';
  /** Pass as `after` to read the users after this one. */
  cursor: Scalars['String']['output'];
  /** The Chat user. */
  node: ChatUser;
};

/** A Conversations user: a user of the account's default chat service (Twilio's `/v1/Users`). */
export type ConversationsUser = Node & {
  __typename?: 'ConversationsUser';
  /** The Twilio account that owns the user. */
  accountSid: Maybe<Scalars['AccountSid']['output']>;
  /** Free-form JSON attributes (Twilio stores them as a JSON string; parsed here). */
  attributes: Maybe<Scalars['JSON']['output']>;
  /** The chat service the user belongs to (the account's default Conversations service). */
  chatServiceSid: Maybe<Scalars['ChatServiceSid']['output']>;
  /** The same person as a Chat user of this user's chat service. */
  chatUser: Maybe<ChatUser>;
  /** The person's Chat users in every chat service the gateway knows (see `User.chatUsers`). */
  chatUsers: Maybe<Array<ChatUser>>;
  /** When the user was created. */
  dateCreated: Maybe<Scalars['DateTime']['output']>;
  /** When the user last changed. */
  dateUpdated: Maybe<Scalars['DateTime']['output']>;
  /** The person's Flex user (by username = identity, in the configured Flex instance). */
  flexUser: Maybe<FlexUser>;
  /** Display name. */
  friendlyName: Maybe<Scalars['String']['output']>;
  /** Opaque global id. */
  id: Scalars['ID']['output'];
  /** The identity, case-sensitive: the key that joins the person across products. */
  identity: Scalars['String']['output'];
  /** Whether the user can receive push notifications; null when reachability is off. */
  isNotifiable: Maybe<Scalars['Boolean']['output']>;
  /** Whether the user is connected now. Twilio answers null when the service has reachability off. */
  isOnline: Maybe<Scalars['Boolean']['output']>;
  /** The user's role. */
  roleSid: Maybe<Scalars['RoleSid']['output']>;
  /** Twilio's `sid` (`US…`). */
  sid: Scalars['UserSid']['output'];
  /** The resource URL. */
  url: Maybe<Scalars['String']['output']>;
  /** The person this user is. */
  user: Maybe<User>;
};

/** A page of Conversations users. */
export type ConversationsUserConnection = {
  __typename?: 'ConversationsUserConnection';
  /** The users of this page, each with its cursor. */
  edges: Array<ConversationsUserEdge>;
  /** The users of this page. */
  nodes: Array<ConversationsUser>;
  /** Where this page sits. */
  pageInfo: PageInfo;
};

/** A Conversations user in a page, with its cursor. */
export type ConversationsUserEdge = {
  __typename?: 'ConversationsUserEdge';
  /** Pass as `after` to read the users after this one. */
  cursor: Scalars['String']['output'];
  /** The Conversations user. */
  node: ConversationsUser;
};

/** Input of `deprovisionFlexUser`. */
export type DeprovisionFlexUserInput = {
  /** Defaults to the configured Flex instance. */
  instanceSid?: InputMaybe<Scalars['FlexInstanceSid']['input']>;
  /** The Flex user to deprovision. */
  sid: Scalars['FlexUserSid']['input'];
};

/** Result of `deprovisionFlexUser`. */
export type DeprovisionFlexUserPayload = {
  __typename?: 'DeprovisionFlexUserPayload';
  /** The user after deprovisioning: kept by Twilio, with `deactivated: true` and no worker. */
  flexUser: Maybe<FlexUser>;
  /** What was wrong with the input; empty on success. */
  userErrors: Array<UserError>;
};

/**
 * A user of a Flex instance. Twilio serves Flex users from three API versions that each return part
 * of the record (v1 list, v2 fetch/update, v4 provision and fetch); this type merges them, and a
 * field the already-loaded version lacks is fetched from the version that has it, only when asked for.
 */
export type FlexUser = Node & {
  __typename?: 'FlexUser';
  /** The Twilio account that owns the user. */
  accountSid: Maybe<Scalars['AccountSid']['output']>;
  /** The person's Chat user in a chat service (default: the Conversations user's service). */
  chatUser: Maybe<ChatUser>;
  /** The person's Chat users in every chat service the gateway knows (see `User.chatUsers`). */
  chatUsers: Maybe<Array<ChatUser>>;
  /** The person's Conversations user, joined by `userSid` (or by username when that is unknown). */
  conversationsUser: Maybe<ConversationsUser>;
  /** When the user was created. */
  createdDate: Maybe<Scalars['DateTime']['output']>;
  /** Whether the user was deprovisioned (from the v1 list or v4 API). */
  deactivated: Maybe<Scalars['Boolean']['output']>;
  /** When the user was deprovisioned. */
  deactivatedDate: Maybe<Scalars['DateTime']['output']>;
  /** Email address. */
  email: Maybe<Scalars['String']['output']>;
  /** The user's Flex team. */
  flexTeamSid: Maybe<Scalars['FlexTeamSid']['output']>;
  /** Full name (from the v1 list or v4 API). */
  fullName: Maybe<Scalars['String']['output']>;
  /** Opaque global id. */
  id: Scalars['ID']['output'];
  /** The Flex instance the user belongs to. */
  instanceSid: Maybe<Scalars['FlexInstanceSid']['output']>;
  /** Locale preference, e.g. `en-US`. */
  locale: Maybe<Scalars['String']['output']>;
  /**
   * Flex roles, as the same enum `provisionFlexUser` takes. A role this schema does not know yet
   * (Twilio may add some) is left out here and is in `twilioRoles`.
   */
  roles: Maybe<Array<FlexUserRole>>;
  /** Twilio's `flex_user_sid`. */
  sid: Scalars['FlexUserSid']['output'];
  /** Flex roles exactly as Twilio returns them (lower case, e.g. `agent`), unknown ones included. */
  twilioRoles: Maybe<Array<Scalars['String']['output']>>;
  /** When the user last changed. */
  updatedDate: Maybe<Scalars['DateTime']['output']>;
  /** The v2 resource URL. */
  url: Maybe<Scalars['String']['output']>;
  /** The person this Flex user is. */
  user: Maybe<User>;
  /** The Twilio unified user (`US…`), which is also the person's Conversations user. Twilio's `user_sid`. */
  userSid: Maybe<Scalars['UserSid']['output']>;
  /** Login name; the identity that joins the person across products. */
  username: Maybe<Scalars['String']['output']>;
  /** Twilio's version counter: it goes up on every change. */
  version: Maybe<Scalars['Int']['output']>;
  /** The TaskRouter worker linked to the user; null once deprovisioned. */
  workerSid: Maybe<Scalars['WorkerSid']['output']>;
  /** The TaskRouter workspace of the worker. */
  workspaceSid: Maybe<Scalars['WorkspaceSid']['output']>;
};


/**
 * A user of a Flex instance. Twilio serves Flex users from three API versions that each return part
 * of the record (v1 list, v2 fetch/update, v4 provision and fetch); this type merges them, and a
 * field the already-loaded version lacks is fetched from the version that has it, only when asked for.
 */
export type FlexUserChatUserArgs = {
  serviceSid?: InputMaybe<Scalars['ChatServiceSid']['input']>;
};

/** A page of Flex users. */
export type FlexUserConnection = {
  __typename?: 'FlexUserConnection';
  /** The users of this page, each with its cursor. */
  edges: Array<FlexUserEdge>;
  /** The users of this page. */
  nodes: Array<FlexUser>;
  /** Where this page sits. */
  pageInfo: PageInfo;
};

/** A Flex user in a page, with its cursor. */
export type FlexUserEdge = {
  __typename?: 'FlexUserEdge';
  /** Pass as `after` to read the users after this one. */
  cursor: Scalars['String']['output'];
  /** The Flex user. */
  node: FlexUser;
};

/** Flex roles a user can be provisioned with. */
export type FlexUserRole =
  /** Administers the Flex instance. */
  | 'ADMIN'
  /** Handles tasks. */
  | 'AGENT'
  /** Monitors agents and queues. */
  | 'SUPERVISOR';

/**
 * Write operations. Each takes one `input` and returns a payload with `userErrors` and the changed object.
 * A payload is null only when Twilio could not be reached or failed (the error on that field says
 * how); the other mutations of the same request keep their results, so what was applied is always
 * visible.
 */
export type Mutation = {
  __typename?: 'Mutation';
  /** Deprovisions a Flex user (v4): Twilio deactivates it, deletes its worker and keeps the record. */
  deprovisionFlexUser: Maybe<DeprovisionFlexUserPayload>;
  /**
   * Creates a Flex user, or updates the one with that username (Twilio's v4 Provision is idempotent
   * by username, so retrying is safe). Creates the TaskRouter worker and links the Conversations user.
   */
  provisionFlexUser: Maybe<ProvisionFlexUserPayload>;
  /** Changes a Chat user's display name, attributes or role. */
  updateChatUser: Maybe<UpdateChatUserPayload>;
  /** Changes a Conversations user's display name, attributes or role. */
  updateConversationsUser: Maybe<UpdateConversationsUserPayload>;
  /** Changes a Flex user's email, unified user or locale (Flex v2 update). */
  updateFlexUser: Maybe<UpdateFlexUserPayload>;
};


/**
 * Write operations. Each takes one `input` and returns a payload with `userErrors` and the changed object.
 * A payload is null only when Twilio could not be reached or failed (the error on that field says
 * how); the other mutations of the same request keep their results, so what was applied is always
 * visible.
 */
export type MutationDeprovisionFlexUserArgs = {
  input: DeprovisionFlexUserInput;
};


/**
 * Write operations. Each takes one `input` and returns a payload with `userErrors` and the changed object.
 * A payload is null only when Twilio could not be reached or failed (the error on that field says
 * how); the other mutations of the same request keep their results, so what was applied is always
 * visible.
 */
export type MutationProvisionFlexUserArgs = {
  input: ProvisionFlexUserInput;
};


/**
 * Write operations. Each takes one `input` and returns a payload with `userErrors` and the changed object.
 * A payload is null only when Twilio could not be reached or failed (the error on that field says
 * how); the other mutations of the same request keep their results, so what was applied is always
 * visible.
 */
export type MutationUpdateChatUserArgs = {
  input: UpdateChatUserInput;
};


/**
 * Write operations. Each takes one `input` and returns a payload with `userErrors` and the changed object.
 * A payload is null only when Twilio could not be reached or failed (the error on that field says
 * how); the other mutations of the same request keep their results, so what was applied is always
 * visible.
 */
export type MutationUpdateConversationsUserArgs = {
  input: UpdateConversationsUserInput;
};


/**
 * Write operations. Each takes one `input` and returns a payload with `userErrors` and the changed object.
 * A payload is null only when Twilio could not be reached or failed (the error on that field says
 * how); the other mutations of the same request keep their results, so what was applied is always
 * visible.
 */
export type MutationUpdateFlexUserArgs = {
  input: UpdateFlexUserInput;
};

/** An object with a global id that `node(id:)` can fetch again. */
export type Node = {
  /** Opaque global id. Do not decode it: its format may change. */
  id: Scalars['ID']['output'];
};

/** Where a page of a connection sits in the whole list (Relay cursor connections). */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor to pass as `after` to read the next page. */
  endCursor: Maybe<Scalars['String']['output']>;
  /** Whether Twilio has another page after this one. */
  hasNextPage: Scalars['Boolean']['output'];
  /** Always false: Twilio's lists are read forward only. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first edge of this page. */
  startCursor: Maybe<Scalars['String']['output']>;
};

/** Input of `provisionFlexUser`. */
export type ProvisionFlexUserInput = {
  /** Email address, 1 to 256 characters. */
  email: Scalars['String']['input'];
  /** Full name, 1 to 256 characters. */
  fullName: Scalars['String']['input'];
  /** Defaults to the configured Flex instance. */
  instanceSid?: InputMaybe<Scalars['FlexInstanceSid']['input']>;
  /** At least one role. */
  roles: Array<FlexUserRole>;
  /** Login name, 1 to 256 characters; also the Conversations identity and the worker's name. */
  username: Scalars['String']['input'];
  /** TaskRouter worker attributes (a JSON object), e.g. `{"skills": ["billing"]}`. */
  workerAttributes?: InputMaybe<Scalars['JSON']['input']>;
};

/** Result of `provisionFlexUser`. */
export type ProvisionFlexUserPayload = {
  __typename?: 'ProvisionFlexUserPayload';
  /** The provisioned user (new, or the existing one with that username, updated). */
  flexUser: Maybe<FlexUser>;
  /** The person the user is. */
  user: Maybe<User>;
  /** What was wrong with the input; empty on success. */
  userErrors: Array<UserError>;
};

/**
 * Read operations. Each product's file adds its own fields with `extend type Query`. Every root
 * field is nullable, so one that fails (an invalid cursor, a Twilio outage) is null with its error
 * and never takes its siblings down with it.
 */
export type Query = {
  __typename?: 'Query';
  /** A Chat user of a service by exactly one of `sid` or `identity`. Null when there is none. */
  chatUser: Maybe<ChatUser>;
  /** The users of a chat service, a page at a time. */
  chatUsers: Maybe<ChatUserConnection>;
  /** A Conversations user by exactly one of `sid` or `identity`. Null when there is none. */
  conversationsUser: Maybe<ConversationsUser>;
  /** The users of the default Conversations service, a page at a time. */
  conversationsUsers: Maybe<ConversationsUserConnection>;
  /** A Flex user by SID (Flex v2 fetch). Null when the instance has no such user. */
  flexUser: Maybe<FlexUser>;
  /** A Flex user by username (Flex v4). Null when the instance has no such user. */
  flexUserByUsername: Maybe<FlexUser>;
  /** The users of a Flex instance, a page at a time (Flex v1 list). */
  flexUsers: Maybe<FlexUserConnection>;
  /**
   * Any object by its global `id`, as returned by the `id` field of `User`, `FlexUser`,
   * `ConversationsUser` or `ChatUser`. Null when nothing has that id.
   */
  node: Maybe<Node>;
  /** Several objects by global id, in the order asked; an id that matches nothing gives null. */
  nodes: Maybe<Array<Maybe<Node>>>;
  /**
   * A person by exactly one of `identity` or `sid` (a Flex user SID `FU…` or a user SID `US…`).
   * By SID, null when Twilio knows no user with it. By identity, always a `User`: its product
   * fields tell where the identity exists.
   */
  user: Maybe<User>;
  /**
   * Several people by identity, in the order asked. Each distinct identity is fetched once per
   * product, however often it is listed.
   */
  users: Maybe<Array<Maybe<User>>>;
};


/**
 * Read operations. Each product's file adds its own fields with `extend type Query`. Every root
 * field is nullable, so one that fails (an invalid cursor, a Twilio outage) is null with its error
 * and never takes its siblings down with it.
 */
export type QueryChatUserArgs = {
  identity?: InputMaybe<Scalars['String']['input']>;
  serviceSid?: InputMaybe<Scalars['ChatServiceSid']['input']>;
  sid?: InputMaybe<Scalars['UserSid']['input']>;
};


/**
 * Read operations. Each product's file adds its own fields with `extend type Query`. Every root
 * field is nullable, so one that fails (an invalid cursor, a Twilio outage) is null with its error
 * and never takes its siblings down with it.
 */
export type QueryChatUsersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  serviceSid?: InputMaybe<Scalars['ChatServiceSid']['input']>;
};


/**
 * Read operations. Each product's file adds its own fields with `extend type Query`. Every root
 * field is nullable, so one that fails (an invalid cursor, a Twilio outage) is null with its error
 * and never takes its siblings down with it.
 */
export type QueryConversationsUserArgs = {
  identity?: InputMaybe<Scalars['String']['input']>;
  sid?: InputMaybe<Scalars['UserSid']['input']>;
};


/**
 * Read operations. Each product's file adds its own fields with `extend type Query`. Every root
 * field is nullable, so one that fails (an invalid cursor, a Twilio outage) is null with its error
 * and never takes its siblings down with it.
 */
export type QueryConversationsUsersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Read operations. Each product's file adds its own fields with `extend type Query`. Every root
 * field is nullable, so one that fails (an invalid cursor, a Twilio outage) is null with its error
 * and never takes its siblings down with it.
 */
export type QueryFlexUserArgs = {
  instanceSid?: InputMaybe<Scalars['FlexInstanceSid']['input']>;
  sid: Scalars['FlexUserSid']['input'];
};


/**
 * Read operations. Each product's file adds its own fields with `extend type Query`. Every root
 * field is nullable, so one that fails (an invalid cursor, a Twilio outage) is null with its error
 * and never takes its siblings down with it.
 */
export type QueryFlexUserByUsernameArgs = {
  instanceSid?: InputMaybe<Scalars['FlexInstanceSid']['input']>;
  username: Scalars['String']['input'];
};


/**
 * Read operations. Each product's file adds its own fields with `extend type Query`. Every root
 * field is nullable, so one that fails (an invalid cursor, a Twilio outage) is null with its error
 * and never takes its siblings down with it.
 */
export type QueryFlexUsersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  instanceSid?: InputMaybe<Scalars['FlexInstanceSid']['input']>;
};


/**
 * Read operations. Each product's file adds its own fields with `extend type Query`. Every root
 * field is nullable, so one that fails (an invalid cursor, a Twilio outage) is null with its error
 * and never takes its siblings down with it.
 */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Read operations. Each product's file adds its own fields with `extend type Query`. Every root
 * field is nullable, so one that fails (an invalid cursor, a Twilio outage) is null with its error
 * and never takes its siblings down with it.
 */
export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


/**
 * Read operations. Each product's file adds its own fields with `extend type Query`. Every root
 * field is nullable, so one that fails (an invalid cursor, a Twilio outage) is null with its error
 * and never takes its siblings down with it.
 */
export type QueryUserArgs = {
  identity?: InputMaybe<Scalars['String']['input']>;
  sid?: InputMaybe<Scalars['PersonSid']['input']>;
};


/**
 * Read operations. Each product's file adds its own fields with `extend type Query`. Every root
 * field is nullable, so one that fails (an invalid cursor, a Twilio outage) is null with its error
 * and never takes its siblings down with it.
 */
export type QueryUsersArgs = {
  identities: Array<Scalars['String']['input']>;
};

/** Input of `updateChatUser`: the service, exactly one of `sid` or `identity`, then at least one change. */
export type UpdateChatUserInput = {
  /** New attributes: a JSON object, replacing the old ones. */
  attributes?: InputMaybe<Scalars['JSON']['input']>;
  /** New display name. */
  friendlyName?: InputMaybe<Scalars['String']['input']>;
  /** The user to change, by identity. */
  identity?: InputMaybe<Scalars['String']['input']>;
  /** New role. */
  roleSid?: InputMaybe<Scalars['RoleSid']['input']>;
  /** The chat service; defaults to the first configured one. */
  serviceSid?: InputMaybe<Scalars['ChatServiceSid']['input']>;
  /** The user to change, by SID. */
  sid?: InputMaybe<Scalars['UserSid']['input']>;
};

/** Result of `updateChatUser`. */
export type UpdateChatUserPayload = {
  __typename?: 'UpdateChatUserPayload';
  /** The user as it is after the change. */
  chatUser: Maybe<ChatUser>;
  /** What was wrong with the input; empty on success. */
  userErrors: Array<UserError>;
};

/** Input of `updateConversationsUser`: exactly one of `sid` or `identity`, then at least one change. */
export type UpdateConversationsUserInput = {
  /** New attributes: a JSON object, replacing the old ones. */
  attributes?: InputMaybe<Scalars['JSON']['input']>;
  /** New display name. */
  friendlyName?: InputMaybe<Scalars['String']['input']>;
  /** The user to change, by identity. */
  identity?: InputMaybe<Scalars['String']['input']>;
  /** New role. */
  roleSid?: InputMaybe<Scalars['RoleSid']['input']>;
  /** The user to change, by SID. */
  sid?: InputMaybe<Scalars['UserSid']['input']>;
};

/** Result of `updateConversationsUser`. */
export type UpdateConversationsUserPayload = {
  __typename?: 'UpdateConversationsUserPayload';
  /** The user as it is after the change. */
  conversationsUser: Maybe<ConversationsUser>;
  /** What was wrong with the input; empty on success. */
  userErrors: Array<UserError>;
};

/** Input of `updateFlexUser`: the user to change, then the fields to change (at least one). */
export type UpdateFlexUserInput = {
  /** New email address. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Defaults to the configured Flex instance. */
  instanceSid?: InputMaybe<Scalars['FlexInstanceSid']['input']>;
  /** New locale, e.g. `en-US`. */
  locale?: InputMaybe<Scalars['String']['input']>;
  /** The Flex user to change. */
  sid: Scalars['FlexUserSid']['input'];
  /** New Twilio unified user to link (`US…`). */
  userSid?: InputMaybe<Scalars['UserSid']['input']>;
};

/** Result of `updateFlexUser`. */
export type UpdateFlexUserPayload = {
  __typename?: 'UpdateFlexUserPayload';
  /** The user as it is after the change. */
  flexUser: Maybe<FlexUser>;
  /** What was wrong with the input; empty on success. */
  userErrors: Array<UserError>;
};

/**
 * A person across Twilio products, keyed by identity: the Flex user whose `username` is the identity,
 * the Conversations user with that identity, and the Chat users with that identity in the chat
 * services the gateway knows. A product field is null (or, for lists, empty) where the person has no
 * user in that product.
 */
export type User = Node & {
  __typename?: 'User';
  /** The person's Chat user in one chat service, or null when they have none there. */
  chatUser: Maybe<ChatUser>;
  /**
   * The person's Chat users in the chat services the gateway knows: the Conversations user's service
   * plus every service configured (`TWILIO_CHAT_SERVICE_SIDS`). Services where the person has no
   * user are left out. Null (with an error at this path) when a chat service could not be read, so
   * that an outage of one product leaves the person's other fields intact.
   */
  chatUsers: Maybe<Array<ChatUser>>;
  /** The person's Conversations user (a user of the account's default chat service). */
  conversationsUser: Maybe<ConversationsUser>;
  /** The person's Flex user, found by username in the given Flex instance (default: the configured one). */
  flexUser: Maybe<FlexUser>;
  /** Opaque global id. */
  id: Scalars['ID']['output'];
  /**
   * The identity that joins the products: Conversations' and Chat's `identity`, Flex's `username`.
   * Case-sensitive, as in Twilio.
   */
  identity: Scalars['String']['output'];
};


/**
 * A person across Twilio products, keyed by identity: the Flex user whose `username` is the identity,
 * the Conversations user with that identity, and the Chat users with that identity in the chat
 * services the gateway knows. A product field is null (or, for lists, empty) where the person has no
 * user in that product.
 */
export type UserChatUserArgs = {
  serviceSid: Scalars['ChatServiceSid']['input'];
};


/**
 * A person across Twilio products, keyed by identity: the Flex user whose `username` is the identity,
 * the Conversations user with that identity, and the Chat users with that identity in the chat
 * services the gateway knows. A product field is null (or, for lists, empty) where the person has no
 * user in that product.
 */
export type UserFlexUserArgs = {
  instanceSid?: InputMaybe<Scalars['FlexInstanceSid']['input']>;
};

/**
 * A problem with a mutation's input or with the change it asked for. Transport failures (Twilio
 * down, rate limited, bad credentials) are top-level errors instead.
 */
export type UserError = {
  __typename?: 'UserError';
  /** Machine-readable kind of problem. */
  code: UserErrorCode;
  /** Path to the input field at fault, e.g. `["input", "email"]`; null when no single field is. */
  field: Maybe<Array<Scalars['String']['output']>>;
  /** What is wrong, written for a person. */
  message: Scalars['String']['output'];
};

/** Kinds of `UserError`. */
export type UserErrorCode =
  /** The change conflicts with existing data (for example a duplicate identity). */
  | 'CONFLICT'
  /** A value has the wrong form (bad email, not a JSON object, too long, ...). */
  | 'INVALID'
  /** The input names no field to change. */
  | 'NOTHING_TO_CHANGE'
  /** The user to change does not exist in that Twilio account. */
  | 'NOT_FOUND'
  /** Twilio rejected the change; the message is Twilio's. */
  | 'REJECTED_BY_TWILIO'
  /** A required value is missing or empty. */
  | 'REQUIRED';

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  ChatUser: ChatUser;
  ConversationsUser: ConversationsUser;
  FlexUser: FlexUser;
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  ChatUser:
    ( { __typename: 'ChatUser' }
    & GraphQLRecursivePick<FederationTypes['ChatUser'], {"serviceSid":true,"sid":true}> );
  ConversationsUser:
    ( { __typename: 'ConversationsUser' }
    & GraphQLRecursivePick<FederationTypes['ConversationsUser'], {"sid":true}> );
  FlexUser:
    ( { __typename: 'FlexUser' }
    & GraphQLRecursivePick<FederationTypes['FlexUser'], {"sid":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"identity":true}> );
}>;


/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  Node:
    | ( ChatUserRecord )
    | ( ConversationsUserRecord )
    | ( FlexUserRecord )
    | ( Person )
  ;
}>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AccountSid: ResolverTypeWrapper<Scalars['AccountSid']['output']>;
  CacheControlScope: CacheControlScope;
  ChatServiceSid: ResolverTypeWrapper<Scalars['ChatServiceSid']['output']>;
  ChatUser: ResolverTypeWrapper<ChatUserRecord>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  ChatUserConnection: ResolverTypeWrapper<Omit<ChatUserConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['ChatUserEdge']>, nodes: Array<ResolversTypes['ChatUser']> }>;
  ChatUserEdge: ResolverTypeWrapper<Omit<ChatUserEdge, 'node'> & { node: ResolversTypes['ChatUser'] }>;
  ConversationsUser: ResolverTypeWrapper<ConversationsUserRecord>;
  ConversationsUserConnection: ResolverTypeWrapper<Omit<ConversationsUserConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['ConversationsUserEdge']>, nodes: Array<ResolversTypes['ConversationsUser']> }>;
  ConversationsUserEdge: ResolverTypeWrapper<Omit<ConversationsUserEdge, 'node'> & { node: ResolversTypes['ConversationsUser'] }>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DeprovisionFlexUserInput: DeprovisionFlexUserInput;
  DeprovisionFlexUserPayload: ResolverTypeWrapper<DeprovisionResult>;
  FieldSet: ResolverTypeWrapper<Scalars['FieldSet']['output']>;
  FlexInstanceSid: ResolverTypeWrapper<Scalars['FlexInstanceSid']['output']>;
  FlexTeamSid: ResolverTypeWrapper<Scalars['FlexTeamSid']['output']>;
  FlexUser: ResolverTypeWrapper<FlexUserRecord>;
  FlexUserConnection: ResolverTypeWrapper<Omit<FlexUserConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['FlexUserEdge']>, nodes: Array<ResolversTypes['FlexUser']> }>;
  FlexUserEdge: ResolverTypeWrapper<Omit<FlexUserEdge, 'node'> & { node: ResolversTypes['FlexUser'] }>;
  FlexUserRole: FlexUserRole;
  FlexUserSid: ResolverTypeWrapper<Scalars['FlexUserSid']['output']>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Node: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Node']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PersonSid: ResolverTypeWrapper<Scalars['PersonSid']['output']>;
  ProvisionFlexUserInput: ProvisionFlexUserInput;
  ProvisionFlexUserPayload: ResolverTypeWrapper<Omit<ProvisionFlexUserPayload, 'flexUser' | 'user'> & { flexUser?: Maybe<ResolversTypes['FlexUser']>, user?: Maybe<ResolversTypes['User']> }>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RoleSid: ResolverTypeWrapper<Scalars['RoleSid']['output']>;
  UpdateChatUserInput: UpdateChatUserInput;
  UpdateChatUserPayload: ResolverTypeWrapper<Omit<UpdateChatUserPayload, 'chatUser'> & { chatUser?: Maybe<ResolversTypes['ChatUser']> }>;
  UpdateConversationsUserInput: UpdateConversationsUserInput;
  UpdateConversationsUserPayload: ResolverTypeWrapper<Omit<UpdateConversationsUserPayload, 'conversationsUser'> & { conversationsUser?: Maybe<ResolversTypes['ConversationsUser']> }>;
  UpdateFlexUserInput: UpdateFlexUserInput;
  UpdateFlexUserPayload: ResolverTypeWrapper<Omit<UpdateFlexUserPayload, 'flexUser'> & { flexUser?: Maybe<ResolversTypes['FlexUser']> }>;
  User: ResolverTypeWrapper<Person>;
  UserError: ResolverTypeWrapper<UserError>;
  UserErrorCode: UserErrorCode;
  UserSid: ResolverTypeWrapper<Scalars['UserSid']['output']>;
  WorkerSid: ResolverTypeWrapper<Scalars['WorkerSid']['output']>;
  WorkspaceSid: ResolverTypeWrapper<Scalars['WorkspaceSid']['output']>;
  link__Import: ResolverTypeWrapper<Scalars['link__Import']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AccountSid: Scalars['AccountSid']['output'];
  ChatServiceSid: Scalars['ChatServiceSid']['output'];
  ChatUser: ChatUserRecord;
  ID: Scalars['ID']['output'];
  ChatUserConnection: Omit<ChatUserConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['ChatUserEdge']>, nodes: Array<ResolversParentTypes['ChatUser']> };
  ChatUserEdge: Omit<ChatUserEdge, 'node'> & { node: ResolversParentTypes['ChatUser'] };
  ConversationsUser: ConversationsUserRecord;
  ConversationsUserConnection: Omit<ConversationsUserConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['ConversationsUserEdge']>, nodes: Array<ResolversParentTypes['ConversationsUser']> };
  ConversationsUserEdge: Omit<ConversationsUserEdge, 'node'> & { node: ResolversParentTypes['ConversationsUser'] };
  DateTime: Scalars['DateTime']['output'];
  DeprovisionFlexUserInput: DeprovisionFlexUserInput;
  DeprovisionFlexUserPayload: DeprovisionResult;
  FieldSet: Scalars['FieldSet']['output'];
  FlexInstanceSid: Scalars['FlexInstanceSid']['output'];
  FlexTeamSid: Scalars['FlexTeamSid']['output'];
  FlexUser: FlexUserRecord;
  FlexUserConnection: Omit<FlexUserConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['FlexUserEdge']>, nodes: Array<ResolversParentTypes['FlexUser']> };
  FlexUserEdge: Omit<FlexUserEdge, 'node'> & { node: ResolversParentTypes['FlexUser'] };
  FlexUserSid: Scalars['FlexUserSid']['output'];
  JSON: Scalars['JSON']['output'];
  Mutation: Record<PropertyKey, never>;
  Node: ResolversInterfaceTypes<ResolversParentTypes>['Node'];
  PageInfo: PageInfo;
  PersonSid: Scalars['PersonSid']['output'];
  ProvisionFlexUserInput: ProvisionFlexUserInput;
  ProvisionFlexUserPayload: Omit<ProvisionFlexUserPayload, 'flexUser' | 'user'> & { flexUser?: Maybe<ResolversParentTypes['FlexUser']>, user?: Maybe<ResolversParentTypes['User']> };
  Query: Record<PropertyKey, never>;
  RoleSid: Scalars['RoleSid']['output'];
  UpdateChatUserInput: UpdateChatUserInput;
  UpdateChatUserPayload: Omit<UpdateChatUserPayload, 'chatUser'> & { chatUser?: Maybe<ResolversParentTypes['ChatUser']> };
  UpdateConversationsUserInput: UpdateConversationsUserInput;
  UpdateConversationsUserPayload: Omit<UpdateConversationsUserPayload, 'conversationsUser'> & { conversationsUser?: Maybe<ResolversParentTypes['ConversationsUser']> };
  UpdateFlexUserInput: UpdateFlexUserInput;
  UpdateFlexUserPayload: Omit<UpdateFlexUserPayload, 'flexUser'> & { flexUser?: Maybe<ResolversParentTypes['FlexUser']> };
  User: Person;
  UserError: UserError;
  UserSid: Scalars['UserSid']['output'];
  WorkerSid: Scalars['WorkerSid']['output'];
  WorkspaceSid: Scalars['WorkspaceSid']['output'];
  link__Import: Scalars['link__Import']['output'];
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
  String: Scalars['String']['output'];
}>;

export type CacheControlDirectiveArgs = {
  inheritMaxAge?: Maybe<Scalars['Boolean']['input']>;
  maxAge?: Maybe<Scalars['Int']['input']>;
  scope?: Maybe<CacheControlScope>;
};

export type CacheControlDirectiveResolver<Result, Parent, ContextType = Context, Args = CacheControlDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type LinkDirectiveArgs = {
  import?: Maybe<Array<Maybe<Scalars['link__Import']['input']>>>;
  url: Scalars['String']['input'];
};

export type LinkDirectiveResolver<Result, Parent, ContextType = Context, Args = LinkDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ShareableDirectiveArgs = { };

export type ShareableDirectiveResolver<Result, Parent, ContextType = Context, Args = ShareableDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export interface AccountSidScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['AccountSid'], any> {
  name: 'AccountSid';
}

export interface ChatServiceSidScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['ChatServiceSid'], any> {
  name: 'ChatServiceSid';
}

export type ChatUserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ChatUser'] = ResolversParentTypes['ChatUser'], FederationReferenceType extends FederationReferenceTypes['ChatUser'] = FederationReferenceTypes['ChatUser']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ChatUser']> | FederationReferenceType, FederationReferenceType, ContextType>;
  accountSid?: Resolver<Maybe<ResolversTypes['AccountSid']>, ParentType, ContextType>;
  attributes?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  conversationsUser?: Resolver<Maybe<ResolversTypes['ConversationsUser']>, ParentType, ContextType>;
  dateCreated?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  dateUpdated?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  flexUser?: Resolver<Maybe<ResolversTypes['FlexUser']>, ParentType, ContextType>;
  friendlyName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  identity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  isNotifiable?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  isOnline?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  joinedChannelsCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  roleSid?: Resolver<Maybe<ResolversTypes['RoleSid']>, ParentType, ContextType>;
  serviceSid?: Resolver<ResolversTypes['ChatServiceSid'], ParentType, ContextType>;
  sid?: Resolver<ResolversTypes['UserSid'], ParentType, ContextType>;
  url?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ChatUserConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ChatUserConnection'] = ResolversParentTypes['ChatUserConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ChatUserEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['ChatUser']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type ChatUserEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ChatUserEdge'] = ResolversParentTypes['ChatUserEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ChatUser'], ParentType, ContextType>;
}>;

export type ConversationsUserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ConversationsUser'] = ResolversParentTypes['ConversationsUser'], FederationReferenceType extends FederationReferenceTypes['ConversationsUser'] = FederationReferenceTypes['ConversationsUser']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ConversationsUser']> | FederationReferenceType, FederationReferenceType, ContextType>;
  accountSid?: Resolver<Maybe<ResolversTypes['AccountSid']>, ParentType, ContextType>;
  attributes?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  chatServiceSid?: Resolver<Maybe<ResolversTypes['ChatServiceSid']>, ParentType, ContextType>;
  chatUser?: Resolver<Maybe<ResolversTypes['ChatUser']>, ParentType, ContextType>;
  chatUsers?: Resolver<Maybe<Array<ResolversTypes['ChatUser']>>, ParentType, ContextType>;
  dateCreated?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  dateUpdated?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  flexUser?: Resolver<Maybe<ResolversTypes['FlexUser']>, ParentType, ContextType>;
  friendlyName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  identity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  isNotifiable?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  isOnline?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  roleSid?: Resolver<Maybe<ResolversTypes['RoleSid']>, ParentType, ContextType>;
  sid?: Resolver<ResolversTypes['UserSid'], ParentType, ContextType>;
  url?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ConversationsUserConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ConversationsUserConnection'] = ResolversParentTypes['ConversationsUserConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ConversationsUserEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['ConversationsUser']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type ConversationsUserEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ConversationsUserEdge'] = ResolversParentTypes['ConversationsUserEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ConversationsUser'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DeprovisionFlexUserPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DeprovisionFlexUserPayload'] = ResolversParentTypes['DeprovisionFlexUserPayload']> = ResolversObject<{
  flexUser?: Resolver<Maybe<ResolversTypes['FlexUser']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export interface FieldSetScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['FieldSet'], any> {
  name: 'FieldSet';
}

export interface FlexInstanceSidScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['FlexInstanceSid'], any> {
  name: 'FlexInstanceSid';
}

export interface FlexTeamSidScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['FlexTeamSid'], any> {
  name: 'FlexTeamSid';
}

export type FlexUserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FlexUser'] = ResolversParentTypes['FlexUser'], FederationReferenceType extends FederationReferenceTypes['FlexUser'] = FederationReferenceTypes['FlexUser']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['FlexUser']> | FederationReferenceType, FederationReferenceType, ContextType>;
  accountSid?: Resolver<Maybe<ResolversTypes['AccountSid']>, ParentType, ContextType>;
  chatUser?: Resolver<Maybe<ResolversTypes['ChatUser']>, ParentType, ContextType, Partial<FlexUserChatUserArgs>>;
  chatUsers?: Resolver<Maybe<Array<ResolversTypes['ChatUser']>>, ParentType, ContextType>;
  conversationsUser?: Resolver<Maybe<ResolversTypes['ConversationsUser']>, ParentType, ContextType>;
  createdDate?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  deactivated?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  deactivatedDate?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  flexTeamSid?: Resolver<Maybe<ResolversTypes['FlexTeamSid']>, ParentType, ContextType>;
  fullName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  instanceSid?: Resolver<Maybe<ResolversTypes['FlexInstanceSid']>, ParentType, ContextType>;
  locale?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  roles?: Resolver<Maybe<Array<ResolversTypes['FlexUserRole']>>, ParentType, ContextType>;
  sid?: Resolver<ResolversTypes['FlexUserSid'], ParentType, ContextType>;
  twilioRoles?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  updatedDate?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  url?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  userSid?: Resolver<Maybe<ResolversTypes['UserSid']>, ParentType, ContextType>;
  username?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  version?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  workerSid?: Resolver<Maybe<ResolversTypes['WorkerSid']>, ParentType, ContextType>;
  workspaceSid?: Resolver<Maybe<ResolversTypes['WorkspaceSid']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type FlexUserConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FlexUserConnection'] = ResolversParentTypes['FlexUserConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['FlexUserEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['FlexUser']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type FlexUserEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FlexUserEdge'] = ResolversParentTypes['FlexUserEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['FlexUser'], ParentType, ContextType>;
}>;

export interface FlexUserSidScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['FlexUserSid'], any> {
  name: 'FlexUserSid';
}

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  deprovisionFlexUser?: Resolver<Maybe<ResolversTypes['DeprovisionFlexUserPayload']>, ParentType, ContextType, RequireFields<MutationDeprovisionFlexUserArgs, 'input'>>;
  provisionFlexUser?: Resolver<Maybe<ResolversTypes['ProvisionFlexUserPayload']>, ParentType, ContextType, RequireFields<MutationProvisionFlexUserArgs, 'input'>>;
  updateChatUser?: Resolver<Maybe<ResolversTypes['UpdateChatUserPayload']>, ParentType, ContextType, RequireFields<MutationUpdateChatUserArgs, 'input'>>;
  updateConversationsUser?: Resolver<Maybe<ResolversTypes['UpdateConversationsUserPayload']>, ParentType, ContextType, RequireFields<MutationUpdateConversationsUserArgs, 'input'>>;
  updateFlexUser?: Resolver<Maybe<ResolversTypes['UpdateFlexUserPayload']>, ParentType, ContextType, RequireFields<MutationUpdateFlexUserArgs, 'input'>>;
}>;

export type NodeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Node'] = ResolversParentTypes['Node']> = ResolversObject<{
  __resolveType: TypeResolveFn<'ChatUser' | 'ConversationsUser' | 'FlexUser' | 'User', ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export interface PersonSidScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['PersonSid'], any> {
  name: 'PersonSid';
}

export type ProvisionFlexUserPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProvisionFlexUserPayload'] = ResolversParentTypes['ProvisionFlexUserPayload']> = ResolversObject<{
  flexUser?: Resolver<Maybe<ResolversTypes['FlexUser']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  chatUser?: Resolver<Maybe<ResolversTypes['ChatUser']>, ParentType, ContextType, Partial<QueryChatUserArgs>>;
  chatUsers?: Resolver<Maybe<ResolversTypes['ChatUserConnection']>, ParentType, ContextType, RequireFields<QueryChatUsersArgs, 'first'>>;
  conversationsUser?: Resolver<Maybe<ResolversTypes['ConversationsUser']>, ParentType, ContextType, Partial<QueryConversationsUserArgs>>;
  conversationsUsers?: Resolver<Maybe<ResolversTypes['ConversationsUserConnection']>, ParentType, ContextType, RequireFields<QueryConversationsUsersArgs, 'first'>>;
  flexUser?: Resolver<Maybe<ResolversTypes['FlexUser']>, ParentType, ContextType, RequireFields<QueryFlexUserArgs, 'sid'>>;
  flexUserByUsername?: Resolver<Maybe<ResolversTypes['FlexUser']>, ParentType, ContextType, RequireFields<QueryFlexUserByUsernameArgs, 'username'>>;
  flexUsers?: Resolver<Maybe<ResolversTypes['FlexUserConnection']>, ParentType, ContextType, RequireFields<QueryFlexUsersArgs, 'first'>>;
  node?: Resolver<Maybe<ResolversTypes['Node']>, ParentType, ContextType, RequireFields<QueryNodeArgs, 'id'>>;
  nodes?: Resolver<Maybe<Array<Maybe<ResolversTypes['Node']>>>, ParentType, ContextType, RequireFields<QueryNodesArgs, 'ids'>>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType, Partial<QueryUserArgs>>;
  users?: Resolver<Maybe<Array<Maybe<ResolversTypes['User']>>>, ParentType, ContextType, RequireFields<QueryUsersArgs, 'identities'>>;
}>;

export interface RoleSidScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['RoleSid'], any> {
  name: 'RoleSid';
}

export type UpdateChatUserPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UpdateChatUserPayload'] = ResolversParentTypes['UpdateChatUserPayload']> = ResolversObject<{
  chatUser?: Resolver<Maybe<ResolversTypes['ChatUser']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type UpdateConversationsUserPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UpdateConversationsUserPayload'] = ResolversParentTypes['UpdateConversationsUserPayload']> = ResolversObject<{
  conversationsUser?: Resolver<Maybe<ResolversTypes['ConversationsUser']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type UpdateFlexUserPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UpdateFlexUserPayload'] = ResolversParentTypes['UpdateFlexUserPayload']> = ResolversObject<{
  flexUser?: Resolver<Maybe<ResolversTypes['FlexUser']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  chatUser?: Resolver<Maybe<ResolversTypes['ChatUser']>, ParentType, ContextType, RequireFields<UserChatUserArgs, 'serviceSid'>>;
  chatUsers?: Resolver<Maybe<Array<ResolversTypes['ChatUser']>>, ParentType, ContextType>;
  conversationsUser?: Resolver<Maybe<ResolversTypes['ConversationsUser']>, ParentType, ContextType>;
  flexUser?: Resolver<Maybe<ResolversTypes['FlexUser']>, ParentType, ContextType, Partial<UserFlexUserArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  identity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type UserErrorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['UserErrorCode'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export interface UserSidScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['UserSid'], any> {
  name: 'UserSid';
}

export interface WorkerSidScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['WorkerSid'], any> {
  name: 'WorkerSid';
}

export interface WorkspaceSidScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['WorkspaceSid'], any> {
  name: 'WorkspaceSid';
}

export interface Link__ImportScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['link__Import'], any> {
  name: 'link__Import';
}

export type Resolvers<ContextType = Context> = ResolversObject<{
  AccountSid?: GraphQLScalarType;
  ChatServiceSid?: GraphQLScalarType;
  ChatUser?: ChatUserResolvers<ContextType>;
  ChatUserConnection?: ChatUserConnectionResolvers<ContextType>;
  ChatUserEdge?: ChatUserEdgeResolvers<ContextType>;
  ConversationsUser?: ConversationsUserResolvers<ContextType>;
  ConversationsUserConnection?: ConversationsUserConnectionResolvers<ContextType>;
  ConversationsUserEdge?: ConversationsUserEdgeResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DeprovisionFlexUserPayload?: DeprovisionFlexUserPayloadResolvers<ContextType>;
  FieldSet?: GraphQLScalarType;
  FlexInstanceSid?: GraphQLScalarType;
  FlexTeamSid?: GraphQLScalarType;
  FlexUser?: FlexUserResolvers<ContextType>;
  FlexUserConnection?: FlexUserConnectionResolvers<ContextType>;
  FlexUserEdge?: FlexUserEdgeResolvers<ContextType>;
  FlexUserSid?: GraphQLScalarType;
  JSON?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  Node?: NodeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PersonSid?: GraphQLScalarType;
  ProvisionFlexUserPayload?: ProvisionFlexUserPayloadResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RoleSid?: GraphQLScalarType;
  UpdateChatUserPayload?: UpdateChatUserPayloadResolvers<ContextType>;
  UpdateConversationsUserPayload?: UpdateConversationsUserPayloadResolvers<ContextType>;
  UpdateFlexUserPayload?: UpdateFlexUserPayloadResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
  UserSid?: GraphQLScalarType;
  WorkerSid?: GraphQLScalarType;
  WorkspaceSid?: GraphQLScalarType;
  link__Import?: GraphQLScalarType;
}>;

export type DirectiveResolvers<ContextType = Context> = ResolversObject<{
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
  link?: LinkDirectiveResolver<any, any, ContextType>;
  shareable?: ShareableDirectiveResolver<any, any, ContextType>;
}>;
