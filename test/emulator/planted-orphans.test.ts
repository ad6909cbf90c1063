import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import type { PlantedOrphan } from '../../emulator/seed-reconciliation.js';
import { createEmulatorClient } from '../helpers/emulator.js';

const planted = async (emulator: RunningEmulator) =>
  (
    (await (await fetch(`${emulator.url}/__emulator/planted-orphans`)).json()) as {
      planted: PlantedOrphan[];
    }
  ).planted;

let plain: RunningEmulator;
let planting: RunningEmulator;
beforeAll(async () => {
  plain = await startEmulator({ port: 0, seedUsers: 120, plantOrphans: false });
  // Planting is the default.
  planting = await startEmulator({ port: 0, seedUsers: 120 });
});
afterAll(async () => {
  await plain.close();
  await planting.close();
});

describe('GET /__emulator/planted-orphans', () => {
  it('is empty when the seed is told not to plant', async () => {
    expect(await planted(plain)).toEqual([]);
  });

  it('lists two of each planted kind, the same for the same seed, by account', async () => {
    const first = await planted(planting);
    expect(first.map((p) => p.kind).sort()).toEqual([
      'DEACTIVATED_WITH_CHAT_USERS',
      'DEACTIVATED_WITH_CHAT_USERS',
      'DEACTIVATED_WITH_WORKER',
      'DEACTIVATED_WITH_WORKER',
      'NAME_DRIFT',
      'NAME_DRIFT',
    ]);
    await fetch(`${planting.url}/__emulator/reset`, { method: 'POST' });
    expect(await planted(planting)).toEqual(first);
    const second = planting.accounts[1]!.accountSid;
    const other = await fetch(`${planting.url}/__emulator/planted-orphans?accountSid=${second}`);
    expect(((await other.json()) as { planted: PlantedOrphan[] }).planted).not.toEqual(first);
    const missing = await fetch(`${planting.url}/__emulator/planted-orphans?accountSid=AC0`);
    expect(missing.status).toBe(404);
  });

  it('moves no SID the seed made before', async () => {
    const before = await createEmulatorClient(plain).people();
    const after = await createEmulatorClient(planting).people();
    const sids = (people: typeof before) =>
      people.map(({ identity, flexUserSid, userSid }) => ({ identity, flexUserSid, userSid }));
    expect(sids(after)).toEqual(sids(before));
    expect(planting.accounts).toEqual(plain.accounts);
  });
});
