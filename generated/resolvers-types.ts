import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { FlexUserRecord, ConversationsUserRecord, ChatUserRecord, WorkerRecord, UserChannelRecord, UserBindingRecord } from '../datasources/records.js';
import type { Person, DeprovisionResult, ConversationModel, UserConversationModel } from '../resolvers/models.js';
import type { ReconciliationJobModel } from '../resolvers/reconciliation-model.js';
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
  /** A TaskRouter activity SID: `WA` followed by 32 hexadecimal digits. */
  ActivitySid: { input: string; output: string; }
  /** A Programmable Chat channel SID: `CH` followed by 32 hexadecimal digits. */
  ChatChannelSid: { input: string; output: string; }
  /** A chat service SID (Conversations service or Programmable Chat service): `IS` + 32 hex digits. */
  ChatServiceSid: { input: string; output: string; }
  /** A conversation SID: `CH` followed by 32 hexadecimal digits. */
  ConversationSid: { input: string; output: string; }
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
  /** A conversation participant SID: `MB` followed by 32 hexadecimal digits. */
  ParticipantSid: { input: string; output: string; }
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

/** An item's failure that is not about its input: Twilio's error, or the gateway's limits. */
export type BulkItemError = {
  __typename?: 'BulkItemError';
  /** The same code a top-level error would carry, e.g. `RATE_LIMITED`, `UPSTREAM_ERROR`. */
  code: Scalars['String']['output'];
  /** What went wrong, written for a person. */
  message: Scalars['String']['output'];
  /** Twilio's HTTP status, when Twilio answered. */
  status: Maybe<Scalars['Int']['output']>;
  /** Twilio's error code (e.g. 20429), when Twilio answered. */
  twilioCode: Maybe<Scalars['Int']['output']>;
};

/** What became of one item of a bulk mutation. */
export type BulkItemOutcome =
  /** Twilio could not be reached, or failed, for this item (see `error`): it may not have changed. */
  | 'FAILED'
  /** Twilio made the change. */
  | 'OK'
  /** Twilio refused the item's change (see its `userErrors`); nothing changed for it. */
  | 'USER_ERRORS';

/** Who may cache a response: any cache (PUBLIC) or only the client's own (PRIVATE). */
export type CacheControlScope =
  /** Only the caller's own cache (every answer here depends on the caller's Twilio account). */
  | 'PRIVATE'
  /** Any cache, including shared CDN caches. */
  | 'PUBLIC';

/** The result of `cancelReconciliation`. */
export type CancelReconciliationPayload = {
  __typename?: 'CancelReconciliationPayload';
  /** The job, CANCELLING or CANCELLED. */
  job: Maybe<ReconciliationJob>;
  /** Why it could not be cancelled (unknown id, already finished). */
  userErrors: Array<UserError>;
};

/** The push technology of a binding. Twilio's `binding_type`. */
export type ChatBindingType =
  /** Apple Push Notification service. */
  | 'APN'
  /** Firebase Cloud Messaging. */
  | 'FCM'
  /** Google Cloud Messaging (Firebase's predecessor). */
  | 'GCM';

/** A user's standing in a Chat channel. Twilio's `status` of a user channel. */
export type ChatChannelMemberStatus =
  /** The user was invited and has not joined yet. */
  | 'INVITED'
  /** The user is a member of the channel. */
  | 'JOINED'
  /** The user is not taking part in the channel. */
  | 'NOT_PARTICIPATING';

/** How a user is notified of a channel's messages. Twilio's `notification_level`. */
export type ChatNotificationLevel =
  /** Push notifications as the service's settings say. */
  | 'DEFAULT'
  /** No push notifications for this channel. */
  | 'MUTED';

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
  /** The user's push bindings (devices registered for push), a page at a time. */
  bindings: Maybe<ChatUserBindingConnection>;
  /**
   * The channels the user has joined or been invited to, a page at a time, read by the user's SID
   * (no extra fetch). A user can be in at most the service's `limits.user_channels` channels
   * (250 by default); joining one more fails with Twilio error 45207. `joinedChannelsCount` says
   * how close the user is.
   */
  channels: Maybe<ChatUserChannelConnection>;
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
  /**
   * How many channels the user has joined. The service caps it (`limits.user_channels`, 250 by
   * default): joining past the cap fails with Twilio error 45207. See `channels`.
   */
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


/**
 * A Programmable Chat user: a user of one chat service (`/v2/Services/{ServiceSid}/Users`). In the
 * account's default service it is the same person record as the Conversations user.
 */
export type ChatUserBindingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * A Programmable Chat user: a user of one chat service (`/v2/Services/{ServiceSid}/Users`). In the
 * account's default service it is the same person record as the Conversations user.
 */
export type ChatUserChannelsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/**
 * A device registered to receive a Chat user's push notifications
 * (`/v2/Services/{ServiceSid}/Users/{UserSid}/Bindings`). No secret is exposed: the push
 * credential is named by its SID only, and Twilio never returns a credential's keys here.
 */
export type ChatUserBinding = {
  __typename?: 'ChatUserBinding';
  /** APN, FCM or GCM; null for a push technology this schema does not know yet. */
  bindingType: Maybe<ChatBindingType>;
  /**
   * The push credential (`CR…`) the binding is sent with: a SID naming the credential resource,
   * not the credential's secret. Twilio's `credential_sid`.
   */
  credentialSid: Maybe<Scalars['String']['output']>;
  /** When the binding was created. */
  dateCreated: Maybe<Scalars['DateTime']['output']>;
  /** When the binding last changed. */
  dateUpdated: Maybe<Scalars['DateTime']['output']>;
  /** The device's endpoint identifier, as the Chat SDK registered it (its form depends on the type). */
  endpoint: Maybe<Scalars['String']['output']>;
  /** The identity of the binding's user. */
  identity: Maybe<Scalars['String']['output']>;
  /** The message types the binding is subscribed to, e.g. `new_message`. */
  messageTypes: Maybe<Array<Scalars['String']['output']>>;
  /** Twilio's `sid` (`BS…`). */
  sid: Maybe<Scalars['String']['output']>;
  /** The push technology exactly as Twilio sends it (`apn`, `fcm`, `gcm`). */
  twilioBindingType: Maybe<Scalars['String']['output']>;
  /** The resource URL. */
  url: Maybe<Scalars['String']['output']>;
};

/** A page of a Chat user's push bindings. */
export type ChatUserBindingConnection = {
  __typename?: 'ChatUserBindingConnection';
  /** The bindings of this page, each with its cursor. */
  edges: Array<ChatUserBindingEdge>;
  /** The bindings of this page. */
  nodes: Array<ChatUserBinding>;
  /** Where this page sits. */
  pageInfo: PageInfo;
};

/** A push binding in a page, with its cursor. */
export type ChatUserBindingEdge = {
  __typename?: 'ChatUserBindingEdge';
  /** Pass as `after` to read the bindings after this one. */
  cursor: Scalars['String']['output'];
  /** The push binding. */
  node: ChatUserBinding;
};

/**
 * One of a Chat user's channels: their membership in it, or an invitation to it
 * (`/v2/Services/{ServiceSid}/Users/{UserSid}/Channels`).
 */
export type ChatUserChannel = {
  __typename?: 'ChatUserChannel';
  /** The channel (`CH…`). Twilio's `channel_sid`. */
  channelSid: Maybe<Scalars['ChatChannelSid']['output']>;
  /** The channel's resource URL. Twilio's `links.channel`. */
  channelUrl: Maybe<Scalars['String']['output']>;
  /** The index of the last message the user has read; null when they have read none. */
  lastConsumedMessageIndex: Maybe<Scalars['Int']['output']>;
  /** The user's member resource in the channel (`MB…`). Twilio's `member_sid`. */
  memberSid: Maybe<Scalars['String']['output']>;
  /** The member's resource URL. Twilio's `links.member`. */
  memberUrl: Maybe<Scalars['String']['output']>;
  /** The user's push notification level for the channel; null for one this schema does not know. */
  notificationLevel: Maybe<ChatNotificationLevel>;
  /** The chat service of the channel. */
  serviceSid: Maybe<Scalars['ChatServiceSid']['output']>;
  /** Joined, invited or not taking part; null for a status this schema does not know yet. */
  status: Maybe<ChatChannelMemberStatus>;
  /** The status exactly as Twilio sends it (`joined`, `invited`, `notParticipating`). */
  twilioStatus: Maybe<Scalars['String']['output']>;
  /** How many of the channel's messages the user has not read. */
  unreadMessagesCount: Maybe<Scalars['Int']['output']>;
  /** This user channel's resource URL. */
  url: Maybe<Scalars['String']['output']>;
  /** The user (`US…`). */
  userSid: Maybe<Scalars['UserSid']['output']>;
};

/** A page of a Chat user's channels. */
export type ChatUserChannelConnection = {
  __typename?: 'ChatUserChannelConnection';
  /** The channels of this page, each with its cursor. */
  edges: Array<ChatUserChannelEdge>;
  /** The channels of this page. */
  nodes: Array<ChatUserChannel>;
  /** Where this page sits. */
  pageInfo: PageInfo;
};

/** A user channel in a page, with its cursor. */
export type ChatUserChannelEdge = {
  __typename?: 'ChatUserChannelEdge';
  /** Pass as `after` to read the channels after this one. */
  cursor: Scalars['String']['output'];
  /** The user channel. */
  node: ChatUserChannel;
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

/**
 * A conversation of a Conversations service (`/v1/Conversations/{Sid}` for the account's default
 * service, `/v1/Services/{ChatServiceSid}/Conversations/{Sid}` for the others).
 */
export type Conversation = Node & {
  __typename?: 'Conversation';
  /** The Twilio account that owns the conversation. */
  accountSid: Maybe<Scalars['AccountSid']['output']>;
  /** Free-form JSON attributes (Twilio stores them as a JSON string; parsed here). */
  attributes: Maybe<Scalars['JSON']['output']>;
  /** The Conversations service the conversation belongs to. */
  chatServiceSid: Maybe<Scalars['ChatServiceSid']['output']>;
  /** When the conversation was created. */
  dateCreated: Maybe<Scalars['DateTime']['output']>;
  /** When the conversation last changed. */
  dateUpdated: Maybe<Scalars['DateTime']['output']>;
  /** Display name. */
  friendlyName: Maybe<Scalars['String']['output']>;
  /** Opaque global id. */
  id: Scalars['ID']['output'];
  /** The Messaging Service (`MG…`) that carries its SMS and WhatsApp messages. */
  messagingServiceSid: Maybe<Scalars['String']['output']>;
  /** Twilio's `sid` (`CH…`). */
  sid: Scalars['ConversationSid']['output'];
  /** Where the conversation is in its life. */
  state: Maybe<ConversationState>;
  /** The application's own unique name for it, which Twilio also accepts in place of the SID. */
  uniqueName: Maybe<Scalars['String']['output']>;
  /** The resource URL. */
  url: Maybe<Scalars['String']['output']>;
};

/** Where a conversation is in its life. Twilio's `state` (`conversation_state` in a user's list). */
export type ConversationState =
  /** Open for messages. */
  | 'ACTIVE'
  /** Closed for good: no more messages. */
  | 'CLOSED'
  /** Idle past the inactive timer; a new message makes it active again. */
  | 'INACTIVE'
  /** Being set up (conversations only; a user's list never shows it). */
  | 'INITIALIZING';

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
  /**
   * The conversations this user takes part in, with their unread counts, a page at a time, in
   * Twilio's order. Read with the user's SID, so it costs one Twilio call per page.
   */
  conversations: Maybe<UserConversationConnection>;
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


/** A Conversations user: a user of the account's default chat service (Twilio's `/v1/Users`). */
export type ConversationsUserConversationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
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
  /**
   * The user's TaskRouter worker, in the user's workspace (else the one Flex's Configuration
   * names). Null when the user has none: deactivated (deprovisioning deletes the worker), or the
   * worker was removed. Each distinct worker is read once per request.
   */
  worker: Maybe<Worker>;
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

/** The result of one item of `provisionFlexUsers` or `updateFlexUsers`. */
export type FlexUserBulkResult = {
  __typename?: 'FlexUserBulkResult';
  /** Set when `outcome` is `FAILED`. */
  error: Maybe<BulkItemError>;
  /** The user as Twilio returned it; null unless `outcome` is `OK`. */
  flexUser: Maybe<FlexUser>;
  /** The item's position in `input.users`, from 0. */
  index: Scalars['Int']['output'];
  /** What became of it. */
  outcome: BulkItemOutcome;
  /** Twilio's refusal of this item, with its index in `field`; empty otherwise. */
  userErrors: Array<UserError>;
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

/** Result of `provisionFlexUsers` and `updateFlexUsers`. */
export type FlexUsersBulkPayload = {
  __typename?: 'FlexUsersBulkPayload';
  /** Items that were refused or failed. */
  failed: Scalars['Int']['output'];
  /** One result per item, in input order; empty when the input was refused. */
  results: Array<FlexUserBulkResult>;
  /** Items Twilio changed. */
  succeeded: Scalars['Int']['output'];
  /**
   * Every problem found, each with the item's index in `field` (`["input", "users", "3", "email"]`).
   * When any item's input is invalid, nothing is sent and `results` is empty.
   */
  userErrors: Array<UserError>;
};

/**
 * How the identity a product knows the person by relates to the person's identity. See
 * `User.matchedIdentities` for Flex's escape rule.
 */
export type IdentityForm =
  /** The same string. */
  | 'EXACT'
  /** Flex's escaped form of the person's identity (`ann.veal@x.com` → `ann_2Eveal_40x_2Ecom`). */
  | 'FLEX_ESCAPED'
  /** The person's identity is the escaped form, and the product has the plain one. */
  | 'FLEX_UNESCAPED'
  /** Neither: the record was joined by SID (a Flex user's `userSid`), and its identity differs. */
  | 'LINKED';

/** The products a person's identity is matched in. */
export type IdentityProduct =
  /** A Programmable Chat user, by identity. */
  | 'CHAT'
  /** A Conversations user, by identity (the default service or a configured one). */
  | 'CONVERSATIONS'
  /** A Flex user, by username. */
  | 'FLEX';

/** Where a person was found, under which identity. */
export type MatchedIdentity = {
  __typename?: 'MatchedIdentity';
  /** The chat service, for Conversations and Chat users; null for Flex. */
  chatServiceSid: Maybe<Scalars['ChatServiceSid']['output']>;
  /** How it relates to the person's identity. */
  form: IdentityForm;
  /** The identity (or Flex username) the product has. */
  identity: Scalars['String']['output'];
  /** The product. */
  product: IdentityProduct;
};

/**
 * Write operations. Each takes one `input` and returns a payload with `userErrors` and the changed object.
 * A payload is null only when Twilio could not be reached or failed (the error on that field says
 * how); the other mutations of the same request keep their results, so what was applied is always
 * visible.
 */
export type Mutation = {
  __typename?: 'Mutation';
  /** Cancels a running job from any replica: it stops before its next call; findings so far are kept. */
  cancelReconciliation: CancelReconciliationPayload;
  /** Deprovisions a Flex user (v4): Twilio deactivates it, deletes its worker and keeps the record. */
  deprovisionFlexUser: Maybe<DeprovisionFlexUserPayload>;
  /**
   * Offboards a person in one step: deprovisions their Flex user (v4), deletes a worker still named
   * after them, then as asked deletes their Conversations user, then deletes their Chat users or takes them out of their channels, reporting
   * each step (a record held under the other Flex identity form is found and acted on too, when
   * escapes are on). Every look-up is sent at once, then the Flex deprovision, then the other writes
   * at once. Idempotent and resumable (`input.steps`); `dryRun` shows the plan. If the Flex step fails,
   * every later step is SKIPPED and reported. LEAVE_CHANNELS leaves at most 50 channels per Chat user
   * per call (one Twilio page) and says so in `channelsRemaining`.
   */
  offboardPerson: Maybe<OffboardPersonPayload>;
  /**
   * Creates a Flex user, or updates the one with that username (Twilio's v4 Provision is idempotent
   * by username, so retrying is safe). Creates the TaskRouter worker and links the Conversations user.
   */
  provisionFlexUser: Maybe<ProvisionFlexUserPayload>;
  /**
   * Provisions many Flex users (v4 Provision, one call each). Every item is checked before the first
   * call: one invalid item and nothing is sent. Then items are sent a few at a time (`BULK_CONCURRENCY`)
   * under the account's Twilio budget; a 429 is retried after Twilio's `Retry-After`. Each item's
   * outcome is in `results`, whatever happened to the others.
   */
  provisionFlexUsers: Maybe<FlexUsersBulkPayload>;
  /** Resumes an INTERRUPTED job (started with Basic credentials: send the same ones) from its last checkpoint. */
  resumeReconciliation: ResumeReconciliationPayload;
  /**
   * Starts a background reconciliation of the tenant's Flex users against its Conversations users,
   * Chat users and workers (issue 14 §1). It reads one page at a time through the account's Twilio
   * budget, paced to `budgetShare` of it, and is resumable from its checkpoints. One job per tenant
   * at a time.
   */
  startReconciliation: StartReconciliationPayload;
  /** Changes a Chat user's display name, attributes or role. */
  updateChatUser: Maybe<UpdateChatUserPayload>;
  /** Changes a Conversations user's display name, attributes or role. */
  updateConversationsUser: Maybe<UpdateConversationsUserPayload>;
  /** Changes a Flex user's email, unified user or locale (Flex v2 update). */
  updateFlexUser: Maybe<UpdateFlexUserPayload>;
  /**
   * Changes many Flex users (Flex v2 update, one call each), checked, sent and reported as
   * `provisionFlexUsers` is.
   */
  updateFlexUsers: Maybe<FlexUsersBulkPayload>;
};


/**
 * Write operations. Each takes one `input` and returns a payload with `userErrors` and the changed object.
 * A payload is null only when Twilio could not be reached or failed (the error on that field says
 * how); the other mutations of the same request keep their results, so what was applied is always
 * visible.
 */
export type MutationCancelReconciliationArgs = {
  id: Scalars['ID']['input'];
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
export type MutationOffboardPersonArgs = {
  input: OffboardPersonInput;
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
export type MutationProvisionFlexUsersArgs = {
  input: ProvisionFlexUsersInput;
};


/**
 * Write operations. Each takes one `input` and returns a payload with `userErrors` and the changed object.
 * A payload is null only when Twilio could not be reached or failed (the error on that field says
 * how); the other mutations of the same request keep their results, so what was applied is always
 * visible.
 */
export type MutationResumeReconciliationArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Write operations. Each takes one `input` and returns a payload with `userErrors` and the changed object.
 * A payload is null only when Twilio could not be reached or failed (the error on that field says
 * how); the other mutations of the same request keep their results, so what was applied is always
 * visible.
 */
export type MutationStartReconciliationArgs = {
  input?: InputMaybe<StartReconciliationInput>;
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


/**
 * Write operations. Each takes one `input` and returns a payload with `userErrors` and the changed object.
 * A payload is null only when Twilio could not be reached or failed (the error on that field says
 * how); the other mutations of the same request keep their results, so what was applied is always
 * visible.
 */
export type MutationUpdateFlexUsersArgs = {
  input: UpdateFlexUsersInput;
};

/** An object with a global id that `node(id:)` can fetch again. */
export type Node = {
  /** Opaque global id. Do not decode it: its format may change. */
  id: Scalars['ID']['output'];
};

/** Whether a user gets push notifications for a conversation. Twilio's `notification_level`. */
export type NotificationLevel =
  /** The service's notification settings apply. */
  | 'DEFAULT'
  /** No push notifications for this conversation. */
  | 'MUTED';

/** What `offboardPerson` does with the person's Chat users (one per chat service the gateway knows). */
export type OffboardChatUsers =
  /** Leave them in place. */
  | 'KEEP'
  /** Keep each Chat user but take them out of their channels (up to the per-call channel bound). */
  | 'LEAVE_CHANNELS'
  /** Delete each Chat user (Twilio then removes their memberships). */
  | 'REMOVE';

/** What `offboardPerson` does with the person's Conversations user. */
export type OffboardConversationsUser =
  /** Leave it in place. */
  | 'KEEP'
  /** Delete it (the default): it is also the Chat user of the account's default chat service. */
  | 'REMOVE';

/**
 * Input of `offboardPerson`. Everything is checked before the first Twilio call; rerunning the same
 * input is safe (done steps report ALREADY_DONE).
 */
export type OffboardPersonInput = {
  /** What to do with the Chat users; REMOVE by default. */
  chatUsers?: InputMaybe<OffboardChatUsers>;
  /** What to do with the Conversations user; REMOVE by default. */
  conversationsUser?: InputMaybe<OffboardConversationsUser>;
  /** Only look things up and report PLANNED steps: nothing is written. */
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  /**
   * The person's identity: the Flex username, and the Conversations and Chat identity. With Flex
   * identity escapes on (the default), each product is also asked for the other Flex form
   * (`ann.veal@x.com` / `ann_2Eveal_40x_2Ecom`), as reads are, and every record found is offboarded.
   */
  identity: Scalars['String']['input'];
  /** Defaults to the configured Flex instance. */
  instanceSid?: InputMaybe<Scalars['FlexInstanceSid']['input']>;
  /** Run only these actions (e.g. the one that FAILED last time); the others are reported SKIPPED. All by default. */
  steps?: InputMaybe<Array<OffboardingAction>>;
};

/** The result of `offboardPerson`: every step, in order, with its outcome. */
export type OffboardPersonPayload = {
  __typename?: 'OffboardPersonPayload';
  /** Channels still to leave past the per-call bound (LEAVE_CHANNELS): call again to continue. */
  channelsRemaining: Scalars['Boolean']['output'];
  /** True when no step FAILED or was SKIPPED because of a failure, and no channel was left for a later call. */
  completed: Scalars['Boolean']['output'];
  /** Every step, in the order of `OffboardingAction` (by chat service, then identity form, then channel; however the calls interleaved): the Flex deprovision first; none is ever left out. */
  steps: Array<OffboardingStep>;
  /** Problems with the input; when there are any, nothing was sent and `steps` is empty. */
  userErrors: Array<UserError>;
};

/** One kind of step of an offboarding, in the order `steps` reports them. */
export type OffboardingAction =
  /** Delete the Chat user of one chat service. */
  | 'DELETE_CHAT_USER'
  /** Delete the Conversations user of the account's default service. */
  | 'DELETE_CONVERSATIONS_USER'
  /**
   * Delete a TaskRouter worker still named after the person (either identity form) once the Flex
   * user is deactivated: one a script recreated, or left when the Flex user no longer linked it.
   * Deprovisioning removes the linked worker itself, so after it this step usually reports
   * ALREADY_DONE. Never run for a Flex user that stays active (SKIPPED).
   */
  | 'DELETE_WORKER'
  /** Deprovision the Flex user (Flex Users API v4): deactivates it and removes its worker. */
  | 'DEPROVISION_FLEX_USER'
  /** Take the Chat user out of one channel (DeleteMember). */
  | 'LEAVE_CHANNEL';

/** What became of one offboarding step. */
export type OffboardingOutcome =
  /** Nothing to do: the change was already made (or the thing never existed). */
  | 'ALREADY_DONE'
  /** This call made the change. */
  | 'DONE'
  /** Twilio failed or could not be reached (see `error`): the step may not have been made; retry it. */
  | 'FAILED'
  /** Dry run: the step would be made. */
  | 'PLANNED'
  /** Not run: an earlier step it depends on failed, or `input.steps` did not ask for it (see `reason`). */
  | 'SKIPPED';

/** One step of an offboarding and its result. */
export type OffboardingStep = {
  __typename?: 'OffboardingStep';
  /** What the step does. */
  action: OffboardingAction;
  /** Twilio's error (or the gateway's), when the outcome is FAILED. */
  error: Maybe<BulkItemError>;
  /** What became of it. */
  outcome: OffboardingOutcome;
  /** Why the step was skipped, what was found instead of the thing (e.g. no such user), or that the record was found under the other Flex identity form. */
  reason: Maybe<Scalars['String']['output']>;
  /** What it acts on: a SID, or `service/SID` (`IS…/US…`, `IS…/CH…/MB…` for a membership); null when not looked up. */
  target: Maybe<Scalars['String']['output']>;
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

/** What `people` looks for. Every filter given must match; none given matches every Flex user. */
export type PeopleFilter = {
  /** Only deprovisioned (`true`) or only active (`false`) Flex users. */
  deactivated?: InputMaybe<Scalars['Boolean']['input']>;
  /** The email address, exactly, without regard to case. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Part of the full name, 2 to 256 characters, without regard to case. */
  nameContains?: InputMaybe<Scalars['String']['input']>;
  /** Has this Flex role. */
  role?: InputMaybe<FlexUserRole>;
};

/**
 * One page of `people` results, and how much of the Flex user list was read for it. The scan stops
 * when `first` people are found, at the end of the list, or after `SEARCH_MAX_PAGES` list pages.
 */
export type PeopleSearchConnection = {
  __typename?: 'PeopleSearchConnection';
  /** The people found, each with its cursor. */
  edges: Array<PeopleSearchEdge>;
  /** The people found. */
  nodes: Array<User>;
  /**
   * `hasNextPage` is true while the list has users not scanned yet; `endCursor` is where the scan
   * stopped, which may be past the last person found (a scan that reached its page limit).
   */
  pageInfo: PageInfo;
  /** True when the scan stopped at `SEARCH_MAX_PAGES`: pass `endCursor` as `after` to scan on. */
  scanLimitReached: Scalars['Boolean']['output'];
  /** Flex v1 list pages scanned for this page, of up to 1000 users each: one Twilio call each, none for a page served from the read cache. */
  scannedPages: Scalars['Int']['output'];
  /** Flex users examined for this page. */
  scannedUsers: Scalars['Int']['output'];
};

/** A person found by `people`, with its cursor. */
export type PeopleSearchEdge = {
  __typename?: 'PeopleSearchEdge';
  /** Pass as `after` to go on from this person. */
  cursor: Scalars['String']['output'];
  /** The person, with their Flex user already loaded. */
  node: User;
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
 * Input of `provisionFlexUsers`: up to the gateway's bulk maximum of users (100 unless
 * `BULK_MAX_ITEMS` says otherwise), all in one Flex instance.
 */
export type ProvisionFlexUsersInput = {
  /** Defaults to the configured Flex instance. */
  instanceSid?: InputMaybe<Scalars['FlexInstanceSid']['input']>;
  /** The users to provision, each as `provisionFlexUser` takes one. */
  users: Array<ProvisionFlexUsersItem>;
};

/** One user of `provisionFlexUsers`: the fields of `provisionFlexUser`, without the instance. */
export type ProvisionFlexUsersItem = {
  /** Email address, 1 to 256 characters. */
  email: Scalars['String']['input'];
  /** Full name, 1 to 256 characters. */
  fullName: Scalars['String']['input'];
  /** At least one role. */
  roles: Array<FlexUserRole>;
  /** Login name, 1 to 256 characters; also the Conversations identity and the worker's name. */
  username: Scalars['String']['input'];
  /** TaskRouter worker attributes (a JSON object). */
  workerAttributes?: InputMaybe<Scalars['JSON']['input']>;
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
   * Searches the Flex users of an instance by email, name, role or deactivation. Twilio has no
   * search, so this is a scan of the Flex v1 user list, 1000 users per Twilio call, filtered here:
   * finding few people among N users may take ceil(N / 1000) calls, at most `SEARCH_MAX_PAGES`
   * (10 by default) per page of results; the operation's cost counts all of them. With the read
   * cache on (`CACHE_TTL_SECONDS` > 0), the list pages are kept for that long: the same search again
   * costs no call, until a Flex write through the gateway makes the next search scan Twilio again
   * (docs/caching.md).
   */
  people: Maybe<PeopleSearchConnection>;
  /** One of this tenant's reconciliation jobs; null when it has none with that id (or it expired). */
  reconciliation: Maybe<ReconciliationJob>;
  /** This tenant's reconciliation jobs, newest first. */
  reconciliations: Maybe<ReconciliationJobConnection>;
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
  /** A TaskRouter worker by SID. Null when the workspace has no such worker. */
  worker: Maybe<Worker>;
  /** The workers of a TaskRouter workspace, a page at a time. */
  workers: Maybe<WorkerConnection>;
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
export type QueryPeopleArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PeopleFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  instanceSid?: InputMaybe<Scalars['FlexInstanceSid']['input']>;
};


/**
 * Read operations. Each product's file adds its own fields with `extend type Query`. Every root
 * field is nullable, so one that fails (an invalid cursor, a Twilio outage) is null with its error
 * and never takes its siblings down with it.
 */
export type QueryReconciliationArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Read operations. Each product's file adds its own fields with `extend type Query`. Every root
 * field is nullable, so one that fails (an invalid cursor, a Twilio outage) is null with its error
 * and never takes its siblings down with it.
 */
export type QueryReconciliationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
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


/**
 * Read operations. Each product's file adds its own fields with `extend type Query`. Every root
 * field is nullable, so one that fails (an invalid cursor, a Twilio outage) is null with its error
 * and never takes its siblings down with it.
 */
export type QueryWorkerArgs = {
  sid: Scalars['WorkerSid']['input'];
  workspaceSid?: InputMaybe<Scalars['WorkspaceSid']['input']>;
};


/**
 * Read operations. Each product's file adds its own fields with `extend type Query`. Every root
 * field is nullable, so one that fails (an invalid cursor, a Twilio outage) is null with its error
 * and never takes its siblings down with it.
 */
export type QueryWorkersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  friendlyName?: InputMaybe<Scalars['String']['input']>;
  workspaceSid?: InputMaybe<Scalars['WorkspaceSid']['input']>;
};

/** Why a job FAILED. */
export type ReconciliationError = {
  __typename?: 'ReconciliationError';
  /** The gateway's error code (NOT_FOUND, UNAUTHENTICATED, UPSTREAM_UNAVAILABLE, ...). */
  code: Scalars['String']['output'];
  /** What went wrong, written for a person. */
  message: Scalars['String']['output'];
  /** Twilio's HTTP status, when Twilio answered. */
  status: Maybe<Scalars['Int']['output']>;
  /** Twilio's own error code, when Twilio answered. */
  twilioCode: Maybe<Scalars['Int']['output']>;
};

/** The export URLs of a job, relative to the gateway (send the same Authorization as to /graphql). */
export type ReconciliationExportPaths = {
  __typename?: 'ReconciliationExportPaths';
  /** CSV with a header row (RFC 4180; cells that a spreadsheet would run as a formula start with `'`). */
  csv: Scalars['String']['output'];
  /** One JSON object per line. */
  ndjson: Scalars['String']['output'];
};

/** One inconsistency a reconciliation found: SIDs and identities, never whole records. */
export type ReconciliationFinding = {
  __typename?: 'ReconciliationFinding';
  /** The Flex user, when there is one. */
  flexUserSid: Maybe<Scalars['String']['output']>;
  /** The identity as the product holding the other record spells it (the Flex username if none). */
  identity: Scalars['String']['output'];
  /** What is inconsistent. */
  kind: ReconciliationFindingKind;
  /** For NAME_DRIFT: the other product's friendly_name. */
  otherName: Maybe<Scalars['String']['output']>;
  /** The other product's record: a Conversations or Chat user (US…) or a worker (WK…). */
  otherSid: Maybe<Scalars['String']['output']>;
  /** For Chat users: their chat service. */
  serviceSid: Maybe<Scalars['String']['output']>;
};

/** A page of a job's findings, kind by kind in the order of `ReconciliationFindingKind`, each in the order found. */
export type ReconciliationFindingConnection = {
  __typename?: 'ReconciliationFindingConnection';
  /** The findings with their cursors. */
  edges: Array<ReconciliationFindingEdge>;
  /** The findings alone. */
  nodes: Array<ReconciliationFinding>;
  /** Where this page sits. */
  pageInfo: PageInfo;
};

/** An edge of `ReconciliationFindingConnection`. */
export type ReconciliationFindingEdge = {
  __typename?: 'ReconciliationFindingEdge';
  /** Opaque cursor: pass it as `after` to read what follows this finding. */
  cursor: Scalars['String']['output'];
  /** The finding. */
  node: ReconciliationFinding;
};

/** The kinds of inconsistency a reconciliation finds (docs/reconciliation.md). */
export type ReconciliationFindingKind =
  /** An active Flex user has no Conversations user. */
  | 'ACTIVE_WITHOUT_CONVERSATIONS_USER'
  /** A Chat user (of one service) matches no Flex user. */
  | 'CHAT_USER_WITHOUT_FLEX_USER'
  /** A Conversations user matches no Flex user. */
  | 'CONVERSATIONS_USER_WITHOUT_FLEX_USER'
  /** A deactivated Flex user still has a Chat user in a scanned service (one finding per Chat user). */
  | 'DEACTIVATED_WITH_CHAT_USERS'
  /** A deactivated Flex user still has a Conversations user. */
  | 'DEACTIVATED_WITH_CONVERSATIONS_USER'
  /** A deactivated Flex user still has a TaskRouter worker. */
  | 'DEACTIVATED_WITH_WORKER'
  /** The record matches the Flex user only in Flex's escaped form of the identity. */
  | 'ESCAPED_IDENTITY_ONLY'
  /** A Conversations or Chat friendly_name differs from the Flex full_name. */
  | 'NAME_DRIFT'
  /** A worker's friendly_name matches no Flex username. */
  | 'WORKER_WITHOUT_FLEX_USER';

/** A background reconciliation of one tenant's Flex, Conversations, Chat users and workers. */
export type ReconciliationJob = Node & {
  __typename?: 'ReconciliationJob';
  /** The share of the account's Twilio throughput the job takes (0 < share ≤ 1). */
  budgetShare: Scalars['Float']['output'];
  /** The chat services whose users are scanned. */
  chatServiceSids: Array<Scalars['String']['output']>;
  /** Why it FAILED; null otherwise. */
  error: Maybe<ReconciliationError>;
  /**
   * Where the findings can be downloaded with the same credentials as /graphql:
   * `/reconciliations/{id}/findings.ndjson` and `.csv`, with `?kind=` repeatable.
   */
  exportPaths: ReconciliationExportPaths;
  /** The findings so far, optionally of some kinds only. */
  findings: ReconciliationFindingConnection;
  /** Findings so far per kind (kinds with none are left out). */
  findingsByKind: Array<ReconciliationKindCount>;
  /** When it ended (DONE, CANCELLED, FAILED); null before. */
  finishedAt: Maybe<Scalars['DateTime']['output']>;
  /** Opaque id; also the `{id}` of the export URLs. */
  id: Scalars['ID']['output'];
  /** How far it is. */
  progress: ReconciliationProgress;
  /** When it was started. */
  startedAt: Scalars['DateTime']['output'];
  /** Where the job is. */
  status: ReconciliationStatus;
  /** When its progress last changed. */
  updatedAt: Scalars['DateTime']['output'];
};


/** A background reconciliation of one tenant's Flex, Conversations, Chat users and workers. */
export type ReconciliationJobFindingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  kind?: InputMaybe<Array<ReconciliationFindingKind>>;
};

/** The tenant's jobs, newest first (finished ones are kept RECONCILE_RETENTION_HOURS). */
export type ReconciliationJobConnection = {
  __typename?: 'ReconciliationJobConnection';
  /** The jobs with their cursors. */
  edges: Array<ReconciliationJobEdge>;
  /** The jobs alone. */
  nodes: Array<ReconciliationJob>;
  /** Where this page sits. */
  pageInfo: PageInfo;
};

/** An edge of `ReconciliationJobConnection`. */
export type ReconciliationJobEdge = {
  __typename?: 'ReconciliationJobEdge';
  /** Opaque cursor: pass it as `after` to read the jobs after this one. */
  cursor: Scalars['String']['output'];
  /** The job. */
  node: ReconciliationJob;
};

/** How many findings of one kind a job has. */
export type ReconciliationKindCount = {
  __typename?: 'ReconciliationKindCount';
  /** Findings of that kind so far. */
  count: Scalars['Int']['output'];
  /** The kind. */
  kind: ReconciliationFindingKind;
};

/** Which list a reconciliation job is reading, in the order they are read. */
export type ReconciliationPhase =
  /** The Chat users of each scanned chat service (100 per page). */
  | 'CHAT'
  /** The Conversations users (50 per page). */
  | 'CONVERSATIONS'
  /** Nothing left to read. */
  | 'DONE'
  /** The Flex users (1,000 per page): the index the other lists are compared with. */
  | 'FLEX'
  /** The TaskRouter workers (1,000 per page). */
  | 'WORKERS';

/** How far a reconciliation job is. */
export type ReconciliationProgress = {
  __typename?: 'ReconciliationProgress';
  /**
   * Pages still to read, estimated from the Flex user count N once the Flex list is read
   * (Conversations N/50, Chat N/100 per service, workers N/1000); null during the Flex phase.
   */
  estimatedRemainingPages: Maybe<Scalars['Int']['output']>;
  /** Seconds still to run at the measured page time and the job's budget share; null while unknown. */
  estimatedRemainingSeconds: Maybe<Scalars['Float']['output']>;
  /** Findings so far. */
  findings: Scalars['Int']['output'];
  /** Pages read over pages read plus the estimate, 0 to 1; null while unknown. */
  fractionDone: Maybe<Scalars['Float']['output']>;
  /** Twilio pages read so far (one call each). */
  pagesRead: Scalars['Int']['output'];
  /** Records read so far, over every list. */
  peopleScanned: Scalars['Int']['output'];
  /** The list being read. */
  phase: ReconciliationPhase;
};

/** Where a reconciliation job is. */
export type ReconciliationStatus =
  /** Cancelled: the findings so far are kept. */
  | 'CANCELLED'
  /** A cancel was asked for: the job stops before its next call (the call in flight is abandoned). */
  | 'CANCELLING'
  /** Every list was read: the findings are complete. */
  | 'DONE'
  /** Twilio failed in a way retrying does not fix (see `error`): the findings so far are kept. */
  | 'FAILED'
  /**
   * The replica running it stopped, and no replica can act as its tenant without the client: it was
   * started with Basic pass-through credentials. `resumeReconciliation` with the same credentials
   * goes on from its last checkpoint.
   */
  | 'INTERRUPTED'
  /** Reading Twilio's lists, paced to its budget share. */
  | 'RUNNING';

/** The result of `resumeReconciliation`. */
export type ResumeReconciliationPayload = {
  __typename?: 'ResumeReconciliationPayload';
  /** The job, RUNNING again. */
  job: Maybe<ReconciliationJob>;
  /** Why it could not be resumed (unknown id, not INTERRUPTED, another job running). */
  userErrors: Array<UserError>;
};

/** Input of `startReconciliation`; every field is optional. */
export type StartReconciliationInput = {
  /** Share of the account's Twilio throughput, above 0 and at most RECONCILE_MAX_BUDGET_SHARE; default RECONCILE_BUDGET_SHARE. */
  budgetShare?: InputMaybe<Scalars['Float']['input']>;
  /** Chat services whose users to scan; default: the tenant's chat services minus the Conversations default service. */
  chatServiceSids?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** The result of `startReconciliation`. */
export type StartReconciliationPayload = {
  __typename?: 'StartReconciliationPayload';
  /** The started job. */
  job: Maybe<ReconciliationJob>;
  /** Problems with the input or a job already running; when there are any, no job was started. */
  userErrors: Array<UserError>;
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

/** Input of `updateFlexUsers`: up to the gateway's bulk maximum of changes, all in one Flex instance. */
export type UpdateFlexUsersInput = {
  /** Defaults to the configured Flex instance. */
  instanceSid?: InputMaybe<Scalars['FlexInstanceSid']['input']>;
  /** The changes, each as `updateFlexUser` takes one. */
  users: Array<UpdateFlexUsersItem>;
};

/** One change of `updateFlexUsers`: the user, then the fields to change (at least one). */
export type UpdateFlexUsersItem = {
  /** New email address. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** New locale, e.g. `en-US`. */
  locale?: InputMaybe<Scalars['String']['input']>;
  /** The Flex user to change. */
  sid: Scalars['FlexUserSid']['input'];
  /** New Twilio unified user to link (`US…`). */
  userSid?: InputMaybe<Scalars['UserSid']['input']>;
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
  /**
   * The conversations of the person's Conversations user (default service), a page at a time: the
   * identity is resolved to the user's SID first (no extra call when it is already known, e.g.
   * from the Flex user's `userSid`), then the list is read. Null when they have no
   * Conversations user.
   */
  conversations: Maybe<UserConversationConnection>;
  /** The person's Conversations user (a user of the account's default chat service). */
  conversationsUser: Maybe<ConversationsUser>;
  /**
   * The person's Conversations users in the default service and in every configured one
   * (`TWILIO_CONVERSATIONS_SERVICE_SIDS`, or a tenant's `conversationsServiceSids`), default first;
   * `chatServiceSid` tells them apart. Services where the person has no user are left out. One
   * parallel wave, one call per service.
   */
  conversationsUsers: Maybe<Array<ConversationsUser>>;
  /** The person's Flex user, found by username in the given Flex instance (default: the configured one). */
  flexUser: Maybe<FlexUser>;
  /** Opaque global id. */
  id: Scalars['ID']['output'];
  /**
   * The identity that joins the products: Conversations' and Chat's `identity`, Flex's `username`.
   * Case-sensitive, as in Twilio.
   */
  identity: Scalars['String']['output'];
  /**
   * Where the person was found and under which identity: one entry per Flex user, Conversations
   * user and Chat user the product fields above find. With `TWILIO_FLEX_IDENTITY_ESCAPES` (on by
   * default), each join by identity asks for the exact identity and Flex's escaped form of it in
   * the same wave and keeps the exact match when both exist. Flex escapes every character other
   * than an ASCII letter, digit or `_` as `_` plus its UTF-8 bytes in upper-case hex (`.` → `_2E`,
   * `@` → `_40`, `-` → `_2D`, `+` → `_2B`), as in Twilio's `client:ann_2Eveal_40arresteddevelopment_2Ecom`;
   * an identity already in that form is tried unescaped instead.
   */
  matchedIdentities: Maybe<Array<MatchedIdentity>>;
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
export type UserConversationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
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
 * One conversation a user takes part in, with that user's read state: an item of Twilio's
 * `GET /v1/Users/{UserSid}/Conversations` (or the same under `/v1/Services/{ChatServiceSid}`).
 */
export type UserConversation = {
  __typename?: 'UserConversation';
  /** The conversation's JSON attributes (parsed from Twilio's JSON string). */
  attributes: Maybe<Scalars['JSON']['output']>;
  /** The Conversations service of the conversation. */
  chatServiceSid: Maybe<Scalars['ChatServiceSid']['output']>;
  /** The conversation itself (fetched only when asked for, once per conversation per request). */
  conversation: Maybe<Conversation>;
  /** The conversation (`CH…`). Twilio's `conversation_sid`. */
  conversationSid: Scalars['ConversationSid']['output'];
  /** Identity of whoever created the conversation. */
  createdBy: Maybe<Scalars['String']['output']>;
  /** When the conversation was created. */
  dateCreated: Maybe<Scalars['DateTime']['output']>;
  /** When the conversation last changed. */
  dateUpdated: Maybe<Scalars['DateTime']['output']>;
  /** The conversation's display name. */
  friendlyName: Maybe<Scalars['String']['output']>;
  /** Index of the last message the user has read; null when they have read none. */
  lastReadMessageIndex: Maybe<Scalars['Int']['output']>;
  /** Whether the user gets push notifications for this conversation. */
  notificationLevel: Maybe<NotificationLevel>;
  /** The user's participant in the conversation (`MB…`). */
  participantSid: Maybe<Scalars['ParticipantSid']['output']>;
  /** Where the conversation is in its life. Twilio's `conversation_state`. */
  state: Maybe<ConversationState>;
  /** The conversation's unique name, when the application gave it one. */
  uniqueName: Maybe<Scalars['String']['output']>;
  /** Messages after the user's read horizon; null while they have none (they never marked one read). */
  unreadMessagesCount: Maybe<Scalars['Int']['output']>;
  /** The user-conversation resource URL. */
  url: Maybe<Scalars['String']['output']>;
  /** The user (`US…`). */
  userSid: Maybe<Scalars['UserSid']['output']>;
};

/** A page of a user's conversations. */
export type UserConversationConnection = {
  __typename?: 'UserConversationConnection';
  /** The conversations of this page, each with its cursor. */
  edges: Array<UserConversationEdge>;
  /** The conversations of this page. */
  nodes: Array<UserConversation>;
  /** Where this page sits. */
  pageInfo: PageInfo;
};

/** A user's conversation in a page, with its cursor. */
export type UserConversationEdge = {
  __typename?: 'UserConversationEdge';
  /** Pass as `after` to read the conversations after this one. */
  cursor: Scalars['String']['output'];
  /** The user's conversation. */
  node: UserConversation;
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
  /** The job is not in a state that allows it (cancel a finished job, resume one that is not INTERRUPTED). */
  | 'RECONCILIATION_NOT_ALLOWED'
  /** The tenant already has a running reconciliation: the message names it. */
  | 'RECONCILIATION_RUNNING'
  /** Twilio rejected the change; the message is Twilio's. */
  | 'REJECTED_BY_TWILIO'
  /** A required value is missing or empty. */
  | 'REQUIRED';

/**
 * A TaskRouter worker: what routes tasks to an agent. Flex creates one for every user it provisions
 * (named after the username) and deletes it when the user is deprovisioned
 * (`/v1/Workspaces/{WorkspaceSid}/Workers/{Sid}`).
 */
export type Worker = Node & {
  __typename?: 'Worker';
  /** The Twilio account that owns the worker. */
  accountSid: Maybe<Scalars['AccountSid']['output']>;
  /** The name of the worker's current activity, e.g. `Available` or `Offline`. Twilio's `activity_name`. */
  activityName: Maybe<Scalars['String']['output']>;
  /** The worker's current activity. Twilio's `activity_sid`. */
  activitySid: Maybe<Scalars['ActivitySid']['output']>;
  /**
   * The worker's routing attributes (Twilio stores them as a JSON string; parsed here). Twilio sends
   * them only when the worker is fetched on its own, so asking for them on a worker from a list costs
   * a fetch of that worker.
   */
  attributes: Maybe<Scalars['JSON']['output']>;
  /** Whether the worker's activity lets TaskRouter offer it tasks. */
  available: Maybe<Scalars['Boolean']['output']>;
  /** When the worker was created. */
  dateCreated: Maybe<Scalars['DateTime']['output']>;
  /** When the worker last changed activity. Twilio's `date_status_changed`. */
  dateStatusChanged: Maybe<Scalars['DateTime']['output']>;
  /** When the worker last changed. */
  dateUpdated: Maybe<Scalars['DateTime']['output']>;
  /**
   * The Flex user this worker belongs to: the one whose username is the worker's friendly name and
   * whose `workerSid` is this worker. Null for a worker made through TaskRouter directly, or one no
   * active Flex user links.
   */
  flexUser: Maybe<FlexUser>;
  /**
   * The worker's name, unique in its workspace and compared case-insensitively by TaskRouter. For a
   * worker Flex provisioned it is the Flex username. Twilio's `friendly_name`.
   */
  friendlyName: Maybe<Scalars['String']['output']>;
  /** Opaque global id. */
  id: Scalars['ID']['output'];
  /** Twilio's `sid` (`WK…`). */
  sid: Scalars['WorkerSid']['output'];
  /** The resource URL. */
  url: Maybe<Scalars['String']['output']>;
  /** The person whose identity is the worker's friendly name; null when the worker has no name. */
  user: Maybe<User>;
  /** The TaskRouter workspace the worker belongs to. */
  workspaceSid: Scalars['WorkspaceSid']['output'];
};

/** A page of TaskRouter workers. */
export type WorkerConnection = {
  __typename?: 'WorkerConnection';
  /** The workers of this page, each with its cursor. */
  edges: Array<WorkerEdge>;
  /** The workers of this page. */
  nodes: Array<Worker>;
  /** Where this page sits. */
  pageInfo: PageInfo;
};

/** A worker in a page, with its cursor. */
export type WorkerEdge = {
  __typename?: 'WorkerEdge';
  /** Pass as `after` to read the workers after this one. */
  cursor: Scalars['String']['output'];
  /** The worker. */
  node: Worker;
};

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
    | ( ConversationModel )
    | ( ConversationsUserRecord )
    | ( FlexUserRecord )
    | ( ReconciliationJobModel )
    | ( Person )
    | ( WorkerRecord )
  ;
}>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AccountSid: ResolverTypeWrapper<Scalars['AccountSid']['output']>;
  ActivitySid: ResolverTypeWrapper<Scalars['ActivitySid']['output']>;
  BulkItemError: ResolverTypeWrapper<BulkItemError>;
  BulkItemOutcome: BulkItemOutcome;
  CacheControlScope: CacheControlScope;
  CancelReconciliationPayload: ResolverTypeWrapper<Omit<CancelReconciliationPayload, 'job'> & { job?: Maybe<ResolversTypes['ReconciliationJob']> }>;
  ChatBindingType: ChatBindingType;
  ChatChannelMemberStatus: ChatChannelMemberStatus;
  ChatChannelSid: ResolverTypeWrapper<Scalars['ChatChannelSid']['output']>;
  ChatNotificationLevel: ChatNotificationLevel;
  ChatServiceSid: ResolverTypeWrapper<Scalars['ChatServiceSid']['output']>;
  ChatUser: ResolverTypeWrapper<ChatUserRecord>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  ChatUserBinding: ResolverTypeWrapper<UserBindingRecord>;
  ChatUserBindingConnection: ResolverTypeWrapper<Omit<ChatUserBindingConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['ChatUserBindingEdge']>, nodes: Array<ResolversTypes['ChatUserBinding']> }>;
  ChatUserBindingEdge: ResolverTypeWrapper<Omit<ChatUserBindingEdge, 'node'> & { node: ResolversTypes['ChatUserBinding'] }>;
  ChatUserChannel: ResolverTypeWrapper<UserChannelRecord>;
  ChatUserChannelConnection: ResolverTypeWrapper<Omit<ChatUserChannelConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['ChatUserChannelEdge']>, nodes: Array<ResolversTypes['ChatUserChannel']> }>;
  ChatUserChannelEdge: ResolverTypeWrapper<Omit<ChatUserChannelEdge, 'node'> & { node: ResolversTypes['ChatUserChannel'] }>;
  ChatUserConnection: ResolverTypeWrapper<Omit<ChatUserConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['ChatUserEdge']>, nodes: Array<ResolversTypes['ChatUser']> }>;
  ChatUserEdge: ResolverTypeWrapper<Omit<ChatUserEdge, 'node'> & { node: ResolversTypes['ChatUser'] }>;
  Conversation: ResolverTypeWrapper<ConversationModel>;
  ConversationSid: ResolverTypeWrapper<Scalars['ConversationSid']['output']>;
  ConversationState: ConversationState;
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
  FlexUserBulkResult: ResolverTypeWrapper<Omit<FlexUserBulkResult, 'flexUser'> & { flexUser?: Maybe<ResolversTypes['FlexUser']> }>;
  FlexUserConnection: ResolverTypeWrapper<Omit<FlexUserConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['FlexUserEdge']>, nodes: Array<ResolversTypes['FlexUser']> }>;
  FlexUserEdge: ResolverTypeWrapper<Omit<FlexUserEdge, 'node'> & { node: ResolversTypes['FlexUser'] }>;
  FlexUserRole: FlexUserRole;
  FlexUserSid: ResolverTypeWrapper<Scalars['FlexUserSid']['output']>;
  FlexUsersBulkPayload: ResolverTypeWrapper<Omit<FlexUsersBulkPayload, 'results'> & { results: Array<ResolversTypes['FlexUserBulkResult']> }>;
  IdentityForm: IdentityForm;
  IdentityProduct: IdentityProduct;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  MatchedIdentity: ResolverTypeWrapper<MatchedIdentity>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Node: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Node']>;
  NotificationLevel: NotificationLevel;
  OffboardChatUsers: OffboardChatUsers;
  OffboardConversationsUser: OffboardConversationsUser;
  OffboardPersonInput: OffboardPersonInput;
  OffboardPersonPayload: ResolverTypeWrapper<OffboardPersonPayload>;
  OffboardingAction: OffboardingAction;
  OffboardingOutcome: OffboardingOutcome;
  OffboardingStep: ResolverTypeWrapper<OffboardingStep>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  ParticipantSid: ResolverTypeWrapper<Scalars['ParticipantSid']['output']>;
  PeopleFilter: PeopleFilter;
  PeopleSearchConnection: ResolverTypeWrapper<Omit<PeopleSearchConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['PeopleSearchEdge']>, nodes: Array<ResolversTypes['User']> }>;
  PeopleSearchEdge: ResolverTypeWrapper<Omit<PeopleSearchEdge, 'node'> & { node: ResolversTypes['User'] }>;
  PersonSid: ResolverTypeWrapper<Scalars['PersonSid']['output']>;
  ProvisionFlexUserInput: ProvisionFlexUserInput;
  ProvisionFlexUserPayload: ResolverTypeWrapper<Omit<ProvisionFlexUserPayload, 'flexUser' | 'user'> & { flexUser?: Maybe<ResolversTypes['FlexUser']>, user?: Maybe<ResolversTypes['User']> }>;
  ProvisionFlexUsersInput: ProvisionFlexUsersInput;
  ProvisionFlexUsersItem: ProvisionFlexUsersItem;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ReconciliationError: ResolverTypeWrapper<ReconciliationError>;
  ReconciliationExportPaths: ResolverTypeWrapper<ReconciliationExportPaths>;
  ReconciliationFinding: ResolverTypeWrapper<ReconciliationFinding>;
  ReconciliationFindingConnection: ResolverTypeWrapper<ReconciliationFindingConnection>;
  ReconciliationFindingEdge: ResolverTypeWrapper<ReconciliationFindingEdge>;
  ReconciliationFindingKind: ReconciliationFindingKind;
  ReconciliationJob: ResolverTypeWrapper<ReconciliationJobModel>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ReconciliationJobConnection: ResolverTypeWrapper<Omit<ReconciliationJobConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['ReconciliationJobEdge']>, nodes: Array<ResolversTypes['ReconciliationJob']> }>;
  ReconciliationJobEdge: ResolverTypeWrapper<Omit<ReconciliationJobEdge, 'node'> & { node: ResolversTypes['ReconciliationJob'] }>;
  ReconciliationKindCount: ResolverTypeWrapper<ReconciliationKindCount>;
  ReconciliationPhase: ReconciliationPhase;
  ReconciliationProgress: ResolverTypeWrapper<ReconciliationProgress>;
  ReconciliationStatus: ReconciliationStatus;
  ResumeReconciliationPayload: ResolverTypeWrapper<Omit<ResumeReconciliationPayload, 'job'> & { job?: Maybe<ResolversTypes['ReconciliationJob']> }>;
  RoleSid: ResolverTypeWrapper<Scalars['RoleSid']['output']>;
  StartReconciliationInput: StartReconciliationInput;
  StartReconciliationPayload: ResolverTypeWrapper<Omit<StartReconciliationPayload, 'job'> & { job?: Maybe<ResolversTypes['ReconciliationJob']> }>;
  UpdateChatUserInput: UpdateChatUserInput;
  UpdateChatUserPayload: ResolverTypeWrapper<Omit<UpdateChatUserPayload, 'chatUser'> & { chatUser?: Maybe<ResolversTypes['ChatUser']> }>;
  UpdateConversationsUserInput: UpdateConversationsUserInput;
  UpdateConversationsUserPayload: ResolverTypeWrapper<Omit<UpdateConversationsUserPayload, 'conversationsUser'> & { conversationsUser?: Maybe<ResolversTypes['ConversationsUser']> }>;
  UpdateFlexUserInput: UpdateFlexUserInput;
  UpdateFlexUserPayload: ResolverTypeWrapper<Omit<UpdateFlexUserPayload, 'flexUser'> & { flexUser?: Maybe<ResolversTypes['FlexUser']> }>;
  UpdateFlexUsersInput: UpdateFlexUsersInput;
  UpdateFlexUsersItem: UpdateFlexUsersItem;
  User: ResolverTypeWrapper<Person>;
  UserConversation: ResolverTypeWrapper<UserConversationModel>;
  UserConversationConnection: ResolverTypeWrapper<Omit<UserConversationConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['UserConversationEdge']>, nodes: Array<ResolversTypes['UserConversation']> }>;
  UserConversationEdge: ResolverTypeWrapper<Omit<UserConversationEdge, 'node'> & { node: ResolversTypes['UserConversation'] }>;
  UserError: ResolverTypeWrapper<UserError>;
  UserErrorCode: UserErrorCode;
  UserSid: ResolverTypeWrapper<Scalars['UserSid']['output']>;
  Worker: ResolverTypeWrapper<WorkerRecord>;
  WorkerConnection: ResolverTypeWrapper<Omit<WorkerConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['WorkerEdge']>, nodes: Array<ResolversTypes['Worker']> }>;
  WorkerEdge: ResolverTypeWrapper<Omit<WorkerEdge, 'node'> & { node: ResolversTypes['Worker'] }>;
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
  ActivitySid: Scalars['ActivitySid']['output'];
  BulkItemError: BulkItemError;
  CancelReconciliationPayload: Omit<CancelReconciliationPayload, 'job'> & { job?: Maybe<ResolversParentTypes['ReconciliationJob']> };
  ChatChannelSid: Scalars['ChatChannelSid']['output'];
  ChatServiceSid: Scalars['ChatServiceSid']['output'];
  ChatUser: ChatUserRecord;
  ID: Scalars['ID']['output'];
  ChatUserBinding: UserBindingRecord;
  ChatUserBindingConnection: Omit<ChatUserBindingConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['ChatUserBindingEdge']>, nodes: Array<ResolversParentTypes['ChatUserBinding']> };
  ChatUserBindingEdge: Omit<ChatUserBindingEdge, 'node'> & { node: ResolversParentTypes['ChatUserBinding'] };
  ChatUserChannel: UserChannelRecord;
  ChatUserChannelConnection: Omit<ChatUserChannelConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['ChatUserChannelEdge']>, nodes: Array<ResolversParentTypes['ChatUserChannel']> };
  ChatUserChannelEdge: Omit<ChatUserChannelEdge, 'node'> & { node: ResolversParentTypes['ChatUserChannel'] };
  ChatUserConnection: Omit<ChatUserConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['ChatUserEdge']>, nodes: Array<ResolversParentTypes['ChatUser']> };
  ChatUserEdge: Omit<ChatUserEdge, 'node'> & { node: ResolversParentTypes['ChatUser'] };
  Conversation: ConversationModel;
  ConversationSid: Scalars['ConversationSid']['output'];
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
  FlexUserBulkResult: Omit<FlexUserBulkResult, 'flexUser'> & { flexUser?: Maybe<ResolversParentTypes['FlexUser']> };
  FlexUserConnection: Omit<FlexUserConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['FlexUserEdge']>, nodes: Array<ResolversParentTypes['FlexUser']> };
  FlexUserEdge: Omit<FlexUserEdge, 'node'> & { node: ResolversParentTypes['FlexUser'] };
  FlexUserSid: Scalars['FlexUserSid']['output'];
  FlexUsersBulkPayload: Omit<FlexUsersBulkPayload, 'results'> & { results: Array<ResolversParentTypes['FlexUserBulkResult']> };
  JSON: Scalars['JSON']['output'];
  MatchedIdentity: MatchedIdentity;
  Mutation: Record<PropertyKey, never>;
  Node: ResolversInterfaceTypes<ResolversParentTypes>['Node'];
  OffboardPersonInput: OffboardPersonInput;
  OffboardPersonPayload: OffboardPersonPayload;
  OffboardingStep: OffboardingStep;
  PageInfo: PageInfo;
  ParticipantSid: Scalars['ParticipantSid']['output'];
  PeopleFilter: PeopleFilter;
  PeopleSearchConnection: Omit<PeopleSearchConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['PeopleSearchEdge']>, nodes: Array<ResolversParentTypes['User']> };
  PeopleSearchEdge: Omit<PeopleSearchEdge, 'node'> & { node: ResolversParentTypes['User'] };
  PersonSid: Scalars['PersonSid']['output'];
  ProvisionFlexUserInput: ProvisionFlexUserInput;
  ProvisionFlexUserPayload: Omit<ProvisionFlexUserPayload, 'flexUser' | 'user'> & { flexUser?: Maybe<ResolversParentTypes['FlexUser']>, user?: Maybe<ResolversParentTypes['User']> };
  ProvisionFlexUsersInput: ProvisionFlexUsersInput;
  ProvisionFlexUsersItem: ProvisionFlexUsersItem;
  Query: Record<PropertyKey, never>;
  ReconciliationError: ReconciliationError;
  ReconciliationExportPaths: ReconciliationExportPaths;
  ReconciliationFinding: ReconciliationFinding;
  ReconciliationFindingConnection: ReconciliationFindingConnection;
  ReconciliationFindingEdge: ReconciliationFindingEdge;
  ReconciliationJob: ReconciliationJobModel;
  Float: Scalars['Float']['output'];
  ReconciliationJobConnection: Omit<ReconciliationJobConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['ReconciliationJobEdge']>, nodes: Array<ResolversParentTypes['ReconciliationJob']> };
  ReconciliationJobEdge: Omit<ReconciliationJobEdge, 'node'> & { node: ResolversParentTypes['ReconciliationJob'] };
  ReconciliationKindCount: ReconciliationKindCount;
  ReconciliationProgress: ReconciliationProgress;
  ResumeReconciliationPayload: Omit<ResumeReconciliationPayload, 'job'> & { job?: Maybe<ResolversParentTypes['ReconciliationJob']> };
  RoleSid: Scalars['RoleSid']['output'];
  StartReconciliationInput: StartReconciliationInput;
  StartReconciliationPayload: Omit<StartReconciliationPayload, 'job'> & { job?: Maybe<ResolversParentTypes['ReconciliationJob']> };
  UpdateChatUserInput: UpdateChatUserInput;
  UpdateChatUserPayload: Omit<UpdateChatUserPayload, 'chatUser'> & { chatUser?: Maybe<ResolversParentTypes['ChatUser']> };
  UpdateConversationsUserInput: UpdateConversationsUserInput;
  UpdateConversationsUserPayload: Omit<UpdateConversationsUserPayload, 'conversationsUser'> & { conversationsUser?: Maybe<ResolversParentTypes['ConversationsUser']> };
  UpdateFlexUserInput: UpdateFlexUserInput;
  UpdateFlexUserPayload: Omit<UpdateFlexUserPayload, 'flexUser'> & { flexUser?: Maybe<ResolversParentTypes['FlexUser']> };
  UpdateFlexUsersInput: UpdateFlexUsersInput;
  UpdateFlexUsersItem: UpdateFlexUsersItem;
  User: Person;
  UserConversation: UserConversationModel;
  UserConversationConnection: Omit<UserConversationConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['UserConversationEdge']>, nodes: Array<ResolversParentTypes['UserConversation']> };
  UserConversationEdge: Omit<UserConversationEdge, 'node'> & { node: ResolversParentTypes['UserConversation'] };
  UserError: UserError;
  UserSid: Scalars['UserSid']['output'];
  Worker: WorkerRecord;
  WorkerConnection: Omit<WorkerConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['WorkerEdge']>, nodes: Array<ResolversParentTypes['Worker']> };
  WorkerEdge: Omit<WorkerEdge, 'node'> & { node: ResolversParentTypes['Worker'] };
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

export interface ActivitySidScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['ActivitySid'], any> {
  name: 'ActivitySid';
}

export type BulkItemErrorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['BulkItemError'] = ResolversParentTypes['BulkItemError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  twilioCode?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type CancelReconciliationPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CancelReconciliationPayload'] = ResolversParentTypes['CancelReconciliationPayload']> = ResolversObject<{
  job?: Resolver<Maybe<ResolversTypes['ReconciliationJob']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export interface ChatChannelSidScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['ChatChannelSid'], any> {
  name: 'ChatChannelSid';
}

export interface ChatServiceSidScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['ChatServiceSid'], any> {
  name: 'ChatServiceSid';
}

export type ChatUserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ChatUser'] = ResolversParentTypes['ChatUser'], FederationReferenceType extends FederationReferenceTypes['ChatUser'] = FederationReferenceTypes['ChatUser']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ChatUser']> | FederationReferenceType, FederationReferenceType, ContextType>;
  accountSid?: Resolver<Maybe<ResolversTypes['AccountSid']>, ParentType, ContextType>;
  attributes?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  bindings?: Resolver<Maybe<ResolversTypes['ChatUserBindingConnection']>, ParentType, ContextType, RequireFields<ChatUserBindingsArgs, 'first'>>;
  channels?: Resolver<Maybe<ResolversTypes['ChatUserChannelConnection']>, ParentType, ContextType, RequireFields<ChatUserChannelsArgs, 'first'>>;
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

export type ChatUserBindingResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ChatUserBinding'] = ResolversParentTypes['ChatUserBinding']> = ResolversObject<{
  bindingType?: Resolver<Maybe<ResolversTypes['ChatBindingType']>, ParentType, ContextType>;
  credentialSid?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dateCreated?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  dateUpdated?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  endpoint?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  identity?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  messageTypes?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  sid?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  twilioBindingType?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  url?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ChatUserBindingConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ChatUserBindingConnection'] = ResolversParentTypes['ChatUserBindingConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ChatUserBindingEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['ChatUserBinding']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type ChatUserBindingEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ChatUserBindingEdge'] = ResolversParentTypes['ChatUserBindingEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ChatUserBinding'], ParentType, ContextType>;
}>;

export type ChatUserChannelResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ChatUserChannel'] = ResolversParentTypes['ChatUserChannel']> = ResolversObject<{
  channelSid?: Resolver<Maybe<ResolversTypes['ChatChannelSid']>, ParentType, ContextType>;
  channelUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastConsumedMessageIndex?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  memberSid?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  memberUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  notificationLevel?: Resolver<Maybe<ResolversTypes['ChatNotificationLevel']>, ParentType, ContextType>;
  serviceSid?: Resolver<Maybe<ResolversTypes['ChatServiceSid']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['ChatChannelMemberStatus']>, ParentType, ContextType>;
  twilioStatus?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  unreadMessagesCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  url?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  userSid?: Resolver<Maybe<ResolversTypes['UserSid']>, ParentType, ContextType>;
}>;

export type ChatUserChannelConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ChatUserChannelConnection'] = ResolversParentTypes['ChatUserChannelConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ChatUserChannelEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['ChatUserChannel']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type ChatUserChannelEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ChatUserChannelEdge'] = ResolversParentTypes['ChatUserChannelEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ChatUserChannel'], ParentType, ContextType>;
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

export type ConversationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Conversation'] = ResolversParentTypes['Conversation']> = ResolversObject<{
  accountSid?: Resolver<Maybe<ResolversTypes['AccountSid']>, ParentType, ContextType>;
  attributes?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  chatServiceSid?: Resolver<Maybe<ResolversTypes['ChatServiceSid']>, ParentType, ContextType>;
  dateCreated?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  dateUpdated?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  friendlyName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  messagingServiceSid?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sid?: Resolver<ResolversTypes['ConversationSid'], ParentType, ContextType>;
  state?: Resolver<Maybe<ResolversTypes['ConversationState']>, ParentType, ContextType>;
  uniqueName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  url?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export interface ConversationSidScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['ConversationSid'], any> {
  name: 'ConversationSid';
}

export type ConversationsUserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ConversationsUser'] = ResolversParentTypes['ConversationsUser'], FederationReferenceType extends FederationReferenceTypes['ConversationsUser'] = FederationReferenceTypes['ConversationsUser']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ConversationsUser']> | FederationReferenceType, FederationReferenceType, ContextType>;
  accountSid?: Resolver<Maybe<ResolversTypes['AccountSid']>, ParentType, ContextType>;
  attributes?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  chatServiceSid?: Resolver<Maybe<ResolversTypes['ChatServiceSid']>, ParentType, ContextType>;
  chatUser?: Resolver<Maybe<ResolversTypes['ChatUser']>, ParentType, ContextType>;
  chatUsers?: Resolver<Maybe<Array<ResolversTypes['ChatUser']>>, ParentType, ContextType>;
  conversations?: Resolver<Maybe<ResolversTypes['UserConversationConnection']>, ParentType, ContextType, RequireFields<ConversationsUserConversationsArgs, 'first'>>;
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
  worker?: Resolver<Maybe<ResolversTypes['Worker']>, ParentType, ContextType>;
  workerSid?: Resolver<Maybe<ResolversTypes['WorkerSid']>, ParentType, ContextType>;
  workspaceSid?: Resolver<Maybe<ResolversTypes['WorkspaceSid']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type FlexUserBulkResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FlexUserBulkResult'] = ResolversParentTypes['FlexUserBulkResult']> = ResolversObject<{
  error?: Resolver<Maybe<ResolversTypes['BulkItemError']>, ParentType, ContextType>;
  flexUser?: Resolver<Maybe<ResolversTypes['FlexUser']>, ParentType, ContextType>;
  index?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['BulkItemOutcome'], ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
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

export type FlexUsersBulkPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FlexUsersBulkPayload'] = ResolversParentTypes['FlexUsersBulkPayload']> = ResolversObject<{
  failed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  results?: Resolver<Array<ResolversTypes['FlexUserBulkResult']>, ParentType, ContextType>;
  succeeded?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type MatchedIdentityResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MatchedIdentity'] = ResolversParentTypes['MatchedIdentity']> = ResolversObject<{
  chatServiceSid?: Resolver<Maybe<ResolversTypes['ChatServiceSid']>, ParentType, ContextType>;
  form?: Resolver<ResolversTypes['IdentityForm'], ParentType, ContextType>;
  identity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  product?: Resolver<ResolversTypes['IdentityProduct'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  cancelReconciliation?: Resolver<ResolversTypes['CancelReconciliationPayload'], ParentType, ContextType, RequireFields<MutationCancelReconciliationArgs, 'id'>>;
  deprovisionFlexUser?: Resolver<Maybe<ResolversTypes['DeprovisionFlexUserPayload']>, ParentType, ContextType, RequireFields<MutationDeprovisionFlexUserArgs, 'input'>>;
  offboardPerson?: Resolver<Maybe<ResolversTypes['OffboardPersonPayload']>, ParentType, ContextType, RequireFields<MutationOffboardPersonArgs, 'input'>>;
  provisionFlexUser?: Resolver<Maybe<ResolversTypes['ProvisionFlexUserPayload']>, ParentType, ContextType, RequireFields<MutationProvisionFlexUserArgs, 'input'>>;
  provisionFlexUsers?: Resolver<Maybe<ResolversTypes['FlexUsersBulkPayload']>, ParentType, ContextType, RequireFields<MutationProvisionFlexUsersArgs, 'input'>>;
  resumeReconciliation?: Resolver<ResolversTypes['ResumeReconciliationPayload'], ParentType, ContextType, RequireFields<MutationResumeReconciliationArgs, 'id'>>;
  startReconciliation?: Resolver<ResolversTypes['StartReconciliationPayload'], ParentType, ContextType, Partial<MutationStartReconciliationArgs>>;
  updateChatUser?: Resolver<Maybe<ResolversTypes['UpdateChatUserPayload']>, ParentType, ContextType, RequireFields<MutationUpdateChatUserArgs, 'input'>>;
  updateConversationsUser?: Resolver<Maybe<ResolversTypes['UpdateConversationsUserPayload']>, ParentType, ContextType, RequireFields<MutationUpdateConversationsUserArgs, 'input'>>;
  updateFlexUser?: Resolver<Maybe<ResolversTypes['UpdateFlexUserPayload']>, ParentType, ContextType, RequireFields<MutationUpdateFlexUserArgs, 'input'>>;
  updateFlexUsers?: Resolver<Maybe<ResolversTypes['FlexUsersBulkPayload']>, ParentType, ContextType, RequireFields<MutationUpdateFlexUsersArgs, 'input'>>;
}>;

export type NodeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Node'] = ResolversParentTypes['Node']> = ResolversObject<{
  __resolveType: TypeResolveFn<'ChatUser' | 'Conversation' | 'ConversationsUser' | 'FlexUser' | 'ReconciliationJob' | 'User' | 'Worker', ParentType, ContextType>;
}>;

export type OffboardPersonPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OffboardPersonPayload'] = ResolversParentTypes['OffboardPersonPayload']> = ResolversObject<{
  channelsRemaining?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  completed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  steps?: Resolver<Array<ResolversTypes['OffboardingStep']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type OffboardingStepResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OffboardingStep'] = ResolversParentTypes['OffboardingStep']> = ResolversObject<{
  action?: Resolver<ResolversTypes['OffboardingAction'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['BulkItemError']>, ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['OffboardingOutcome'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  target?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export interface ParticipantSidScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['ParticipantSid'], any> {
  name: 'ParticipantSid';
}

export type PeopleSearchConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PeopleSearchConnection'] = ResolversParentTypes['PeopleSearchConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['PeopleSearchEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['User']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  scanLimitReached?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  scannedPages?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  scannedUsers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type PeopleSearchEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PeopleSearchEdge'] = ResolversParentTypes['PeopleSearchEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
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
  people?: Resolver<Maybe<ResolversTypes['PeopleSearchConnection']>, ParentType, ContextType, RequireFields<QueryPeopleArgs, 'filter' | 'first'>>;
  reconciliation?: Resolver<Maybe<ResolversTypes['ReconciliationJob']>, ParentType, ContextType, RequireFields<QueryReconciliationArgs, 'id'>>;
  reconciliations?: Resolver<Maybe<ResolversTypes['ReconciliationJobConnection']>, ParentType, ContextType, RequireFields<QueryReconciliationsArgs, 'first'>>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType, Partial<QueryUserArgs>>;
  users?: Resolver<Maybe<Array<Maybe<ResolversTypes['User']>>>, ParentType, ContextType, RequireFields<QueryUsersArgs, 'identities'>>;
  worker?: Resolver<Maybe<ResolversTypes['Worker']>, ParentType, ContextType, RequireFields<QueryWorkerArgs, 'sid'>>;
  workers?: Resolver<Maybe<ResolversTypes['WorkerConnection']>, ParentType, ContextType, RequireFields<QueryWorkersArgs, 'first'>>;
}>;

export type ReconciliationErrorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReconciliationError'] = ResolversParentTypes['ReconciliationError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  twilioCode?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type ReconciliationExportPathsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReconciliationExportPaths'] = ResolversParentTypes['ReconciliationExportPaths']> = ResolversObject<{
  csv?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ndjson?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ReconciliationFindingResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReconciliationFinding'] = ResolversParentTypes['ReconciliationFinding']> = ResolversObject<{
  flexUserSid?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  identity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ReconciliationFindingKind'], ParentType, ContextType>;
  otherName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  otherSid?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  serviceSid?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ReconciliationFindingConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReconciliationFindingConnection'] = ResolversParentTypes['ReconciliationFindingConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ReconciliationFindingEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['ReconciliationFinding']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type ReconciliationFindingEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReconciliationFindingEdge'] = ResolversParentTypes['ReconciliationFindingEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ReconciliationFinding'], ParentType, ContextType>;
}>;

export type ReconciliationJobResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReconciliationJob'] = ResolversParentTypes['ReconciliationJob']> = ResolversObject<{
  budgetShare?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  chatServiceSids?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['ReconciliationError']>, ParentType, ContextType>;
  exportPaths?: Resolver<ResolversTypes['ReconciliationExportPaths'], ParentType, ContextType>;
  findings?: Resolver<ResolversTypes['ReconciliationFindingConnection'], ParentType, ContextType, RequireFields<ReconciliationJobFindingsArgs, 'first'>>;
  findingsByKind?: Resolver<Array<ResolversTypes['ReconciliationKindCount']>, ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  progress?: Resolver<ResolversTypes['ReconciliationProgress'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ReconciliationStatus'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ReconciliationJobConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReconciliationJobConnection'] = ResolversParentTypes['ReconciliationJobConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ReconciliationJobEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['ReconciliationJob']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type ReconciliationJobEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReconciliationJobEdge'] = ResolversParentTypes['ReconciliationJobEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ReconciliationJob'], ParentType, ContextType>;
}>;

export type ReconciliationKindCountResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReconciliationKindCount'] = ResolversParentTypes['ReconciliationKindCount']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ReconciliationFindingKind'], ParentType, ContextType>;
}>;

export type ReconciliationProgressResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReconciliationProgress'] = ResolversParentTypes['ReconciliationProgress']> = ResolversObject<{
  estimatedRemainingPages?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  estimatedRemainingSeconds?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  findings?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  fractionDone?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  pagesRead?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  peopleScanned?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  phase?: Resolver<ResolversTypes['ReconciliationPhase'], ParentType, ContextType>;
}>;

export type ResumeReconciliationPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ResumeReconciliationPayload'] = ResolversParentTypes['ResumeReconciliationPayload']> = ResolversObject<{
  job?: Resolver<Maybe<ResolversTypes['ReconciliationJob']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export interface RoleSidScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['RoleSid'], any> {
  name: 'RoleSid';
}

export type StartReconciliationPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StartReconciliationPayload'] = ResolversParentTypes['StartReconciliationPayload']> = ResolversObject<{
  job?: Resolver<Maybe<ResolversTypes['ReconciliationJob']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

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
  conversations?: Resolver<Maybe<ResolversTypes['UserConversationConnection']>, ParentType, ContextType, RequireFields<UserConversationsArgs, 'first'>>;
  conversationsUser?: Resolver<Maybe<ResolversTypes['ConversationsUser']>, ParentType, ContextType>;
  conversationsUsers?: Resolver<Maybe<Array<ResolversTypes['ConversationsUser']>>, ParentType, ContextType>;
  flexUser?: Resolver<Maybe<ResolversTypes['FlexUser']>, ParentType, ContextType, Partial<UserFlexUserArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  identity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  matchedIdentities?: Resolver<Maybe<Array<ResolversTypes['MatchedIdentity']>>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type UserConversationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserConversation'] = ResolversParentTypes['UserConversation']> = ResolversObject<{
  attributes?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  chatServiceSid?: Resolver<Maybe<ResolversTypes['ChatServiceSid']>, ParentType, ContextType>;
  conversation?: Resolver<Maybe<ResolversTypes['Conversation']>, ParentType, ContextType>;
  conversationSid?: Resolver<ResolversTypes['ConversationSid'], ParentType, ContextType>;
  createdBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dateCreated?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  dateUpdated?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  friendlyName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastReadMessageIndex?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  notificationLevel?: Resolver<Maybe<ResolversTypes['NotificationLevel']>, ParentType, ContextType>;
  participantSid?: Resolver<Maybe<ResolversTypes['ParticipantSid']>, ParentType, ContextType>;
  state?: Resolver<Maybe<ResolversTypes['ConversationState']>, ParentType, ContextType>;
  uniqueName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  unreadMessagesCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  url?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  userSid?: Resolver<Maybe<ResolversTypes['UserSid']>, ParentType, ContextType>;
}>;

export type UserConversationConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserConversationConnection'] = ResolversParentTypes['UserConversationConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['UserConversationEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['UserConversation']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type UserConversationEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserConversationEdge'] = ResolversParentTypes['UserConversationEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['UserConversation'], ParentType, ContextType>;
}>;

export type UserErrorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['UserErrorCode'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export interface UserSidScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['UserSid'], any> {
  name: 'UserSid';
}

export type WorkerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Worker'] = ResolversParentTypes['Worker']> = ResolversObject<{
  accountSid?: Resolver<Maybe<ResolversTypes['AccountSid']>, ParentType, ContextType>;
  activityName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  activitySid?: Resolver<Maybe<ResolversTypes['ActivitySid']>, ParentType, ContextType>;
  attributes?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  available?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  dateCreated?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  dateStatusChanged?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  dateUpdated?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  flexUser?: Resolver<Maybe<ResolversTypes['FlexUser']>, ParentType, ContextType>;
  friendlyName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  sid?: Resolver<ResolversTypes['WorkerSid'], ParentType, ContextType>;
  url?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  workspaceSid?: Resolver<ResolversTypes['WorkspaceSid'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type WorkerConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WorkerConnection'] = ResolversParentTypes['WorkerConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['WorkerEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Worker']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type WorkerEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WorkerEdge'] = ResolversParentTypes['WorkerEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Worker'], ParentType, ContextType>;
}>;

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
  ActivitySid?: GraphQLScalarType;
  BulkItemError?: BulkItemErrorResolvers<ContextType>;
  CancelReconciliationPayload?: CancelReconciliationPayloadResolvers<ContextType>;
  ChatChannelSid?: GraphQLScalarType;
  ChatServiceSid?: GraphQLScalarType;
  ChatUser?: ChatUserResolvers<ContextType>;
  ChatUserBinding?: ChatUserBindingResolvers<ContextType>;
  ChatUserBindingConnection?: ChatUserBindingConnectionResolvers<ContextType>;
  ChatUserBindingEdge?: ChatUserBindingEdgeResolvers<ContextType>;
  ChatUserChannel?: ChatUserChannelResolvers<ContextType>;
  ChatUserChannelConnection?: ChatUserChannelConnectionResolvers<ContextType>;
  ChatUserChannelEdge?: ChatUserChannelEdgeResolvers<ContextType>;
  ChatUserConnection?: ChatUserConnectionResolvers<ContextType>;
  ChatUserEdge?: ChatUserEdgeResolvers<ContextType>;
  Conversation?: ConversationResolvers<ContextType>;
  ConversationSid?: GraphQLScalarType;
  ConversationsUser?: ConversationsUserResolvers<ContextType>;
  ConversationsUserConnection?: ConversationsUserConnectionResolvers<ContextType>;
  ConversationsUserEdge?: ConversationsUserEdgeResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DeprovisionFlexUserPayload?: DeprovisionFlexUserPayloadResolvers<ContextType>;
  FieldSet?: GraphQLScalarType;
  FlexInstanceSid?: GraphQLScalarType;
  FlexTeamSid?: GraphQLScalarType;
  FlexUser?: FlexUserResolvers<ContextType>;
  FlexUserBulkResult?: FlexUserBulkResultResolvers<ContextType>;
  FlexUserConnection?: FlexUserConnectionResolvers<ContextType>;
  FlexUserEdge?: FlexUserEdgeResolvers<ContextType>;
  FlexUserSid?: GraphQLScalarType;
  FlexUsersBulkPayload?: FlexUsersBulkPayloadResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  MatchedIdentity?: MatchedIdentityResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Node?: NodeResolvers<ContextType>;
  OffboardPersonPayload?: OffboardPersonPayloadResolvers<ContextType>;
  OffboardingStep?: OffboardingStepResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  ParticipantSid?: GraphQLScalarType;
  PeopleSearchConnection?: PeopleSearchConnectionResolvers<ContextType>;
  PeopleSearchEdge?: PeopleSearchEdgeResolvers<ContextType>;
  PersonSid?: GraphQLScalarType;
  ProvisionFlexUserPayload?: ProvisionFlexUserPayloadResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ReconciliationError?: ReconciliationErrorResolvers<ContextType>;
  ReconciliationExportPaths?: ReconciliationExportPathsResolvers<ContextType>;
  ReconciliationFinding?: ReconciliationFindingResolvers<ContextType>;
  ReconciliationFindingConnection?: ReconciliationFindingConnectionResolvers<ContextType>;
  ReconciliationFindingEdge?: ReconciliationFindingEdgeResolvers<ContextType>;
  ReconciliationJob?: ReconciliationJobResolvers<ContextType>;
  ReconciliationJobConnection?: ReconciliationJobConnectionResolvers<ContextType>;
  ReconciliationJobEdge?: ReconciliationJobEdgeResolvers<ContextType>;
  ReconciliationKindCount?: ReconciliationKindCountResolvers<ContextType>;
  ReconciliationProgress?: ReconciliationProgressResolvers<ContextType>;
  ResumeReconciliationPayload?: ResumeReconciliationPayloadResolvers<ContextType>;
  RoleSid?: GraphQLScalarType;
  StartReconciliationPayload?: StartReconciliationPayloadResolvers<ContextType>;
  UpdateChatUserPayload?: UpdateChatUserPayloadResolvers<ContextType>;
  UpdateConversationsUserPayload?: UpdateConversationsUserPayloadResolvers<ContextType>;
  UpdateFlexUserPayload?: UpdateFlexUserPayloadResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserConversation?: UserConversationResolvers<ContextType>;
  UserConversationConnection?: UserConversationConnectionResolvers<ContextType>;
  UserConversationEdge?: UserConversationEdgeResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
  UserSid?: GraphQLScalarType;
  Worker?: WorkerResolvers<ContextType>;
  WorkerConnection?: WorkerConnectionResolvers<ContextType>;
  WorkerEdge?: WorkerEdgeResolvers<ContextType>;
  WorkerSid?: GraphQLScalarType;
  WorkspaceSid?: GraphQLScalarType;
  link__Import?: GraphQLScalarType;
}>;

export type DirectiveResolvers<ContextType = Context> = ResolversObject<{
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
  link?: LinkDirectiveResolver<any, any, ContextType>;
  shareable?: ShareableDirectiveResolver<any, any, ContextType>;
}>;
