import type { SharedRedis } from '../redis.js';
import { FINDING_KINDS, type Finding, type FindingKind } from './classifier.js';
import {
  FINISHED,
  readAcrossKinds,
  type JobRecord,
  type JobStore,
  type JobStoreSettings,
  type KindCounts,
  type StoredCheckpoint,
} from './job-store.js';

// Take the lease when free or already ours (renew), atomically: two replicas sweeping at once
// must not both resume a job.
const LEASE = `
local v = redis.call('GET', KEYS[1])
if v == false or v == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0`;
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1`;
// The tenant's one running job: set unless another is there (then its id comes back).
const CLAIM = `
local v = redis.call('GET', KEYS[1])
if v == false or v == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[1])
  return ''
end
return v`;

type Scripted = {
  igwJobLease(key: string, owner: string, ttlMs: number): Promise<number>;
  igwJobRelease(key: string, owner: string): Promise<number>;
  igwJobClaim(key: string, id: string): Promise<string>;
};

/**
 * Jobs in the replicas' Redis, on the gateway's one connection (server/shared-state.ts). Every key
 * is under the tenant key (an HMAC with REDIS_KEY_SECRET over the tenant and its secret):
 * `{prefix}{tenant}:job:{id}` (the record, JSON), `…:f:{KIND}` (that kind's findings, a list of
 * JSON lines), `…:checkpoint`, `…:cancel`, `…:lease` (the running replica's id, with a TTL), and
 * `{prefix}{tenant}:jobs` (a sorted set by start time) and `:running` (the running job's id). One
 * set outside any tenant, `{prefix}running`, lists the running jobs as `tenant/id` so that a replica
 * can find the ones whose lease lapsed; it holds no credential and no key one could use.
 * A failed command throws: the caller decides (the runner retries at its next checkpoint).
 */
export function createRedisJobStore(
  redis: SharedRedis,
  settings: JobStoreSettings & { prefix: string },
): JobStore {
  const { client } = redis;
  const commands = client as typeof client & Scripted;
  if (!('igwJobLease' in client)) {
    client.defineCommand('igwJobLease', { numberOfKeys: 1, lua: LEASE });
    client.defineCommand('igwJobRelease', { numberOfKeys: 1, lua: RELEASE });
    client.defineCommand('igwJobClaim', { numberOfKeys: 1, lua: CLAIM });
  }
  const { prefix, retentionSeconds } = settings;
  const base = (tenant: string) => `${prefix}${tenant}`;
  const jobKey = (tenant: string, id: string) => `${base(tenant)}:job:${id}`;
  const kindKey = (tenant: string, id: string, kind: FindingKind) =>
    `${jobKey(tenant, id)}:f:${kind}`;
  const jobKeys = (tenant: string, id: string) => [
    jobKey(tenant, id),
    `${jobKey(tenant, id)}:checkpoint`,
    `${jobKey(tenant, id)}:cancel`,
    ...FINDING_KINDS.map((kind) => kindKey(tenant, id, kind)),
  ];
  const runningSet = `${prefix}running`;
  const parse = (text: string | null) => (text === null ? null : (JSON.parse(text) as JobRecord));

  const store: JobStore = {
    async create(tenant, record) {
      const claimed = await store.claimRunning(tenant, record.id);
      if (!('claimed' in claimed)) return claimed;
      await client
        .multi()
        .set(jobKey(tenant, record.id), JSON.stringify(record))
        .zadd(`${base(tenant)}:jobs`, Date.parse(record.startedAt), record.id)
        .sadd(runningSet, `${tenant}/${record.id}`)
        .exec();
      return { created: true };
    },
    async get(tenant, id) {
      return parse(await client.get(jobKey(tenant, id)));
    },
    async put(tenant, record) {
      const multi = client.multi().set(jobKey(tenant, record.id), JSON.stringify(record));
      if (record.status === 'RUNNING' || record.status === 'CANCELLING') {
        multi.sadd(runningSet, `${tenant}/${record.id}`);
      } else {
        multi.srem(runningSet, `${tenant}/${record.id}`);
      }
      if (FINISHED.has(record.status)) {
        for (const key of jobKeys(tenant, record.id)) multi.expire(key, retentionSeconds);
        // The index lives as long as the newest finished job; entries of expired ones are dropped
        // as `list` meets them.
        multi.expire(`${base(tenant)}:jobs`, retentionSeconds);
      }
      await multi.exec();
    },
    async list(tenant, offset, limit) {
      const ids = await client.zrevrange(`${base(tenant)}:jobs`, offset, offset + limit - 1);
      if (ids.length === 0) return [];
      const texts = await client.mget(ids.map((id) => jobKey(tenant, id)));
      const gone = ids.filter((_id, i) => texts[i] === null);
      if (gone.length > 0) await client.zrem(`${base(tenant)}:jobs`, ...gone);
      return texts.flatMap((text) => (text === null ? [] : [parse(text)!]));
    },
    async clearRunning(tenant, id) {
      const key = `${base(tenant)}:running`;
      if ((await client.get(key)) === id) await client.del(key);
    },
    async claimRunning(tenant, id) {
      const current = await commands.igwJobClaim(`${base(tenant)}:running`, id);
      return current === '' ? { claimed: true } : { runningId: current };
    },
    async requestCancel(tenant, id) {
      await client.set(`${jobKey(tenant, id)}:cancel`, '1');
    },
    async cancelRequested(tenant, id) {
      return (await client.exists(`${jobKey(tenant, id)}:cancel`)) === 1;
    },
    async appendFindings(tenant, id, findings) {
      const byKind = new Map<FindingKind, string[]>();
      for (const finding of findings) {
        const lines = byKind.get(finding.kind) ?? [];
        lines.push(JSON.stringify(finding));
        byKind.set(finding.kind, lines);
      }
      const multi = client.multi();
      for (const [kind, lines] of byKind) multi.rpush(kindKey(tenant, id, kind), ...lines);
      await multi.exec();
    },
    async counts(tenant, id) {
      const multi = client.multi();
      for (const kind of FINDING_KINDS) multi.llen(kindKey(tenant, id, kind));
      const results = (await multi.exec()) ?? [];
      const counts: KindCounts = {};
      FINDING_KINDS.forEach((kind, i) => {
        const count = Number(results[i]?.[1] ?? 0);
        if (count > 0) counts[kind] = count;
      });
      return counts;
    },
    async readFindings(tenant, id, kinds, from, limit) {
      return readAcrossKinds(
        kinds,
        from,
        limit,
        async (kind, start, count) =>
          (await client.lrange(kindKey(tenant, id, kind), start, start + count - 1)).map(
            (line) => JSON.parse(line) as Finding,
          ),
        (kind) => client.llen(kindKey(tenant, id, kind)),
      );
    },
    async saveCheckpoint(tenant, id, checkpoint) {
      await client.set(`${jobKey(tenant, id)}:checkpoint`, JSON.stringify(checkpoint));
    },
    async loadCheckpoint(tenant, id) {
      const text = await client.get(`${jobKey(tenant, id)}:checkpoint`);
      return text === null ? null : (JSON.parse(text) as StoredCheckpoint);
    },
    async trimFindings(tenant, id, counts) {
      const multi = client.multi();
      for (const kind of FINDING_KINDS) {
        const keep = counts[kind] ?? 0;
        if (keep === 0) multi.del(kindKey(tenant, id, kind));
        else multi.ltrim(kindKey(tenant, id, kind), 0, keep - 1);
      }
      await multi.exec();
    },
    async lease(tenant, id, owner, ttlMs) {
      return (await commands.igwJobLease(`${jobKey(tenant, id)}:lease`, owner, ttlMs)) === 1;
    },
    async releaseLease(tenant, id, owner) {
      await commands.igwJobRelease(`${jobKey(tenant, id)}:lease`, owner);
    },
    async orphans() {
      const members = await client.smembers(runningSet);
      const found: { tenant: string; id: string }[] = [];
      for (const member of members) {
        const slash = member.indexOf('/');
        const tenant = member.slice(0, slash);
        const id = member.slice(slash + 1);
        const [held, exists] = await Promise.all([
          client.exists(`${jobKey(tenant, id)}:lease`),
          client.exists(jobKey(tenant, id)),
        ]);
        if (exists === 0) await client.srem(runningSet, member);
        else if (held === 0) found.push({ tenant, id });
      }
      return found;
    },
  };
  return store;
}
