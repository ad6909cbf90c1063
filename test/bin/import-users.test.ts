import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.js';

const SCRIPT = join(import.meta.dirname, '../../bin/import-users.ts');

/** Runs the script as a user would, a process of its own, and waits for it to exit. */
function runImport(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', SCRIPT, ...args], (error, _stdout, stderr) => {
      resolve({ code: error ? (error.code as number | null) : 0, stderr });
    });
  });
}

const row = (i: number, overrides: Partial<Record<string, string>> = {}) => {
  const cells = {
    username: `csv.${i}@owlbank.example`,
    email: `csv.${i}@owlbank.example`,
    full_name: `Csv Person ${i}`,
    roles: i % 2 ? 'agent;supervisor' : 'agent',
    worker_attributes: i % 3 ? '' : '{"skills": ["billing"]}',
    ...overrides,
  };
  return Object.values(cells)
    .map((cell) => (/[",]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell))
    .join(',');
};
const HEADER = 'Username,Email,Full Name,Roles,worker_attributes';

describe('bin/import-users.ts', () => {
  let stack: Stack;
  let dir: string;

  beforeAll(async () => {
    stack = await startStack({ seedUsers: 40, env: { BULK_CONCURRENCY: '4' } });
    dir = mkdtempSync(join(tmpdir(), 'import-'));
  });
  afterAll(async () => {
    await stack.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => stack.emulator.clearRequests());

  it('provisions every good row in batches, reports the bad ones and exits 1', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => row(i));
    rows[7] = row(7, { email: 'not-an-email' });
    rows[12] = row(12, { roles: 'agent;janitor' });
    const file = join(dir, 'people.csv');
    writeFileSync(file, `${HEADER}\n${rows.join('\n')}\n`);
    const { code, stderr } = await runImport([file, '--gateway', stack.url, '--batch', '10']);
    expect(code).toBe(1);
    // Rows refused while reading the file (row 12's role) count as done from the start.
    expect(stderr).toContain('import: 11/25 done, 2 failed');
    expect(stderr).toContain('import: 25/25 done, 2 failed');
    expect(stderr).toContain('23 provisioned, 2 failed of 25');

    const report: Record<string, string>[] = parse(readFileSync(join(dir, 'people.report.csv')), {
      columns: true,
    });
    expect(report).toHaveLength(25);
    expect(report.filter((r) => r.outcome === 'OK')).toHaveLength(23);
    expect(report[7]).toMatchObject({ line: '9', outcome: 'FAILED', code: 'INVALID' });
    expect(report[12]).toMatchObject({ line: '14', outcome: 'FAILED', code: 'INVALID' });
    expect(report[12]!.message).toContain('JANITOR');
    expect(report[0]!.flex_user_sid).toMatch(/^FU[0-9a-f]{32}$/);

    // The batch with the bad email was refused whole, at no cost, then sent without it.
    const provisions = (await stack.emulator.requestLines()).filter((l) =>
      l.endsWith('/Provision'),
    );
    expect(provisions).toHaveLength(23);
    const seeded = new Set(
      (await stack.emulator.people({ limit: 100_000 })).map((p) => p.identity),
    );
    for (const r of report) expect(seeded.has(r.username!)).toBe(r.outcome === 'OK');
  });

  it('exits 0 when every row is provisioned, and 2 on a missing argument', async () => {
    const file = join(dir, 'few.csv');
    writeFileSync(file, `${HEADER}\n${[row(100), row(101)].join('\n')}\n`);
    const report = join(dir, 'few-report.csv');
    expect((await runImport([file, '--gateway', stack.url, '--report', report])).code).toBe(0);
    expect(readFileSync(report, 'utf8').split('\n').filter(Boolean)).toHaveLength(3);
    expect((await runImport([file])).code).toBe(2);
  });
});
