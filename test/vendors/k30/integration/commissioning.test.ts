import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../../../electron/cli/call.ts';
import { createCore, type Core } from '../../../../electron/core/create-core.ts';
import type { EventName } from '../../../../shared/contract/index.ts';
import { SEED_IDS, emptySeed } from '../../../simulators/k30/seed.ts';
import { startK30Simulator, type K30Simulator } from '../../../simulators/k30/server.ts';
import { useTempDirs } from '../../../support/temp-dir.ts';

/**
 * K30's set-up steps (`commissioning.k30.*`, electron/drivers/k30/commissioning.ts) through the
 * dispatcher against the strict K30 simulator (issue 14 item 6): devices listed and edited with
 * device.update exactly as its table says, regions listed / created / assigned, hold-open and
 * hold-closed set with device.setLongOpen, and each write announcing the inventory it changed.
 */
const tempDir = useTempDirs();
let sim: K30Simulator;
let core: Core;
let id: number;
let heard: { event: EventName; payload: unknown }[];

type Changed = { backendId: number; inventory: { readers: { id: string; direction: string | null }[]; doors: { id: string; name: string }[]; accessLevels: { name: string; doorIds: string[] | null }[] } };
const changes = () => heard.filter((h) => h.event === 'inventory.changed').map((h) => h.payload as Changed);

async function start(seed?: Parameters<typeof startK30Simulator>[0]): Promise<void> {
  sim = await startK30Simulator(seed);
  core = createCore({ dataDir: tempDir(), runtime: 'node' });
  heard = [];
  core.bus.listen((event, payload) => heard.push({ event, payload }));
  const siteId = (await call(core, 'sites.create', { name: 'Gate 2' })).id;
  id = (await call(core, 'backends.add', { siteId, vendor: 'k30', baseUrl: sim.url, credentials: { companyNo: sim.companyNo } })).id;
}

afterEach(async () => {
  await core.close();
  await sim.close();
});

describe('K30 set-up steps: devices', () => {
  beforeEach(() => start());

  it('lists every device with its direction, attendance, region and online state; device.status reads one', async () => {
    const { devices } = await call(core, 'commissioning.k30.devices', { id });
    expect(devices.map((d) => d.no)).toEqual([SEED_IDS.gateIn, SEED_IDS.gateOut, SEED_IDS.office]);
    expect(devices[0]).toEqual({ no: SEED_IDS.gateIn, name: '大门入口', ip: '192.0.2.41', area: '大门', regionName: '工地大门', direction: 'in', attendance: true, online: true });
    expect(devices[2]).toMatchObject({ direction: 'in', online: false, regionName: '默认区域' });
    const { device } = await call(core, 'commissioning.k30.deviceStatus', { id, deviceNo: SEED_IDS.gateOut });
    expect(device).toMatchObject({ no: SEED_IDS.gateOut, direction: 'out', online: true });
  });

  it('edits name, direction, attendance and region with device.update, replies what changed, and the inventory follows', async () => {
    const reply = await call(core, 'commissioning.k30.updateDevice', { id, no: SEED_IDS.gateOut, name: 'Gate exit', direction: 'in', attendance: false, regionName: '默认区域' });
    expect(reply.changes).toEqual([
      { field: 'name', before: '大门出口', after: 'Gate exit' },
      { field: 'regionName', before: '工地大门', after: '默认区域' },
      { field: 'direction', before: 'out', after: 'in' },
      { field: 'attendance', before: true, after: false },
    ]);
    const stored = sim.state.devices.get(SEED_IDS.gateOut);
    expect(stored).toMatchObject({ name: 'Gate exit', outintype: 1, isenableattend: 0, regionno: SEED_IDS.defaultRegion, ip: '192.0.2.42', area: '大门' });

    const last = changes().at(-1);
    expect(last?.backendId).toBe(id);
    expect(last?.inventory.readers.find((r) => r.id === SEED_IDS.gateOut)?.direction).toBe('in');
    expect(last?.inventory.doors.find((d) => d.id === SEED_IDS.gateOut)?.name).toBe('Gate exit');
    expect(last?.inventory.accessLevels.find((l) => l.name === '默认区域')?.doorIds).toContain(SEED_IDS.gateOut);

    // The undo is the same call with the values before.
    const { before } = reply;
    await call(core, 'commissioning.k30.updateDevice', { id, no: before.no, name: before.name, direction: 'out', attendance: true, regionName: before.regionName ?? undefined });
    expect(sim.state.devices.get(SEED_IDS.gateOut)).toMatchObject({ name: '大门出口', outintype: 0, isenableattend: 1, regionno: SEED_IDS.gateRegion });
  });

  it('sends only the fields given (填就更新): an edit of the name keeps direction, attendance, area and region', async () => {
    const reply = await call(core, 'commissioning.k30.updateDevice', { id, no: SEED_IDS.gateIn, name: 'North gate' });
    expect(reply.changes).toEqual([{ field: 'name', before: '大门入口', after: 'North gate' }]);
    expect(sim.state.devices.get(SEED_IDS.gateIn)).toMatchObject({ name: 'North gate', ip: '192.0.2.41', area: '大门', regionno: SEED_IDS.gateRegion, outintype: 1, isenableattend: 1 });
  });

  it('refuses a region name K30 does not have, and the device is unchanged', async () => {
    await expect(call(core, 'commissioning.k30.updateDevice', { id, no: SEED_IDS.gateIn, name: '大门入口', regionName: 'Nowhere' })).rejects.toMatchObject({ code: 'backend_refused' });
    expect(sim.state.devices.get(SEED_IDS.gateIn)?.regionno).toBe(SEED_IDS.gateRegion);
  });
});

describe('K30 set-up steps: regions', () => {
  it('on a site with only the default region: creates one, puts devices in it, and the undos take both back', async () => {
    const seed = emptySeed();
    const device = { no: '240601080009Z', name: 'Turnstile 1', ip: '192.0.2.51', area: 'Gate', regionno: SEED_IDS.defaultRegion, outintype: 1 as const, isenableattend: 1 as const, online: true, holdMode: 0 as const };
    await start({ seed: { ...seed, devices: [device] } });

    const { regions } = await call(core, 'commissioning.k30.regions', { id });
    expect(regions).toEqual([{ no: SEED_IDS.defaultRegion, name: '默认区域', parentNo: null, isDefault: true }]);

    const { regionNo } = await call(core, 'commissioning.k30.createRegion', { id, name: 'Site gate' });
    expect((await call(core, 'commissioning.k30.regions', { id })).regions).toContainEqual({ no: regionNo, name: 'Site gate', parentNo: SEED_IDS.defaultRegion, isDefault: false });
    expect(changes().at(-1)?.inventory.accessLevels.map((l) => l.name)).toContain('Site gate');

    const { moved } = await call(core, 'commissioning.k30.assignRegion', { id, regionName: 'Site gate', deviceNos: [device.no] });
    expect(moved).toEqual([{ no: device.no, name: 'Turnstile 1', fromRegion: '默认区域' }]);
    expect(sim.state.devices.get(device.no)?.regionno).toBe(regionNo);
    expect(changes().at(-1)?.inventory.accessLevels.find((l) => l.name === 'Site gate')?.doorIds).toEqual([device.no]);

    await call(core, 'commissioning.k30.assignRegion', { id, regionName: '默认区域', deviceNos: [device.no] });
    await call(core, 'commissioning.k30.deleteRegion', { id, regionNo });
    expect(sim.state.devices.get(device.no)?.regionno).toBe(SEED_IDS.defaultRegion);
    expect(sim.state.regions.has(regionNo)).toBe(false);
  });
});

describe('K30 set-up steps: hold open / hold closed', () => {
  beforeEach(() => start());

  it('sends device.setLongOpen mode 1 for hold open and 2 for hold closed', async () => {
    await call(core, 'commissioning.k30.setHold', { id, deviceNo: SEED_IDS.gateIn, mode: 'open' });
    expect(sim.state.devices.get(SEED_IDS.gateIn)?.holdMode).toBe(1);
    await call(core, 'commissioning.k30.setHold', { id, deviceNo: SEED_IDS.gateIn, mode: 'closed' });
    expect(sim.state.devices.get(SEED_IDS.gateIn)?.holdMode).toBe(2);
    expect(sim.counters.get('device.setLongOpen')).toBe(2);
  });

  it('an offline device is refused with K30’s reason', async () => {
    await expect(call(core, 'commissioning.k30.setHold', { id, deviceNo: SEED_IDS.office, mode: 'open' })).rejects.toMatchObject({ code: 'backend_refused' });
    expect(sim.state.devices.get(SEED_IDS.office)?.holdMode).toBe(0);
  });

  it('refuses a backend of another vendor’s steps with what to choose', async () => {
    await expect(call(core, 'commissioning.zkbio.areas', { id })).rejects.toMatchObject({ code: 'backend_unsupported' });
  });
});
