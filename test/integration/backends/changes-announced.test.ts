import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hongtuEndpoints } from '../../../electron/drivers/hongtu/endpoints.ts';
import { hongtuInventoryEffects } from '../../../electron/drivers/hongtu/inventory-effects.ts';
import { zkbioEndpoints } from '../../../electron/drivers/zkbio/endpoints.ts';
import { zkbioInventoryEffects } from '../../../electron/drivers/zkbio/inventory-effects.ts';
import { call } from '../../../electron/cli/call.ts';
import { createCore, type Core } from '../../../electron/core/create-core.ts';
import type { EventName } from '../../../shared/contract/index.ts';
import { startHongtuSimulator, type HongtuSimulator } from '../../simulators/hongtu/server.ts';
import { SEED_IDS } from '../../simulators/hongtu/seed.ts';
import { startZkbioSimulator } from '../../simulators/zkbio/server.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();
let hongtu: HongtuSimulator;
let core: Core;
let heard: { event: EventName; payload: unknown }[];

beforeEach(async () => {
  hongtu = await startHongtuSimulator({ host: '127.0.0.3' });
  core = createCore({ dataDir: tempDir(), runtime: 'node' });
  heard = [];
  core.bus.listen((event, payload) => heard.push({ event, payload }));
});

afterEach(async () => {
  await core.close();
  await hongtu.close();
});

function of<T>(event: EventName): T[] {
  return heard.filter((h) => h.event === event).map((h) => h.payload as T);
}

describe('the core announces what changed (issue 12 item 8)', () => {
  it('a set-up step that makes a door re-reads the doors and announces the inventory with it', async () => {
    const siteId = (await call(core, 'sites.create', { name: 'Block 3' })).id;
    const id = (await call(core, 'backends.add', { siteId, vendor: 'hongtu', baseUrl: hongtu.url, credentials: { appKey: hongtu.appKey, secretKey: hongtu.secretKey } })).id;
    await call(core, 'backends.inventory', { id, refresh: true });
    expect((await call(core, 'backends.inventory', { id, refresh: false }))?.doors).toEqual([]);

    // The wizard's steps, as the renderer sends them: import the panel, bind it, make it a door.
    await call(core, 'backends.call', { id, endpoint: 'device.importDevice', params: { snCode: SEED_IDS.panelASn, name: 'North gate', location: 'North', deviceType: 2, deviceModel: 40, deviceMode: 1, discoveryMethod: 1 }, force: false });
    await call(core, 'backends.call', { id, endpoint: 'device.bind', params: { uuid: SEED_IDS.edgeServer, deviceUuids: [SEED_IDS.panelA] }, force: false });
    heard = [];
    await call(core, 'backends.call', { id, endpoint: 'door.add', params: { addDeviceUuids: [SEED_IDS.panelA], removeDeviceUuids: [] }, force: false });

    const [changed] = of<{ backendId: number; inventory: { doors: { id: string; name: string }[] } }>('inventory.changed');
    expect(changed?.backendId).toBe(id);
    expect(changed?.inventory.doors.map((d) => d.name)).toEqual(['North gate']);
    // Stored too: the Door tests page reads the stored inventory.
    expect((await call(core, 'backends.inventory', { id, refresh: false }))?.doors.map((d) => d.name)).toEqual(['North gate']);

    // A read changes nothing and announces nothing.
    heard = [];
    await call(core, 'backends.call', { id, endpoint: 'door.list', params: { pageNum: 1, pageSize: 50, passModel: false }, force: false });
    expect(of('inventory.changed')).toEqual([]);
  });

  it('adding, testing, editing and removing a backend announce the site’s backends as they are now', async () => {
    const siteId = (await call(core, 'sites.create', { name: 'Block 3' })).id;
    const id = (await call(core, 'backends.add', { siteId, vendor: 'hongtu', baseUrl: hongtu.url, credentials: { appKey: hongtu.appKey, secretKey: hongtu.secretKey } })).id;
    await call(core, 'backends.test', { id });
    await call(core, 'backends.update', { id, name: 'Platform' });
    await call(core, 'backends.remove', { id });
    const lists = of<{ siteId: number; backends: { id: number; name: string; lastTest: unknown }[] }>('backends.changed');
    expect(lists.map((l) => l.siteId)).toEqual([siteId, siteId, siteId, siteId]);
    expect(lists[0]?.backends.map((b) => b.id)).toEqual([id]);
    expect(lists[1]?.backends[0]?.lastTest).toMatchObject({ verdict: 'ok' });
    expect(lists[2]?.backends[0]?.name).toBe('Platform');
    expect(lists[3]?.backends).toEqual([]);
  });

  it('enrolling and removing a person announce the site’s people changed', async () => {
    const siteId = (await call(core, 'sites.create', { name: 'Block 3' })).id;
    const backendId = (await call(core, 'backends.add', { siteId, vendor: 'zkbio', baseUrl: 'http://127.0.0.1:9', credentials: { token: 'T' } })).id;
    const { person } = await call(core, 'people.enroll', { siteId, person: { pin: 'P1', name: '张三' }, targets: [{ backendId, accessLevelIds: [] }] });
    expect(of('people.changed')).toEqual([{ siteId }]);
    await call(core, 'people.remove', { id: person.id });
    expect(of('people.changed')).toEqual([{ siteId }, { siteId }]);
  });

  it('a door test that ran announces its stored result', async () => {
    const zk = await startZkbioSimulator({ token: 'T' });
    try {
      const siteId = (await call(core, 'sites.create', { name: 'Block 3' })).id;
      const backendId = (await call(core, 'backends.add', { siteId, vendor: 'zkbio', baseUrl: zk.url, credentials: { token: 'T' } })).id;
      await call(core, 'backends.inventory', { id: backendId, refresh: true });
      const door = zk.state.doors[0];
      if (!door) throw new Error('no door');
      const result = await call(core, 'doorTests.run', { runId: randomUUID(), backendId, doorId: door.id, test: 'open', installer: 'Li Gong', timeoutSeconds: 30, openSeconds: 5 });
      expect(of('doorTests.finished')).toEqual([result]);
    } finally {
      await zk.close();
    }
  });

  it('names only endpoints the vendors’ tables have', () => {
    const hongtuIds = new Set(hongtuEndpoints.map((e) => e.id));
    const zkbioIds = new Set(zkbioEndpoints.map((e) => e.id));
    for (const endpoint of Object.keys(hongtuInventoryEffects)) expect(hongtuIds.has(endpoint), endpoint).toBe(true);
    for (const endpoint of Object.keys(zkbioInventoryEffects)) expect(zkbioIds.has(endpoint), endpoint).toBe(true);
  });
});
