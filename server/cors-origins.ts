/** `CORS_ORIGINS=*`: any origin may read answers (never with credentials, see config.ts). */
export const ANY_ORIGIN = '*';

/**
 * What the embedded demo allows, so a frontend dev server on any port (Vite's 5173, Next's 3000)
 * works against `npm start` with no setting. `CORS_ORIGINS` can say the same.
 */
export const LOCAL_DEV_ORIGINS: readonly string[] = ['http://localhost:*', 'http://127.0.0.1:*'];

const ANY_PORT = ':*';

/**
 * Checks `CORS_ORIGINS` entries: `*` alone, or each an origin as browsers send it in `Origin`
 * (`https://app.example.com`, `http://localhost:5173`), or one whose port is `*` (any port, and
 * none). Exact origins come back normalised (lower-case host, no default port, no trailing `/`),
 * since a browser's `Origin` header is compared with them as strings.
 */
export function checkCorsOrigins(entries: string[]): { origins: string[] } | { problem: string } {
  if (entries.includes(ANY_ORIGIN)) {
    return entries.length === 1
      ? { origins: [ANY_ORIGIN] }
      : { problem: 'lists * (every origin) beside other origins: set * alone, or list origins' };
  }
  const origins: string[] = [];
  for (const entry of entries) {
    const anyPort = entry.endsWith(ANY_PORT);
    const origin = parseOrigin(anyPort ? entry.slice(0, -ANY_PORT.length) : entry);
    if ('problem' in origin) return { problem: `${JSON.stringify(entry)} ${origin.problem}` };
    if (anyPort && origin.port) {
      return { problem: `${JSON.stringify(entry)} names a port and *; write one of them` };
    }
    const normalised = anyPort ? `${origin.origin}${ANY_PORT}` : origin.origin;
    if (!origins.includes(normalised)) origins.push(normalised);
  }
  return { origins };
}

function parseOrigin(text: string): { origin: string; port: string } | { problem: string } {
  const expected = 'is not an origin: expected scheme://host[:port], e.g. https://app.example.com';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { problem: expected };
  }
  // Other schemes (app://, capacitor://) have the origin "null" in browsers: nothing to match.
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { problem: 'must be an http:// or https:// origin' };
  }
  if (url.hostname.includes('*')) {
    return { problem: 'has a * in its host: only the port may be *, e.g. http://localhost:*' };
  }
  if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) {
    return { problem: `${expected} (no path, query or user)` };
  }
  return { origin: url.origin, port: url.port };
}

/** Whether a browser's `Origin` header is one of the checked entries (not `*`). */
export function createOriginMatcher(origins: readonly string[]): (origin: string) => boolean {
  const exact = new Set(origins.filter((origin) => !origin.endsWith(ANY_PORT)));
  const anyPort = origins
    .filter((origin) => origin.endsWith(ANY_PORT))
    .map(
      (origin) => new RegExp(`^${escapeRegExp(origin.slice(0, -ANY_PORT.length))}(?::\\d{1,5})?$`),
    );
  return (origin) => exact.has(origin) || anyPort.some((pattern) => pattern.test(origin));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
