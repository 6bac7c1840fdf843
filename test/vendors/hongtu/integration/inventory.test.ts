import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readInventory } from '../../../../electron/backends/inventory-read.ts';
import { HongtuAdapter } from '../../../../electron/drivers/hongtu/adapter.ts';
import { addDoor, bindPanel, grantAuthority, importPanel, listSchedules } from '../../../../electron/drivers/hongtu/commissioning.ts';
import type { EndpointCall } from '../../../../electron/drivers/step-reply.ts';
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
    const call: EndpointCall = (endpoint, params) => adapter.client.call(endpoint, params);
    await importPanel(call, { panel: { uuid: SEED_IDS.panelA, snCode: SEED_IDS.panelASn, discoveryMethod: 1 }, name: 'North gate', location: 'North', deviceModel: 40 });
    await bindPanel(call, SEED_IDS.edgeServer, SEED_IDS.panelA);
    await addDoor(call, SEED_IDS.panelA);
    const schedule = (await listSchedules(call)).find((s) => s.name === '全天');
    if (!schedule) throw new Error('no schedule');
    await grantAuthority(call, SEED_IDS.panelA, SEED_IDS.staffGroup, schedule.uuid);

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
