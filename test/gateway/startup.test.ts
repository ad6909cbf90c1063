// Start-up, as an operator meets it: a problem that stops the gateway is one JSON line and exit 1;
// a risky setting is one warn line and the gateway runs.
import { spawn } from 'node:child_process';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { startGateway } from '../../server/http.js';
import { StartupError } from '../../server/startup-error.js';
import { LogLines } from '../helpers/log-lines.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Settings that need no emulator: nothing is called upstream before the first request. */
const ACCOUNT = {
  TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
  TWILIO_AUTH_TOKEN: 'token',
};

/** Runs `server/main.ts` as `npm run dev` does (tsx), until it exits; its output by stream. */
function runMain(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise<{ code: number | null; lines: unknown[]; stderr: string }>((resolve) => {
    child.once('close', (code) =>
      resolve({
        code,
        lines: stdout
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as unknown),
        stderr,
      }),
    );
  });
}

describe('start-up problems are one line and exit 1', () => {
  let taken: Server;
  let port: number;

  beforeAll(async () => {
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    port = (taken.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => taken.close(resolve)));

  it('says which port is in use', async () => {
    const result = await runMain({ ...ACCOUNT, PORT: String(port), HOST: '127.0.0.1' });
    expect(result).toEqual({
      code: 1,
      lines: [
        expect.objectContaining({
          level: 60,
          code: 'EADDRINUSE',
          msg: `Cannot start: PORT ${port} on 127.0.0.1 is already in use (EADDRINUSE): stop what listens on 127.0.0.1:${port}, or set PORT to a free port`,
        }),
      ],
      stderr: '',
    });
  }, 30_000);

  it('says what is wrong with a setting, as JSON like every other line', async () => {
    const result = await runMain({ ...ACCOUNT, PORT: 'eighty' });
    expect(result).toEqual({
      code: 1,
      lines: [
        expect.objectContaining({
          level: 60,
          msg: 'Configuration error: PORT must be a whole number from 0 to 65535, got "eighty"',
        }),
      ],
      stderr: '',
    });
  }, 30_000);

  it('refuses to run the open demo emulator in production, for want of credentials', async () => {
    const result = await runMain({ NODE_ENV: 'production', PORT: '0' });
    expect(result).toEqual({
      code: 1,
      lines: [
        expect.objectContaining({
          level: 60,
          msg: expect.stringMatching(
            /^Configuration error: NODE_ENV=production needs Twilio credentials/,
          ) as string,
        }),
      ],
      stderr: '',
    });
  }, 30_000);

  it('says which host does not resolve', async () => {
    const starting = startGateway(
      loadConfig({ ...ACCOUNT, PORT: '0', HOST: 'nonexistent.invalid', LOG_LEVEL: 'silent' }),
    );
    await expect(starting).rejects.toThrow(StartupError);
    await expect(starting).rejects.toThrow(
      /^HOST "nonexistent\.invalid" does not resolve \((ENOTFOUND|EAI_AGAIN)\): set HOST to an address or name of this machine, e\.g\. 127\.0\.0\.1, or 0\.0\.0\.0 for every interface$/,
    );
  });
});

describe('start-up warnings for risky settings', () => {
  /** The warn lines a gateway with these settings writes as it starts. */
  async function warningsFor(env: Record<string, string>) {
    const logs = new LogLines();
    const gateway = await startGateway(
      loadConfig({ ...ACCOUNT, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env }),
      { logDestination: logs },
    );
    await gateway.close();
    return logs.lines.map(({ level, warning, msg }) => ({ level, warning, msg }));
  }

  it('warns when anyone may call a production gateway without credentials', async () => {
    expect(await warningsFor({ AUTH_OPEN: 'true', NODE_ENV: 'production' })).toEqual([
      {
        level: 40,
        warning: 'OPEN_IN_PRODUCTION',
        msg: 'AUTH_OPEN=true with NODE_ENV=production: any request without credentials acts as the configured Twilio account. Set AUTH_OPEN=false and give clients tokens (AUTH_JWT_SECRET or AUTH_JWKS_URL)',
      },
    ]);
  });

  it('warns about a JWT secret shorter than 32 bytes, counting bytes, not characters', async () => {
    // 16 characters, 31 bytes in UTF-8.
    expect(await warningsFor({ AUTH_JWT_SECRET: 'ééééééééééééééé1' })).toEqual([
      {
        level: 40,
        warning: 'SHORT_JWT_SECRET',
        msg: 'AUTH_JWT_SECRET is 31 bytes: an HS256 secret needs at least 32 (RFC 7518 §3.2), or tokens can be forged by guessing it. Use a random one, e.g. from `openssl rand -base64 32`',
      },
    ]);
    expect(await warningsFor({ AUTH_JWT_SECRET: 'é'.repeat(16) })).toEqual([]);
  });

  it('warns when no request can get in at all', async () => {
    expect(await warningsFor({ AUTH_OPEN: 'false', AUTH_BASIC_PASSTHROUGH: 'false' })).toEqual([
      {
        level: 40,
        warning: 'NO_WAY_IN',
        msg: 'No request can get in: AUTH_OPEN is not true, AUTH_BASIC_PASSTHROUGH=false, and neither AUTH_JWT_SECRET nor AUTH_JWKS_URL is set, so every request is refused with 401',
      },
    ]);
  });

  it('says nothing of settings that are fine', async () => {
    expect(
      await warningsFor({
        NODE_ENV: 'production',
        AUTH_BASIC_PASSTHROUGH: 'false',
        AUTH_JWT_SECRET: 'a-secret-of-thirty-two-bytes-or-more',
      }),
    ).toEqual([]);
  });
});
