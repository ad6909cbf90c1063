// Finding the Chromium the browser tests drive. `npm test` never installs one: without a browser
// the browser tests skip with one line saying why, and the rest of the suite runs. CI installs
// Debian's chromium first and sets REQUIRE_BROWSER=1, which turns the skip into a failure.
import { accessSync, constants, statSync } from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/** Where Debian's `chromium` package puts the browser (server/playground/install-browser.sh). */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export type ChromiumLookup = { path: string } | { skip: string };

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The browser to drive: `CHROMIUM` when set (it must then be an executable file; there is no
 * fallback, so a typo is not silently replaced), else {@link DEBIAN_CHROMIUM} when present. When
 * neither, the reason to print on skipping, with how to get a browser.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumLookup {
  const chosen = env.CHROMIUM?.trim();
  if (chosen) {
    return isExecutableFile(chosen)
      ? { path: chosen }
      : { skip: `CHROMIUM=${chosen} is not an executable file` };
  }
  if (isExecutableFile(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM };
  return {
    skip:
      `no Chromium at ${DEBIAN_CHROMIUM}: install Debian's chromium ` +
      '(sh server/playground/install-browser.sh, as root) or set CHROMIUM=/path/to/chromium',
  };
}

let warned = false;

/**
 * {@link findChromium} for a test file: on a skip it prints one line (once per file) naming the
 * reason, and with `REQUIRE_BROWSER=1` it throws instead, so the file fails rather than skips.
 * Use it as `describe.skipIf('skip' in browser)(...)`.
 */
export function chromiumOrSkip(env: NodeJS.ProcessEnv = process.env): ChromiumLookup {
  const found = findChromium(env);
  if (!('skip' in found)) return found;
  if (env.REQUIRE_BROWSER === '1') {
    throw new Error(`REQUIRE_BROWSER=1, but ${found.skip}`);
  }
  if (!warned) {
    warned = true;
    console.warn(`Skipping the browser tests: ${found.skip}.`);
  }
  return found;
}

/** Flags that keep Chromium itself quiet on the network: no component updates, sync, field trials. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Options for playwright-core's `chromium.launch()` with the browser found above. */
export function launchOptions(path: string): LaunchOptions {
  return { executablePath: path, args: [...CHROMIUM_ARGS] };
}

/** Starts the browser found; for use inside a `describe.skipIf('skip' in found)`. */
export function launchChromium(found: ChromiumLookup): Promise<Browser> {
  if ('skip' in found) throw new Error(found.skip);
  return chromium.launch(launchOptions(found.path));
}
