// The built playground files, read into memory once per process. When dist/ is missing or older
// than a source it was built from, it is rebuilt first, so `npm start` on a fresh clone serves a
// working page without a separate build step. A production install has no esbuild to rebuild
// with: there the bundle must have been built beforehand (the Dockerfile does).
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { StartupError } from '../startup-error.js';
import {
  playgroundDistDir,
  playgroundFiles,
  playgroundRootDir,
  playgroundSourceDir,
} from './paths.js';

/** One file as served. */
export interface PlaygroundAsset {
  /** The file name under the assets path, e.g. `playground.js`. */
  name: string;
  contentType: string;
  body: Buffer;
  /** The body gzipped once at start-up: the script shrinks to about a third. */
  gzipped: Buffer;
  /** A short content hash: the `?v=` of the page's links and the ETag. */
  version: string;
}

export interface PlaygroundAssets {
  js: PlaygroundAsset;
  css: PlaygroundAsset;
}

const gzipAsync = promisify(gzip);

/**
 * The bundle is missing or stale and this install cannot build it (no sources, as in the image, or
 * no esbuild): a setup mistake with one fix, which main.ts logs as one line before exiting 1.
 */
export class PlaygroundNotBuiltError extends StartupError {
  override name = 'PlaygroundNotBuiltError';
  constructor(distDir: string, cause?: unknown) {
    super(
      `playground bundle not built in ${distDir}: run npm run playground:build (or set GRAPHQL_PLAYGROUND=false)`,
      'PLAYGROUND_NOT_BUILT',
    );
    this.cause = cause;
  }
}

let loading: Promise<PlaygroundAssets> | undefined;

/**
 * The playground's script and stylesheet, building them first when needed. Memoised: the Apollo
 * plugin and the Fastify routes ask for them at start-up and must agree on the versions.
 */
export function loadPlaygroundAssets(
  distDir: string = playgroundDistDir,
): Promise<PlaygroundAssets> {
  if (distDir !== playgroundDistDir) return readAssets(distDir);
  loading ??= readAssets(distDir).catch((error: unknown) => {
    loading = undefined; // let a later start try again instead of caching the failure
    throw error;
  });
  return loading;
}

async function readAssets(distDir: string): Promise<PlaygroundAssets> {
  if (!(await isBuildCurrent(distDir))) {
    // An install of the built files only (the image) has nothing to build from.
    const sources = await stat(join(playgroundSourceDir, 'app.tsx')).catch(() => undefined);
    if (!sources) throw new PlaygroundNotBuiltError(distDir);
    // build.js loads esbuild only when it builds, from sources and in the bundle alike.
    const { buildPlayground } = await import('./build.js');
    await buildPlayground(distDir).catch((error: unknown) => {
      throw isEsbuildMissing(error) ? new PlaygroundNotBuiltError(distDir, error) : error;
    });
  }
  const [js, css] = await Promise.all([
    readAsset(distDir, playgroundFiles.js, 'text/javascript; charset=utf-8'),
    readAsset(distDir, playgroundFiles.css, 'text/css; charset=utf-8'),
  ]);
  return { js, css };
}

function isEsbuildMissing(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' &&
    error.message.includes("'esbuild'")
  );
}

async function readAsset(
  distDir: string,
  name: string,
  contentType: string,
): Promise<PlaygroundAsset> {
  const body = await readFile(join(distDir, name));
  const version = createHash('sha256').update(body).digest('hex').slice(0, 16);
  const gzipped = await gzipAsync(body, { level: 9 });
  return { name, contentType, body, gzipped, version };
}

/**
 * True when every output exists and no input of the last build changed since. Inputs that are
 * gone (an image without sources or node_modules) do not count as changes.
 */
async function isBuildCurrent(distDir: string): Promise<boolean> {
  let builtAt: number;
  let inputs: string[];
  try {
    const outputs = await Promise.all(
      [playgroundFiles.js, playgroundFiles.css].map((name) => stat(join(distDir, name))),
    );
    builtAt = Math.min(...outputs.map((output) => output.mtimeMs));
    inputs = JSON.parse(await readFile(join(distDir, playgroundFiles.inputs), 'utf8')) as string[];
  } catch {
    return false;
  }
  const changed = await Promise.all(
    inputs.map(async (input) => {
      const info = await stat(resolve(playgroundRootDir, input)).catch(() => undefined);
      return info !== undefined && info.mtimeMs > builtAt;
    }),
  );
  return !changed.includes(true);
}
