import type { components as ChatComponents } from '../generated/twilio/chat_v2.js';
import type { components as ConversationsComponents } from '../generated/twilio/conversations_v1.js';
import type { components as FlexComponents } from '../generated/twilio/flex_v2.js';
import type { components as TaskRouterComponents } from '../generated/twilio/taskrouter_v1.js';

/** Flex v2 fetch/update payload, as Twilio's spec defines it: has user_sid and url, no full_name. */
export type FlexUserV2Record = FlexComponents['schemas']['flex.v2.flex_user'];

/**
 * Flex v4 fetch payload and v1 list item, from the Flex Users API (public beta) page; no spec
 * exists for either. The v1 list item and the by-username item leave out some of these keys
 * (worker_sid, user_sid), which is why every key is optional here.
 */
export interface FlexUserV4Record {
  flex_user_sid: string;
  account_sid?: string | null;
  instance_sid?: string | null;
  flex_team_sid?: string | null;
  worker_sid?: string | null;
  workspace_sid?: string | null;
  user_sid?: string | null;
  username?: string | null;
  full_name?: string | null;
  email?: string | null;
  locale?: string | null;
  roles?: string[] | null;
  created_date?: string | null;
  updated_date?: string | null;
  version?: number;
  deactivated?: boolean;
  deactivated_date?: string | null;
}

/**
 * What the gateway holds for a Flex user: whichever version answered first. A key that is absent
 * (not null) was not in that version's payload and is loaded from the version that has it.
 */
export type FlexUserRecord = Partial<FlexUserV2Record> &
  Omit<FlexUserV4Record, 'flex_user_sid'> & { flex_user_sid: string; instance_sid: string };

/** The v4 Provision answer nests the worker link instead of flat worker_sid/workspace_sid. */
export interface ProvisionedFlexUserRecord extends Omit<
  FlexUserV4Record,
  'worker_sid' | 'workspace_sid'
> {
  worker?: { worker_sid?: string | null; workspace_sid?: string | null } | null;
}

export type ConversationsUserRecord =
  ConversationsComponents['schemas']['conversations.v1.user'] & {
    sid: string;
    identity: string;
  };

export type ChatUserRecord = ChatComponents['schemas']['chat.v2.service.user'] & {
  sid: string;
  identity: string;
  service_sid: string;
};

/** A conversation a user takes part in (`ListUserConversation`; the service form is the same). */
export type UserConversationRecord =
  ConversationsComponents['schemas']['conversations.v1.user.user_conversation'] & {
    conversation_sid: string;
  };

/** A conversation (`FetchConversation`; the service form is the same). */
export type ConversationRecord =
  ConversationsComponents['schemas']['conversations.v1.conversation'] & {
    sid: string;
  };

/** Twilio's standard list meta (Conversations, Chat, Flex v1 list). */
/**
 * A TaskRouter worker. `attributes` is absent (not null) when the record came from a list read,
 * which Twilio answers with null "even if it has a value": a query asking for it fetches the worker.
 */
export type WorkerRecord = Omit<
  TaskRouterComponents['schemas']['taskrouter.v1.workspace.worker'],
  'attributes'
> & {
  sid: string;
  workspace_sid: string;
  attributes?: string | null;
};

/** One of a Chat user's channels: their membership (or invitation) in it. */
export type UserChannelRecord = ChatComponents['schemas']['chat.v2.service.user.user_channel'];

/** A push binding of a Chat user: a device registered for push notifications. */
export type UserBindingRecord = ChatComponents['schemas']['chat.v2.service.user.user_binding'];

/** Twilio's standard list meta (Conversations, Chat, Flex v1 list, TaskRouter). */
export interface TwilioPageMeta {
  page: number;
  page_size: number;
  first_page_url: string;
  previous_page_url: string | null;
  url: string;
  next_page_url: string | null;
  key: string;
}

export type TwilioPage<K extends string, T> = { meta: TwilioPageMeta } & Record<K, T[]>;

/** Flex v4 by-username answer: token meta, not the standard meta. */
export interface FlexUserByUsernamePage {
  account_sid?: string;
  instance_sid?: string;
  users: FlexUserV4Record[];
  meta: {
    direct_token?: boolean;
    list_key?: string;
    next_token: string | null;
    page_size?: number;
    previous_token: string | null;
  };
}

/** Where one page of a list starts: Twilio's PageToken (null for the first page) and size. */
export interface PageRequest {
  pageSize: number;
  pageToken: string | null;
}

/** One page as the resolvers see it: the items and the token of the next page, if any. */
export interface Page<T> {
  items: T[];
  nextPageToken: string | null;
}

/**
 * The keys of Flex's `GET /v1/Configuration` (twilio_flex_v1.json, flex.v1.configuration) the
 * gateway reads: where the account's Flex instance, chat service and TaskRouter workspace are.
 */
export interface FlexConfigurationRecord {
  account_sid?: string | null;
  flex_instance_sid?: string | null;
  chat_service_instance_sid?: string | null;
  taskrouter_workspace_sid?: string | null;
}
