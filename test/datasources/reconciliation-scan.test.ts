import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import type { ExpectedFindings } from '../../emulator/expected-findings.js';
import type { PlantedOrphan } from '../../emulator/seed-reconciliation.js';
import { createDataSources, type Apis } from '../../datasources/index.js';
import { FINDING_KINDS, type Finding } from '../../datasources/reconciliation/classifier.js';
import {
  runReconciliationScan,
  type ScanCheckpoint,
  type ScanTarget,
} from '../../datasources/reconciliation/scan.js';
import { loadConfig } from '../../server/config.js';
import { createTransportFromConfig } from '../../server/context.js';
import { createEmulatorClient, type EmulatorClient } from '../helpers/emulator.js';

let emulator: RunningEmulator;
let client: EmulatorClient;
let target: ScanTarget;
let apis: Apis;
let planted: PlantedOrphan[];

/** The datasources as a request builds them (server/context.ts), over real HTTP to the emulator. */
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seedUsers: 300 });
  client = createEmulatorClient(emulator);
  const account = emulator.accounts[0]!;
  const config = loadConfig({
    TWILIO_ACCOUNT_SID: account.accountSid,
    TWILIO_AUTH_TOKEN: account.authToken,
    TWILIO_FLEX_API_URL: emulator.url,
    TWILIO_CONVERSATIONS_API_URL: emulator.url,
    TWILIO_CHAT_API_URL: emulator.url,
    TWILIO_TASKROUTER_API_URL: emulator.url,
  });
  const transport = createTransportFromConfig(config);
  apis = createDataSources(transport, {
    credentials: { username: account.accountSid, password: account.authToken },
    account: account.accountSid,
    deadline: Date.now() + 600_000,
    signal: new AbortController().signal,
    maxCalls: 10_000,
  }).apis;
  target = {
    flexInstanceSid: account.flexInstanceSid,
    workspaceSid: account.workspaceSid,
    // The default service's users are the Conversations users, read in their own phase.
    chatServiceSids: account.chatServiceSids.filter((sid) => sid !== account.defaultChatServiceSid),
  };
  const response = await fetch(`${emulator.url}/__emulator/planted-orphans`);
  planted = ((await response.json()) as { planted: PlantedOrphan[] }).planted;
});
afterAll(() => emulator.close());

async function scan(options: Parameters<typeof runReconciliationScan>[2] = {}) {
  const findings: Finding[] = [];
  const outcome = await runReconciliationScan(apis, target, {
    ...options,
    onFindings: (page) => {
      findings.push(...page);
    },
  });
  return { outcome, findings };
}

/** A finding as one string, its fields in a fixed order (the classifier's key order varies by kind). */
const line = (f: Finding | ExpectedFindings['findings'][number]) =>
  JSON.stringify([f.kind, f.identity, f.flexUserSid, f.otherSid, f.serviceSid, f.otherName]);

describe('reconciliation scan against the emulator', () => {
  it('finds exactly what the emulator expects from its state, planted orphans included', async () => {
    const { outcome, findings } = await scan();
    expect(outcome.status).toBe('done');
    expect(outcome.progress.findings).toBe(findings.length);

    // The oracle: the emulator's own, hold-everything reading of the same definitions.
    const query = `chatServiceSids=${target.chatServiceSids.join(',')}`;
    const response = await fetch(`${emulator.url}/__emulator/expected-findings?${query}`);
    const oracle = (await response.json()) as ExpectedFindings;
    expect(findings.map(line).sort()).toEqual(oracle.findings.map(line).sort());
    const byKind: Record<string, number> = {};
    for (const { kind } of findings) byKind[kind] = (byKind[kind] ?? 0) + 1;
    expect(byKind).toEqual(oracle.byKind);
    // Every kind occurs, so the comparison covers each of them.
    expect(Object.keys(byKind).sort()).toEqual([...FINDING_KINDS].sort());

    // The seed makes none of these: the planted ones are found, SID for SID.
    const found = findings.map(({ kind, identity, flexUserSid, otherSid }) => ({
      kind,
      identity,
      flexUserSid,
      otherSid,
    }));
    expect(planted).toHaveLength(6);
    expect(found).toEqual(expect.arrayContaining(planted));

    // One call per page, every one a list read.
    const lines = await client.requestLines();
    expect(lines).toHaveLength(outcome.progress.pages);
    expect(lines.every((l) => l.startsWith('GET ') && l.includes('PageSize='))).toBe(true);
  });

  it('stops at a cancel, between pages, with no call after it', async () => {
    await client.clearRequests();
    const controller = new AbortController();
    const { outcome } = await scan({
      signal: controller.signal,
      onPage: (progress) => {
        if (progress.pages === 2) controller.abort();
      },
    });
    expect(outcome.status).toBe('cancelled');
    expect(outcome.progress.pages).toBe(2);
    expect(outcome.checkpoint.cursor.phase).toBe('conversations');
    expect(await client.requestLines()).toHaveLength(2);
  });

  it('resumes from a persisted checkpoint to the same findings as one full scan', async () => {
    const full = await scan();
    expect(full.outcome.progress.pages).toBeGreaterThan(6);
    const controller = new AbortController();
    const first = await scan({
      signal: controller.signal,
      onPage: (progress) => {
        if (progress.pages === Math.floor(full.outcome.progress.pages / 2)) controller.abort();
      },
    });
    expect(first.outcome.status).toBe('cancelled');
    // As a job would store it (Redis or memory): JSON, then read back after a restart.
    const stored = JSON.parse(JSON.stringify(first.outcome.checkpoint)) as ScanCheckpoint;
    await client.clearRequests();
    const rest = await scan({ from: stored });
    expect(rest.outcome.status).toBe('done');
    expect([...first.findings, ...rest.findings].map(line).sort()).toEqual(
      full.findings.map(line).sort(),
    );
    expect(rest.outcome.progress).toEqual(full.outcome.progress);
    // The resumed half read only the pages the first half had not.
    expect(await client.requestLines()).toHaveLength(
      full.outcome.progress.pages - first.outcome.progress.pages,
    );
  });

  it('refuses a checkpoint taken for another target, before any call', async () => {
    const controller = new AbortController();
    const first = await scan({ signal: controller.signal, onPage: () => controller.abort() });
    await client.clearRequests();
    await expect(
      runReconciliationScan(
        apis,
        { ...target, chatServiceSids: [] },
        { from: first.outcome.checkpoint },
      ),
    ).rejects.toThrow('another scan target');
    expect(await client.requestLines()).toEqual([]);
  });

  it('fails on an upstream error with its last checkpoint usable: resuming completes the scan', async () => {
    const full = await scan();
    await client.setFaults({ path: '/Workers', errorRate: 1, errorStatus: 503 });
    let last: ScanCheckpoint | null = null;
    const seen: Finding[] = [];
    try {
      await expect(
        runReconciliationScan(apis, target, {
          onFindings: (page) => {
            seen.push(...page);
          },
          onPage: (_progress, checkpoint) => {
            last = checkpoint();
          },
        }),
      ).rejects.toMatchObject({ twilio: { status: 503, product: 'taskrouter' } });
    } finally {
      await client.setFaults({});
    }
    expect(last).not.toBeNull();
    const stored = last as unknown as ScanCheckpoint;
    expect(stored.cursor.phase).toBe('workers');
    const rest = await scan({ from: JSON.parse(JSON.stringify(stored)) as ScanCheckpoint });
    expect([...seen, ...rest.findings].map(line).sort()).toEqual(full.findings.map(line).sort());
  });
});
