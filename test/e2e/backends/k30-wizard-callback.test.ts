import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTime } from '../../../shared/i18n/format-time.ts';
import { SEED_IDS } from '../../simulators/k30/seed.ts';
import { startK30Simulator, type K30Simulator } from '../../simulators/k30/server.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { WsTestClient } from '../../support/ws-client.ts';
import { cliJson } from '../support/cli.ts';
import { shots, startApp, type App } from '../support/app.ts';

const tempDir = useTempDirs();
const WAIT = { timeout: 20_000 };
/** Not this machine's zone: the "received at" time must be the site's. */
const SITE_ZONE = 'Asia/Shanghai';

function stepStatus(page: Page, step: string) {
  return page.locator(`[data-testid="wizard-step"][data-step="${step}"]`).getAttribute('data-status');
}

/** The simulator's own routes (test/simulators/k30/admin.ts), as a test harness would call them. */
async function simAdmin(k30: K30Simulator, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${k30.url}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${k30.adminToken}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/**
 * The K30 wizard's Callback URL step (issue 14 item 6 with item 5's receiver): the receiver
 * started from the step, its URL shown and copied, "typed into the K30 software" (the simulator's
 * callback URL), and a pass record's callback turning "waiting" into "received" at the site's time.
 */
describe('K30 wizard: the Callback URL step', () => {
  let k30: K30Simulator;
  let app: App;
  let api: WsTestClient;

  beforeAll(async () => {
    k30 = await startK30Simulator({ host: '127.0.0.8' });
    const dataDir = tempDir();
    await cliJson(dataDir, 'sites', 'add', 'Gate 3', '--time-zone', SITE_ZONE);
    await cliJson(dataDir, 'sites', 'select', '1');
    await cliJson(dataDir, 'backend', 'add', '--site', '1', '--vendor', 'k30', '--url', k30.url, '--company-no', k30.companyNo);
    app = await startApp(dataDir);
    api = await WsTestClient.connect(`${app.web.base.replace('http:', 'ws:')}/api`, { Authorization: `Bearer ${app.web.token}` });
  }, 120_000);

  afterAll(async () => {
    api?.close();
    await app?.close();
    await k30?.close();
  });

  it('starts the receiver, shows and copies its URL, waits, and reports the first callback in the site’s time; undo stops it', async () => {
    const { context, page } = await app.open('backends');
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByTestId('backend-open').first().click();
    await page.getByTestId('wizard-open').click();
    for (const step of ['devices', 'region', 'hold']) {
      await expect.poll(() => page.getByTestId('wizard-body').getAttribute('data-step'), WAIT).toBe(step);
      await page.getByTestId('wizard-skip').click();
    }
    await expect.poll(() => page.getByTestId('wizard-body').getAttribute('data-step'), WAIT).toBe('callback');
    // Skippable, and says what skipping costs.
    expect(await page.getByTestId('wizard-skip').count()).toBe(1);
    expect(await page.getByTestId('k30-callback-why').textContent()).toContain('without the callback Doorman polls K30’s record list');
    expect(await page.getByTestId('k30-callback-url').count()).toBe(0);

    // Start: on the interface facing the simulator (no host typed).
    await page.getByTestId('wizard-run').click();
    await expect.poll(() => stepStatus(page, 'callback'), WAIT).toBe('done');
    const urlBox = page.getByTestId('k30-callback-url');
    await urlBox.waitFor(WAIT);
    const url = (await urlBox.textContent()) ?? '';
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(await page.getByTestId('wizard-result').textContent()).toContain(`The receiver is listening at ${url}.`);
    expect(await page.getByTestId('k30-callback-where').textContent()).toContain('在K30软件中自定义配置转发第三方URL');
    expect(await page.getByTestId('k30-callback-restart').textContent()).toContain('starts again with Doorman at the same URL');
    const status = await api.invoke('receivers.status', { backendId: 1 });
    expect(status).toMatchObject({ ok: true, output: { running: true, url, registration: 'manual', lastReceivedAt: null } });

    // Copy: the clipboard holds the URL.
    await page.getByTestId('k30-callback-copy').click();
    await expect.poll(() => page.getByTestId('k30-callback-copied').getAttribute('data-copied'), WAIT).toBe('copied');
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(url);

    const check = page.getByTestId('k30-callback-check');
    expect(await check.getAttribute('data-state')).toBe('waiting');
    expect(await check.textContent()).toContain('Waiting for the first callback…');
    await page.getByTestId('wizard').screenshot({ path: `${shots}/backends-k30-wizard-callback-waiting-en.png` });

    // The URL typed into the K30 software, then someone passes a device: its UploadRecord arrives.
    await simAdmin(k30, '/__sim/callbacks', { url });
    await simAdmin(k30, '/__sim/pass-records', { deviceno: SEED_IDS.gateIn, peopleno: SEED_IDS.zhangSan });
    await expect.poll(() => check.getAttribute('data-state'), WAIT).toBe('received');
    const after = (await api.invoke('receivers.status', { backendId: 1 })) as { output: { lastReceivedAt: string } };
    expect(await check.textContent()).toBe(`✓ Callback received at ${formatTime(after.output.lastReceivedAt, 'en', { timeZone: SITE_ZONE, seconds: true })}.`);
    await page.getByTestId('wizard').screenshot({ path: `${shots}/backends-k30-wizard-callback-received-en.png` });

    await page.getByTestId('lang-switch').selectOption('zh-CN');
    await expect.poll(() => check.textContent(), WAIT).toBe(`✓ 已于 ${formatTime(after.output.lastReceivedAt, 'zh-CN', { timeZone: SITE_ZONE, seconds: true })} 收到回调。`);
    expect(await page.getByTestId('k30-callback-where').textContent()).toContain('在K30软件中自定义配置转发第三方URL');
    await page.getByTestId('wizard').screenshot({ path: `${shots}/backends-k30-wizard-callback-received-zh.png` });
    await page.getByTestId('lang-switch').selectOption('en');

    // Undo stops the receiver; the step offers to start it again.
    await page.getByTestId('wizard-undo').click();
    await expect.poll(() => stepStatus(page, 'callback'), WAIT).toBe('undone');
    expect(await api.invoke('receivers.status', { backendId: 1 })).toMatchObject({ ok: true, output: { running: false } });
    await expect.poll(() => urlBox.count(), WAIT).toBe(0);
    expect(await page.getByTestId('wizard-run').textContent()).toBe('Start the receiver');
    await context.close();
  }, 120_000);

  it('selects the URL when the browser refuses the clipboard', async () => {
    await api.invoke('receivers.start', { backendId: 1, host: '127.0.0.1' });
    const { context, page } = await app.open('backends');
    await page.addInitScript("Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } })");
    await page.reload();
    await page.getByTestId('nav-backends').click();
    await page.getByTestId('backend-open').first().click();
    await page.getByTestId('wizard-open').click();
    for (const step of ['devices', 'region', 'hold']) {
      await expect.poll(() => page.getByTestId('wizard-body').getAttribute('data-step'), WAIT).toBe(step);
      await page.getByTestId('wizard-skip').click();
    }
    // Already running: its URL shows at once, and the step offers to use it.
    const urlBox = page.getByTestId('k30-callback-url');
    await urlBox.waitFor(WAIT);
    expect(await page.getByTestId('wizard-run').textContent()).toBe('Use this receiver');
    await page.getByTestId('k30-callback-copy').click();
    await expect.poll(() => page.getByTestId('k30-callback-copied').getAttribute('data-copied'), WAIT).toBe('selected');
    expect(await page.evaluate<string>('String(window.getSelection())')).toBe(await urlBox.textContent());
    await context.close();
  }, 120_000);
});
