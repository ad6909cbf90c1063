// The playground end to end: the real gateway and emulator, Chromium driven by playwright-core,
// and every request to a host other than loopback aborted and recorded. The page must load, show
// its editors, run the preloaded cross-product query and show the emulator's data without trying
// to reach anything outside. Without a browser (test/helpers/chromium.ts) only the browser part
// skips; REQUIRE_BROWSER=1 (CI) makes it fail instead.
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  EXAMPLE_IDENTITY,
  personAcrossProductsExample,
  playgroundExamples,
} from '../../server/playground/examples.js';
import { chromiumOrSkip, launchOptions } from '../helpers/chromium.js';
import { basicAuth } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';

const browserLookup = chromiumOrSkip();
const screenshotPath = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../docs/playground.png',
);

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

interface PersonResult {
  data?: {
    user: {
      identity: string;
      flexUser: { username: string } | null;
      conversationsUser: { identity: string } | null;
      chatUsers: { serviceSid: string; identity: string }[] | null;
    } | null;
  };
  errors?: unknown[];
}

/** The handle CodeMirror 5 leaves on its wrapper element. */
interface CodeMirrorHost {
  CodeMirror: { getValue(): string; setValue(value: string): void };
}

/** Reads a CodeMirror editor's whole text (the DOM only holds the lines in view). */
function editorValue(page: Page, selector: string): Promise<string> {
  return page
    .locator(selector)
    .evaluate((host) => (host as unknown as CodeMirrorHost).CodeMirror.getValue());
}

/** Replaces a CodeMirror editor's text the way typing would: GraphiQL sees a change event. */
async function setEditorValue(page: Page, selector: string, value: string): Promise<void> {
  await page
    .locator(selector)
    .evaluate((host, text) => (host as unknown as CodeMirrorHost).CodeMirror.setValue(text), value);
}

describe('playground', () => {
  let stack: Stack;

  beforeAll(async () => {
    // The embedded emulator's default seed size (emulator/types.ts), so the stack holds the same
    // people as `npm start` and the first example's identity answers as it does there.
    stack = await startStack({ seedUsers: 300 });
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('serves the page on the GraphQL path and its assets with types and cache headers', async () => {
    const page = await fetch(stack.graphqlUrl, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('<div id="playground"');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);

    const links = [...html.matchAll(/(?:src|href)="(\/[^"]+\?v=[0-9a-f]+)"/g)].map((m) => m[1]);
    expect(links).toHaveLength(2);
    const types = new Map<string, string | null>();
    for (const link of links) {
      const asset = await fetch(new URL(link!, stack.url));
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toContain('immutable');
      expect(asset.headers.get('etag')).toBeTruthy();
      types.set(link!.replace(/\?.*/, '').split('.').pop()!, asset.headers.get('content-type'));

      const unversioned = await fetch(new URL(link!.replace(/\?.*/, ''), stack.url), {
        headers: { 'if-none-match': asset.headers.get('etag')! },
      });
      expect(unversioned.status).toBe(304);
    }
    expect(types.get('js')).toMatch(/^text\/javascript/);
    expect(types.get('css')).toMatch(/^text\/css/);
  });

  describe.skipIf('skip' in browserLookup)('in Chromium with only loopback reachable', () => {
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    /** Requests to other hosts, aborted by the route below: the test fails if there is any. */
    let outside: string[];
    let problems: string[];

    beforeAll(async () => {
      if ('skip' in browserLookup) return;
      browser = await chromium.launch(launchOptions(browserLookup.path));
    });

    afterAll(async () => {
      await browser?.close();
    });

    beforeEach(async () => {
      outside = [];
      problems = [];
      context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await context.route('**/*', async (route) => {
        const url = new URL(route.request().url());
        if (loopbackHosts.has(url.hostname)) return route.continue();
        outside.push(url.href);
        return route.abort('blockedbyclient');
      });
      page = await context.newPage();
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
      });
    });

    afterEach(async () => {
      await context?.close();
    });

    it('runs the preloaded cross-product query and shows the emulator data', async () => {
      const [account] = stack.emulator.accounts;
      const people = await stack.emulator.people({
        accountSid: account!.accountSid,
        flex: true,
        conversations: true,
        extraChat: true,
      });
      const person = people.find((candidate) => candidate.identity === EXAMPLE_IDENTITY);
      if (!person) {
        throw new Error(
          `EXAMPLE_IDENTITY (${EXAMPLE_IDENTITY}) is not a Flex, Conversations and Chat user in the ` +
            `default seed: set it in server/playground/examples.ts to one of ${people
              .slice(0, 3)
              .map((candidate) => candidate.identity)
              .join(', ')}`,
        );
      }
      const authorization = basicAuth(account!.accountSid, account!.authToken);
      const sentAuthorization: (string | undefined)[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST' && request.url() === stack.graphqlUrl) {
          sentAuthorization.push(request.headers()['authorization']);
        }
      });

      await page.goto(stack.graphqlUrl);
      await page.locator('.graphiql-query-editor .CodeMirror').waitFor();
      expect(await editorValue(page, '.graphiql-query-editor .CodeMirror')).toBe(
        personAcrossProductsExample.query,
      );
      // The other examples are open as tabs.
      await expect
        .poll(() => page.locator('.graphiql-tab-button').allTextContents())
        .toEqual(playgroundExamples.map((example) => example.operationName));

      // Credentials go in the headers pane; the query itself runs as preloaded.
      await page.locator('button[data-name="headers"]').click();
      await setEditorValue(
        page,
        'section.graphiql-editor-tool > .graphiql-editor:nth-child(2) .CodeMirror',
        JSON.stringify({ Authorization: authorization }, null, 2),
      );
      await page.locator('button[data-name="variables"]').click();

      await page.locator('.graphiql-execute-button').click();
      await expect
        .poll(() => editorValue(page, '.graphiql-response .CodeMirror'), { timeout: 15_000 })
        .toContain(`"identity": "${person.identity}"`);

      const result = JSON.parse(
        await editorValue(page, '.graphiql-response .CodeMirror'),
      ) as PersonResult;
      expect(result.errors).toBeUndefined();
      const user = result.data?.user;
      expect(user?.identity).toBe(person.identity);
      expect(user?.flexUser?.username).toBe(person.identity);
      expect(user?.conversationsUser?.identity).toBe(person.identity);
      expect(user?.chatUsers?.map((chatUser) => chatUser.serviceSid).sort()).toEqual(
        [...person.chatServiceSids].sort(),
      );
      expect(sentAuthorization.at(-1)).toBe(authorization);

      await mkdir(dirname(screenshotPath), { recursive: true });
      await page.screenshot({ path: screenshotPath });

      // The schema is browsable: the documentation explorer lists the root types.
      await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
      await page
        .locator('.graphiql-doc-explorer')
        .getByText('Query', { exact: true })
        .first()
        .waitFor();

      expect(outside).toEqual([]);
      expect(problems).toEqual([]);
    });
  });
});
