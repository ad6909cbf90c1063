/**
 * Failures of the HTTP layer itself, which the emulator cannot fake: a Twilio host that refuses
 * connections, and one that answers 200 with a body that is not JSON (a proxy's page). Each fails
 * only the fields of its own product, with a stable code, and never shows a URL or a credential.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
