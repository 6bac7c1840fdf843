import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startK30Simulator, type K30Simulator } from '../../simulators/k30/server.ts';
import { SEED_IDS, emptySeed } from '../../simulators/k30/seed.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { addBackend, createSite, shots, startApp, type App } from '../support/app.ts';

const tempDir = useTempDirs();
const WAIT = { timeout: 20_000 };

/** The reader row of a device in the inventory's readers table (its name, its door, its direction). */
function readerRow(page: Page, name: string) {
  return page.getByTestId('inventory-readers').locator('tr', { hasText: name }).first();
}

function stepStatus(page: Page, step: string) {
  return page.locator(`[data-testid="wizard-step"][data-step="${step}"]`).getAttribute('data-status');
}

/** The K30 set-up wizard (issue 14 item 6): devices edited with device.update, a region, the hold-open test. */
describe('K30 wizard: a device’s direction, a region, and hold-open with its warning', () => {
  let k30: K30Simulator;
  let fresh: K30Simulator;
  let app: App;
  const TURNSTILE = '240601080009Z';

  beforeAll(async () => {
    k30 = await startK30Simulator({ host: '127.0.0.7' });
    // A fresh installation: only the default region, one turnstile.
    const device = { no: TURNSTILE, name: 'Turnstile 1', ip: '192.0.2.51', area: 'Gate', regionno: SEED_IDS.defaultRegion, outintype: 1 as const, isenableattend: 1 as const, online: true, holdMode: 0 as const };
    fresh = await startK30Simulator({ host: '127.0.0.7', seed: { ...emptySeed(), devices: [device] } });
    app = await startApp(tempDir());
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await Promise.all([k30?.close(), fresh?.close()]);
  });

  it('edits the exit turnstile to entry and the inventory shows it; puts it in a new region; holds a door open after the warning, in English and Chinese', async () => {
    const { context, page } = await app.open('sites');
    await createSite(page, 'Gate 2');
    await addBackend(page, { vendor: 'k30', name: 'Turnstiles', url: k30.url, companyNo: k30.companyNo });
    await page.getByTestId('inventory-refresh').click();
    await page.getByTestId('inventory-tab-readers').click();
    await expect.poll(() => readerRow(page, '大门出口').textContent(), WAIT).toContain('out');

    // Step 1: the devices with their online state; the exit turnstile becomes an entry.
    await page.getByTestId('wizard-open').click();
    const rows = page.getByTestId('k30-device-row');
    await expect.poll(() => rows.count(), WAIT).toBe(3);
    expect(await page.locator(`[data-testid="k30-device-row"][data-device-no="${SEED_IDS.office}"] [data-testid="k30-online"]`).textContent()).toBe('offline');
    expect(await page.locator(`[data-testid="k30-device-row"][data-device-no="${SEED_IDS.gateOut}"] [data-testid="k30-online"]`).textContent()).toBe('online');

    await page.getByTestId('k30-device').selectOption(SEED_IDS.gateOut);
    await expect.poll(() => page.getByTestId('k30-device-status').textContent(), WAIT).toContain('K30 says it is online now.');
    expect(await page.getByTestId('k30-device-direction').inputValue()).toBe('out');
    await page.getByTestId('k30-device-direction').selectOption('in');
    await page.getByTestId('wizard-run').click();
    await expect.poll(() => stepStatus(page, 'devices'), WAIT).toBe('done');
    expect(await page.getByTestId('wizard-result').textContent()).toContain('Device “大门出口” saved: 1 field changed.');
    const change = page.locator('[data-testid="k30-change"][data-field="direction"]');
    expect(await change.textContent()).toBe('DirectionExit (出口)Entry (入口)');
    expect(k30.state.devices.get(SEED_IDS.gateOut)).toMatchObject({ outintype: 1, name: '大门出口', isenableattend: 1, ip: '192.0.2.42' });
    // The write announced the inventory it changed: the reader is an entry now, without a refresh.
    await expect.poll(() => readerRow(page, '大门出口').textContent(), WAIT).toContain('in');
    expect(await readerRow(page, '大门出口').textContent()).not.toContain('out');
    await page.getByTestId('wizard').screenshot({ path: `${shots}/backends-k30-wizard-devices-en.png` });

    // Step 2: a new region with the entry turnstile in it.
    await page.getByTestId('wizard-next').click();
    await page.getByTestId('k30-region-new').click();
    await page.getByTestId('k30-region-name').fill('Turnstile lane');
    await page.locator(`[data-testid="k30-region-device"][data-device-no="${SEED_IDS.gateOut}"]`).check();
    await page.getByTestId('wizard-run').click();
    await expect.poll(() => stepStatus(page, 'region'), WAIT).toBe('done');
    expect(await page.getByTestId('wizard-result').textContent()).toContain('Region “Turnstile lane” created; 1 device is in it.');
    const region = [...k30.state.regions.values()].find((r) => r.name === 'Turnstile lane');
    expect(k30.state.devices.get(SEED_IDS.gateOut)?.regionno).toBe(region?.no);

    // Step 3: hold-open, only after the warning is read and confirmed; no undo is offered.
    await page.getByTestId('wizard-next').click();
    const warning = page.getByTestId('k30-hold-warning');
    await warning.waitFor(WAIT);
    expect(await warning.textContent()).toContain('K30’s API has no “back to normal”');
    expect(await warning.textContent()).toContain('restore it in the K30 software or at the device');
    await expect.poll(() => page.getByTestId('k30-hold-device').inputValue(), WAIT).toBe(SEED_IDS.gateIn);
    expect(await page.getByTestId('wizard-run').isDisabled()).toBe(true);
    expect(await page.getByTestId('wizard-run-missing').textContent()).toBe('Still needed: your confirmation.');
    expect(await page.locator(`[data-testid="k30-hold-device"] option[value="${SEED_IDS.office}"]`).isDisabled()).toBe(true);
    await page.getByTestId('k30-hold-confirm').check();
    await page.getByTestId('wizard-run').click();
    await expect.poll(() => stepStatus(page, 'hold'), WAIT).toBe('done');
    expect(await page.getByTestId('wizard-result').textContent()).toContain('“大门入口” is now held open (常开). Restore it to normal in the K30 software or at the device.');
    expect(k30.state.devices.get(SEED_IDS.gateIn)?.holdMode).toBe(1);
    expect(await page.getByTestId('wizard-undo').count()).toBe(0);
    expect(await warning.isVisible()).toBe(true);
    await page.getByTestId('wizard').screenshot({ path: `${shots}/backends-k30-wizard-hold-en.png` });

    await page.getByTestId('lang-switch').selectOption('zh-CN');
    await expect.poll(() => warning.textContent(), WAIT).toContain('K30 接口没有“恢复正常”');
    expect(await warning.textContent()).toContain('请在 K30 软件中或在设备上恢复');
    expect(await page.getByTestId('wizard-result').textContent()).toContain('“大门入口”现在为常开。');
    await page.getByTestId('wizard').screenshot({ path: `${shots}/backends-k30-wizard-hold-zh.png` });
    await page.getByTestId('lang-switch').selectOption('en');

    // Step 4: the callback URL, skipped (polling works without it; k30-wizard-callback.test.ts runs it); then Finish.
    await page.getByTestId('wizard-next').click();
    expect(await page.getByTestId('wizard-body').getAttribute('data-step')).toBe('callback');
    await page.getByTestId('wizard-skip').click();
    await expect.poll(() => page.getByTestId('wizard-finish').isEnabled(), WAIT).toBe(true);
    await page.getByTestId('wizard-finish').click();
    await context.close();
  });

  it('on a site with only the default region: offers to create one, and the undos take back the region and a device edit', async () => {
    const { context, page } = await app.open('sites');
    await createSite(page, 'Fresh site');
    await addBackend(page, { vendor: 'k30', name: 'Fresh K30', url: fresh.url, companyNo: fresh.companyNo });
    await page.getByTestId('wizard-open').click();

    // Step 1: attendance off, then undone: K30 shows it on again.
    await page.getByTestId('k30-device').selectOption(TURNSTILE);
    await expect.poll(() => page.getByTestId('k30-device-attendance').isChecked(), WAIT).toBe(true);
    await page.getByTestId('k30-device-attendance').uncheck();
    await page.getByTestId('wizard-run').click();
    await expect.poll(() => stepStatus(page, 'devices'), WAIT).toBe('done');
    expect(fresh.state.devices.get(TURNSTILE)?.isenableattend).toBe(0);
    expect(await page.locator('[data-testid="k30-change"][data-field="attendance"]').textContent()).toBe('Attendanceonoff');
    await page.getByTestId('wizard-undo').click();
    await expect.poll(() => stepStatus(page, 'devices'), WAIT).toBe('undone');
    expect(fresh.state.devices.get(TURNSTILE)?.isenableattend).toBe(1);
    await page.getByTestId('wizard-skip').click();

    // Step 2: only the default region, so "New region" is offered first.
    await expect.poll(() => page.getByTestId('k30-only-default').textContent(), WAIT).toBe('This site has only the default region “默认区域”: create one for these devices.');
    expect(await page.getByTestId('k30-region-new').isChecked()).toBe(true);
    await page.getByTestId('k30-region-name').fill('Main gate');
    await page.locator(`[data-testid="k30-region-device"][data-device-no="${TURNSTILE}"]`).check();
    await page.getByTestId('wizard').screenshot({ path: `${shots}/backends-k30-wizard-region-en.png` });
    await page.getByTestId('wizard-run').click();
    await expect.poll(() => stepStatus(page, 'region'), WAIT).toBe('done');
    const created = [...fresh.state.regions.values()].find((r) => r.name === 'Main gate');
    expect(fresh.state.devices.get(TURNSTILE)?.regionno).toBe(created?.no);
    await page.getByTestId('wizard-undo').click();
    await expect.poll(() => stepStatus(page, 'region'), WAIT).toBe('undone');
    expect(fresh.state.devices.get(TURNSTILE)?.regionno).toBe(SEED_IDS.defaultRegion);
    expect([...fresh.state.regions.values()].map((r) => r.name)).toEqual(['默认区域']);
    await context.close();
  });
});
