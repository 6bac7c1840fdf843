import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zhCN } from '../../../shared/i18n/zh-CN.ts';
import { startK30Simulator, type K30Simulator } from '../../simulators/k30/server.ts';
import { startWebProcess, type WebProcess } from '../../support/web-process.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { cliJson } from '../support/cli.ts';
import { launchE2eBrowser, shots } from '../support/site.ts';

const tempDir = useTempDirs();
const WAIT = { timeout: 20_000 };

/**
 * Issue 15 item 4 in Chromium: a visitor registered on K30 with a face from the fake camera, seen in
 * today's list, checked out; Hongtu offered with its note; the page in Chinese.
 */
describe('Visitors page', () => {
  let k30: K30Simulator;
  let web: WebProcess;
  let browser: Browser;

  beforeAll(async () => {
    k30 = await startK30Simulator({ host: '127.0.0.5' });
    const dataDir = tempDir();
    await cliJson(dataDir, 'sites', 'add', 'Gate house', '--time-zone', 'Asia/Shanghai');
    await cliJson(dataDir, 'sites', 'select', '1');
    await cliJson(dataDir, 'backend', 'add', '--site', '1', '--vendor', 'k30', '--url', k30.url, '--company-no', k30.companyNo, '--name', 'K30 gate');
    // A second backend, Hongtu, whose visitors are persons of type 2 (nothing needs to listen there: only its capabilities are read).
    await cliJson(dataDir, 'backend', 'add', '--site', '1', '--vendor', 'hongtu', '--url', 'http://127.0.0.5:9', '--app-key', 'k', '--secret', 's', '--name', 'Hongtu');
    web = await startWebProcess(dataDir);
    browser = await launchE2eBrowser('astronaut');
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
    await page.getByTestId('nav-visitors').click();
    return { context, page };
  }

  it('registers a visitor on K30 with the captured face, lists them, checks them out', async () => {
    const { context, page } = await open('en-US');
    await page.getByTestId('visitor-backend').selectOption('1');
    await expect.poll(() => page.getByTestId('visitor-backend-note').textContent(), WAIT).toContain('visitor.create');
    await page.getByTestId('visitor-name').fill('Wang Wu');
    await page.getByTestId('visitor-hostPin').fill('A0001');
    await page.getByTestId('visitor-idType').selectOption('passport');
    await page.getByTestId('visitor-idNumber').fill('E12345678');
    await page.getByTestId('visitor-phone').fill('13900000009');
    await page.getByTestId('visitor-company').fill('Acme');
    await page.getByTestId('visitor-reason').fill('Delivery');
    await expect.poll(() => page.getByTestId('face-captured').count(), { timeout: 45_000 }).toBe(1);
    await page.getByTestId('visitor-submit').click();
    await expect.poll(() => page.getByTestId('visitor-result').getAttribute('data-state'), WAIT).toBe('registered');

    // What reached K30: the visitor, their host by K30's own number, the face as a JPEG.
    const [sent] = [...k30.state.visitors.values()];
    expect(sent).toMatchObject({ name: 'Wang Wu', idcard: 'E12345678', phone: '13900000009', reason: 'Delivery' });
    expect(sent?.photo).toBeTruthy();
    expect(sent?.devices.length).toBeGreaterThan(0);

    const row = page.getByTestId('visitor-row').first();
    await expect.poll(() => row.getAttribute('data-state'), WAIT).toBe('registered');
    expect(await row.textContent()).toContain('Wang Wu');
    expect(await row.getByTestId('visitor-presence').textContent()).toBe('expected');
    await page.screenshot({ path: `${shots}/visitors-registered.png`, fullPage: true });
    await row.getByTestId('visitor-checkout').click();
    await expect.poll(() => row.getAttribute('data-state'), WAIT).toBe('checked-out');
    expect(k30.state.visitors.size).toBe(0);

    // Hongtu registers visitors too (persons of type 2): offered, with its note.
    await page.getByTestId('visitor-backend').selectOption('2');
    await expect.poll(() => page.getByTestId('visitor-backend-note').textContent(), WAIT).toContain('person of type 2');
    expect(await page.getByTestId('visitor-unsupported').count()).toBe(0);
    expect(await page.getByTestId('visitor-submit').isDisabled()).toBe(false);
    await context.close();
  }, 120_000);

  it('reads in Chinese: the page, the states, Hongtu’s visitor note', async () => {
    const { context, page } = await open('zh-CN');
    await expect.poll(() => page.locator('h1').first().textContent(), WAIT).toBe(zhCN.visitors.title);
    const row = page.getByTestId('visitor-row').first();
    await expect.poll(() => row.getByTestId('visitor-state').textContent(), WAIT).toBe(zhCN.visitors.state['checked-out']);
    expect(await page.getByTestId('visitor-submit').textContent()).toBe(zhCN.visitors.submit);
    await page.getByTestId('visitor-backend').selectOption('2');
    await expect.poll(() => page.getByTestId('visitor-backend-note').textContent(), WAIT).toContain('类型 2 的人员');
    await page.screenshot({ path: `${shots}/visitors-zh-CN.png`, fullPage: true });
    // The Backends page lists visitor registration among what K30's API can do.
    await page.getByTestId('nav-backends').click();
    await page.locator('[data-testid="backend-row"][data-backend-id="1"]').getByTestId('backend-open').click();
    await page.getByTestId('backend-test').click();
    const capability = page.getByTestId('capabilities').locator('[data-capability="visitors"]');
    await expect.poll(() => capability.textContent(), { timeout: 30_000 }).toContain(zhCN.visitors.capability);
    expect(await capability.getAttribute('class')).toContain('cap-yes');
    await context.close();
  }, 120_000);
});
