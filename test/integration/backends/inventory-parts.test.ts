import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/cli/call.ts';
import { createCore, type Core } from '../../../electron/core/create-core.ts';
import { startHongtuSimulator } from '../../simulators/hongtu/server.ts';
import { startZkbioSimulator, type ZkbioSimulator } from '../../simulators/zkbio/server.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

/**
 * Issue 11 item 17: an inventory is read part by part. A part answered as an empty list in any
 * form is an empty part; a part that fails is that part's error (`partErrors`) while the others
 * are read, returned and stored; a backend out of reach fails the whole read once.
 */
const tempDir = useTempDirs();
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const TOKEN = 'inventory-parts-token';

async function withZkbio(): Promise<{ sim: ZkbioSimulator; core: Core; id: number }> {
  const sim = await startZkbioSimulator({ token: TOKEN });
  // A test may close it first (a backend out of reach).
  cleanup.push(() => sim.close().catch(() => undefined));
  const core = createCore({ dataDir: tempDir(), runtime: 'node' });
  cleanup.push(() => core.close());
  const siteId = (await call(core, 'sites.create', { name: 'S' })).id;
  const id = (await call(core, 'backends.add', { siteId, vendor: 'zkbio', baseUrl: sim.url, credentials: { token: TOKEN } })).id;
  return { sim, core, id };
}

describe('the inventory, part by part', () => {
  it('a failing part is its own error; the other parts are returned and stored', async () => {
    const { sim, core, id } = await withZkbio();
    sim.faults.wrongShape('data', { endpoint: 'reader.list.v2' });
    const inventory = await call(core, 'backends.inventory', { id, refresh: true });
    expect(inventory?.partErrors).toEqual({ readers: expect.objectContaining({ code: 'backend_bad_reply' }) });
    expect(inventory?.readers).toEqual([]);
    expect(inventory?.devices).toHaveLength(sim.state.devices.filter((d) => d.module === 'acc').length);
    expect(inventory?.doors).toHaveLength(sim.state.doors.length);
    expect(inventory?.accessLevels.length).toBeGreaterThan(0);
    expect(inventory?.departments.length).toBeGreaterThan(0);
    // Stored: the offline copy has the parts that were read, and no error of its own.
    const stored = await call(core, 'backends.inventory', { id, refresh: false });
    expect(stored).toMatchObject({ doors: inventory?.doors, devices: inventory?.devices });
    expect(stored?.partErrors).toBeUndefined();
  });

  it('a part that fails later keeps the rows stored before', async () => {
    const { sim, core, id } = await withZkbio();
    const first = await call(core, 'backends.inventory', { id, refresh: true });
    expect(first?.partErrors).toBeUndefined();
    sim.faults.falseSuccess(502, { endpoint: 'accLevel.list.v2' });
    const second = await call(core, 'backends.inventory', { id, refresh: true });
    expect(second?.partErrors?.accessLevels).toMatchObject({ code: 'backend_bad_reply' });
    expect(second?.accessLevels).toEqual(first?.accessLevels);
    expect(second?.refreshedAt).not.toBe(first?.refreshedAt);
  });

  it('an empty list in any form is an empty part, not an error', async () => {
    const { sim, core, id } = await withZkbio();
    sim.faults.emptyList('null', { endpoint: 'department.getDepartmentList' });
    sim.faults.emptyList('page', { endpoint: 'reader.list.v2' });
    sim.faults.emptyList('array', { endpoint: 'accLevel.list.v2' });
    const inventory = await call(core, 'backends.inventory', { id, refresh: true });
    expect(inventory?.partErrors).toBeUndefined();
    expect(inventory).toMatchObject({ departments: [], readers: [], accessLevels: [] });
    expect(inventory?.doors.length).toBeGreaterThan(0);
  });

  it('Hongtu: a list answered data: null and another refused: the rest is read and stored', async () => {
    const sim = await startHongtuSimulator();
    cleanup.push(() => sim.close());
    const core = createCore({ dataDir: tempDir(), runtime: 'node' });
    cleanup.push(() => core.close());
    const siteId = (await call(core, 'sites.create', { name: 'S' })).id;
    const id = (await call(core, 'backends.add', { siteId, vendor: 'hongtu', baseUrl: sim.url, credentials: { appKey: sim.appKey, secretKey: sim.secretKey } })).id;
    sim.faults.emptyList('null', { endpoint: 'door.list' });
    sim.faults.echoUrl(200, { endpoint: 'device.list' });
    const inventory = await call(core, 'backends.inventory', { id, refresh: true });
    expect(inventory?.partErrors).toEqual({ devices: expect.objectContaining({ code: 'backend_refused' }) });
    expect(inventory?.doors).toEqual([]);
    expect(inventory?.accessLevels.length).toBeGreaterThan(0);
  });

  it('a backend out of reach fails the whole read at once, as before', async () => {
    const { sim, core, id } = await withZkbio();
    await sim.close();
    await expect(call(core, 'backends.inventory', { id, refresh: true })).rejects.toMatchObject({ code: 'backend_unreachable' });
    expect(await call(core, 'backends.inventory', { id, refresh: false })).toBeNull();
  });
});
