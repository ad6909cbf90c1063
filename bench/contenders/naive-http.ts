/**
 * The HTTP client under naive Apollo's resolvers (naive-apollo.ts), in two builds: got, as a
 * hand-written Apollo server often has it, and undici's Pool, the client the gateway uses. The
 * resolvers are the same either way, so the two rows differ by the client alone, and the undici
 * row is the floor of "Apollo Server 5 + undici" with none of the gateway's features.
 */
import got, { HTTPError } from 'got';
import { Pool } from 'undici';
import type { BenchAccount } from '../scenarios/types.js';

export type Row = Record<string, unknown>;

export interface NaiveHttp {
  /** GET a JSON body; a non-2xx answer throws. */
  get: <T>(path: string, query?: Record<string, string | number>) => Promise<T>;
  /** GET a JSON body, or null when Twilio answers 404. */
  orNull: (path: string) => Promise<Row | null>;
  /** POST a JSON (`json`) or form-encoded (`form`) body and read the JSON answer. */
  post: (path: string, body: { json: unknown } | { form: Record<string, string> }) => Promise<Row>;
}

export function gotHttp(emulatorUrl: string, account: BenchAccount): NaiveHttp {
  const http = got.extend({
    prefixUrl: emulatorUrl,
    username: account.accountSid,
    password: account.authToken,
    responseType: 'json',
  });
  return {
    get: <T>(path: string, query?: Record<string, string | number>) =>
      http.get(path, query ? { searchParams: query } : {}).json<T>(),
    orNull: async (path) => {
      try {
        return (await http.get(path).json<Row>()) ?? null;
      } catch (error) {
        if (error instanceof HTTPError && error.response.statusCode === 404) return null;
        throw error;
      }
    },
    post: async (path, body) => {
      const text = await http.post(path, { ...body, responseType: 'text' }).text();
      return text ? (JSON.parse(text) as Row) : {};
    },
  };
}

export function undiciHttp(emulatorUrl: string, account: BenchAccount): NaiveHttp {
  // No cap on connections, as got's default agent has none: the calls of a wave go out at once.
  const pool = new Pool(emulatorUrl, { connections: null });
  const authorization = `Basic ${Buffer.from(`${account.accountSid}:${account.authToken}`).toString('base64')}`;
  const call = async (
    method: 'GET' | 'POST',
    path: string,
    options: { query?: Record<string, string | number>; body?: string; type?: string } = {},
  ) => {
    const query = options.query
      ? `?${new URLSearchParams(
          Object.entries(options.query).map(([key, value]): [string, string] => [
            key,
            String(value),
          ]),
        ).toString()}`
      : '';
    const response = await pool.request({
      method,
      path: `/${path}${query}`,
      headers: options.type ? { authorization, 'content-type': options.type } : { authorization },
      ...(options.body !== undefined ? { body: options.body } : {}),
    });
    const text = await response.body.text();
    return { status: response.statusCode, text };
  };
  const json = <T>({ status, text }: { status: number; text: string }, path: string): T => {
    if (status < 200 || status >= 300) throw new Error(`${path}: HTTP ${status}`);
    return (text ? JSON.parse(text) : {}) as T;
  };
  return {
    get: async <T>(path: string, query?: Record<string, string | number>) =>
      json<T>(await call('GET', path, query ? { query } : {}), path),
    orNull: async (path) => {
      const answer = await call('GET', path);
      return answer.status === 404 ? null : json<Row>(answer, path);
    },
    post: async (path, body) =>
      json<Row>(
        await call(
          'POST',
          path,
          'json' in body
            ? { body: JSON.stringify(body.json), type: 'application/json' }
            : {
                body: new URLSearchParams(body.form).toString(),
                type: 'application/x-www-form-urlencoded',
              },
        ),
        path,
      ),
  };
}
