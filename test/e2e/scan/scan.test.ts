import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimProcess, type SimProcess } from '../../support/sim-process.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { createSite, shots, startApp, type App } from '../support/app.ts';

const tempDir = useTempDirs();

/** Unticks this computer's subnets (a CI box's own LAN is not what these tests scan). */
async function untickSubnets(page: Page): Promise<void> {
  const boxes = page.getByTestId('scan-subnet');
  await boxes.first().waitFor();
  for (const box of await boxes.all()) if (await box.isChecked()) await box.uncheck();
}

async function scan(page: Page, targets: string, ports: string): Promise<void> {
  await untickSubnets(page);
  await page.getByTestId('scan-targets').fill(targets);
  await page.getByTestId('scan-ports').fill(ports);
  await page.getByTestId('scan-timeout').fill('300');
  const before = await page.getByTestId('scan-history-row').count();
  await page.getByTestId('scan-start').click();
  await expect.poll(() => page.getByTestId('scan-progress').getAttribute('data-state'), { timeout: 20_000 }).toBe('done');
  // The finished scan joins the history (and the hosts their first / last seen).
  await expect.poll(() => page.getByTestId('scan-history-row').count()).toBe(before + 1);
}

const row = (page: Page, address: string) => page.locator(`[data-testid="scan-row"][data-address="${address}"]`);

describe('Scan page: finds the simulated ZKBio and Hongtu servers', () => {
  let zkbio: SimProcess;
  let hongtu: SimProcess;
  let app: App;
  let ports: string;

  beforeAll(async () => {
    [zkbio, hongtu] = await Promise.all([startSimProcess('zkbio', ['--host', '127.0.0.2']), startSimProcess('hongtu', ['--host', '127.0.0.3'])]);
    ports = `${new URL(zkbio.url).port}, ${new URL(hongtu.url).port}`;
    app = await startApp(tempDir());
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await Promise.all([zkbio?.stop(), hongtu?.stop()]);
  });

  it('asks for a site first and links to the Sites page', async () => {
    const { context, page } = await app.open('scan');
    await page.getByTestId('scan-no-site').waitFor();
    await page.getByTestId('scan-no-site').getByRole('link').click();
    await page.getByTestId('site-name-input').waitFor();
    await context.close();
  });

  it('scans 127.0.0.2-3: names both systems with their evidence, in English and Chinese, and adds ZKBio as a backend', async () => {
    const { context, page } = await app.open('sites');
    await createSite(page, 'Scan site');
    await page.getByTestId('nav-scan').click();
    // Loopback is listed as internal and not ticked.
    const loopback = page.locator('[data-testid="scan-subnet"][data-internal="true"]').first();
    await loopback.waitFor();
    expect(await loopback.isChecked()).toBe(false);
    expect(await page.getByTestId('scan-ports').getAttribute('placeholder')).toContain('8098');

    await scan(page, '127.0.0.2-3', ports);
    const progress = page.getByTestId('scan-progress');
    expect(await progress.getAttribute('data-total')).toBe('2');
    expect(await progress.getAttribute('data-done')).toBe('2');
    expect(await progress.getAttribute('data-found')).toBe('2');
    expect([await progress.locator('progress').getAttribute('value'), await progress.locator('progress').getAttribute('max')]).toEqual(['2', '2']);

    expect(await page.getByTestId('scan-row').count()).toBe(2);
    const zk = row(page, '127.0.0.2');
    const ht = row(page, '127.0.0.3');
    expect(await zk.getByTestId('scan-system').textContent()).toMatch(/^ZKBio CVSecurity \d+%$/);
    expect(await ht.getByTestId('scan-system').textContent()).toMatch(/^Hongtu 2000 \d+%$/);
    expect(await zk.textContent()).toContain(new URL(zkbio.url).port);
    // Evidence: what each system's own API answered, behind an expandable <details>.
    await zk.getByTestId('scan-evidence').locator('summary').click();
    const zkEvidence = await zk.getByTestId('scan-evidence').textContent();
    expect(zkEvidence).toContain('API reply');
    expect(zkEvidence).toContain('/api/accLevel/list');
    await ht.getByTestId('scan-evidence').locator('summary').click();
    expect(await ht.getByTestId('scan-evidence').textContent()).toContain('/v1/api/device/info');
    // First and last seen come from the site's hosts once the scan is done.
    await expect.poll(() => zk.locator('time').count()).toBe(2);
    await page.getByTestId('scan-results').screenshot({ path: `${shots}/scan-results-en.png` });
    await page.getByTestId('scan-form').screenshot({ path: `${shots}/scan-form-en.png` });

    await page.getByTestId('lang-switch').selectOption('zh-CN');
    await expect.poll(() => ht.getByTestId('scan-system').textContent()).toContain('鸿图2000');
    expect(await page.getByTestId('scan-add-backend').first().textContent()).toBe('添加为后台');
    await page.getByTestId('scan-results').screenshot({ path: `${shots}/scan-results-zh.png` });
    await page.getByTestId('lang-switch').selectOption('en');

    // Hongtu: the add form opens with the vendor and address; closing it leaves nothing behind.
    await ht.getByTestId('scan-add-backend').click();
    await page.getByTestId('backend-form').waitFor();
    expect(await page.getByTestId('backend-vendor').inputValue()).toBe('hongtu');
    expect(await page.getByTestId('backend-url').inputValue()).toBe(hongtu.url);
    await page.getByTestId('backend-form').getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('backend-form').waitFor({ state: 'detached' });

    // ZKBio: prefilled, only the token to type; saved, it is the site's backend.
    await page.getByTestId('nav-scan').click();
    await zk.getByTestId('scan-add-backend').click();
    await page.getByTestId('backend-form').waitFor();
    expect(await page.getByTestId('backend-vendor').inputValue()).toBe('zkbio');
    expect(await page.getByTestId('backend-url').inputValue()).toBe(zkbio.url);
    expect(await page.getByTestId('backend-name').inputValue()).toBe('ZKBio 127.0.0.2');
    await page.getByTestId('backend-token').fill(zkbio.token);
    await page.getByTestId('backend-save').click();
    await page.getByTestId('backend-form').waitFor({ state: 'detached' });
    expect(await page.getByTestId('backend-row').first().textContent()).toContain('ZKBio 127.0.0.2');
    await context.close();
  });

  it('compares two scans of the site: the Hongtu server is gone from the second', async () => {
    const { context, page } = await app.open('scan');
    // The first scan is in the history; open it.
    await page.getByTestId('scan-history-row').first().waitFor();
    await page.getByTestId('scan-open').first().click();
    await expect.poll(() => page.getByTestId('scan-row').count()).toBe(2);

    await scan(page, '127.0.0.2-3', new URL(zkbio.url).port);
    expect(await page.getByTestId('scan-row').count()).toBe(1);
    await page.getByTestId('scan-compare').click();
    const diff = page.getByTestId('scan-diff');
    await diff.waitFor();
    expect(await diff.getByTestId('scan-diff-removed').getAttribute('data-address')).toBe('127.0.0.3');
    expect(await diff.textContent()).toContain('Hongtu 2000');
    expect(await diff.textContent()).toContain('1 host unchanged.');
    await page.getByTestId('scan-history').screenshot({ path: `${shots}/scan-history-en.png` });
    await context.close();
  });

  it('asks before a /16 and starts nothing when cancelled; explains targets it does not understand', async () => {
    const { context, page } = await app.open('scan');
    await untickSubnets(page);
    await page.getByTestId('scan-history-row').first().waitFor();
    const scans = await page.getByTestId('scan-history-row').count();

    await page.getByTestId('scan-targets').fill('127.0.0.0/16');
    await page.getByTestId('scan-ports').fill('');
    await page.getByTestId('scan-start').click();
    const question = page.getByTestId('scan-large-question');
    await question.waitFor();
    expect(await question.textContent()).toBe('Scan 65,534 addresses?');
    await page.screenshot({ path: `${shots}/scan-large-en.png` });
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await question.waitFor({ state: 'hidden' });
    expect(await page.getByTestId('scan-progress').count()).toBe(0);
    expect(await page.getByTestId('scan-history-row').count()).toBe(scans);

    // The core names the items it could not read; ports are checked as typed.
    await page.getByTestId('scan-targets').fill('127.0.0.2, gate-house');
    await page.getByTestId('scan-ports').fill('80, http');
    await page.getByTestId('scan-start').click();
    expect(await page.getByTestId('scan-error-ports').textContent()).toContain('Ports are numbers from 1 to 65535');
    await page.getByTestId('scan-ports').fill('80');
    await page.getByTestId('scan-start').click();
    await expect.poll(() => page.getByTestId('scan-error-targets').textContent()).toContain('Not understood: gate-house');
    await page.getByTestId('lang-switch').selectOption('zh-CN');
    await expect.poll(() => page.getByTestId('scan-error-targets').textContent()).toContain('无法识别：gate-house');
    await page.getByTestId('lang-switch').selectOption('en');
    expect(await page.getByTestId('scan-history-row').count()).toBe(scans);
    await context.close();
  });

  it('cancels a running scan and keeps it in the history as cancelled', async () => {
    const { context, page } = await app.open('scan');
    await untickSubnets(page);
    // 4,094 addresses × 200 ports: long enough to cancel by hand.
    await page.getByTestId('scan-targets').fill('127.0.16.0/20');
    await page.getByTestId('scan-ports').fill('1-200');
    await page.getByTestId('scan-start').click();
    await page.getByTestId('scan-cancel').click();
    await expect.poll(() => page.getByTestId('scan-progress').getAttribute('data-state'), { timeout: 20_000 }).toBe('cancelled');
    expect(Number(await page.getByTestId('scan-progress').getAttribute('data-done'))).toBeLessThan(4094);
    expect(await page.getByTestId('scan-progress-text').textContent()).toMatch(/^Cancelled after [\d,]+ of 4,094 addresses/);
    await expect.poll(() => page.getByTestId('scan-history-row').first().getAttribute('data-state')).toBe('cancelled');
    expect(await page.getByTestId('scan-cancel').count()).toBe(0);
    await context.close();
  });
});
