import { expect } from 'vitest';

export interface GraphQLErrorShape {
  message: string;
  path?: (string | number)[];
  extensions?: {
    code?: string;
    twilio?: { code: number | null; status: number | null; moreInfo: string | null };
    [key: string]: unknown;
  };
}

export interface GraphQLResponse<TData> {
  status: number;
  headers: Headers;
  data?: TData | null;
  errors?: GraphQLErrorShape[];
}

export interface ExecuteOptions {
  headers?: Record<string, string>;
  operationName?: string;
}

/** POSTs one operation to a GraphQL endpoint over real HTTP. */
export async function execute<TData>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  options: ExecuteOptions = {},
): Promise<GraphQLResponse<TData>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...options.headers },
    body: JSON.stringify({ query, variables, operationName: options.operationName }),
  });
  const body = (await response.json()) as { data?: TData | null; errors?: GraphQLErrorShape[] };
  return { status: response.status, headers: response.headers, ...body };
}

/** Asserts the response has no errors (showing them if it has) and returns its data. */
export function expectData<TData>(result: GraphQLResponse<TData>): TData {
  expect(result.errors, JSON.stringify(result.errors, null, 2)).toBeUndefined();
  expect(result.data).toBeTruthy();
  return result.data as TData;
}

/** Matchers typed as the values they stand for, for use inside toEqual() expectations. */
export const aStringMatching = (pattern: RegExp): string => {
  const matcher: unknown = expect.stringMatching(pattern);
  return matcher as string;
};
export const aNumber = (): number => {
  const matcher: unknown = expect.any(Number);
  return matcher as number;
};
export const aString = (): string => {
  const matcher: unknown = expect.any(String);
  return matcher as string;
};

/** An `Authorization` header for Basic pass-through of a Twilio account's credentials. */
export const basicAuth = (username: string, password: string): string =>
  `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
