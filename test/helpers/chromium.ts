// Debian's Chromium driven by playwright-core, as test/playground/playground.test.ts drives it:
// the same executable, the same flags, and the same failure (not a skip) when it is missing.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = '/usr/bin/chromium';

// Flags that keep Chromium itself quiet on the network: no component updates, sync, field trials.
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Starts Chromium, or fails saying how to install it: a browser test that skips proves nothing. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `${chromiumPath} is missing: run server/playground/install-browser.sh (as root) to install ` +
        "Debian's chromium, then run the tests again.",
    );
  }
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}
