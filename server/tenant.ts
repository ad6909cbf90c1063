import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Credentials } from '../datasources/index.js';
import type { Caller } from '../resolvers/context.js';
import { isSid, sidPattern } from '../datasources/sids.js';
import { checkChatServiceSids } from './chat-services.js';
import type { Config } from './config.js';
import { badHeader, forbidden, unauthenticated } from './errors.js';
import { tokenRefusal } from './token-errors.js';

/** Whose Twilio account a request acts as, and that account's defaults. */
export interface Tenant {
  /** AccountSid, API key SID or tenant id: who the request is, for logs. Never a secret. */
  id: string;
  credentials: Credentials;
  /** The Twilio account the credentials act as, when known (an API key's is not, unless configured). */
  accountSid: string | null;
  flexInstanceSid: string | null;
  chatServiceSids: string[];
  /** Non-default Conversations services a person's users are also looked up in. */
  conversationsServiceSids: string[];
  /** Joins by identity also try Flex's escaped form (resolvers/flex-identity.ts). */
  flexIdentityEscapes: boolean;
  /** Who called, for the audit trail: how the request authenticated and as whom. Never a secret. */
  caller: Omit<Caller, 'tenant'>;
}

/** A subject longer than this is cut: it is for reading, and an issuer's claim is not ours to trust. */
const MAX_SUBJECT = 256;

type Headers = Record<string, string | string[] | undefined>;

/**
 * A client sends the same token with every request until it expires: verifying its signature
 * (an HMAC through WebCrypto, or an RSA/EC signature) is most of a small request's CPU. So a token
 * verified once is remembered, by its exact text and in this process only, until its `exp` or
 * for this long at most: with a key set (JWKS), a key the issuer withdraws stops working within
 * it. Only tokens that passed every check are kept; a refused one is checked again each time.
 */
const VERIFIED_TOKEN_MS = 60_000;
const VERIFIED_TOKENS = 1000;

interface VerifiedToken {
  claims: Record<string, unknown>;
  /** The token's `exp`, in seconds, as jose compares it. */
  exp: number;
  /** When this process checks the token again, in ms. */
  recheckAt: number;
}

const TWILIO_USERNAME = sidPattern('account', 'apiKey');
const HMAC_ALGORITHMS = ['HS256', 'HS384', 'HS512'];

const header = (headers: Headers, name: string) => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * Decides whose Twilio account a request acts as, by the modes the configuration enables:
 * - Basic pass-through: `Authorization: Basic AccountSid:AuthToken` acts as that account;
 * - bearer JWT: a token verified against `AUTH_JWT_SECRET` or `AUTH_JWKS_URL` acts as the
 *   tenant its claim names (server-side credentials: the client never holds Twilio's);
 * - open: a request with no credentials acts as the configured account (the embedded demo).
 * Anything else is refused with 401 before any upstream call.
 */
export function createTenantResolver(config: Config): (headers: Headers) => Promise<Tenant> {
  const { auth } = config;
  const jwtKey: Uint8Array | JWTVerifyGetKey | null = auth.jwt?.jwksUrl
    ? createRemoteJWKSet(new URL(auth.jwt.jwksUrl))
    : auth.jwt?.secret
      ? new TextEncoder().encode(auth.jwt.secret)
      : null;

  const verified = new Map<string, VerifiedToken>();
  const verifyOnce = async (
    token: string,
    key: Uint8Array | JWTVerifyGetKey,
    options: NonNullable<Config['auth']['jwt']>,
  ) => {
    const now = Date.now();
    const known = verified.get(token);
    // jose refuses a token once its exp is at or before the current second: so does this.
    if (known && known.recheckAt > now && known.exp > Math.floor(now / 1000)) return known.claims;
    if (known) verified.delete(token);
    const claims = Object.freeze(await verify(token, key, options));
    if (verified.size >= VERIFIED_TOKENS) verified.delete(verified.keys().next().value!);
    verified.set(token, { claims, exp: claims.exp as number, recheckAt: now + VERIFIED_TOKEN_MS });
    return claims;
  };

  const configuredTenant = (headers: Headers): Tenant => {
    if (!config.credentials)
      throw unauthenticated(
        'This gateway has no Twilio account configured',
        'NO_ACCOUNT_CONFIGURED',
      );
    return {
      id: config.accountSid ?? config.credentials.username,
      credentials: config.credentials,
      accountSid: config.accountSid,
      flexInstanceSid: flexInstanceHeader(headers) ?? config.flexInstanceSid,
      chatServiceSids: chatServicesHeader(headers) ?? config.chatServiceSids,
      conversationsServiceSids: config.conversationsServiceSids,
      flexIdentityEscapes: config.flexIdentityEscapes,
      caller: { auth: 'open', subject: null },
    };
  };

  return async (headers) => {
    const authorization = header(headers, 'authorization');
    if (!authorization) {
      if (auth.open) return configuredTenant(headers);
      throw unauthenticated(
        'Authentication required: send Authorization: Bearer <token>',
        'CREDENTIALS_MISSING',
      );
    }
    const [scheme = '', value = ''] = authorization.trim().split(/\s+/, 2);
    switch (scheme.toLowerCase()) {
      case 'basic':
        if (!auth.passthrough) {
          throw unauthenticated(
            'This gateway does not accept Twilio credentials from clients',
            'BASIC_NOT_ACCEPTED',
          );
        }
        return passthroughTenant(parseBasic(value), headers, config);
      case 'bearer': {
        if (!jwtKey || !auth.jwt)
          throw unauthenticated(
            'This gateway does not accept bearer tokens',
            'BEARER_NOT_ACCEPTED',
          );
        const claims = await verifyOnce(value, jwtKey, auth.jwt);
        const caller: Tenant['caller'] = {
          auth: 'bearer',
          subject: typeof claims.sub === 'string' ? claims.sub.slice(0, MAX_SUBJECT) : null,
        };
        // Own claims only: a claim name such as "constructor" must not read the prototype's.
        const tenantId = Object.hasOwn(claims, auth.jwt.tenantClaim)
          ? claims[auth.jwt.tenantClaim]
          : undefined;
        if (tenantId === undefined) return { ...configuredTenant(headers), caller };
        const tenant = typeof tenantId === 'string' ? config.tenants.get(tenantId) : undefined;
        if (!tenant)
          throw forbidden('The token names a tenant this gateway does not serve', 'TENANT_UNKNOWN');
        return {
          id: tenantId as string,
          credentials: tenant.credentials,
          accountSid: tenant.accountSid,
          flexInstanceSid: flexInstanceHeader(headers) ?? tenant.flexInstanceSid,
          chatServiceSids: chatServicesHeader(headers) ?? tenant.chatServiceSids,
          conversationsServiceSids: tenant.conversationsServiceSids,
          flexIdentityEscapes: tenant.flexIdentityEscapes,
          caller,
        };
      }
      default:
        throw unauthenticated('Authorization must be Basic or Bearer', 'SCHEME_NOT_SUPPORTED');
    }
  };
}

async function verify(
  token: string,
  key: Uint8Array | JWTVerifyGetKey,
  options: NonNullable<Config['auth']['jwt']>,
): Promise<Record<string, unknown>> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, key as Uint8Array, {
      issuer: options.issuer ?? undefined,
      audience: options.audience ?? undefined,
      // A token without an expiry would be good forever once it leaks.
      requiredClaims: ['exp'],
      // A secret is an HMAC key: say so, so that a token for another kind of key (RS256) is
      // refused as such rather than failing inside jose with a TypeError.
      algorithms: options.jwksUrl ? undefined : HMAC_ALGORITHMS,
    }));
  } catch (error) {
    throw tokenRefusal(error, options.jwksUrl !== null);
  }
  checkLifetime(payload, options.maxAgeSeconds);
  return payload;
}

/**
 * An issuer that mints tokens valid for a year makes every leaked token a year-long key: refuse a
 * token whose `exp` lies more than `maxAgeSeconds` after its `iat`, or after now when it has none.
 */
function checkLifetime(payload: JWTPayload, maxAgeSeconds: number): void {
  // jwtVerify has checked that exp is present and a number, and iat too when present.
  const exp = payload.exp!;
  const lifetime =
    payload.iat === undefined
      ? { seconds: exp - Math.floor(Date.now() / 1000), from: 'from now' }
      : { seconds: exp - payload.iat, from: 'after it was issued' };
  if (lifetime.seconds > maxAgeSeconds) {
    throw unauthenticated(
      `Invalid token: it is valid for ${lifetime.seconds} s ${lifetime.from}, more than the ${maxAgeSeconds} s allowed`,
      'TOKEN_LIFETIME_TOO_LONG',
    );
  }
}

/**
 * Another account's credentials: its defaults come from the request's headers, never from the
 * configured account's (a Flex instance belongs to one account).
 */
function passthroughTenant(credentials: Credentials, headers: Headers, config: Config): Tenant {
  const isConfiguredAccount =
    config.credentials !== null &&
    (credentials.username === config.accountSid ||
      credentials.username === config.credentials.username);
  return {
    id: credentials.username,
    credentials,
    accountSid: isSid('account', credentials.username) ? credentials.username : null,
    flexInstanceSid:
      flexInstanceHeader(headers) ?? (isConfiguredAccount ? config.flexInstanceSid : null),
    chatServiceSids:
      chatServicesHeader(headers) ?? (isConfiguredAccount ? config.chatServiceSids : []),
    // Services belong to one account: another account's credentials never get this one's.
    conversationsServiceSids: isConfiguredAccount ? config.conversationsServiceSids : [],
    flexIdentityEscapes: config.flexIdentityEscapes,
    caller: { auth: 'basic', subject: credentials.username },
  };
}

function parseBasic(value: string): Credentials {
  const decoded = /^[A-Za-z0-9+/]+=*$/.test(value)
    ? Buffer.from(value, 'base64').toString('utf8')
    : '';
  const colon = decoded.indexOf(':');
  const username = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  if (colon < 0 || !TWILIO_USERNAME.test(username) || password.length === 0) {
    throw unauthenticated(
      'Authorization must be Basic AccountSid:AuthToken or ApiKeySid:Secret',
      'BASIC_MALFORMED',
    );
  }
  return { username, password };
}

function flexInstanceHeader(headers: Headers): string | undefined {
  const value = header(headers, 'x-flex-instance-sid')?.trim();
  if (value !== undefined && !isSid('flexInstance', value)) {
    throw badHeader('X-Flex-Instance-Sid must be a Flex instance SID (GO + 32 hex digits)');
  }
  return value;
}

function chatServicesHeader(headers: Headers): string[] | undefined {
  const value = header(headers, 'x-chat-service-sids');
  if (value === undefined) return undefined;
  const checked = checkChatServiceSids(
    value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
  if ('problem' in checked) throw badHeader(`X-Chat-Service-Sids ${checked.problem}`);
  return checked.sids;
}
