import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceResult } from '../../../shared/contract/device-results.ts';
import { formatTime } from '../../../shared/i18n/format-time.ts';
import { SEED_IDS } from '../../simulators/k30/seed.ts';
import { startK30Simulator, type K30Simulator } from '../../simulators/k30/server.ts';
import { astronautJpeg } from '../../support/astronaut.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { WsTestClient } from '../../support/ws-client.ts';
import { cliJson } from '../support/cli.ts';
import { shots, startApp, type App } from '../support/app.ts';

const tempDir = useTempDirs();
const WAIT = { timeout: 20_000 };
const SITE_ZONE = 'Asia/Shanghai';

/** The simulator's own routes (test/simulators/k30/admin.ts). */
async function simAdmin(k30: K30Simulator, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${k30.url}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${k30.adminToken}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
}

const personRow = (page: Page, pin: string) => page.locator(`[data-testid="device-results-row"][data-pin="${pin}"]`);
const deviceLine = (page: Page, pin: string, deviceNo: string) => personRow(page, pin).locator(`[data-testid="device-result"][data-device-no="${deviceNo}"]`);

/**
 * The Sync page's per-device push results (issue 14): people synced to K30, whose authstatus
 * callbacks reach the receiver and the page live; a person sent before the URL was set in K30
 * waits for results that never come, and the page says the receiver is needed.
 */
describe('Sync page: what each device reported about a person sent to K30', () => {
  let k30: K30Simulator;
  let app: App;
  let api: WsTestClient;
  let dataDir: string;
  let photo: string;

  beforeAll(async () => {
    k30 = await startK30Simulator({ host: '127.0.0.9' });
    dataDir = tempDir();
    photo = join(dataDir, 'face.jpg');
    writeFileSync(photo, astronautJpeg());
    await cliJson(dataDir, 'sites', 'add', 'Gate 4', '--time-zone', SITE_ZONE);
    await cliJson(dataDir, 'sites', 'select', '1');
    await cliJson(dataDir, 'backend', 'add', '--site', '1', '--vendor', 'k30', '--url', k30.url, '--company-no', k30.companyNo);
    await cliJson(dataDir, 'backend', 'inventory', '1');
    // Sent before the callback URL is set in K30: its results go nowhere.
    await cliJson(dataDir, 'enroll', '--site', '1', '--pin', 'K1', '--name', 'Zhou', '--photo', photo, '--backend', '1', '--levels', SEED_IDS.gateRegion);
    app = await startApp(dataDir);
    api = await WsTestClient.connect(`${app.web.base.replace('http:', 'ws:')}/api`, { Authorization: `Bearer ${app.web.token}` });
  }, 120_000);

  afterAll(async () => {
    api?.close();
    await app?.close();
    await k30?.close();
  });

  it('waits without the callback; with it, shows each device’s result live (上报失败 for an offline device), in the site’s time, in English and Chinese', async () => {
    const { context, page } = await app.open('sync');
    await expect.poll(() => page.locator('[data-testid="outbox-row"][data-pin="K1"]').getAttribute('data-state'), WAIT).toBe('done');
    await expect.poll(() => personRow(page, 'K1').getAttribute('data-waiting'), WAIT).toBe('true');
    expect(await personRow(page, 'K1').getByTestId('device-results-waiting').textContent()).toBe('Waiting for the devices’ results (needs the callback receiver).');
    expect(await page.getByTestId('device-results-waiting-hint').textContent()).toContain('start it in the backend’s set-up steps (Callback URL)');
    expect(await personRow(page, 'K1').getByTestId('device-result').count()).toBe(0);

    // The receiver runs and its URL is set in K30; one of the region's two devices goes offline.
    const started = await api.invoke('receivers.start', { backendId: 1, host: '127.0.0.1' });
    if (!started.ok) throw new Error(JSON.stringify(started.error));
    await simAdmin(k30, '/__sim/callbacks', { url: (started.output as { url: string }).url });
    await simAdmin(k30, '/__sim/devices', { no: SEED_IDS.gateOut, online: false });

    // A person enrolled now: the running app syncs them, K30 reports per device, the page shows it without a reload.
    await cliJson(dataDir, 'enroll', '--site', '1', '--pin', 'K2', '--name', 'Wu', '--photo', photo, '--backend', '1', '--levels', SEED_IDS.gateRegion);
    await expect.poll(() => deviceLine(page, 'K2', SEED_IDS.gateOut).getAttribute('data-ok'), WAIT).toBe('false');
    await expect.poll(() => deviceLine(page, 'K2', SEED_IDS.gateIn).getAttribute('data-ok'), WAIT).toBe('true');
    expect(await personRow(page, 'K2').getAttribute('data-waiting')).toBe('false');
    const failed = deviceLine(page, 'K2', SEED_IDS.gateOut);
    expect(await failed.getByTestId('device-result-message').textContent()).toBe('上报失败');
    expect(await failed.textContent()).toContain('Not on the device');
    expect(await deviceLine(page, 'K2', SEED_IDS.gateIn).textContent()).toContain('大门入口');
    expect(await deviceLine(page, 'K2', SEED_IDS.gateIn).textContent()).toContain('On the device');
    // Each result's time, in the site's zone.
    const listed = (await api.invoke('outbox.deviceResults', { siteId: 1 })) as { output: { results: DeviceResult[] } };
    const stored = listed.output.results.find((r) => r.pin === 'K2' && r.deviceNo === SEED_IDS.gateOut);
    expect(stored).toMatchObject({ ok: false, message: '上报失败' });
    expect(await failed.textContent()).toContain(`at ${formatTime(stored?.receivedAt ?? '', 'en', { timeZone: SITE_ZONE, seconds: true })}`);
    // K1 still waits: its results were never sent.
    expect(await personRow(page, 'K1').getAttribute('data-waiting')).toBe('true');
    await page.getByTestId('device-results').screenshot({ path: `${shots}/sync-device-results-en.png` });

    await page.getByTestId('lang-switch').selectOption('zh-CN');
    await expect.poll(() => failed.textContent(), WAIT).toContain('未下发到设备');
    expect(await failed.textContent()).toContain('上报失败');
    expect(await personRow(page, 'K1').getByTestId('device-results-waiting').textContent()).toBe('正在等待设备的下发结果（需要回调接收器）。');
    await page.getByTestId('device-results').screenshot({ path: `${shots}/sync-device-results-zh.png` });

    // Read again from the store (a reload): the same results.
    await page.reload();
    await page.getByTestId('nav-sync').click();
    await expect.poll(() => deviceLine(page, 'K2', SEED_IDS.gateOut).getAttribute('data-ok'), WAIT).toBe('false');
    expect(await deviceLine(page, 'K2', SEED_IDS.gateIn).getAttribute('data-ok')).toBe('true');

    // The People page: K2 is synced, but one device did not take them; K1 has no failure.
    await page.getByTestId('nav-people').click();
    const k2 = page.locator('[data-testid="person-row"][data-pin="K2"]');
    await expect.poll(() => k2.getByTestId('person-sync-devices').textContent(), WAIT).toBe('1 台设备未收到');
    expect(await k2.getByTestId('person-sync').getAttribute('data-state')).toBe('synced');
    expect(await k2.getByTestId('person-sync-detail').textContent()).toContain(`设备 ${SEED_IDS.gateOut} 未收到 — 上报失败`);
    expect(await page.locator('[data-testid="person-row"][data-pin="K1"]').getByTestId('person-sync-devices').count()).toBe(0);
    await page.getByTestId('lang-switch').selectOption('en');
    await expect.poll(() => k2.getByTestId('person-sync-devices').textContent(), WAIT).toBe('1 device did not take them');
    expect(await k2.getByTestId('person-sync-open-queue').count()).toBe(1);
    await context.close();
  }, 120_000);
});
