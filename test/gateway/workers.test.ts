import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EmulatorAccount, SeededPerson } from '../../emulator/index.js';
import { accountCredentials, createTwilio, type Twilio } from '../emulator/twilio-request.js';
import { expectData, type GraphQLResponse } from '../helpers/graphql.js';
import { startStack, type Stack } from '../helpers/stack.js';

interface TwilioWorker {
  sid: string;
  friendly_name: string;
  activity_name: string;
  activity_sid: string;
  available: boolean;
  attributes: string;
  date_status_changed: string;
}

interface WorkerData {
  id: string;
  sid: string;
  friendlyName: string;
  activityName: string;
  activitySid: string;
  available: boolean;
  attributes: unknown;
  dateStatusChanged: string;
  workspaceSid: string;
}

interface WorkersPage {
  workers: { nodes: { sid: string }[]; pageInfo: { endCursor: string; hasNextPage: boolean } };
}

const WORKER_FIELDS = `id sid friendlyName activityName activitySid available attributes dateStatusChanged workspaceSid`;

describe('TaskRouter workers', () => {
  let stack: Stack;
  let account: EmulatorAccount;
  let twilio: Twilio;
  let workers: string;
  let active: SeededPerson;

  /** The worker as the emulator holds it now (a fetch, with attributes). */
  const twilioWorker = async (sid: string) =>
    (await twilio('GET', `${workers}/${sid}`)).body as TwilioWorker;

  const workerSidOf = async (flexUserSid: string) =>
    (
      (await twilio('GET', `/v4/Instances/${account.flexInstanceSid}/Users/${flexUserSid}`))
        .body as { worker_sid: string | null }
    ).worker_sid;

  const asData = (worker: TwilioWorker): Omit<WorkerData, 'id'> => ({
    sid: worker.sid,
    friendlyName: worker.friendly_name,
    activityName: worker.activity_name,
    activitySid: worker.activity_sid,
    available: worker.available,
    attributes: JSON.parse(worker.attributes) as unknown,
    dateStatusChanged: worker.date_status_changed,
    workspaceSid: account.workspaceSid,
  });

  beforeAll(async () => {
    // Each test counts its own request's Twilio calls: the cross-request cache would serve
    // repeats of earlier tests' reads.
    stack = await startStack({ seedUsers: 120, env: { CACHE_TTL_SECONDS: '0' } });
    account = stack.emulator.accounts[0]!;
    twilio = createTwilio(stack.emulator.url, accountCredentials(account));
    workers = `/v1/Workspaces/${account.workspaceSid}/Workers`;
    active = await stack.emulator.person({ flex: true, deactivated: false });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.emulator.clearRequests());

  describe('FlexUser.worker', () => {
    it('fetches the worker a v2 Flex user names by worker_sid: one call', async () => {
      const result = await stack.execute<{ flexUser: { worker: WorkerData } }>(
        `query ($sid: FlexUserSid!) { flexUser(sid: $sid) { worker { ${WORKER_FIELDS} } } }`,
        { sid: active.flexUserSid },
      );
      const { worker } = expectData(result).flexUser;
      const sid = (await workerSidOf(active.flexUserSid!))!;
      expect(worker).toMatchObject(asData(await twilioWorker(sid)));
      expect(worker.friendlyName).toBe(active.identity);
      await stack.emulator.clearRequests();
      await stack.execute(
        `query ($sid: FlexUserSid!) { flexUser(sid: $sid) { worker { ${WORKER_FIELDS} } } }`,
        { sid: active.flexUserSid },
      );
      expect(await stack.emulator.requestLines()).toEqual([
        `GET /v2/Instances/${account.flexInstanceSid}/Users/${active.flexUserSid}`,
        `GET ${workers}/${sid}`,
      ]);
    });

    it('finds a by-username Flex user’s worker by friendly name (no Flex refetch), and fetches it only for its attributes', async () => {
      const query = (fields: string) =>
        stack.execute<{ user: { flexUser: { worker: WorkerData } } }>(
          `query ($id: String!) { user(identity: $id) { flexUser { worker { ${fields} } } } }`,
          { id: active.identity },
        );
      const byName = `GET ${workers}?FriendlyName=${active.identity}&PageSize=1`;
      const lean = expectData(await query('sid friendlyName activityName available'));
      expect(lean.user.flexUser.worker.friendlyName).toBe(active.identity);
      expect(await stack.emulator.requestLines()).toEqual([
        `GET /v4/Instances/${account.flexInstanceSid}/Users?Username=${active.identity}`,
        byName,
      ]);
      await stack.emulator.clearRequests();
      const full = expectData(await query(WORKER_FIELDS)).user.flexUser.worker;
      expect((await stack.emulator.requestLines()).slice(1)).toEqual([
        byName,
        `GET ${workers}/${full.sid}`,
      ]);
      expect(full).toMatchObject(asData(await twilioWorker(full.sid)));
    });

    it('fetches each distinct worker once per request, however often it is asked for', async () => {
      const result = await stack.execute<{
        flexUsers: { nodes: { worker: { sid: string } | null; deactivated: boolean }[] };
        again: { worker: { sid: string } | null };
      }>(
        `query ($sid: FlexUserSid!) {
          flexUsers(first: 30) { nodes { deactivated worker { sid friendlyName } } }
          again: flexUser(sid: $sid) { worker { sid } }
          twice: flexUser(sid: $sid) { worker { sid attributes } }
        }`,
        { sid: active.flexUserSid },
      );
      const data = expectData(result);
      const sids = data.flexUsers.nodes.flatMap((node) => (node.worker ? [node.worker.sid] : []));
      expect(data.flexUsers.nodes.filter((node) => node.deactivated).every((n) => !n.worker)).toBe(
        true,
      );
      const fetched = (await stack.emulator.requestLines()).filter((line) =>
        line.startsWith(`GET ${workers}/`),
      );
      const distinct = new Set([...sids, data.again.worker!.sid]);
      expect(fetched.sort()).toEqual([...distinct].map((sid) => `GET ${workers}/${sid}`).sort());
    });

    it('is null for a deactivated Flex user, without a TaskRouter call', async () => {
      const person = await stack.emulator.person({ flex: true, deactivated: true });
      const result = await stack.execute<{ flexUser: { worker: null } }>(
        `query ($sid: FlexUserSid!) { flexUser(sid: $sid) { worker { sid } } }`,
        { sid: person.flexUserSid },
      );
      expect(expectData(result).flexUser.worker).toBeNull();
      expect((await stack.emulator.requestLines()).some((l) => l.includes('/Workspaces/'))).toBe(
        false,
      );
    });

    it('is null when the worker was deleted through TaskRouter (404), the Flex user still naming it', async () => {
      const [, person] = await stack.emulator.people({ flex: true, deactivated: false });
      const sid = (await workerSidOf(person!.flexUserSid!))!;
      expect((await twilio('DELETE', `${workers}/${sid}`)).status).toBe(204);
      await stack.emulator.clearRequests();
      const result = await stack.execute<{ flexUser: { workerSid: string; worker: null } }>(
        `query ($sid: FlexUserSid!) { flexUser(sid: $sid) { workerSid worker { sid } } }`,
        { sid: person!.flexUserSid },
      );
      expect(expectData(result).flexUser).toEqual({ workerSid: sid, worker: null });
      expect(await stack.emulator.requestLines()).toContain(`GET ${workers}/${sid}`);
    });
  });

  describe('Worker', () => {
    it('is a node: its id fetches it again; flexUser and user lead back to the person', async () => {
      const first = expectData(
        await stack.execute<{ flexUser: { sid: string; worker: { id: string } } }>(
          `query ($sid: FlexUserSid!) { flexUser(sid: $sid) { sid worker { id } } }`,
          { sid: active.flexUserSid },
        ),
      );
      const result = await stack.execute<{
        node: { sid: string; flexUser: { sid: string }; user: { identity: string } };
      }>(
        `query ($id: ID!) { node(id: $id) { ... on Worker { sid flexUser { sid } user { identity } } } }`,
        { id: first.flexUser.worker.id },
      );
      expect(expectData(result).node).toEqual({
        sid: (await workerSidOf(active.flexUserSid!))!,
        flexUser: { sid: active.flexUserSid },
        user: { identity: active.identity },
      });
    });

    it('has no Flex user when none links it: named after a person without one, or after no one', async () => {
      const flexNames = new Set(
        (await stack.emulator.people({ flex: true })).map((p) => p.identity),
      );
      const page = (await twilio('GET', `${workers}?PageSize=1000`)).body as {
        workers: TwilioWorker[];
      };
      const orphan = page.workers.find(
        (w) => !flexNames.has(w.friendly_name) && w.friendly_name.includes('@'),
      )!;
      const bot = page.workers.find((w) => w.friendly_name === 'overflow-bot')!;
      const result = await stack.execute<{
        a: {
          flexUser: null;
          user: { identity: string; conversationsUser: { sid: string } | null };
        };
        b: { flexUser: null; user: { identity: string; conversationsUser: null } };
      }>(
        `query ($a: WorkerSid!, $b: WorkerSid!) {
          a: worker(sid: $a, workspaceSid: "${account.workspaceSid}") { flexUser { sid } user { identity conversationsUser { sid } } }
          b: worker(sid: $b, workspaceSid: "${account.workspaceSid}") { flexUser { sid } user { identity conversationsUser { sid } } }
        }`,
        { a: orphan.sid, b: bot.sid },
      );
      const data = expectData(result);
      expect(data.a.flexUser).toBeNull();
      expect(data.a.user.identity).toBe(orphan.friendly_name);
      expect(data.a.user.conversationsUser).not.toBeNull();
      expect(data.b).toEqual({
        flexUser: null,
        user: { identity: 'overflow-bot', conversationsUser: null },
      });
    });

    it('reads the workspace from Flex’s Configuration when the query names none', async () => {
      const sid = (await workerSidOf(active.flexUserSid!))!;
      await stack.emulator.clearRequests();
      const result = await stack.execute<{ worker: { friendlyName: string } }>(
        `query ($sid: WorkerSid!) { worker(sid: $sid) { friendlyName } }`,
        { sid },
      );
      expect(expectData(result).worker.friendlyName).toBe(active.identity);
      // Configuration is read once per account and kept: only the first such query reads it.
      const lines = (await stack.emulator.requestLines()).filter(
        (line) => line !== 'GET /v1/Configuration',
      );
      expect(lines).toEqual([`GET ${workers}/${sid}`]);
    });
  });

  describe('workers', () => {
    it('pages the workspace’s workers over Twilio’s page tokens, each once', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 3; page++) {
        const result: GraphQLResponse<WorkersPage> = await stack.execute<WorkersPage>(
          `query ($after: String, $ws: WorkspaceSid) { workers(workspaceSid: $ws, first: 7, after: $after) { nodes { sid } pageInfo { endCursor hasNextPage } } }`,
          { after, ws: account.workspaceSid },
        );
        const { nodes, pageInfo } = expectData(result).workers;
        seen.push(...nodes.map((node) => node.sid));
        expect(pageInfo.hasNextPage).toBe(true);
        after = pageInfo.endCursor;
      }
      const twilioPage = (await twilio('GET', `${workers}?PageSize=21`)).body as {
        workers: TwilioWorker[];
      };
      expect(seen).toEqual(twilioPage.workers.map((w) => w.sid));
      const lines = (await stack.emulator.requestLines()).filter((l) => l.includes('PageSize=7'));
      expect(lines).toHaveLength(3);
      expect(lines.slice(1).every((l) => l.includes('PageToken=PA'))).toBe(true);
    });

    it('filters by friendly name, as TaskRouter does (case-insensitively)', async () => {
      const result = await stack.execute<{ workers: { nodes: { friendlyName: string }[] } }>(
        `query ($name: String!, $ws: WorkspaceSid) { workers(workspaceSid: $ws, friendlyName: $name) { nodes { friendlyName } } }`,
        { name: active.identity.toUpperCase(), ws: account.workspaceSid },
      );
      expect(expectData(result).workers.nodes).toEqual([{ friendlyName: active.identity }]);
    });
  });

  describe('provisioning through the gateway', () => {
    it('gives a provisioned user a worker named after the username, and none once deprovisioned', async () => {
      const provisioned = await stack.execute<{
        provisionFlexUser: {
          userErrors: unknown[];
          flexUser: {
            sid: string;
            worker: { sid: string; friendlyName: string; attributes: unknown };
          };
        };
      }>(
        `mutation { provisionFlexUser(input: { username: "worker.e2e", email: "worker.e2e@owlbank.example",
          fullName: "Worker Eetwo", roles: [AGENT], workerAttributes: { skills: ["billing"] } }) {
          userErrors { code } flexUser { sid worker { sid friendlyName attributes } } } }`,
      );
      const { flexUser } = expectData(provisioned).provisionFlexUser;
      expect(flexUser.worker).toMatchObject({
        friendlyName: 'worker.e2e',
        attributes: expect.objectContaining({ skills: ['billing'] }) as unknown,
      });
      const workerSid = flexUser.worker.sid;

      const deprovisioned = await stack.execute<{
        deprovisionFlexUser: { flexUser: { deactivated: boolean; worker: null } };
      }>(
        `mutation ($sid: FlexUserSid!) { deprovisionFlexUser(input: { sid: $sid }) { userErrors { code } flexUser { deactivated worker { sid } } } }`,
        { sid: flexUser.sid },
      );
      expect(expectData(deprovisioned).deprovisionFlexUser.flexUser).toEqual({
        deactivated: true,
        worker: null,
      });
      const after = await stack.execute<{ worker: null }>(
        `query ($sid: WorkerSid!, $ws: WorkspaceSid) { worker(sid: $sid, workspaceSid: $ws) { sid } }`,
        { sid: workerSid, ws: account.workspaceSid },
      );
      expect(expectData(after).worker).toBeNull();
    });
  });

  describe('malformed input', () => {
    it.each([
      {
        name: 'a worker SID of the wrong kind',
        query: `{ worker(sid: "US${'0'.repeat(32)}") { sid } }`,
      },
      {
        name: 'a workspace SID of the wrong kind',
        query: `{ workers(workspaceSid: "WK${'0'.repeat(32)}") { nodes { sid } } }`,
      },
    ])('refuses $name before any call (HTTP 400)', async ({ query }) => {
      const result = await stack.execute(query);
      expect(result.status).toBe(400);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(await stack.emulator.requestLines()).toEqual([]);
    });

    it.each([
      { name: 'an empty friendly name', args: `friendlyName: ""` },
      { name: 'a friendly name of dots', args: `friendlyName: ".."` },
      { name: 'a page larger than Twilio’s', args: `first: 1001` },
      { name: 'a forged cursor', args: `after: "bm9wZQ"` },
    ])('refuses $name on the field, before any call', async ({ args }) => {
      const result = await stack.execute(
        `{ workers(workspaceSid: "${account.workspaceSid}", ${args}) { nodes { sid } } }`,
      );
      expect(result.errors?.[0]).toMatchObject({
        path: ['workers'],
        extensions: { code: 'BAD_USER_INPUT' },
      });
      expect(await stack.emulator.requestLines()).toEqual([]);
    });

    it('answers a forged Worker id with null, without a call', async () => {
      const id = Buffer.from(JSON.stringify(['Worker', account.workspaceSid, 'WKnope'])).toString(
        'base64url',
      );
      const result = await stack.execute<{ node: null }>(
        `query ($id: ID!) { node(id: $id) { id } }`,
        {
          id,
        },
      );
      expect(expectData(result).node).toBeNull();
      expect(await stack.emulator.requestLines()).toEqual([]);
    });
  });
});
