import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../emulator/index.js';
import type { Finding } from '../../datasources/reconciliation/classifier.js';
import { createEmulatorClient, type EmulatorClient } from '../helpers/emulator.js';
import { spawnGateway, type GatewayProcess } from '../helpers/gateway-process.js';
import { basicAuth, execute, expectData } from '../helpers/graphql.js';
import {
  expectedFindings,
  expectSameFindings,
  isOver,
  JOB_FIELDS,
  startJobGateway,
  startPlantedEmulator,
  type JobGateway,
  type JobShape,
} from '../helpers/reconciliation.js';
import { redisOrSkip, startRedis, type RedisServer } from '../helpers/redis.js';
import { TEST_KEY_SECRET } from '../helpers/replicas.js';
import { emulatorGatewayEnv } from '../helpers/stack.js';
import { waitFor } from '../helpers/wait-for.js';

const redisLookup = redisOrSkip();
const CHECKPOINT_PAGES = 3;

describe.skipIf('skip' in redisLookup)('reconciliation resumed by another replica (Redis)', () => {
  let redis: RedisServer;
  let emulator: RunningEmulator;
  let client: EmulatorClient;
  let expected: Finding[];
  let replicaB: JobGateway;
  let env: Record<string, string>;
  const spawned: GatewayProcess[] = [];

  beforeAll(async () => {
    redis = await startRedis(redisLookup as { path: string });
    emulator = await startPlantedEmulator(600);
    client = createEmulatorClient(emulator);
    expected = await expectedFindings(emulator);
    env = {
      ...emulatorGatewayEnv(emulator.accounts[0]!, emulator.url),
      CACHE_TTL_SECONDS: '0',
      REDIS_URL: redis.url,
      REDIS_KEY_SECRET: TEST_KEY_SECRET,
      // A lapsed lease is noticed within a second, so the crash case stays short.
      RECONCILE_LEASE_MS: '900',
      RECONCILE_CHECKPOINT_PAGES: String(CHECKPOINT_PAGES),
      RECONCILE_CHECKPOINT_SECONDS: '0',
      RECONCILE_MAX_BUDGET_SHARE: '1',
      AUTH_BASIC_PASSTHROUGH: 'true',
    };
    replicaB = await startJobGateway(emulator, env);
  }, 60_000);
  afterAll(async () => {
    await Promise.all(spawned.map((gateway) => gateway.stop('SIGKILL')));
    await replicaB?.gateway.close();
    await emulator?.close();
    await redis?.stop();
  });
  beforeEach(async () => {
    // Slow enough that a replica can be stopped in the middle.
    await client.setFaults({ latencyMs: 40 });
    await client.clearRequests();
  });

  /** Replica A, its own process, starts a job (as `headers` say) and reads `pages` pages. */
  async function startOnA(pages: number, headers: Record<string, string> = {}) {
    const replicaA = await spawnGateway(env);
    spawned.push(replicaA);
    const started = expectData(
      await execute<{ startReconciliation: { job: JobShape } }>(
        replicaA.graphqlUrl,
        `mutation { startReconciliation(input: { budgetShare: 0.5 }) { job { ${JOB_FIELDS} } } }`,
        {},
        { headers },
      ),
    ).startReconciliation.job;
    await waitFor(
      async () => {
        const seen = expectData(
          await execute<{ reconciliation: JobShape }>(
            replicaA.graphqlUrl,
            `query ($id: ID!) { reconciliation(id: $id) { progress { pagesRead } } }`,
            { id: started.id },
            { headers },
          ),
        );
        return seen.reconciliation.progress.pagesRead >= pages;
      },
      `replica A reads ${pages} pages`,
      30_000,
    );
    return { replicaA, id: started.id };
  }

  const pageLines = async () =>
    (await client.requestLines()).filter((line) => !line.includes('/Configuration'));

  it('goes on where a replica that shut down left it, reading no page twice', async () => {
    const { replicaA, id } = await startOnA(5);
    await replicaA.stop('SIGTERM');
    const readByA = (await pageLines()).length;
    const done = await replicaB.until(id, isOver, 'replica B finishes the job');
    expect(done.status).toBe('DONE');
    expectSameFindings(await replicaB.findings(id, undefined, 50), expected);
    const lines = await pageLines();
    expect(lines.length).toBeGreaterThan(readByA);
    // A checkpointed at its last page on the way out: B read only what A had not.
    expect(new Set(lines).size).toBe(lines.length);
    expect(done.progress.pagesRead).toBe(lines.length);
  }, 90_000);

  it('resumes from the last checkpoint when the replica running it dies', async () => {
    const { replicaA, id } = await startOnA(2 * CHECKPOINT_PAGES + 1);
    await replicaA.stop('SIGKILL');
    const readByA = await pageLines();
    const done = await replicaB.until(id, isOver, 'replica B takes over once the lease lapses');
    expect(done.status).toBe('DONE');
    // Exactly once: findings of pages read again after the checkpoint were trimmed first.
    expectSameFindings(await replicaB.findings(id, undefined, 50), expected);
    const lines = await pageLines();
    const readByB = lines.slice(readByA.length);
    expect(readByB.length).toBeGreaterThan(0);
    // B started at a checkpoint, not at the beginning: the pages up to it were read once.
    const again = readByB.filter((line) => readByA.includes(line));
    expect(again.length).toBeLessThanOrEqual(CHECKPOINT_PAGES + 1);
    expect(readByB).not.toContain(readByA[0]);
    expect(readByA.length - again.length).toBeGreaterThanOrEqual(CHECKPOINT_PAGES);
  }, 90_000);

  it('is cancelled from a replica that is not running it', async () => {
    const replicaA = await startJobGateway(emulator, env);
    try {
      const { job } = await replicaA.start({ budgetShare: 0.5 });
      await replicaA.until(job!.id, (j) => j.progress.pagesRead >= 2, 'A reads two pages');
      const asked = await replicaB.run<{
        cancelReconciliation: { job: { status: string } | null; userErrors: unknown[] };
      }>(
        `mutation ($id: ID!) { cancelReconciliation(id: $id) { userErrors { code } job { status } } }`,
        { id: job!.id },
      );
      expect(asked.cancelReconciliation.userErrors).toEqual([]);
      // B only sets the flag; A sees it within a third of its lease and stops.
      expect(['CANCELLING', 'CANCELLED']).toContain(asked.cancelReconciliation.job?.status);
      const cancelled = await replicaB.until(
        job!.id,
        (j) => j.status === 'CANCELLED',
        'A stops the job',
      );
      expect(cancelled.finishedAt).not.toBeNull();
      const settled = (await pageLines()).length;
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect((await pageLines()).length).toBe(settled);
      expect(settled).toBeLessThan(20);
    } finally {
      await replicaA.gateway.close();
    }
  }, 60_000);

  it('leaves a pass-through job INTERRUPTED until the same credentials resume it', async () => {
    const other = emulator.accounts[1]!;
    const headers = { authorization: basicAuth(other.accountSid, other.authToken) };
    const wrong = { authorization: basicAuth(other.accountSid, `${other.authToken}x`) };
    const otherExpected = await expectedFindings(emulator, 1);
    await client.clearRequests();
    const { replicaA, id } = await startOnA(2, headers);
    await replicaA.stop('SIGKILL');
    const job = (options = {}) =>
      replicaB.run<{ reconciliation: JobShape | null }>(
        `query ($id: ID!) { reconciliation(id: $id) { ${JOB_FIELDS} } }`,
        { id },
        options,
      );
    // B cannot act as that account without the client: the job waits for it.
    await waitFor(
      async () => (await job({ headers }))?.reconciliation?.status === 'INTERRUPTED',
      'the job is INTERRUPTED',
      30_000,
    );
    // Another secret for the same account finds nothing to read, cancel or resume.
    expect((await job({ headers: wrong })).reconciliation).toBeNull();
    const refused = await replicaB.run<{
      resumeReconciliation: { userErrors: { code: string }[] };
    }>(
      `mutation ($id: ID!) { resumeReconciliation(id: $id) { userErrors { code } } }`,
      { id },
      { headers: wrong },
    );
    expect(refused.resumeReconciliation.userErrors[0]?.code).toBe('NOT_FOUND');
    // Nor does the configured account (another tenant).
    expect(await replicaB.job(id)).toBeNull();

    const resumed = await replicaB.run<{
      resumeReconciliation: { job: JobShape | null; userErrors: { code: string }[] };
    }>(
      `mutation ($id: ID!) { resumeReconciliation(id: $id) { userErrors { code } job { status } } }`,
      { id },
      { headers },
    );
    expect(resumed.resumeReconciliation.userErrors).toEqual([]);
    expect(resumed.resumeReconciliation.job?.status).toBe('RUNNING');
    await waitFor(
      async () => (await job({ headers }))?.reconciliation?.status === 'DONE',
      'the resumed job ends',
      60_000,
    );
    expectSameFindings(await replicaB.findings(id, undefined, 1000, { headers }), otherExpected);
  }, 90_000);
});
