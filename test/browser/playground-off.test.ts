// A person opening a production gateway in Chromium: they read that the playground is off and
// how to turn it on, not a CSRF refusal in JSON.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chromiumOrSkip, launchChromium } from '../helpers/chromium.js';
import { startStack, type Stack } from '../helpers/stack.js';

const browserLookup = chromiumOrSkip();

describe.skipIf('skip' in browserLookup)(
  'the playground-off page (NODE_ENV=production, in Chromium)',
  () => {
    let stack: Stack;
    let browser: Browser;
    let page: Page;
    let consoleMessages: string[];

    beforeAll(async () => {
      browser = await launchChromium(browserLookup);
      stack = await startStack({ seedUsers: 20, env: { NODE_ENV: 'production' } });
    });
    afterAll(async () => {
      await browser?.close();
      await stack?.close();
    });
    beforeEach(async () => {
      page = await browser.newPage();
      consoleMessages = [];
      page.on('console', (message) => consoleMessages.push(message.text()));
    });
    afterEach(() => page?.close());

    it.each(['/', '/graphql'])(
      'tells a browser opening %s how to turn the playground on',
      async (path) => {
        const response = await page.goto(`${stack.url}${path}`);
        expect(response?.status()).toBe(200);
        expect(page.url()).toBe(stack.graphqlUrl);
        expect(await page.title()).toBe('identity-gateway: the playground is off');
        const text = await page.locator('body').innerText();
        expect(text).toMatch(/^The playground is off\n/);
        expect(text).toContain('start the gateway with GRAPHQL_PLAYGROUND=true');
        expect(text).not.toMatch(/CSRF|Cross-Site/);
        // The page's own Content-Security-Policy refuses nothing it holds.
        expect(consoleMessages).toEqual([]);
      },
    );
  },
);
