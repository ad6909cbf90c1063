/** One GraphQL request from the driver; any GraphQL error throws, with the operation's name. */
import { request } from 'undici';

export async function graphql<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.body.text();
  let parsed: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    throw new Error(`HTTP ${response.statusCode}: ${text.slice(0, 300)}`);
  }
  if (parsed.errors?.length || !parsed.data) {
    const name = /(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? 'operation';
    throw new Error(`${name}: ${JSON.stringify(parsed.errors ?? 'no data').slice(0, 500)}`);
  }
  return parsed.data;
}
