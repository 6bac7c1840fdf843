import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HongtuAdapter } from '../../../electron/drivers/hongtu/adapter.ts';
import { addDoor, bindPanel, grantAuthority, importPanel, listSchedules } from '../../../electron/drivers/hongtu/commissioning.ts';
import type { EndpointCall } from '../../../electron/drivers/step-reply.ts';
import { SEED_IDS } from '../../simulators/hongtu/seed.ts';
import { startHongtuSimulator, type HongtuSimulator } from '../../simulators/hongtu/server.ts';
import { startZkbioSimulator, type ZkbioSimulator } from '../../simulators/zkbio/server.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { addBackend, createSite, shots, startApp, type App } from '../support/app.ts';

const tempDir = useTempDirs();
const TOKEN = 'e2e-inventory-token';

/** The cell of `column` in the row of `rows` that contains `text`. */
function cell(page: Page, rows: string, text: string, column: string) {
  return page.getByTestId(rows).filter({ hasText: text }).locator(`[data-column="${column}"]`);
}

describe('Inventory an installer can use (issue 12 item 15)', () => {
  let zkbio: ZkbioSimulator;
  let hongtu: HongtuSimulator;
  let app: App;

  beforeAll(async () => {
    zkbio = await startZkbioSimulator({ token: TOKEN });
    hongtu = await startHongtuSimulator();
    app = await startApp(tempDir());
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await zkbio?.close();
    await hongtu?.close();
  });

  it('ZKBio: devices show serial, IP and online; doors their state in the document’s terms; levels say why no doors', async () => {
    const [first, second] = zkbio.state.devices.filter((d) => d.module === 'acc');
    if (!first || !second) throw new Error('seed has two access devices');
    second.online = false;
    const { context, page } = await app.open('sites');
    await createSite(page, 'Inventory site');
    await addBackend(page, { vendor: 'zkbio', name: 'ZK', url: zkbio.url, token: TOKEN });
    await page.getByTestId('inventory-refresh').click();
    await expect.poll(() => page.getByTestId('inventory-device').count(), { timeout: 20_000 }).toBeGreaterThan(0);

    expect(await cell(page, 'inventory-device', first.sn, 'serial').textContent()).toBe(first.sn);
    expect(await cell(page, 'inventory-device', first.sn, 'ip').textContent()).toBe(first.ip);
    expect(await cell(page, 'inventory-device', first.sn, 'ip').locator('[data-note="from-name"]').getAttribute('title')).toContain('no IP field');
    expect(await cell(page, 'inventory-device', first.sn, 'online').textContent()).toBe('online');
    expect(await cell(page, 'inventory-device', second.sn, 'online').textContent()).toBe('offline');
    await page.getByTestId('inventory').screenshot({ path: `${shots}/backends-inventory-devices-en.png` });

    await page.getByTestId('inventory-tab-doors').click();
    const door = zkbio.state.doors.find((d) => d.deviceId === first.id);
    if (!door) throw new Error('no door');
    const state = await cell(page, 'inventory-door', door.name, 'state').textContent();
    expect(state).toMatch(/door (closed|open)|no door sensor/);
    expect(state).toMatch(/lock (closed|open)/);
    expect(await cell(page, 'inventory-door', door.name, 'online').textContent()).toBe('online');

    await page.getByTestId('inventory-tab-accessLevels').click();
    const doors = page.getByTestId('inventory-level').first().locator('[data-column="doors"]');
    expect(await doors.textContent()).toBe('not given by this API');
    expect(await doors.getByTestId('inventory-missing').getAttribute('title')).toContain('no call that lists its doors');

    await page.getByTestId('lang-switch').selectOption('zh-CN');
    await expect.poll(() => doors.textContent(), { timeout: 20_000 }).toBe('接口未提供');
    await page.getByTestId('inventory-tab-doors').click();
    expect(await cell(page, 'inventory-door', door.name, 'state').textContent()).toMatch(/门已关|门已开|无门磁/);
    await page.getByTestId('inventory').screenshot({ path: `${shots}/backends-inventory-doors-zh.png` });
    await page.getByTestId('lang-switch').selectOption('en');
    await context.close();
  });

  it('Hongtu: an imported panel shows its serial, IP and model, and a pass group its door', async () => {
    // Commission a panel straight through the driver, as the wizard would.
    const adapter = new HongtuAdapter({ baseUrl: hongtu.url, appKey: hongtu.appKey, secretKey: hongtu.secretKey });
    const call: EndpointCall = (endpoint, params) => adapter.client.call(endpoint, params);
    await importPanel(call, { panel: { uuid: SEED_IDS.panelA, snCode: SEED_IDS.panelASn, discoveryMethod: 1 }, name: 'North gate', location: 'North', deviceModel: 40 });
    await bindPanel(call, SEED_IDS.edgeServer, SEED_IDS.panelA);
    await addDoor(call, SEED_IDS.panelA);
    const schedule = (await listSchedules(call)).find((s) => s.name === '全天');
    if (!schedule) throw new Error('no schedule');
    await grantAuthority(call, SEED_IDS.panelA, SEED_IDS.staffGroup, schedule.uuid);
    await adapter.close();

    const { context, page } = await app.open('backends');
    await addBackend(page, { vendor: 'hongtu', name: 'HT', url: hongtu.url, appKey: hongtu.appKey, secret: hongtu.secretKey });
    await page.getByTestId('inventory-refresh').click();
    await expect.poll(() => page.getByTestId('inventory-device').filter({ hasText: 'North gate' }).count(), { timeout: 20_000 }).toBe(1);
    expect(await cell(page, 'inventory-device', 'North gate', 'serial').textContent()).toBe(SEED_IDS.panelASn);
    expect(await cell(page, 'inventory-device', 'North gate', 'ip').textContent()).toBe('192.0.2.21');
    expect(await cell(page, 'inventory-device', 'North gate', 'model').textContent()).toBe('MegEye-W5K-EA');
    // The edge server was added in the web page: no serial, and the cell says so.
    expect(await cell(page, 'inventory-device', '算力服务器', 'serial').textContent()).toBe('not reported');

    await page.getByTestId('inventory-tab-accessLevels').click();
    expect(await page.getByTestId('inventory-level').filter({ hasText: '员工组' }).locator('[data-column="doors"]').textContent()).toBe('North gate');
    await page.getByTestId('inventory').screenshot({ path: `${shots}/backends-inventory-hongtu-en.png` });
    await context.close();
  });
});
