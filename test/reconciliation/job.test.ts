import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../emulator/index.js';
import type { Finding } from '../../datasources/reconciliation/classifier.js';
import { createEmulatorClient, type EmulatorClient } from '../helpers/emulator.js';
import { execute } from '../helpers/graphql.js';
import {
  expectedFindings,
  expectSameFindings,
  isOver,
  startJobGateway,
  startPlantedEmulator,
  type JobGateway,
} from '../helpers/reconciliation.js';
import { waitFor } from '../helpers/wait-for.js';

let emulator: RunningEmulator;
let client: EmulatorClient;
let gateway: JobGateway;
let expected: Finding[];

beforeAll(async () => {
  emulator = await startPlantedEmulator(300);
  client = createEmulatorClient(emulator);
  expected = await expectedFindings(emulator);
  // Up to the whole budget, so most jobs here run at full speed.
  gateway = await startJobGateway(emulator, { RECONCILE_MAX_BUDGET_SHARE: '1' });
});
afterAll(async () => {
  await gateway?.gateway.close();
  await emulator?.close();
});
beforeEach(async () => {
  await client.setFaults({});
  await client.clearRequests();
});

const cancel = (id: string) =>
  gateway.run<{
    cancelReconciliation: { job: { status: string } | null; userErrors: { code: string }[] };
  }>(
    `mutation ($id: ID!) { cancelReconciliation(id: $id) { userErrors { code message } job { status } } }`,
    { id },
  );

describe('the reconciliation job', () => {
  it('finds exactly what the emulator oracle expects, reading each page once', async () => {
    expect(expected.length).toBeGreaterThan(0);
    const { job, userErrors } = await gateway.start({ budgetShare: 0.5 });
    expect(userErrors).toEqual([]);
    expect(job?.status).toBe('RUNNING');
    const done = await gateway.until(job!.id, isOver, 'the job ends');
    expect(done.status).toBe('DONE');
    expect(done.progress).toMatchObject({
      phase: 'DONE',
      findings: expected.length,
      estimatedRemainingPages: 0,
      fractionDone: 1,
    });
    expect(done.finishedAt).not.toBeNull();
    expectSameFindings(await gateway.findings(done.id, undefined, 37), expected);
    // Kind counts add up to the findings, and each equals the kind's share of the reference.
    for (const { kind, count } of done.findingsByKind) {
      expect(count, kind).toBe(expected.filter((f) => f.kind === kind).length);
    }
    expect(done.findingsByKind.reduce((sum, k) => sum + k.count, 0)).toBe(expected.length);
    // Planted orphans are among them.
    const planted = (await (await fetch(`${emulator.url}/__emulator/planted-orphans`)).json()) as {
      planted: { kind: string; otherSid: string }[];
    };
    for (const orphan of planted.planted) {
      expect(
        expected.some((f) => f.kind === orphan.kind && f.otherSid === orphan.otherSid),
        `${orphan.kind} ${orphan.otherSid}`,
      ).toBe(true);
    }
    // Metrics: the pages and the findings by kind, every kind pre-bound.
    const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
    expect(metrics).toMatch(/^reconcile_jobs_running 0$/m);
    expect(Number(/^reconcile_pages_total (\d+)$/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(
      done.progress.pagesRead,
    );
    expect(metrics).toMatch(/^reconcile_findings_total\{kind="WORKER_WITHOUT_FLEX_USER"\} [1-9]/m);
    // One call per page, none read twice; pagesRead counts them (the /metrics scrape above
    // probed each Twilio host with GET /, which is not the job's).
    const lines = (await client.requestLines()).filter(
      (line) => line.startsWith('GET /v') && !line.includes('/Configuration'),
    );
    expect(new Set(lines).size).toBe(lines.length);
    expect(lines.length).toBe(done.progress.pagesRead);
  });

  it('filters findings by kind, with cursors that resume where they were', async () => {
    const { job } = await gateway.start({ budgetShare: 1 });
    await gateway.until(job!.id, isOver, 'the job ends');
    const kinds = ['NAME_DRIFT', 'CONVERSATIONS_USER_WITHOUT_FLEX_USER'];
    const filtered = await gateway.findings(job!.id, kinds, 3);
    expectSameFindings(
      filtered,
      expected.filter((f) => kinds.includes(f.kind)),
    );
    // In the kind order of the enum, each kind in the order found.
    expect(filtered.map((f) => f.kind)).toEqual(
      [...filtered.map((f) => f.kind)].sort(
        (a, b) =>
          ['CONVERSATIONS_USER_WITHOUT_FLEX_USER', 'NAME_DRIFT'].indexOf(a) -
          ['CONVERSATIONS_USER_WITHOUT_FLEX_USER', 'NAME_DRIFT'].indexOf(b),
      ),
    );
  });

  it('refuses bad input before any Twilio call', async () => {
    const tooMuch = await gateway.start({ budgetShare: 1.5 });
    expect(tooMuch.userErrors).toEqual([
      expect.objectContaining({ field: ['input', 'budgetShare'], code: 'INVALID' }),
    ]);
    const zero = await gateway.start({ budgetShare: 0 });
    expect(zero.userErrors[0]?.code).toBe('INVALID');
    const services = await gateway.start({ chatServiceSids: ['IS123', 'nope'] });
    expect(services.userErrors).toEqual([
      expect.objectContaining({ field: ['input', 'chatServiceSids'], code: 'INVALID' }),
    ]);
    expect(tooMuch.job).toBeNull();
    expect(await client.requestLines()).toEqual([]);

    const jobs = await gateway.run<{ reconciliations: { nodes: { id: string }[] } }>(
      '{ reconciliations(first: 100) { nodes { id } } }',
    );
    const id = jobs.reconciliations.nodes[0]!.id;
    for (const [query, variables] of [
      [
        'query ($id: ID!) { reconciliation(id: $id) { findings(first: 0) { nodes { kind } } } }',
        { id },
      ],
      [
        'query ($id: ID!) { reconciliation(id: $id) { findings(after: "bm9wZQ") { nodes { kind } } } }',
        { id },
      ],
      ['{ reconciliations(first: 101) { nodes { id } } }', {}],
    ] as const) {
      const result = await execute(`${gateway.url}/graphql`, query, variables);
      expect(result.errors?.[0]?.extensions?.code, query).toBe('BAD_USER_INPUT');
    }
    expect(await gateway.job('bm9wZQ')).toBeNull();
    const unknown = await cancel('bm9wZQ');
    expect(unknown.cancelReconciliation.userErrors[0]?.code).toBe('NOT_FOUND');
  });

  it('runs one job per tenant, reports progress with an estimate after Flex, and cancels', async () => {
    // Slow enough to watch: every page takes 40 ms at the emulator.
    await client.setFaults({ latencyMs: 40 });
    const { job } = await gateway.start({ budgetShare: 0.5 });
    const second = await gateway.start();
    expect(second.job).toBeNull();
    expect(second.userErrors.map((e) => e.code)).toEqual(['RECONCILIATION_RUNNING']);
    expect(second.userErrors[0]!.message).toContain(job!.id);
    const during = await gateway.until(
      job!.id,
      (j) => j.progress.phase !== 'FLEX' && j.progress.pagesRead > 0,
      'the Flex phase is over',
    );
    expect(during.status).toBe('RUNNING');
    expect(during.progress.estimatedRemainingPages).toBeGreaterThan(0);
    expect(during.progress.estimatedRemainingSeconds).toBeGreaterThan(0);
    expect(during.progress.fractionDone).toBeGreaterThan(0);
    expect(during.progress.fractionDone).toBeLessThan(1);

    const cancelled = await cancel(job!.id);
    expect(cancelled.cancelReconciliation.userErrors).toEqual([]);
    expect(cancelled.cancelReconciliation.job?.status).toBe('CANCELLED');
    const settled = (await client.requests()).length;
    // Nothing more reaches Twilio once the cancel has settled.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await client.requests()).length).toBe(settled);
    const again = await cancel(job!.id);
    expect(again.cancelReconciliation.userErrors[0]?.code).toBe('RECONCILIATION_NOT_ALLOWED');
    // The tenant may start again.
    await client.setFaults({});
    const next = await gateway.start({ budgetShare: 1 });
    expect(next.userErrors).toEqual([]);
    await gateway.until(next.job!.id, isOver, 'the next job ends');
  });

  it("paces itself to its share of the account's throughput", async () => {
    await client.setFaults({ latencyMs: 30 });
    const share = 0.25;
    const { job } = await gateway.start({ budgetShare: share });
    await gateway.until(job!.id, isOver, 'the job ends');
    const calls = (await client.requests()).filter((r) => !r.path.includes('/Configuration'));
    // Between one call's end and the next call's arrival the job waits t × (1 − s) / s: with
    // s = 1/4, three times the call. Asserted on the sum with a wide margin (a loaded machine
    // only makes gaps longer, never shorter).
    let gaps = 0;
    let busy = 0;
    for (let i = 1; i < calls.length; i++) {
      const end = Date.parse(calls[i - 1]!.time) + calls[i - 1]!.durationMs;
      gaps += Date.parse(calls[i]!.time) - end;
      busy += calls[i - 1]!.durationMs;
    }
    expect(calls.length).toBeGreaterThan(5);
    expect(gaps).toBeGreaterThan(busy * ((1 - share) / share) * 0.8);
  });

  it('waits out a 429 with Retry-After instead of failing', async () => {
    await client.setFaults({ rateLimitRate: 1, retryAfterSeconds: 1, times: 3, path: 'Users' });
    const { job } = await gateway.start({ budgetShare: 1 });
    const done = await gateway.until(job!.id, isOver, 'the job ends');
    expect(done.status).toBe('DONE');
    expect(done.progress.findings).toBe(expected.length);
    expect((await client.requests()).filter((r) => r.status === 429).length).toBe(3);
  });
});

describe('a failing job', () => {
  it('ends FAILED with Twilio’s code, keeping what it found', async () => {
    await client.setFaults({ errorRate: 1, errorStatus: 404, path: 'Workers' });
    const { job } = await gateway.start({ budgetShare: 1 });
    const done = await gateway.until(job!.id, isOver, 'the job ends');
    expect(done.status).toBe('FAILED');
    expect(done.error).toMatchObject({ code: 'NOT_FOUND' });
    expect(done.progress.findings).toBeGreaterThan(0);
    await waitFor(async () => (await gateway.findings(job!.id)).length > 0, 'findings are kept');
  });
});
