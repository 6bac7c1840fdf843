import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startK30Simulator, type K30Simulator } from '../../simulators/k30/server.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { addBackend, createSite, shots, startApp, testConnection, type App } from '../support/app.ts';

const tempDir = useTempDirs();

/** K30 is a backend you can add on the Backends page (issue 14 item 4): company number, test, inventory. */
describe('Backends page: a K30 backend', () => {
  let k30: K30Simulator;
  let app: App;

  beforeAll(async () => {
    k30 = await startK30Simulator({ host: '127.0.0.4' });
    app = await startApp(tempDir());
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await k30?.close();
  });

  it('adds K30 with its company number, tests it (ok) and shows its devices as doors', async () => {
    const { context, page } = await app.open('sites');
    await createSite(page, 'Gate 2');
    const row = await addBackend(page, { vendor: 'k30', name: 'Turnstiles', url: k30.url, companyNo: k30.companyNo });
    expect(await row.textContent()).toContain('Turnstiles');

    const verdict = await testConnection(page);
    expect(await verdict.getAttribute('data-verdict')).toBe('ok');
    expect(await verdict.textContent()).toContain('K30');

    await page.getByTestId('inventory-refresh').click();
    await page.getByTestId('inventory-tab-doors').click();
    const doors = page.getByTestId('inventory-doors').getByTestId('inventory-door');
    await expect.poll(() => doors.count(), { timeout: 20_000 }).toBe(k30.state.devices.size);
    for (const device of k30.state.devices.values()) expect(await page.getByTestId('inventory-doors').textContent()).toContain(device.name);
    await page.screenshot({ path: `${shots}/backends-k30-en.png` });
    await context.close();
  });

  it('refuses a company number that is not 16 characters, in English and in Chinese', async () => {
    for (const [locale, text] of [
      ['en-US', 'exactly 16 characters'],
      ['zh-CN', '必须正好 16 个字符'],
    ] as const) {
      const { context, page } = await app.open('backends', locale);
      await page.getByTestId('backend-add').click();
      await page.getByTestId('backend-vendor').selectOption('k30');
      await page.getByTestId('backend-url').fill(k30.url);
      await page.getByTestId('backend-company-no').fill('12345');
      await page.getByTestId('backend-save').click();
      await expect.poll(() => page.getByTestId('backend-form').textContent(), { timeout: 20_000 }).toContain(text);
      expect(await page.getByTestId('backend-company-no').getAttribute('type')).toBe('password');
      await context.close();
    }
  });
});
