// A minimal typed GraphQL client over fetch: give it a TypedDocumentNode from operations.ts and
// its variables are checked and its result is typed, with no client library at run time. Real
// apps would use urql, Apollo Client or TanStack Query, which accept the same documents.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

export interface GatewayClientOptions {
  /** The gateway's GraphQL endpoint, e.g. `http://127.0.0.1:4000/graphql`. */
  url: string;
  /**
   * Sent as `Authorization`, e.g. `Basic base64(AccountSid:AuthToken)` to act as that Twilio
   * account; omit it to use the gateway's configured credentials.
   */
  authorization?: string;
}

/** One GraphQL error as the gateway reports it (`extensions.code` is stable, see the README). */
export interface GatewayError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

/** A response: `data` may be partial, with an error per field that failed. */
export interface GatewayResult<TResult> {
  data: TResult | null;
  errors: GatewayError[];
}

/** Variables are optional exactly when the operation declares none that are required. */
type VariablesArgs<TVariables> =
  Record<string, never> extends TVariables ? [variables?: TVariables] : [variables: TVariables];

export function createGatewayClient(options: GatewayClientOptions) {
  return {
    /**
     * Runs one operation. Throws on transport failures (network, non-JSON answers); GraphQL
     * errors, including partial ones, are returned for the caller to judge.
     */
    async execute<TResult, TVariables>(
      document: TypedDocumentNode<TResult, TVariables>,
      ...[variables]: VariablesArgs<TVariables>
    ): Promise<GatewayResult<TResult>> {
      const response = await fetch(options.url, {
        method: 'POST',
        headers: {
          // Required by Apollo Server's CSRF prevention, and what GraphQL over HTTP expects.
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          ...(options.authorization ? { authorization: options.authorization } : {}),
        },
        body: JSON.stringify({ query: print(document), variables }),
      });
      const type = response.headers.get('content-type') ?? '';
      if (!type.includes('json')) {
        throw new Error(
          `gateway answered HTTP ${response.status} with ${type || 'no content type'}`,
        );
      }
      const body = (await response.json()) as { data?: TResult | null; errors?: GatewayError[] };
      return { data: body.data ?? null, errors: body.errors ?? [] };
    },
  };
}

export type GatewayClient = ReturnType<typeof createGatewayClient>;
