// The offline playground: replaces Apollo's default landing page (Sandbox/Explorer, loaded from
// Apollo's CDNs and blank on networks that block them) with GraphiQL bundled into this server.
// Apollo serves the page for a GET on the GraphQL path that accepts text/html; the page's script
// and stylesheet are served by registerPlaygroundAssets.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { loadPlaygroundAssets, type PlaygroundAsset } from '../playground/assets.js';

export interface PlaygroundOptions {
  /** Where the page sends operations, e.g. `/graphql`. */
  graphqlPath: string;
  /** Where registerPlaygroundAssets serves the bundle, e.g. `/playground`. */
  assetsPath: string;
  /** Shown in the tab title and the IDE's logo. @default 'identity-gateway' */
  title?: string;
}

/**
 * The page refuses to load or fetch anything from another origin. This holds the "nothing from
 * outside" promise in the browser itself, not only in the bundle we ship. GraphiQL sets inline
 * styles, hence 'unsafe-inline' for styles (not for scripts); fonts and icons are data: URLs.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** An Apollo Server plugin whose landing page is the bundled GraphiQL. */
export function createPlaygroundPlugin<TContext extends BaseContext = BaseContext>(
  options: PlaygroundOptions,
): ApolloServerPlugin<TContext> {
  return {
    async serverWillStart() {
      // Builds dist/ when it is missing, so a broken page is never served; a failed build fails
      // the start with esbuild's message.
      const assets = await loadPlaygroundAssets();
      const html = renderPlaygroundPage(options, assets);
      return {
        renderLandingPage() {
          return Promise.resolve({ html });
        },
      };
    },
  };
}

/**
 * Serves the bundle under `assetsPath`. The page links each file with `?v=<content hash>`, so a
 * request carrying the current hash may be cached for good; any other request must revalidate
 * (ETag) and so never keeps an old bundle after an upgrade.
 */
export async function registerPlaygroundAssets(
  app: FastifyInstance,
  assetsPath: string,
): Promise<void> {
  const { js, css } = await loadPlaygroundAssets();
  const base = trimTrailingSlash(assetsPath);
  for (const asset of [js, css]) {
    app.get(`${base}/${asset.name}`, (request, reply) => sendAsset(asset, request, reply));
  }
}

function sendAsset(asset: PlaygroundAsset, request: FastifyRequest, reply: FastifyReply) {
  const etag = `"${asset.version}"`;
  const { v } = request.query as { v?: unknown };
  reply
    .header('content-type', asset.contentType)
    .header('etag', etag)
    .header('x-content-type-options', 'nosniff')
    .header('vary', 'accept-encoding')
    .header(
      'cache-control',
      v === asset.version
        ? 'public, max-age=31536000, immutable'
        : 'public, max-age=0, must-revalidate',
    );
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  if (acceptsGzip(request.headers['accept-encoding'])) {
    return reply.header('content-encoding', 'gzip').send(asset.gzipped);
  }
  return reply.send(asset.body);
}

function renderPlaygroundPage(
  options: PlaygroundOptions,
  assets: { js: PlaygroundAsset; css: PlaygroundAsset },
): string {
  const title = options.title ?? 'identity-gateway';
  const base = trimTrailingSlash(options.assetsPath);
  const href = (asset: PlaygroundAsset) => escapeHtml(`${base}/${asset.name}?v=${asset.version}`);
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex" />
    <meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy)}" />
    <title>${escapeHtml(title)} playground</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${href(assets.css)}" />
  </head>
  <body>
    <div id="playground" data-graphql-path="${escapeHtml(options.graphqlPath)}" data-title="${escapeHtml(title)}">
      <noscript>The playground needs JavaScript. POST GraphQL to ${escapeHtml(options.graphqlPath)} instead.</noscript>
    </div>
    <script type="module" src="${href(assets.js)}"></script>
  </body>
</html>
`;
}

/** Every browser sends gzip; `gzip;q=0` is the one way to refuse it, so honour that. */
function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (!acceptEncoding) return false;
  return acceptEncoding.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    return !params.some((param) => /^\s*q=0(\.0*)?\s*$/.test(param));
  });
}

function trimTrailingSlash(path: string): string {
  return path.endsWith('/') ? path.slice(0, -1) : path;
}

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
