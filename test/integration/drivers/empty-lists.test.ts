import { afterEach, describe, expect, it } from 'vitest';
import { HongtuAdapter } from '../../../electron/drivers/hongtu/adapter.ts';
import { ZkbioAdapter } from '../../../electron/drivers/zkbio/adapter.ts';
import { startHongtuSimulator } from '../../simulators/hongtu/server.ts';
import { startZkbioSimulator } from '../../simulators/zkbio/server.ts';

/**
 * Issue 11 item 17: an empty list comes as `data: null`, `[]` or an empty page object, and each is
 * an empty list — for every list endpoint of both drivers (the tables' reply schemas, the paging,
 * the adapters) — never "not this system". The simulators' `empty-list` fault answers each form.
 */
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const FORMS = ['null', 'array', 'page'] as const;
const TOKEN = 'empty-lists-token';

async function zkbio() {
  const sim = await startZkbioSimulator({ token: TOKEN });
  const adapter = new ZkbioAdapter({ baseUrl: sim.url, token: TOKEN, timeoutMs: 5_000 });
  cleanup.push(() => sim.close(), () => adapter.close());
  return { sim, adapter };
}

async function hongtu() {
  const sim = await startHongtuSimulator();
  const adapter = new HongtuAdapter({ baseUrl: sim.url, appKey: sim.appKey, secretKey: sim.secretKey, timeoutMs: 5_000 });
  cleanup.push(() => sim.close(), () => adapter.close());
  return { sim, adapter };
}

describe.each(FORMS)('an empty list answered as %s', (form) => {
  it('ZKBio: the connection test is ok with no doors and no devices', async () => {
    const { sim, adapter } = await zkbio();
    sim.faults.emptyList(form, { endpoint: 'door.list.v2' });
    sim.faults.emptyList(form, { endpoint: 'device.accList' });
    const result = await adapter.testConnection();
    expect(result).toMatchObject({ verdict: 'ok', facts: { product: 'ZKBio CVSecurity', doors: 0, accessDevices: 0 } });
  });

  it('ZKBio: v1 arrays and v2 pages read as empty lists', async () => {
    const { sim, adapter } = await zkbio();
    for (const endpoint of ['device.accList', 'door.list.v2', 'reader.list.v2', 'accLevel.list.v2', 'department.getDepartmentList']) sim.faults.emptyList(form, { endpoint });
    expect(await adapter.listDevices()).toEqual([]);
    expect(await adapter.listDoors()).toEqual([]);
    expect(await adapter.listReaders()).toEqual([]);
    expect(await adapter.listAccessLevels()).toEqual([]);
    expect(await adapter.listDepartments()).toEqual([]);
    expect(await adapter.client.call('door.list.v2', { pageNo: 1, pageSize: 5 })).toMatchObject({ total: 0, data: [] });
    sim.faults.emptyList(form, { endpoint: 'transaction.list.v2' });
    expect((await adapter.events(null)).events).toEqual([]);
  });

  it('Hongtu: the connection test is ok with no doors, devices or discovered panels', async () => {
    const { sim, adapter } = await hongtu();
    for (const endpoint of ['door.list', 'device.list', 'device.queryReportDevice']) sim.faults.emptyList(form, { endpoint });
    const result = await adapter.testConnection();
    expect(result).toMatchObject({ verdict: 'ok', facts: { product: 'Hongtu 2000', doors: 0, devices: 0, discoveredPanels: 0 } });
  });

  it('Hongtu: pages and arrays read as empty lists', async () => {
    const { sim, adapter } = await hongtu();
    for (const endpoint of ['door.list', 'device.list', 'passGroup.list']) sim.faults.emptyList(form, { endpoint });
    expect(await adapter.listDoors()).toEqual([]);
    expect(await adapter.listDevices()).toEqual([]);
    expect(await adapter.listAccessLevels()).toEqual([]);
    sim.faults.emptyList(form, { endpoint: 'device.listBygroup' });
    expect(await adapter.client.call('device.listBygroup', {})).toEqual([]);
    sim.faults.emptyList(form, { endpoint: 'door.list' });
    expect(await adapter.client.call('door.list', { passModel: false, pageNum: 1, pageSize: 5 })).toMatchObject({ total: 0, list: [] });
  });
});

describe('not every reply is an empty list', () => {
  it('a page beyond the end keeps its total; a list that is not there at all is still a wrong shape', async () => {
    const { sim, adapter } = await zkbio();
    expect(await adapter.client.call('door.list.v2', { pageNo: 99, pageSize: 5 })).toMatchObject({ total: sim.state.doors.length, data: [] });
    sim.faults.wrongShape('data', { endpoint: 'door.list.v2' });
    await expect(adapter.client.call('door.list.v2', { pageNo: 1, pageSize: 5 })).rejects.toMatchObject({ code: 'schema_mismatch' });
  });
});
