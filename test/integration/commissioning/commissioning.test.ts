import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/cli/call.ts';
import { createCore, type Core } from '../../../electron/core/create-core.ts';
import type { EventName } from '../../../shared/contract/index.ts';
import { startHongtuSimulator, type HongtuSimulator } from '../../simulators/hongtu/server.ts';
import { SEED_IDS } from '../../simulators/hongtu/seed.ts';
import { startZkbioSimulator, type ZkbioSimulator } from '../../simulators/zkbio/server.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

/**
 * The set-up steps of the core (`commissioning.*`, electron/drivers/<vendor>/commissioning.ts)
 * through the dispatcher, against the strict simulators: each step does what the wizard needs, its
 * undo takes it back, and a write announces the inventory parts it changed as `backends.call` does.
 */
const tempDir = useTempDirs();
let core: Core;
let heard: { event: EventName; payload: unknown }[];

beforeEach(() => {
  core = createCore({ dataDir: tempDir(), runtime: 'node' });
  heard = [];
  core.bus.listen((event, payload) => heard.push({ event, payload }));
});

afterEach(async () => {
  await core.close();
});

type Changed = { backendId: number; inventory: { doors: { name: string }[]; devices: { id: string }[]; accessLevels: { name: string }[] } };
const changes = () => heard.filter((h) => h.event === 'inventory.changed').map((h) => h.payload as Changed);

describe('Hongtu set-up steps through the core', () => {
  let hongtu: HongtuSimulator;
  beforeEach(async () => {
    hongtu = await startHongtuSimulator({ host: '127.0.0.4' });
  });
  afterEach(async () => {
    await hongtu.close();
  });

  async function hongtuBackend(): Promise<number> {
    const siteId = (await call(core, 'sites.create', { name: 'Block 3' })).id;
    return (await call(core, 'backends.add', { siteId, vendor: 'hongtu', baseUrl: hongtu.url, credentials: { appKey: hongtu.appKey, secretKey: hongtu.secretKey } })).id;
  }

  it('imports, binds, makes a door, creates a group and grants it, announcing each change; the undos take each back', async () => {
    const id = await hongtuBackend();
    const { panels } = await call(core, 'commissioning.hongtu.discoveredPanels', { id });
    const panel = panels.find((p) => p.snCode === SEED_IDS.panelASn);
    expect(panel).toMatchObject({ uuid: SEED_IDS.panelA, discoveryMethod: 1 });
    if (!panel) throw new Error('no discovered panel');

    const { panelUuid } = await call(core, 'commissioning.hongtu.importPanel', {
      id,
      panel: { uuid: panel.uuid, snCode: panel.snCode, discoveryMethod: panel.discoveryMethod },
      name: 'North gate',
      location: 'North',
      deviceModel: 40,
    });
    expect(panelUuid).toBe(SEED_IDS.panelA);
    expect(changes().at(-1)?.inventory.devices.map((d) => d.id)).toContain(panelUuid);

    const { servers } = await call(core, 'commissioning.hongtu.edgeServers', { id });
    expect(servers.map((s) => s.uuid)).toContain(SEED_IDS.edgeServer);
    const before = (await call(core, 'commissioning.hongtu.boundDevices', { id, serverUuid: SEED_IDS.edgeServer })).devices;
    const bound = await call(core, 'commissioning.hongtu.bindPanel', { id, serverUuid: SEED_IDS.edgeServer, panelUuid });
    expect(bound.boundBefore).toBe(before.length);
    const after = (await call(core, 'commissioning.hongtu.boundDevices', { id, serverUuid: SEED_IDS.edgeServer })).devices.map((d) => d.uuid);
    // Full-set: everything bound before stays bound.
    expect(after.sort()).toEqual([...before.map((d) => d.uuid), panelUuid].sort());

    heard = [];
    await call(core, 'commissioning.hongtu.addDoor', { id, panelUuid });
    expect(changes().map((c) => c.inventory.doors.map((d) => d.name))).toEqual([['North gate']]);

    const { groupUuid } = await call(core, 'commissioning.hongtu.createGroup', { id, name: 'Crew' });
    expect((await call(core, 'commissioning.hongtu.groups', { id })).groups).toContainEqual({ uuid: groupUuid, name: 'Crew' });
    const [schedule] = (await call(core, 'commissioning.hongtu.schedules', { id })).schedules;
    if (!schedule) throw new Error('no schedule');
    await call(core, 'commissioning.hongtu.grantAuthority', { id, panelUuid, groupUuid, scheduleUuid: schedule.uuid });
    expect(hongtu.state.authorities).toContainEqual({ deviceUuid: panelUuid, scheduleUuid: schedule.uuid, groupUuids: [groupUuid] });

    // The undos, latest first.
    await call(core, 'commissioning.hongtu.revokeAuthority', { id, panelUuid, scheduleUuid: schedule.uuid });
    expect(hongtu.state.authorities.filter((a) => a.deviceUuid === panelUuid)).toEqual([]);
    await call(core, 'commissioning.hongtu.deleteGroup', { id, groupUuid });
    expect((await call(core, 'commissioning.hongtu.groups', { id })).groups.map((g) => g.uuid)).not.toContain(groupUuid);
    heard = [];
    await call(core, 'commissioning.hongtu.removeDoor', { id, panelUuid });
    expect(changes().at(-1)?.inventory.doors).toEqual([]);
    await call(core, 'commissioning.hongtu.unbindPanel', { id, serverUuid: SEED_IDS.edgeServer, panelUuid });
    expect((await call(core, 'commissioning.hongtu.boundDevices', { id, serverUuid: SEED_IDS.edgeServer })).devices.map((d) => d.uuid)).not.toContain(panelUuid);
    await call(core, 'commissioning.hongtu.deletePanel', { id, panelUuid });
    expect((await call(core, 'commissioning.hongtu.discoveredPanels', { id })).panels.map((p) => p.snCode)).toContain(SEED_IDS.panelASn);
  });

  it('says the platform refused a group it would not add (a failure under a success envelope)', async () => {
    const id = await hongtuBackend();
    // The seed has 员工组 already; batchAdd answers code 0 with the failure.
    await expect(call(core, 'commissioning.hongtu.createGroup', { id, name: '员工组' })).rejects.toMatchObject({ code: 'backend_refused', details: { reason: expect.stringContaining('组名称已存在') } });
  });

  it('refuses a step of another vendor with what to do instead', async () => {
    const id = await hongtuBackend();
    await expect(call(core, 'commissioning.zkbio.areas', { id })).rejects.toMatchObject({ code: 'backend_unsupported', details: { advice: { en: expect.stringContaining('ZKBio') } } });
  });
});

describe('ZKBio set-up steps through the core', () => {
  let zk: ZkbioSimulator;
  beforeEach(async () => {
    zk = await startZkbioSimulator({ token: 'T' });
  });
  afterEach(async () => {
    await zk.close();
  });

  it('adds a level, puts doors in it and syncs it, announcing the access levels', async () => {
    const siteId = (await call(core, 'sites.create', { name: 'Block 3' })).id;
    const id = (await call(core, 'backends.add', { siteId, vendor: 'zkbio', baseUrl: zk.url, credentials: { token: 'T' } })).id;
    const { areas } = await call(core, 'commissioning.zkbio.areas', { id });
    const areaName = areas[0]?.name ?? '';
    expect(areaName).not.toBe('');

    const { levelId } = await call(core, 'commissioning.zkbio.addLevel', { id, name: 'Crew', timeSegName: '24-Hour Accessible', areaName });
    expect(changes().at(-1)?.inventory.accessLevels.map((l) => l.name)).toContain('Crew');
    const doorNames = zk.state.doors.slice(0, 2).map((d) => d.name);
    await call(core, 'commissioning.zkbio.addDoorsToLevel', { id, levelName: 'Crew', doorNames });
    await call(core, 'commissioning.zkbio.syncLevel', { id, levelId });
    const level = zk.state.levels.find((l) => l.id === levelId);
    expect(level?.pointIds.sort()).toEqual(zk.state.doors.slice(0, 2).map((d) => d.id).sort());
  });
});
