import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_IDS } from '../../simulators/hongtu/seed.ts';
import { startHongtuSimulator, type HongtuSimulator } from '../../simulators/hongtu/server.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { addBackend, createSite, shots, startApp, testConnection, type App } from '../support/app.ts';

const tempDir = useTempDirs();

/** Runs the current wizard step and waits for it to be done. */
async function runStep(page: Page, step: string): Promise<void> {
  const body = page.locator(`[data-testid="wizard-body"][data-step="${step}"]`);
  await body.waitFor();
  await body.getByTestId('wizard-run').click();
  await expect.poll(() => page.locator(`[data-testid="wizard-step"][data-step="${step}"]`).getAttribute('data-status'), { timeout: 20_000 }).toBe('done');
}

const doorNames = (page: Page) => page.locator('.door-choice-name').allTextContents();

describe('what a user just changed shows everywhere at once (issue 12 item 8)', () => {
  let hongtu: HongtuSimulator;
  let app: App;

  beforeAll(async () => {
    hongtu = await startHongtuSimulator({ host: '127.0.0.3' });
    app = await startApp(tempDir());
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await hongtu?.close();
  });

  it('the Hongtu wizard’s new door shows on the verdict card and on Door tests without Refresh', async () => {
    const { context, page } = await app.open('sites');
    await createSite(page, 'Live site');

    // A second window on Door tests, open before the backend exists.
    const other = await app.browser.newContext({ locale: 'en-US', viewport: { width: 1360, height: 900 } });
    const doorTests = await other.newPage();
    await doorTests.goto(app.web.url);
    await doorTests.getByTestId('nav-door-tests').click();
    await doorTests.getByTestId('doortest-no-backends').waitFor();

    await addBackend(page, { vendor: 'hongtu', name: 'Platform', url: hongtu.url, appKey: hongtu.appKey, secret: hongtu.secretKey });
    // The other window hears of the new backend.
    await expect.poll(() => doorTests.getByTestId('doortest-backend').locator('option').allTextContents()).toEqual(['Platform (hongtu)']);

    const verdict = await testConnection(page);
    expect(await verdict.locator('[data-fact="doors"] dd').textContent()).toBe('0');

    await page.getByTestId('wizard-open').click();
    await page.getByTestId('wizard-panel').selectOption(SEED_IDS.panelASn);
    await page.getByTestId('wizard-panel-name').fill('North gate');
    await page.getByTestId('wizard-panel-location').fill('North entrance');
    await runStep(page, 'import');
    await page.getByTestId('wizard-next').click();
    await page.getByTestId('wizard-server').selectOption(SEED_IDS.edgeServer);
    await runStep(page, 'bind');
    await page.getByTestId('wizard-next').click();
    await runStep(page, 'door');

    // No Test connection, no Refresh inventory, no Finish: the count and the list follow the core.
    await expect.poll(() => page.getByTestId('verdict').locator('[data-fact="doors"] dd').textContent(), { timeout: 20_000 }).toBe('1');
    await expect.poll(() => doorNames(doorTests), { timeout: 20_000 }).toEqual(['North gate']);
    await doorTests.screenshot({ path: `${shots}/live-door-tests-en.png` });

    // The same window's Door tests page lists it too.
    await page.getByTestId('nav-door-tests').click();
    await expect.poll(() => doorNames(page)).toEqual(['North gate']);
    await other.close();
    await context.close();
  }, 120_000);
});
