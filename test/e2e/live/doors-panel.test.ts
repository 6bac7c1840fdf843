import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../../shared/i18n/en.ts';
import { zhCN } from '../../../shared/i18n/zh-CN.ts';
import { startK30Simulator, type K30Simulator } from '../../simulators/k30/server.ts';
import { startWebProcess, type WebProcess } from '../../support/web-process.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { cliJson } from '../support/cli.ts';
import { launchE2eBrowser, shots } from '../support/site.ts';

const tempDir = useTempDirs();
const WAIT = { timeout: 20_000 };

/**
 * Issue 15 item 2 in Chromium: the Live page's doors panel (`#/live`, nav `nav-live`). A door opened from the panel
 * shows its audit entry (station, time in the site's zone, result); a mode change asks first and
 * cancelling sends nothing; the panel in Chinese.
 */
describe('Live page: doors panel', () => {
  let k30: K30Simulator;
  let web: WebProcess;
  let browser: Browser;
  let dataDir: string;

  beforeAll(async () => {
    k30 = await startK30Simulator({ host: '127.0.0.5' });
    dataDir = tempDir();
    await cliJson(dataDir, 'sites', 'add', 'Gate house', '--time-zone', 'Asia/Shanghai');
    await cliJson(dataDir, 'sites', 'select', '1');
    await cliJson(dataDir, 'backend', 'add', '--site', '1', '--vendor', 'k30', '--url', k30.url, '--company-no', k30.companyNo, '--name', 'K30 gate');
    await cliJson(dataDir, 'backend', 'inventory', '1');
    web = await startWebProcess(dataDir);
    browser = await launchE2eBrowser('none');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await k30?.close();
  });

  async function open(locale: string) {
    const context = await browser.newContext({ locale, viewport: { width: 1400, height: 1100 } });
    const page = await context.newPage();
    await page.goto(web.url);
    // The Live page (`#/live`, engineer J's) holds the doors panel.
    await page.getByTestId('nav-live').click();
    await page.getByTestId('doors-panel').waitFor(WAIT);
    return { context, page };
  }

  it('opens a door from the panel: the result shows and its audit entry appears; a mode change asks for confirmation', async () => {
    const { context, page } = await open('en-US');
    const { doors } = await cliJson<{ doors: { doorId: string; state: string }[] }>(dataDir, 'doors', 'list');
    const door = doors.find((d) => d.state !== 'offline');
    if (!door) throw new Error('no online door');
    const row = page.getByTestId(`door-1-${door.doorId}`);
    await row.waitFor(WAIT);
    expect(await row.getByTestId('door-state').textContent()).toBe(en.doors.state.unknown);
    expect(await row.locator('button').allTextContents()).toEqual([en.doors.action.open, en.doors.action['normally-open'], en.doors.action['normally-closed']]);

    await row.locator('input[type=number]').fill('3');
    await row.locator('button[data-action=open]').click();
    await expect.poll(() => row.getByTestId('door-outcome').getAttribute('data-ok'), WAIT).toBe('true');
    const logRow = page.getByTestId('door-log-row').first();
    await expect.poll(() => logRow.getAttribute('data-result'), WAIT).toBe('ok');
    const cells = await logRow.locator('td').allTextContents();
    expect(cells[1]?.length).toBeGreaterThan(0);
    expect(cells[4]).toBe(en.doors.action.open);
    expect(cells[0]).toMatch(/\d{1,2}:\d{2}:\d{2}/);
    const audit = await cliJson<{ actions: { action: string; seconds: number; result: string }[] }>(dataDir, 'doors', 'log');
    expect(audit.actions[0]).toMatchObject({ action: 'open', seconds: 3, result: 'ok' });

    // Hold open: asked first; Cancel sends nothing.
    await row.locator('button[data-action="normally-open"]').click();
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor(WAIT);
    expect(await dialog.textContent()).toContain(en.doors.confirmTitle);
    await dialog.getByRole('button', { name: en.common.cancel }).click();
    await expect.poll(() => page.locator('dialog[open]').count(), WAIT).toBe(0);
    expect((await cliJson<{ actions: unknown[] }>(dataDir, 'doors', 'log')).actions).toHaveLength(1);

    await row.locator('button[data-action="normally-open"]').click();
    await page.getByTestId('doors-confirm').click();
    await expect.poll(() => page.getByTestId('door-log-row').count(), WAIT).toBe(2);
    await expect.poll(() => page.getByTestId('door-log-row').first().locator('td').nth(4).textContent(), WAIT).toBe(en.doors.action['normally-open']);
    await page.screenshot({ path: `${shots}/doors-panel.png`, fullPage: true });
    await context.close();
  }, 120_000);

  it('reads in Chinese: title, state words, actions, the log', async () => {
    const { context, page } = await open('zh-CN');
    await expect.poll(() => page.getByTestId('doors-title').textContent(), WAIT).toBe(zhCN.doors.title);
    await expect.poll(() => page.getByTestId('doors-panel').textContent(), WAIT).toContain(zhCN.doors.action.open);
    expect(await page.getByTestId('door-state').first().textContent()).toMatch(new RegExp(`^(${zhCN.doors.state.unknown}|${zhCN.doors.state.offline})$`));
    expect(await page.getByTestId('doors-log').locator('h3').textContent()).toBe(zhCN.doors.logTitle);
    await expect.poll(() => page.getByTestId('door-log-row').first().locator('td').nth(4).textContent(), WAIT).toBe(zhCN.doors.action['normally-open']);
    await context.close();
  }, 60_000);
});
