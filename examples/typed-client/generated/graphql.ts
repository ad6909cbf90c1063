/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
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

/** Input of `deprovisionFlexUser`. */
export type DeprovisionFlexUserInput = {
  /** Defaults to the configured Flex instance. */
  instanceSid?: InputMaybe<Scalars['FlexInstanceSid']['input']>;
  /** The Flex user to deprovision. */
  sid: Scalars['FlexUserSid']['input'];
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

/** Input of `startReconciliation`; every field is optional. */
export type StartReconciliationInput = {
  /** Share of the account's Twilio throughput, above 0 and at most RECONCILE_MAX_BUDGET_SHARE; default RECONCILE_BUDGET_SHARE. */
  budgetShare?: InputMaybe<Scalars['Float']['input']>;
  /** Chat services whose users to scan; default: the tenant's chat services minus the Conversations default service. */
  chatServiceSids?: InputMaybe<Array<Scalars['String']['input']>>;
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

export type PersonProfileQueryVariables = Exact<{
  identity: Scalars['String']['input'];
}>;


export type PersonProfileQuery = { user: { id: string, identity: string, flexUser: { sid: string, username: string | null, fullName: string | null, email: string | null, roles: Array<FlexUserRole> | null, deactivated: boolean | null } | null, conversationsUser: { sid: string, identity: string, friendlyName: string | null, attributes: unknown | null } | null, chatUsers: Array<{ sid: string, serviceSid: string, identity: string, joinedChannelsCount: number | null }> | null } | null };

export type RosterPageQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type RosterPageQuery = { flexUsers: { edges: Array<{ cursor: string, node: { sid: string, username: string | null, fullName: string | null, roles: Array<FlexUserRole> | null, deactivated: boolean | null, conversationsUser: { sid: string, friendlyName: string | null } | null, chatUsers: Array<{ sid: string, serviceSid: string, joinedChannelsCount: number | null }> | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null };

export type ProvisionAgentMutationVariables = Exact<{
  input: ProvisionFlexUserInput;
}>;


export type ProvisionAgentMutation = { provisionFlexUser: { userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }>, flexUser: { sid: string, username: string | null, email: string | null, roles: Array<FlexUserRole> | null } | null } | null };


export const PersonProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PersonProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"identity"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"identity"},"value":{"kind":"Variable","name":{"kind":"Name","value":"identity"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"identity"}},{"kind":"Field","name":{"kind":"Name","value":"flexUser"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sid"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"deactivated"}}]}},{"kind":"Field","name":{"kind":"Name","value":"conversationsUser"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sid"}},{"kind":"Field","name":{"kind":"Name","value":"identity"}},{"kind":"Field","name":{"kind":"Name","value":"friendlyName"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"chatUsers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sid"}},{"kind":"Field","name":{"kind":"Name","value":"serviceSid"}},{"kind":"Field","name":{"kind":"Name","value":"identity"}},{"kind":"Field","name":{"kind":"Name","value":"joinedChannelsCount"}}]}}]}}]}}]} as unknown as DocumentNode<PersonProfileQuery, PersonProfileQueryVariables>;
export const RosterPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RosterPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flexUsers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sid"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"deactivated"}},{"kind":"Field","name":{"kind":"Name","value":"conversationsUser"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sid"}},{"kind":"Field","name":{"kind":"Name","value":"friendlyName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"chatUsers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sid"}},{"kind":"Field","name":{"kind":"Name","value":"serviceSid"}},{"kind":"Field","name":{"kind":"Name","value":"joinedChannelsCount"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<RosterPageQuery, RosterPageQueryVariables>;
export const ProvisionAgentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProvisionAgent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ProvisionFlexUserInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provisionFlexUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"flexUser"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sid"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}}]}}]}}]}}]} as unknown as DocumentNode<ProvisionAgentMutation, ProvisionAgentMutationVariables>;