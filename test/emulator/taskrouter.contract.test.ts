import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorAccount, type RunningEmulator } from '../../emulator/index.js';
import type { PlantedOrphan } from '../../emulator/seed-reconciliation.js';
import { createEmulatorClient, type EmulatorClient } from '../helpers/emulator.js';
import { createAjv, responseValidator, schemaErrors } from '../helpers/openapi.js';
import {
  accountCredentials,
  apiKeyCredentials,
  createTwilio,
  type Twilio,
} from './twilio-request.js';

interface Worker {
  sid: string;
  friendly_name: string;
  activity_name: string;
  activity_sid: string;
  attributes: string | null;
  available: boolean;
  workspace_sid: string;
}

interface WorkersPage {
  workers: Worker[];
  meta: { next_page_url: string | null; url: string; page_size: number };
}

interface FlexUser {
  flex_user_sid: string;
  worker_sid: string | null;
  workspace_sid: string;
  deactivated: boolean;
}

const ajv = createAjv();
const spec = 'twilio_taskrouter_v1.json' as const;

describe('TaskRouter v1 workers and activities', () => {
  let emulator: RunningEmulator;
  let control: EmulatorClient;
  let account: EmulatorAccount;
  let other: EmulatorAccount;
  let twilio: Twilio;
  let workers: string;
  let v4: string;

  /** Every worker of the workspace, paging to the end. */
  async function allWorkers(query = 'PageSize=17'): Promise<Worker[]> {
    const seen: Worker[] = [];
    let url: string | null = `${workers}?${query}`;
    while (url !== null) {
      const page = (await twilio('GET', url)).body as WorkersPage;
      seen.push(...page.workers);
      url = page.meta.next_page_url;
    }
    return seen;
  }

  const flexUser = async (sid: string) => (await twilio('GET', `${v4}/${sid}`)).body as FlexUser;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, seedUsers: 150 });
    control = createEmulatorClient(emulator);
    [account, other] = emulator.accounts as [EmulatorAccount, EmulatorAccount];
    twilio = createTwilio(emulator.url, accountCredentials(account));
    workers = `/v1/Workspaces/${account.workspaceSid}/Workers`;
    v4 = `/v4/Instances/${account.flexInstanceSid}/Users`;
  });
  afterAll(() => emulator.close());

  describe('matches twilio_taskrouter_v1.json', () => {
    it.each([
      { operationId: 'ListWorker', what: 'a page', path: () => `${workers}?PageSize=20` },
      {
        operationId: 'ListWorker',
        what: 'by friendly name',
        path: () => `${workers}?FriendlyName=overflow-bot`,
      },
      {
        operationId: 'ListActivity',
        what: 'a page',
        path: () => `/v1/Workspaces/${account.workspaceSid}/Activities`,
      },
    ])('$operationId ($what)', async ({ operationId, path }) => {
      const response = await twilio('GET', path());
      expect(response.status).toBe(200);
      const validate = responseValidator(ajv, { spec, operationId }, 200);
      expect(schemaErrors(validate, response.body)).toEqual([]);
    });

    it('FetchWorker and FetchActivity', async () => {
      const page = (await twilio('GET', `${workers}?PageSize=1`)).body as WorkersPage;
      const worker = page.workers[0]!;
      const fetched = await twilio('GET', `${workers}/${worker.sid}`);
      const activity = await twilio(
        'GET',
        `/v1/Workspaces/${account.workspaceSid}/Activities/${worker.activity_sid}`,
      );
      expect([fetched.status, activity.status]).toEqual([200, 200]);
      expect(
        schemaErrors(
          responseValidator(ajv, { spec, operationId: 'FetchWorker' }, 200),
          fetched.body,
        ),
      ).toEqual([]);
      expect(
        schemaErrors(
          responseValidator(ajv, { spec, operationId: 'FetchActivity' }, 200),
          activity.body,
        ),
      ).toEqual([]);
    });
  });

  describe('GET /v1/Workspaces/{WorkspaceSid}/Workers', () => {
    it('has a worker for every active Flex user, named after the username, and for deactivated ones only the planted', async () => {
      const byName = new Map((await allWorkers()).map((w) => [w.friendly_name, w]));
      const flexPeople = await control.people({ flex: true });
      // The seed plants a few workers deactivated users left behind, for the reconciliation scan.
      const response = await fetch(`${emulator.url}/__emulator/planted-orphans`);
      const { planted } = (await response.json()) as { planted: PlantedOrphan[] };
      const lingering = new Map(
        planted
          .filter((p) => p.kind === 'DEACTIVATED_WITH_WORKER')
          .map((p) => [p.identity, p.otherSid]),
      );
      expect(lingering.size).toBe(2);
      for (const person of flexPeople) {
        const user = await flexUser(person.flexUserSid!);
        if (person.deactivated) {
          // Deprovisioning unlinks the worker: a lingering one is named after the user only.
          expect(user.worker_sid).toBeNull();
          expect(byName.get(person.identity)?.sid).toBe(lingering.get(person.identity));
        } else {
          expect(byName.get(person.identity)?.sid).toBe(user.worker_sid);
        }
      }
      expect(flexPeople.some((p) => p.deactivated)).toBe(true);
    });

    it('has workers no Flex user links: named after a person without one, or after no one', async () => {
      const flexNames = new Set((await control.people({ flex: true })).map((p) => p.identity));
      const others = (await control.people({ flex: false })).map((p) => p.identity);
      const unlinked = (await allWorkers()).filter((w) => !flexNames.has(w.friendly_name));
      expect(unlinked.some((w) => others.includes(w.friendly_name))).toBe(true);
      expect(unlinked.some((w) => w.friendly_name === 'overflow-bot')).toBe(true);
    });

    it('pages to the end seeing every worker once, with attributes null in the list', async () => {
      const seen = await allWorkers('PageSize=7');
      expect(seen.length).toBe(new Set(seen.map((w) => w.sid)).size);
      expect(seen.length).toBe((await allWorkers('PageSize=1000')).length);
      expect(seen.every((w) => w.attributes === null)).toBe(true);
    });

    it('filters by FriendlyName case-insensitively, keeping the filter in the page URLs', async () => {
      const person = await control.person({ flex: true, deactivated: false });
      const name = person.identity.toUpperCase();
      const page = (await twilio('GET', `${workers}?FriendlyName=${encodeURIComponent(name)}`))
        .body as WorkersPage;
      expect(page.workers.map((w) => w.friendly_name)).toEqual([person.identity]);
      expect(new URL(page.meta.url).searchParams.get('FriendlyName')).toBe(name);
    });

    it('filters by Available', async () => {
      const available = await allWorkers('Available=true&PageSize=50');
      const all = await allWorkers();
      expect(available.length).toBeGreaterThan(0);
      expect(available.every((w) => w.available)).toBe(true);
      expect(available.length).toBe(all.filter((w) => w.available).length);
    });

    it('refuses a filter it does not evaluate rather than ignoring it', async () => {
      const response = await twilio('GET', `${workers}?TargetWorkersExpression=1%3D%3D1`);
      expect(response.status).toBe(400);
    });

    it('answers 404 for another account’s workspace, and for an unknown worker', async () => {
      const asOther = createTwilio(emulator.url, apiKeyCredentials(other));
      const theirs = await asOther('GET', workers);
      const unknown = await twilio('GET', `${workers}/WK${'0'.repeat(32)}`);
      expect([theirs.status, unknown.status]).toEqual([404, 404]);
    });
  });

  describe('Flex provisioning', () => {
    it('creates the worker on Provision (named after the username, with the worker attributes) and deletes it on Deprovision', async () => {
      const provisioned = await twilio('POST', `${v4}/Provision`, {
        json: {
          username: 'worker.contract',
          email: 'worker.contract@owlbank.example',
          full_name: 'Worker Contract',
          roles: ['agent'],
          worker: { attributes: { skills: ['billing'] } },
        },
      });
      const { flex_user_sid: sid, worker } = provisioned.body as {
        flex_user_sid: string;
        worker: { worker_sid: string; workspace_sid: string };
      };
      expect(worker.workspace_sid).toBe(account.workspaceSid);
      const fetched = (await twilio('GET', `${workers}/${worker.worker_sid}`)).body as Worker;
      expect(fetched).toMatchObject({ friendly_name: 'worker.contract', activity_name: 'Offline' });
      expect(JSON.parse(fetched.attributes!)).toMatchObject({ skills: ['billing'] });

      const again = await twilio('POST', `${v4}/Provision`, {
        json: {
          username: 'worker.contract',
          email: 'worker.contract@owlbank.example',
          full_name: 'Worker Contract',
          roles: ['agent'],
          worker: {},
        },
      });
      expect((again.body as { worker: { worker_sid: string } }).worker.worker_sid).toBe(
        worker.worker_sid,
      );

      const gone = await twilio('POST', `${v4}/Deprovision`, { json: { flex_user_sid: sid } });
      const after = await twilio('GET', `${workers}/${worker.worker_sid}`);
      expect([gone.status, after.status]).toEqual([204, 404]);
      expect((await flexUser(sid)).worker_sid).toBeNull();

      const back = await twilio('POST', `${v4}/Provision`, {
        json: {
          username: 'worker.contract',
          email: 'worker.contract@owlbank.example',
          full_name: 'Worker Contract',
          roles: ['agent'],
          worker: {},
        },
      });
      const newWorker = (back.body as { worker: { worker_sid: string } }).worker.worker_sid;
      expect(newWorker).not.toBe(worker.worker_sid);
      expect((await twilio('GET', `${workers}/${newWorker}`)).status).toBe(200);
    });
  });
});
