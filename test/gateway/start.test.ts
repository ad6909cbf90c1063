/**
 * `npm start` runs the bundle `npm run build` writes (dist/main.mjs), not the TypeScript sources:
 * this starts that bundle the same way, with no Twilio credentials, and uses it.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_FLAGS } from '../../server/heap.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('the built gateway (npm start)', () => {
  let child: ChildProcess | undefined;
  let graphqlUrl: string;
  let identity: string;
  let exitCode: Promise<number | null>;
  const stdout: string[] = [];
  const parse = (line: string) => {
    try {
      return JSON.parse(line) as Record<string, string | undefined>;
    } catch {
      return null;
    }
  };

  beforeAll(async () => {
    await promisify(execFile)('npm', ['run', '--silent', 'build'], { cwd: root });
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', LOG_LEVEL: 'info' };
    for (const name of Object.keys(env)) if (name.startsWith('TWILIO_')) delete env[name];
    const server = spawn(
      process.execPath,
      ['--enable-source-maps', ...NODE_FLAGS, 'dist/main.mjs'],
      {
        cwd: root,
        env,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    child = server;
    exitCode = new Promise((resolve) => server.once('exit', (code) => resolve(code)));
    const lines = createInterface({ input: server.stdout });
    [graphqlUrl, identity] = await new Promise<[string, string]>((resolve, reject) => {
      // Every line is JSON, the start-up line too: its fields carry the URL and an example.
      lines.on('line', (line) => {
        stdout.push(line);
        const started = parse(line);
        if (started?.graphqlUrl && started.exampleIdentity) {
          resolve([started.graphqlUrl, started.exampleIdentity]);
        }
      });
      server.once('exit', (code) => reject(new Error(`dist/main.mjs exited (${code})`)));
    });
  }, 60_000);

  afterAll(() => {
    if (child?.exitCode === null) child.kill('SIGKILL');
  });

  it('answers the example query it prints, from the embedded emulator', async () => {
    const response = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `query ($identity: String!) { user(identity: $identity) {
          identity flexUser { username } conversationsUser { identity } chatUsers { identity } } }`,
        variables: { identity },
      }),
    });
    const body = (await response.json()) as {
      data: { user: Record<string, unknown> & { chatUsers: unknown[] } };
    };
    expect(body.data.user).toMatchObject({
      identity,
      flexUser: { username: identity },
      conversationsUser: { identity },
    });
    expect(body.data.user.chatUsers.length).toBeGreaterThan(0);
  });

  it("writes the operation's log line while no other traffic comes to fill its buffer", async () => {
    // The example query above is the only operation so far: its line is far short of the 4 KB
    // a write gathers, so only LOG_FLUSH_MS's flush (100 ms by default) can have written it.
    const deadline = Date.now() + 10_000;
    const operationLine = () =>
      stdout.map(parse).find((fields) => fields?.msg === 'graphql operation');
    while (!operationLine() && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(operationLine()).toMatchObject({
      level: 30,
      upstreamCalls: expect.any(Number) as number,
    });
  });

  it('serves the playground page and its bundle (files found from dist/)', async () => {
    const page = await fetch(graphqlUrl, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    const script = /<script[^>]+src="([^"]+)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(new URL(script!, graphqlUrl));
    expect(asset.status).toBe(200);
    expect((await asset.text()).length).toBeGreaterThan(100_000);
  });

  it('lets a frontend dev server on any localhost port call it (CORS), with no setting', async () => {
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:3000']) {
      const preflight = await fetch(graphqlUrl, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
    }
    const elsewhere = await fetch(graphqlUrl, {
      method: 'OPTIONS',
      headers: { origin: 'https://example.com', 'access-control-request-method': 'POST' },
    });
    expect(elsewhere.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('stops cleanly on SIGTERM', async () => {
    child?.kill('SIGTERM');
    expect(await exitCode).toBe(0);
  }, 15_000);

  it('wrote only JSON lines, the start-up and shutdown lines too', () => {
    expect(stdout.filter((line) => parse(line) === null)).toEqual([]);
    expect(stdout.map(parse)).toContainEqual(
      expect.objectContaining({
        level: 30,
        msg: expect.stringMatching(
          /^identity-gateway: GraphQL endpoint and playground http:/,
        ) as string,
      }),
    );
    expect(stdout.map(parse).at(-1)).toMatchObject({ level: 30, signal: 'SIGTERM' });
  });
});
