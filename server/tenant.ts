import { GraphQLError } from 'graphql';
import type { Credentials } from '../datasources/index.js';
import type { Config } from './config.js';

/** Whose Twilio account a request acts as, and that account's defaults. */
export interface Tenant {
  /** AccountSid or API key SID: the tenant's identity for logs and per-tenant state. */
  id: string;
  credentials: Credentials;
  flexInstanceSid: string | null;
  chatServiceSids: string[];
}

const TWILIO_USERNAME = /^(AC|SK)[0-9a-fA-F]{32}$/;
const FLEX_INSTANCE = /^GO[0-9a-fA-F]{32}$/;
const CHAT_SERVICE = /^IS[0-9a-fA-F]{32}$/;

/** 401 before any resolver runs; the message never repeats what the client sent. */
export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });
}

function badRequest(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
}

type Headers = Record<string, string | string[] | undefined>;

const header = (headers: Headers, name: string) => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * The tenant of a request: Basic pass-through credentials when the request carries them (and
 * pass-through is on), else the gateway's configured account. Defaults (Flex instance, chat
 * services) are the configured ones for the configured account; another account brings its own in
 * the `X-Flex-Instance-Sid` and `X-Chat-Service-Sids` headers, or names them per operation.
 */
export function resolveTenant(headers: Headers, config: Config): Tenant {
  const flexInstanceSid = flexInstanceHeader(headers);
  const chatServiceSids = chatServicesHeader(headers);
  const authorization = header(headers, 'authorization');
  if (!authorization) {
    if (!config.credentials) throw unauthenticated('Send Twilio credentials: Authorization: Basic');
    return {
      id: config.accountSid ?? config.credentials.username,
      credentials: config.credentials,
      flexInstanceSid: flexInstanceSid ?? config.flexInstanceSid,
      chatServiceSids: chatServiceSids ?? config.chatServiceSids,
    };
  }
  if (!config.allowCredentialPassthrough) {
    throw unauthenticated('This gateway does not accept Twilio credentials from clients');
  }
  const credentials = parseBasic(authorization);
  const isConfiguredAccount =
    config.credentials !== null &&
    (credentials.username === config.accountSid || credentials.username === config.credentials.username);
  return {
    id: credentials.username,
    credentials,
    flexInstanceSid: flexInstanceSid ?? (isConfiguredAccount ? config.flexInstanceSid : null),
    chatServiceSids: chatServiceSids ?? (isConfiguredAccount ? config.chatServiceSids : []),
  };
}

function parseBasic(authorization: string): Credentials {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization);
  if (!match?.[1]) throw unauthenticated('Authorization must be Basic AccountSid:AuthToken');
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const username = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  if (colon < 0 || !TWILIO_USERNAME.test(username) || password.length === 0) {
    throw unauthenticated('Authorization must be Basic AccountSid:AuthToken or ApiKeySid:Secret');
  }
  return { username, password };
}

function flexInstanceHeader(headers: Headers): string | undefined {
  const value = header(headers, 'x-flex-instance-sid')?.trim();
  if (value !== undefined && !FLEX_INSTANCE.test(value)) {
    throw badRequest('X-Flex-Instance-Sid must be a Flex instance SID (GO + 32 hex digits)');
  }
  return value;
}

function chatServicesHeader(headers: Headers): string[] | undefined {
  const value = header(headers, 'x-chat-service-sids');
  if (value === undefined) return undefined;
  const sids = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!sids.every((sid) => CHAT_SERVICE.test(sid))) {
    throw badRequest('X-Chat-Service-Sids must list chat service SIDs (IS + 32 hex digits)');
  }
  return sids;
}
