import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startZkbioSimulator, type ZkbioSimulator } from '../../simulators/zkbio/server.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { addBackend, createSite, shots, startApp, testConnection, type App } from '../support/app.ts';

const tempDir = useTempDirs();
const TOKEN = 'e2e-address-token';
const WAIT = { timeout: 20_000 };

/** The address a person copies from the browser's address bar: no scheme typed, the login page's path. */
const pastedFrom = (url: string) => `${url.replace(/^http:\/\//, '')}/#/login`;

describe('A backend’s address: checked, tidied, one backend per server, plain HTTP named (issue 12 items 4, 5, 7)', () => {
  let zkbio: ZkbioSimulator;
  let app: App;

  beforeAll(async () => {
    zkbio = await startZkbioSimulator({ host: '127.0.0.5', token: TOKEN });
    app = await startApp(tempDir());
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await zkbio?.close();
  });

  async function openAddForm(page: Page): Promise<void> {
    await page.getByTestId('nav-backends').click();
    await page.getByTestId('backend-add').click();
    await page.getByTestId('backend-form').waitFor();
  }

  it('refuses an impossible address in the form, in both languages, and saves nothing (item 5)', async () => {
    const { context, page } = await app.open('sites');
    await createSite(page, 'Address site');
    await openAddForm(page);
    await page.getByTestId('backend-url').fill('http://999.1.1.1:8098');
    await page.getByTestId('backend-token').fill(TOKEN);
    await expect.poll(() => page.getByTestId('backend-form').textContent(), WAIT).toContain('four numbers from 0 to 255');
    await page.getByTestId('backend-save').click();
    // Nothing reached the core: no backend, no "Something went wrong inside Doorman".
    expect(await page.getByTestId('backend-row').count()).toBe(0);
    expect(await page.getByTestId('backend-form-error').count()).toBe(0);
    expect(await page.locator(':focus').getAttribute('data-testid')).toBe('backend-url');

    await page.getByTestId('backend-url').fill('http://10.0.0.5:70000');
    await expect.poll(() => page.getByTestId('backend-form').textContent(), WAIT).toContain('from 1 to 65535');
    await page.getByTestId('lang-switch').selectOption('zh-CN');
    await expect.poll(() => page.getByTestId('backend-form').textContent(), WAIT).toContain('端口是 1 到 65535 之间的数字');
    await page.getByTestId('backend-form').screenshot({ path: `${shots}/backends-address-refused-zh.png` });
    await page.getByTestId('lang-switch').selectOption('en');
    await context.close();
  });

  it('tidies a pasted address (no scheme, the browser’s path) and stores it tidy (item 5)', async () => {
    const { context, page } = await app.open('backends');
    await openAddForm(page);
    await page.getByTestId('backend-name').fill('Main gate');
    await page.getByTestId('backend-url').fill(pastedFrom(zkbio.url));
    await page.getByTestId('backend-token').focus();
    await expect.poll(() => page.getByTestId('backend-url').inputValue(), WAIT).toBe(zkbio.url);
    await page.getByTestId('backend-token').fill(TOKEN);
    await page.getByTestId('backend-save').click();
    await page.getByTestId('backend-form').waitFor({ state: 'detached', ...WAIT });
    const row = page.getByTestId('backend-row').filter({ hasText: 'Main gate' });
    expect(await row.textContent()).toContain(zkbio.url);
    expect(await row.textContent()).not.toContain('#/login');
    await context.close();
  });

  it('says the server is already a backend and opens it instead of adding it twice (item 4)', async () => {
    const { context, page } = await app.open('backends');
    await openAddForm(page);
    await page.getByTestId('backend-name').fill('Main gate again');
    await page.getByTestId('backend-url').fill(`${zkbio.url}/`);
    const notice = page.getByTestId('backend-already-added');
    await notice.waitFor(WAIT);
    expect(await notice.textContent()).toContain('“Main gate”');
    await page.getByTestId('backend-token').fill(TOKEN);
    await page.getByTestId('backend-save').click();
    expect(await page.getByTestId('backend-row').count()).toBe(1);
    await page.getByTestId('backend-form').screenshot({ path: `${shots}/backends-already-added-en.png` });

    await page.getByTestId('backend-open-existing').click();
    await page.getByTestId('backend-form').waitFor({ state: 'detached', ...WAIT });
    await expect.poll(() => page.getByTestId('backend-view').textContent(), WAIT).toContain('Main gate');
    expect(await page.locator('[data-testid="backend-row"].is-selected').textContent()).toContain('Main gate');
    await context.close();
  });

  it('Scan offers “Open it” for a server already added, not “Add as backend” (item 4)', async () => {
    const { context, page } = await app.open('scan');
    const boxes = page.getByTestId('scan-subnet');
    await boxes.first().waitFor(WAIT);
    for (const box of await boxes.all()) if (await box.isChecked()) await box.uncheck();
    await page.getByTestId('scan-targets').fill('127.0.0.5');
    await page.getByTestId('scan-ports').fill(new URL(zkbio.url).port);
    await page.getByTestId('scan-timeout').fill('300');
    await page.getByTestId('scan-start').click();
    await expect.poll(() => page.getByTestId('scan-progress').getAttribute('data-state'), WAIT).toBe('done');
    const service = page.locator('[data-testid="scan-row"][data-address="127.0.0.5"]').getByTestId('scan-service');
    await service.getByTestId('scan-existing-backend').waitFor(WAIT);
    expect(await service.getByTestId('scan-add-backend').count()).toBe(0);
    expect(await service.getByTestId('scan-existing-backend').textContent()).toContain('Already a backend: “Main gate”');
    await page.getByTestId('scan-results').screenshot({ path: `${shots}/scan-already-added-en.png` });

    await service.getByTestId('scan-open-backend').click();
    await expect.poll(() => page.getByTestId('backend-view').textContent(), WAIT).toContain('Main gate');
    expect(await page.getByTestId('backend-form').count()).toBe(0);
    expect(await page.getByTestId('backend-row').count()).toBe(1);
    await context.close();
  });

  it('says https:// to a plain-HTTP server speaks plain HTTP, with the http:// address, not “pin the certificate” (item 7)', async () => {
    const { context, page } = await app.open('sites');
    await createSite(page, 'HTTPS typo site');
    const httpsUrl = zkbio.url.replace(/^http:/, 'https:');
    await addBackend(page, { vendor: 'zkbio', name: 'Typed https', url: httpsUrl, token: TOKEN });
    const verdict = await testConnection(page);
    expect(await verdict.getAttribute('data-verdict')).toBe('plain-http');
    expect(await verdict.textContent()).toContain('Plain HTTP, not HTTPS');
    const advice = await page.getByTestId('verdict-advice').textContent();
    expect(advice).toContain(`Change the address to ${zkbio.url}`);
    expect(advice).not.toMatch(/fingerprint|pin it/i);
    expect(await page.getByTestId('verdict-pin').count()).toBe(0);
    await page.screenshot({ path: `${shots}/backends-plain-http-en.png` });

    await page.getByTestId('lang-switch').selectOption('zh-CN');
    await expect.poll(() => page.getByTestId('verdict-advice').textContent(), WAIT).toContain('普通 HTTP');
    expect(await verdict.textContent()).toContain('普通 HTTP，不是 HTTPS');
    // The inventory read says the same, as an error in Chinese, not "something went wrong".
    await page.getByTestId('inventory-refresh').click();
    await expect.poll(() => page.getByTestId('backend-view').textContent(), WAIT).toContain(`请把地址改为 ${zkbio.url}`);
    await page.getByTestId('lang-switch').selectOption('en');
    await context.close();
  });
});
