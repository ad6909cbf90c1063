// A browser frontend on another origin, for real: a page served from its own loopback port calls
// the gateway with fetch in Debian's Chromium, and writes what it got into the page, where the
// test reads it. Chromium, not this test, decides whether the page may read each answer.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { print } from 'graphql';
import { SignJWT } from 'jose';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { personProfileQuery } from '../../examples/typed-client/operations.js';
import { chromiumOrSkip, launchChromium } from '../helpers/chromium.js';
import { startStack, type Stack } from '../helpers/stack.js';

const SECRET = 'a-browser-test-secret-of-at-least-32-bytes';

/** One fetch the page makes: its result goes into the element with this id. */
interface PageCall {
  id: string;
  body: { query: string; variables?: Record<string, unknown> };
  headers: Record<string, string>;
}

/** What the page writes for a call: the answer it could read, or why fetch rejected. */
type CallResult =
  | { status: number; requestId: string | null; body: { data?: unknown; errors?: unknown[] } }
  | { rejected: string };

/** The page's own script: run every call, show each outcome, then mark the page done. */
const pageScript = `
const { graphqlUrl, calls } = JSON.parse(document.getElementById('config').textContent);
await Promise.all(calls.map(async ({ id, body, headers }) => {
  const out = document.createElement('pre');
  out.id = id;
  try {
    const response = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    const requestId = response.headers.get('x-request-id');
    out.textContent = JSON.stringify({ status: response.status, requestId, body: await response.json() });
  } catch (error) {
    out.textContent = JSON.stringify({ rejected: String(error) });
  }
  document.body.append(out);
}));
document.body.dataset.state = 'done';
`;

/** A frontend's origin: a tiny server whose page makes the calls set for its path. */
async function startPageServer(
  graphqlUrl: () => string,
  calls: Map<string, PageCall[]>,
): Promise<{ origin: string; server: Server }> {
  const server = createServer((request, response) => {
    const config = { graphqlUrl: graphqlUrl(), calls: calls.get(request.url ?? '') ?? [] };
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end(
      `<!doctype html><html><head><title>frontend</title><link rel="icon" href="data:,"></head><body>` +
        `<script type="application/json" id="config">${JSON.stringify(config).replaceAll('<', '\\u003c')}</script>` +
        `<script type="module">${pageScript}</script></body></html>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const browserLookup = chromiumOrSkip();

describe.skipIf('skip' in browserLookup)(
  'a browser frontend on another origin (CORS, in Chromium)',
  () => {
    let stack: Stack;
    let browser: Browser;
    let page: Page;
    const calls = new Map<string, PageCall[]>();
    let allowed: { origin: string; server: Server };
    let other: { origin: string; server: Server };
    let token: string;

    beforeAll(async () => {
      browser = await launchChromium(browserLookup);
      allowed = await startPageServer(() => stack.graphqlUrl, calls);
      other = await startPageServer(() => stack.graphqlUrl, calls);
      stack = await startStack({
        seedUsers: 40,
        env: {
          AUTH_OPEN: 'false',
          AUTH_JWT_SECRET: SECRET,
          // The other page differs only in its port: still another origin.
          CORS_ORIGINS: allowed.origin,
        },
      });
      token = await new SignJWT({ sub: 'frontend-user' })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(new TextEncoder().encode(SECRET));
    });
    afterAll(async () => {
      await browser?.close();
      await stack?.close();
      for (const frontend of [allowed, other]) {
        await new Promise((resolve) => frontend?.server.close(resolve));
      }
    });
    beforeEach(async () => {
      page = await browser.newPage();
      await stack.emulator.clearRequests();
    });
    afterEach(() => page?.close());

    /** Opens a page and reads each call's outcome from the DOM once the page is done. */
    async function runPage(url: string, ids: string[]): Promise<Record<string, CallResult>> {
      await page.goto(url);
      await page.locator('body[data-state="done"]').waitFor();
      const results: Record<string, CallResult> = {};
      for (const id of ids) {
        results[id] = JSON.parse((await page.locator(`#${id}`).textContent()) ?? '') as CallResult;
      }
      return results;
    }

    it('sends a Bearer token from an allowed origin and shows the answer and its request id', async () => {
      const person = await stack.emulator.person({ conversations: true });
      const body = {
        query: /* GraphQL */ `
          query Whoami($identity: String!) {
            conversationsUser(identity: $identity) {
              identity
            }
          }
        `,
        variables: { identity: person.identity },
      };
      calls.set('/bearer', [
        {
          id: 'withToken',
          body,
          headers: { authorization: `Bearer ${token}`, 'x-request-id': 'browser-bearer-1' },
        },
        { id: 'withoutToken', body, headers: {} },
      ]);

      const results = await runPage(`${allowed.origin}/bearer`, ['withToken', 'withoutToken']);
      expect(results.withToken).toEqual({
        status: 200,
        requestId: 'browser-bearer-1',
        body: { data: { conversationsUser: { identity: person.identity } } },
      });
      // The token is what let the first call in: the page may read the refusal too.
      expect(results.withoutToken).toMatchObject({
        status: 401,
        body: { errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] },
      });
    });

    it("runs the typed client's PersonProfile document from the page", async () => {
      const person = await stack.emulator.person({ flex: true, conversations: true });
      calls.set('/typed', [
        {
          id: 'profile',
          body: { query: print(personProfileQuery), variables: { identity: person.identity } },
          headers: {
            authorization: `Bearer ${token}`,
            accept: 'application/graphql-response+json, application/json',
          },
        },
      ]);

      const { profile } = await runPage(`${allowed.origin}/typed`, ['profile']);
      expect(profile).toMatchObject({
        status: 200,
        body: {
          data: {
            user: {
              identity: person.identity,
              flexUser: { username: person.identity },
              conversationsUser: { identity: person.identity },
            },
          },
        },
      });
      expect('body' in profile! && profile.body.errors).toBeUndefined();
    });

    it('refuses a page from an origin not listed: its fetch rejects and no query runs', async () => {
      calls.set('/elsewhere', [
        {
          id: 'refused',
          body: { query: '{ flexUsers(first: 1) { edges { cursor } } }' },
          headers: { authorization: `Bearer ${token}` },
        },
      ]);

      const { refused } = await runPage(`${other.origin}/elsewhere`, ['refused']);
      expect(refused).toEqual({ rejected: 'TypeError: Failed to fetch' });
      // The preflight failed, so the POST itself was never sent.
      expect(await stack.emulator.requestLines()).toEqual([]);
    });
  },
);
