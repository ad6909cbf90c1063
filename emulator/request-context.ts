import type { FastifyRequest } from 'fastify';
import type { Params } from './params.js';
import type { AccountState } from './store.js';
import type { LoggedRequest } from './types.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated account; set by app.ts before any Twilio route runs. */
    account: AccountState | null;
    /** Path without the query string, as received. */
    twilioPath: string;
    startedAt: number;
    logEntry: LoggedRequest | null;
  }
}

export function accountOf(request: FastifyRequest): AccountState {
  return request.account as AccountState;
}

/** The absolute base URL the client used, so `url`/`next_page_url` work whatever host it dialled. */
export function baseUrlOf(request: FastifyRequest): string {
  return `http://${request.headers.host ?? request.hostname}`;
}

export function queryOf(request: FastifyRequest): Params {
  return request.query as Params;
}

export function pathParam(request: FastifyRequest, name: string): string {
  return (request.params as Record<string, string>)[name] ?? '';
}

/** Form fields; Twilio reads these operations' parameters only from an urlencoded body. */
export function formOf(request: FastifyRequest): Params {
  const type = request.headers['content-type'];
  if (type === undefined || !type.startsWith('application/x-www-form-urlencoded')) return {};
  return (request.body ?? {}) as Params;
}

/** A JSON body, or undefined when the request was not JSON. */
export function jsonOf(request: FastifyRequest): unknown {
  const type = request.headers['content-type'];
  if (type === undefined || !type.startsWith('application/json')) return undefined;
  return request.body;
}
