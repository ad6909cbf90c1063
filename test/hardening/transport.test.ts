/**
 * Failures of the HTTP layer itself, which the emulator cannot fake: a Twilio host that refuses
 * connections, and one that answers 200 with a body that is not JSON (a proxy's page). Each fails
 * only the fields of its own product, with a stable code, and never shows a URL or a credential.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.js';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

// Each product reached from its own root field, so each failure stays on its own path.
const PROFILE = `query ($identity: String!) {
  flexUserByUsername(username: $identity) { username }
  conversationsUser(identity: $identity) { identity }
  chatUser(identity: $identity) { identity }
}`;

interface Profile {
  flexUserByUsername: { username: string } | null;
  conversationsUser: { identity: string } | null;
  chatUser: { identity: string } | null;
}

describe('upstream hosts that fail below HTTP', () => {
  let stack: Stack;
  let htmlProxy: Server;
  let proxyHits = 0;

  beforeAll(async () => {
    htmlProxy = createServer((_request, response) => {
      proxyHits += 1;
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html><body>Service temporarily unavailable</body></html>');
    });
    const htmlUrl = await listen(htmlProxy);
    // A port that was free a moment ago and has nobody listening now.
    const closed = createServer();
    const refusedUrl = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    stack = await startStack({
      seedUsers: 20,
      env: { TWILIO_CHAT_API_URL: refusedUrl, TWILIO_CONVERSATIONS_API_URL: htmlUrl },
    });
  });
  afterAll(async () => {
    await stack.close();
    await new Promise((resolve) => htmlProxy.close(resolve));
  });

  it('keeps the Flex user when Chat refuses connections and Conversations answers HTML', async () => {
    const person = await stack.emulator.person({ flex: true, conversations: true });
    const result = await stack.execute<Profile>(PROFILE, { identity: person.identity });

    expect(result.data).toEqual({
      flexUserByUsername: { username: person.identity },
      conversationsUser: null,
      chatUser: null,
    });

    const errorAt = (path: string) =>
      result.errors?.find((error) => error.path?.join('.') === path);
    expect(result.errors).toHaveLength(2);
    expect(errorAt('chatUser')?.extensions).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      twilio: { code: null, status: null },
    });
    expect(errorAt('chatUser')?.message).toMatch(/unreachable \(ECONNREFUSED\)/);
    expect(errorAt('conversationsUser')?.extensions).toMatchObject({
      code: 'UPSTREAM_ERROR',
      twilio: { code: null, status: 200 },
    });
    // A 200 is not retried: the proxy saw exactly the one call.
    expect(proxyHits).toBe(1);

    const text = JSON.stringify(result.errors);
    expect(text).not.toContain('127.0.0.1');
    expect(text).not.toMatch(/AC[0-9a-f]{32}|Basic /);
  });
});

describe('upstream answers got never had to interpret for us', () => {
  // One gateway per fake host: a 429 pauses its whole account (Twilio limits accounts), so a
  // rate-limited Conversations would keep the redirect test's calls from being sent.
  let stack: Stack;
  let redirectStack: Stack;
  let rateLimiter: Server;
  let redirector: Server;
  const rateLimited: string[] = [];
  const redirected: string[] = [];

  beforeAll(async () => {
    rateLimiter = createServer((request, response) => {
      rateLimited.push(request.url ?? '');
      // An HTTP date, a minute ahead: longer than the gateway waits (TWILIO_MAX_RETRY_AFTER_SECONDS).
      response.writeHead(429, {
        'content-type': 'application/json',
        'retry-after': new Date(Date.now() + 60_000).toUTCString(),
      });
      response.end(JSON.stringify({ code: 20429, message: 'Too Many Requests', status: 429 }));
    });
    redirector = createServer((request, response) => {
      redirected.push(request.url ?? '');
      response.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere' });
      response.end();
    });
    const [rateLimiterUrl, redirectorUrl] = await Promise.all([
      listen(rateLimiter),
      listen(redirector),
    ]);
    stack = await startStack({
      seedUsers: 20,
      env: { TWILIO_CONVERSATIONS_API_URL: rateLimiterUrl },
    });
    redirectStack = await startStack({
      seedUsers: 20,
      // A base URL with a path, as behind a proxy: calls go below it.
      env: { TWILIO_CHAT_API_URL: `${redirectorUrl}/edge/` },
    });
  });
  beforeEach(() => {
    rateLimited.length = 0;
    redirected.length = 0;
  });
  afterAll(async () => {
    await Promise.all([stack.close(), redirectStack.close()]);
    await Promise.all(
      [rateLimiter, redirector].map((server) => new Promise((resolve) => server.close(resolve))),
    );
  });

  it('reads a Retry-After date, and does not wait a minute for it', async () => {
    const person = await stack.emulator.person({ flex: true, conversations: true });
    // Credentials already accepted, so the three calls go out together, before the 429 is read.
    await stack.execute('{ flexUsers(first: 1) { nodes { sid } } }');
    const result = await stack.execute<Profile>(PROFILE, { identity: person.identity });
    expect(result.data?.flexUserByUsername).toEqual({ username: person.identity });
    const error = result.errors?.find((e) => e.path?.join('.') === 'conversationsUser');
    expect(error?.extensions).toMatchObject({ code: 'RATE_LIMITED', twilio: { code: 20429 } });
    const wait = error?.extensions?.retryAfterSeconds as number;
    expect(wait).toBeGreaterThanOrEqual(58);
    expect(wait).toBeLessThanOrEqual(61);
    expect(rateLimited).toHaveLength(1);
  });

  it('sends calls below a base URL path, and reports a redirect as an upstream error', async () => {
    const person = await redirectStack.emulator.person({ flex: true, conversations: true });
    const result = await redirectStack.execute<Profile>(PROFILE, { identity: person.identity });
    expect(result.data?.chatUser).toBeNull();
    const error = result.errors?.find((e) => e.path?.join('.') === 'chatUser');
    expect(error?.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', twilio: { status: 302 } });
    expect(redirected).toHaveLength(1);
    expect(redirected[0]).toMatch(/^\/edge\/v2\/Services\/IS[0-9a-f]{32}\/Users\//);
  });
});
