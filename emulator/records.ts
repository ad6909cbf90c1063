/** A Conversations user of a chat service; for Programmable Chat the same record is the Chat user. */
export interface ChatUserRecord {
  /** Creation order, the key of list pages. */
  seq: number;
  sid: string;
  accountSid: string;
  serviceSid: string;
  roleSid: string | null;
  identity: string;
  friendlyName: string | null;
  /** A JSON object as a string, as Twilio stores and returns it. */
  attributes: string;
  /** Only shown on fetch when the service has reachability enabled. */
  isOnline: boolean | null;
  isNotifiable: boolean | null;
  joinedChannelsCount: number;
  dateCreated: string;
  dateUpdated: string;
}

export interface ChatServiceRecord {
  seq: number;
  sid: string;
  accountSid: string;
  friendlyName: string;
  reachabilityEnabled: boolean;
  readStatusEnabled: boolean;
  defaultServiceRoleSid: string;
  defaultChannelRoleSid: string;
  defaultChannelCreatorRoleSid: string;
  /** The service-level role given to admins in the seed. */
  adminRoleSid: string;
  dateCreated: string;
  dateUpdated: string;
}

export interface FlexUserRecord {
  seq: number;
  flexUserSid: string;
  accountSid: string;
  instanceSid: string;
  /** The Conversations user (default chat service); may dangle when that user was deleted. */
  userSid: string | null;
  workerSid: string | null;
  workspaceSid: string;
  flexTeamSid: string;
  username: string;
  fullName: string;
  email: string;
  locale: string | null;
  roles: string[];
  /** TaskRouter routing attributes given at provisioning; kept, never returned by the Users API. */
  workerAttributes: Record<string, unknown>;
  createdDate: string;
  updatedDate: string;
  version: number;
  deactivated: boolean;
  deactivatedDate: string | null;
}

export interface AccountRecord {
  sid: string;
  friendlyName: string;
  authToken: string;
  apiKeySid: string;
  apiKeySecret: string;
  flexInstanceSid: string;
  workspaceSid: string;
  flexTeamSid: string;
  defaultChatServiceSid: string;
}
