/**
 * The server bundle in an install without esbuild, as `npm ci --omit=dev` leaves a checkout once
 * esbuild is a devDependency: dist/main.mjs, schema/, the playground's source and node_modules
 * less esbuild, laid out in a scratch folder. The playground is served from a bundle built
 * beforehand, and without one the start fails with one line that says what to run, not esbuild's
 * stack. (.ci/image-steps.sh checks the image's layout, which has no sources at all.)
 */
import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlayground } from '../../server/playground/build.js';
import { NODE_FLAGS } from '../../server/heap.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const BUILD_TOOLS = new Set(['esbuild', '@esbuild', '.bin', '.package-lock.json']);

/** Every installed package but the build tools, linked into `dir`/node_modules. */
async function linkRuntimePackages(dir: string): Promise<void> {
  const modules = join(dir, 'node_modules');
  await mkdir(modules);
  for (const name of await readdir(join(root, 'node_modules'))) {
    if (!BUILD_TOOLS.has(name))
      await symlink(join(root, 'node_modules', name), join(modules, name));
  }
}

/**
 * Starts dist/main.mjs from `dir` as a production container would. Serving the playground calls no
 * Twilio host, so the configured one is a port nothing listens on.
 */
function startBundle(dir: string) {
  const nowhere = 'http://127.0.0.1:9';
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    GRAPHQL_PLAYGROUND: 'true',
    PORT: '0',
    LOG_LEVEL: 'info',
    TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
    TWILIO_AUTH_TOKEN: 'token',
    TWILIO_FLEX_API_URL: nowhere,
    TWILIO_CONVERSATIONS_API_URL: nowhere,
    TWILIO_CHAT_API_URL: nowhere,
    TWILIO_TASKROUTER_API_URL: nowhere,
  };
  const child = spawn(process.execPath, [...NODE_FLAGS, join(dir, 'dist', 'main.mjs')], {
    cwd: dir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Every line the process writes, stdout and stderr alike: a stack trace would land on stderr.
  const lines: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const graphqlUrl = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      const url = (parseJson(line)?.graphqlUrl as string | undefined) ?? '';
      if (url) resolve(url);
    });
    createInterface({ input: child.stderr }).on('line', (line) => lines.push(line));
    void exited.then((code) =>
      reject(new Error(`dist/main.mjs exited (${code}): ${lines.join('\n')}`)),
    );
  });
  // Awaited only by a test that expects the server up; one that expects it to exit ignores it.
  graphqlUrl.catch(() => undefined);
  return { child, exited, graphqlUrl, lines };
}

function parseJson(line: string): Record<string, unknown> | null {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return null;
  }
}

describe('the server bundle installed without esbuild', () => {
  let dir: string;
  let playgroundDist: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gateway-production-'));
    playgroundDist = join(dir, 'server', 'playground', 'dist');
    await promisify(execFile)('npm', ['run', '--silent', 'build', '--', `--outdir=${dir}/dist`], {
      cwd: root,
    });
    await symlink(join(root, 'schema'), join(dir, 'schema'));
    await mkdir(join(dir, 'server', 'playground'), { recursive: true });
    await symlink(
      join(root, 'server', 'playground', 'app.tsx'),
      join(dir, 'server', 'playground', 'app.tsx'),
    );
    await linkRuntimePackages(dir);
  }, 60_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('stops with one line saying what to run when the playground bundle is missing', async () => {
    const server = startBundle(dir);
    expect(await server.exited).toBe(1);
    expect(server.lines).toHaveLength(1);
    expect(parseJson(server.lines[0]!)).toMatchObject({
      level: 60, // pino's fatal
      code: 'PLAYGROUND_NOT_BUILT',
      msg: `Cannot start: playground bundle not built in ${playgroundDist}: run npm run playground:build (or set GRAPHQL_PLAYGROUND=false)`,
    });
  });

  it('serves the playground page and its script from the bundle built beforehand', async () => {
    await buildPlayground(playgroundDist);
    const server = startBundle(dir);
    try {
      const graphqlUrl = await server.graphqlUrl;
      const page = await fetch(graphqlUrl, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      const script = /<script[^>]+src="([^"]+)"/.exec(await page.text())?.[1];
      expect(script).toMatch(/^\/playground\/playground\.js\?v=/);
      const asset = await fetch(new URL(script!, graphqlUrl));
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exited).toBe(0);
  });
});
