import { request as httpRequest } from 'node:http';
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

export function basicAuthorization({ username, password }: Credentials): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
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
    if (auth !== null) headers.authorization = basicAuthorization(auth);
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

/**
 * Sends `path` byte for byte, as fetch cannot: WHATWG URL parsing (fetch, `new URL`) removes
 * `.` and `..` segments, `%2E%2E` included, before a request leaves the client.
 */
export function sendRawPath(
  baseUrl: string,
  method: string,
  path: string,
  credentials: Credentials | null,
): Promise<TwilioResponse> {
  const { hostname, port } = new URL(baseUrl);
  const headers: Record<string, string> =
    credentials === null ? {} : { authorization: basicAuthorization(credentials) };
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ hostname, port, method, path, headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: new Headers(
            Object.entries(response.headers).flatMap(([name, value]): [string, string][] =>
              value === undefined ? [] : [[name, Array.isArray(value) ? value.join(', ') : value]],
            ),
          ),
          body: text === '' ? null : (JSON.parse(text) as unknown),
        }),
      );
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}
