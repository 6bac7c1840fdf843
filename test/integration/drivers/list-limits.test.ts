import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { LIST_LIMITS } from '../../../shared/rules/list-limits.ts';
import type { Device } from '../../../shared/contract/backends.ts';
import { call } from '../../../electron/cli/call.ts';
import { createCore } from '../../../electron/core/create-core.ts';
import { HongtuAdapter } from '../../../electron/drivers/hongtu/adapter.ts';
import { ZkbioAdapter } from '../../../electron/drivers/zkbio/adapter.ts';
import { openStore } from '../../../electron/store/database.ts';
import { BackendsTable } from '../../../electron/store/backends-table.ts';
import { InventoryTable } from '../../../electron/store/inventory-table.ts';
import { SitesTable } from '../../../electron/store/sites-table.ts';
import { startHongtuSimulator } from '../../simulators/hongtu/server.ts';
import { startZkbioSimulator } from '../../simulators/zkbio/server.ts';
import { driverFailure } from '../../support/driver-failure.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

/**
 * Issue 11 item 6: a server that always answers a full page made `backend inventory` read 20,005
 * pages (2.2 GB) and write 8,000,000 rows. Every list read now stops on a page that repeats the
 * one before, and past LIST_LIMITS' pages or rows, with a typed error that says so; the inventory
 * store never writes more than the row limit. The simulators' `full-pages` fault is that server.
 */
const tempDir = useTempDirs();
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const TOKEN = 'list-limits-token';
/** The adapters read 200 items a page. */
const PAGE = 200;

async function zkbio() {
  const sim = await startZkbioSimulator({ token: TOKEN });
  const adapter = new ZkbioAdapter({ baseUrl: sim.url, token: TOKEN, timeoutMs: 10_000 });
  cleanup.push(() => sim.close(), () => adapter.close());
  return { sim, adapter };
}

async function hongtu() {
  const sim = await startHongtuSimulator();
  const adapter = new HongtuAdapter({ baseUrl: sim.url, appKey: sim.appKey, secretKey: sim.secretKey, timeoutMs: 10_000 });
  cleanup.push(() => sim.close(), () => adapter.close());
  return { sim, adapter };
}

describe('a list that never ends is stopped, saying why', () => {
  it('ZKBio v1 list (device/acclist), new items on every page: stopped past the row limit', { timeout: 120_000 }, async () => {
    const { sim, adapter } = await zkbio();
    sim.faults.fullPages('endless', { endpoint: 'device.accList' });
    const error = await driverFailure(adapter.listDevices());
    expect(error).toMatchObject({ code: 'list_too_long', endpoint: 'device.accList', details: { maxRows: LIST_LIMITS.maxRows } });
    expect(error.advice?.en).toContain(LIST_LIMITS.maxRows.toLocaleString('en'));
    expect(error.advice?.['zh-CN']).toContain(String(LIST_LIMITS.maxRows));
    expect(sim.counters.get('device.accList')).toBe(LIST_LIMITS.maxRows / PAGE + 1);
  });

  it('ZKBio v2 paged list (v2/door/list), the same items on every page: stopped at page 2', async () => {
    const { sim, adapter } = await zkbio();
    sim.faults.fullPages('repeat', { endpoint: 'door.list.v2' });
    const error = await driverFailure(adapter.listDoors());
    expect(error).toMatchObject({ code: 'paging_repeated', endpoint: 'door.list.v2', details: { page: 2, items: PAGE } });
    expect(error.advice?.['zh-CN']).toBeTruthy();
    expect(sim.counters.get('door.list.v2')).toBe(2);
  });

  it('Hongtu page (door/list), new items on every page: stopped past the row limit', { timeout: 120_000 }, async () => {
    const { sim, adapter } = await hongtu();
    sim.faults.fullPages('endless', { endpoint: 'door.list' });
    expect(await driverFailure(adapter.listDoors())).toMatchObject({ code: 'list_too_long', endpoint: 'door.list' });
    expect(sim.counters.get('door.list')).toBe(LIST_LIMITS.maxRows / PAGE + 1);
  });

  it('Hongtu small pages (person/list by code, 20 a page): stopped past the page limit', { timeout: 120_000 }, async () => {
    const { sim, adapter } = await hongtu();
    sim.faults.fullPages('endless', { endpoint: 'person.list' });
    expect(await driverFailure(adapter.deletePerson('NOBODY'))).toMatchObject({ code: 'list_too_long', endpoint: 'person.list', details: { maxPages: LIST_LIMITS.maxPages } });
    expect(sim.counters.get('person.list')).toBe(LIST_LIMITS.maxPages);
  });

  it('Hongtu page repeated: stopped at page 2', async () => {
    const { sim, adapter } = await hongtu();
    sim.faults.fullPages('repeat', { endpoint: 'device.list' });
    expect(await driverFailure(adapter.listDevices())).toMatchObject({ code: 'paging_repeated', endpoint: 'device.list' });
    expect(sim.counters.get('device.list')).toBe(2);
  });
});

describe('the inventory never writes more than the row limit', () => {
  it('the store refuses a kind with more rows than the limit, and writes nothing of it', () => {
    const store = openStore(join(tempDir(), 'doorman.db'));
    const now = new Date().toISOString();
    const site = new SitesTable(store.db).insert('S', now);
    const backend = new BackendsTable(store.db).insert(
      { siteId: site.id, vendor: 'zkbio', name: 'Z', baseUrl: 'http://127.0.0.1:1', tls: { mode: 'verify' }, credentialsSealed: 'x', credentialFields: ['token'] },
      now,
    );
    const device = (i: number): Device => ({ id: `d${i}`, name: `D${i}`, serial: null, ip: null, model: null, kind: 'access-panel', online: null });
    const inventory = new InventoryTable(store.db);
    expect(() => inventory.save(backend.backend.id, { devices: Array.from({ length: LIST_LIMITS.maxRows + 1 }, (_, i) => device(i)) }, now)).toThrow(/100,000|100000/);
    expect(store.db.prepare('SELECT count(*) AS n FROM devices').get()).toEqual({ n: 0 });
    store.db.close();
  });

  it('through the core: an endless device list leaves no device rows, and says so', { timeout: 120_000 }, async () => {
    const sim = await startZkbioSimulator({ token: TOKEN });
    cleanup.push(() => sim.close());
    const dataDir = tempDir();
    const core = createCore({ dataDir, runtime: 'node' });
    cleanup.push(() => core.close());
    const siteId = (await call(core, 'sites.create', { name: 'S' })).id;
    const id = (await call(core, 'backends.add', { siteId, vendor: 'zkbio', baseUrl: sim.url, credentials: { token: TOKEN } })).id;
    sim.faults.fullPages('endless', { endpoint: 'device.accList' });
    const outcome = await call(core, 'backends.inventory', { id, refresh: true }).then(
      (inventory) => ({ inventory }),
      (error: unknown) => ({ error }),
    );
    // Read part by part (item 17): the devices part carries the error; before that, the whole read did.
    const devicesError = 'error' in outcome ? outcome.error : (outcome.inventory as { partErrors?: { devices?: unknown } } | null)?.partErrors?.devices;
    expect(devicesError).toMatchObject({ code: 'backend_list_too_long' });
    const db = new BetterSqlite3(join(dataDir, 'doorman.db'), { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM devices').get()).toEqual({ n: 0 });
    db.close();
  });
});
