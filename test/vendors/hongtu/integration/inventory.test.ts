import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readInventory } from '../../../../electron/backends/inventory-read.ts';
import { HongtuAdapter } from '../../../../electron/drivers/hongtu/adapter.ts';
import { startHongtuSimulator, type HongtuSimulator } from '../../../simulators/hongtu/server.ts';
import { SEED_IDS } from '../../../simulators/hongtu/seed.ts';

let sim: HongtuSimulator;
let adapter: HongtuAdapter;

beforeEach(async () => {
  sim = await startHongtuSimulator();
  adapter = new HongtuAdapter({ baseUrl: sim.url, appKey: sim.appKey, secretKey: sim.secretKey, timeoutMs: 5_000 });
});

afterEach(async () => {
  await adapter.close();
  await sim.close();
});

describe('Hongtu inventory an installer can use (issue 12 item 15)', () => {
  it('shows an imported panel’s serial and model (queryDeviceInfo) and a pass group’s doors (its authorities)', async () => {
    await adapter.importPanel({ snCode: SEED_IDS.panelASn, name: 'North gate', location: 'North', deviceType: 2, deviceModel: 40, deviceMode: 1, discoveryMethod: 1 });
    await adapter.bind(SEED_IDS.edgeServer, [SEED_IDS.panelA]);
    await adapter.setDoors([SEED_IDS.panelA]);
    const schedule = (await adapter.schedules(1)).find((s) => s.name === '全天');
    if (!schedule) throw new Error('no schedule');
    await adapter.addAuthority([SEED_IDS.panelA], [SEED_IDS.staffGroup], schedule.uuid);

    const { parts, errors } = await readInventory(adapter);
    expect(errors).toEqual({});
    const panel = parts.devices?.find((d) => d.id === SEED_IDS.panelA);
    expect(panel).toMatchObject({ name: 'North gate', serial: SEED_IDS.panelASn, ip: '192.0.2.21', model: 'MegEye-W5K-EA', kind: 'face-panel', online: true });
    // The edge server was added in the web page: it has no serial, and says so.
    expect(parts.devices?.find((d) => d.id === SEED_IDS.edgeServer)).toMatchObject({ serial: null, notes: { serial: 'not-reported' } });
    expect(parts.accessLevels?.find((l) => l.id === SEED_IDS.staffGroup)).toMatchObject({ doorIds: [SEED_IDS.panelA] });
  });

  it('a device whose details cannot be read keeps its list values, its serial marked "not read"', async () => {
    sim.faults.wrongShape('data', { endpoint: 'device.queryDeviceInfo' });
    const { parts } = await readInventory(adapter);
    expect(parts.devices?.length).toBeGreaterThan(0);
    for (const device of parts.devices ?? []) expect(device.notes?.serial).toBe('not-read');
  });
});
