import type { EmulatorAccount } from '../../emulator/index.js';

/** Basic credentials, as twilio-node sends them. */
export interface Credentials {
  username: string;
  password: string;
}

export interface TwilioResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON; null for an empty body (204). */
  body: unknown;
}

export interface RequestOptions {
  /** null sends no Authorization header. */
  auth?: Credentials | null;
  /** Sent form-urlencoded, as Twilio's product APIs expect. */
  form?: Record<string, string>;
  json?: unknown;
  signal?: AbortSignal;
}

export function accountCredentials(account: EmulatorAccount): Credentials {
  return { username: account.accountSid, password: account.authToken };
}

export function apiKeyCredentials(account: EmulatorAccount): Credentials {
  return { username: account.apiKeySid, password: account.apiKeySecret };
}

/** A client bound to one emulator and one set of credentials; `path` may be an absolute URL (next_page_url). */
export type Twilio = (
  method: string,
  path: string,
  options?: RequestOptions,
) => Promise<TwilioResponse>;

export function createTwilio(baseUrl: string, credentials: Credentials | null): Twilio {
  return async (method, path, options = {}) => {
    const auth = options.auth === undefined ? credentials : options.auth;
    const headers: Record<string, string> = {};
    if (auth !== null) {
      headers.authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
    }
    let body: string | undefined;
    if (options.form !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(options.form).toString();
    } else if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    const url = path.startsWith('http') ? path : `${baseUrl}${path}`;
    const response = await fetch(url, { method, headers, body, signal: options.signal });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text === '' ? null : (JSON.parse(text) as unknown),
    };
  };
}

/** The Twilio error body a test expects for a status and code. */
export function twilioError(status: number, code: number, message: string) {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
}
