import type { Credentials } from '../datasources/index.js';

export interface Config {
  port: number;
  host: string;
  /** The gateway's own Twilio credentials; null when none are configured (embedded demo). */
  credentials: Credentials | null;
  /** The account the configured credentials act as (for API keys: TWILIO_ACCOUNT_SID). */
  accountSid: string | null;
  flexInstanceSid: string | null;
  chatServiceSids: string[];
  baseUrls: { flex: string; conversations: string; chat: string };
  /** Per upstream attempt. */
  timeoutMs: number;
  retries: number;
  maxRetryAfterSeconds: number;
  /** Concurrent calls to one Twilio host, across all requests and tenants. */
  maxConcurrencyPerHost: number;
  /** Let a request carry `Authorization: Basic AccountSid:AuthToken` to act as that account. */
  allowCredentialPassthrough: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const PATTERNS = {
  account: /^AC[0-9a-fA-F]{32}$/,
  apiKey: /^SK[0-9a-fA-F]{32}$/,
  flexInstance: /^GO[0-9a-fA-F]{32}$/,
  chatService: /^IS[0-9a-fA-F]{32}$/,
};

const TWILIO_HOSTS = {
  flex: 'https://flex-api.twilio.com',
  conversations: 'https://conversations.twilio.com',
  chat: 'https://chat.twilio.com',
};

type Env = Record<string, string | undefined>;

/** The only reader of the environment: every setting, validated, with its default. */
export function loadConfig(env: Env = process.env): Config {
  const read = (name: string) => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const sid = (name: string, pattern: RegExp, what: string) => {
    const value = read(name);
    if (value !== undefined && !pattern.test(value)) {
      throw new ConfigError(`${name} must be ${what}, got ${JSON.stringify(value)}`);
    }
    return value ?? null;
  };
  const int = (name: string, fallback: number, min: number, max: number) => {
    const value = read(name);
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
      throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`);
    }
    return parsed;
  };
  const url = (name: string, fallback: string) => {
    const value = read(name) ?? fallback;
    try {
      return new URL(value).toString().replace(/\/$/, '');
    } catch {
      throw new ConfigError(`${name} must be a URL, got ${JSON.stringify(value)}`);
    }
  };

  const accountSid = sid('TWILIO_ACCOUNT_SID', PATTERNS.account, 'an account SID (AC + 32 hex digits)');
  const authToken = read('TWILIO_AUTH_TOKEN');
  const apiKey = sid('TWILIO_API_KEY', PATTERNS.apiKey, 'an API key SID (SK + 32 hex digits)');
  const apiSecret = read('TWILIO_API_SECRET');
  let credentials: Credentials | null = null;
  if (apiKey || apiSecret) {
    if (!apiKey || !apiSecret) throw new ConfigError('Set both TWILIO_API_KEY and TWILIO_API_SECRET');
    credentials = { username: apiKey, password: apiSecret };
  } else if (accountSid || authToken) {
    if (!accountSid || !authToken) {
      throw new ConfigError('Set both TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN');
    }
    credentials = { username: accountSid, password: authToken };
  }

  const chatServiceSids = (read('TWILIO_CHAT_SERVICE_SIDS') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const service of chatServiceSids) {
    if (!PATTERNS.chatService.test(service)) {
      throw new ConfigError(
        `TWILIO_CHAT_SERVICE_SIDS must list chat service SIDs (IS + 32 hex digits), got ${JSON.stringify(service)}`,
      );
    }
  }

  return {
    port: int('PORT', 4000, 0, 65535),
    host: read('HOST') ?? '127.0.0.1',
    credentials,
    accountSid,
    flexInstanceSid: sid('TWILIO_FLEX_INSTANCE_SID', PATTERNS.flexInstance, 'a Flex instance SID (GO + 32 hex digits)'),
    chatServiceSids,
    baseUrls: {
      flex: url('TWILIO_FLEX_API_URL', TWILIO_HOSTS.flex),
      conversations: url('TWILIO_CONVERSATIONS_API_URL', TWILIO_HOSTS.conversations),
      chat: url('TWILIO_CHAT_API_URL', TWILIO_HOSTS.chat),
    },
    timeoutMs: int('TWILIO_TIMEOUT_MS', 10_000, 100, 120_000),
    retries: int('TWILIO_RETRIES', 2, 0, 10),
    maxRetryAfterSeconds: int('TWILIO_MAX_RETRY_AFTER_SECONDS', 5, 0, 120),
    maxConcurrencyPerHost: int('TWILIO_MAX_CONCURRENCY', 32, 1, 1024),
    allowCredentialPassthrough: read('ALLOW_CREDENTIAL_PASSTHROUGH') !== 'false',
  };
}
