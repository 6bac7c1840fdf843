import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../support/temp-dir.ts';
import type { WebProcess } from '../../support/web-process.ts';
import { shots } from '../support/app.ts';
import { BACKENDS } from '../support/seed-site.ts';
import { startE2eSite, type E2eSite } from '../support/site.ts';

const tempDir = useTempDirs();
const TOKEN = 'e2e-plain-texts-token';
const WAIT = { timeout: 20_000 };

describe('texts a clerk reads are current and plain (issue 12 item 11)', () => {
  let site: E2eSite;
  let web: WebProcess;
  let browser: Browser;

  beforeAll(async () => {
    site = await startE2eSite({ token: TOKEN, camera: 'astronaut' });
    ({ web, browser } = site);
  }, 120_000);

  afterAll(async () => {
    await site?.stop();
  });

  async function open(locale: string, route: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ locale, viewport: { width: 1400, height: 1100 } });
    const page = await context.newPage();
    await page.goto(web.url);
    await page.getByTestId(`nav-${route}`).click();
    return { context, page };
  }

  it('Enroll: "choose a backend" instead of "at least 0 pixels", 80,000 grouped, the detector speed only under Diagnostics', async () => {
    const { context, page } = await open('en-US', 'enroll');
    const profile = page.getByTestId('enroll-profile');
    expect(await profile.textContent()).toBe('Choose a backend to see its photo rules.');
    await page.locator(`[data-testid="enroll-target"][data-backend-id="${BACKENDS.zkbio}"]`).check();
    await expect.poll(() => profile.textContent()).toContain('at least 80,000 pixels');

    // The detector runs (frames counted), yet its speed is not on the clerk's screen until asked for.
    const panel = page.getByTestId('face-panel');
    await expect.poll(() => panel.getAttribute('data-fps').then(Number), { timeout: 45_000 }).toBeGreaterThan(0);
    const shown = await panel.innerText();
    expect(shown).not.toMatch(/frames\/s|wasm/);
    expect(await page.getByTestId('face-stats').isVisible()).toBe(false);
    await page.getByTestId('face-diagnostics').locator('summary').click();
    await expect.poll(() => page.getByTestId('face-stats').isVisible()).toBe(true);
    expect(await page.getByTestId('face-stats').textContent()).toMatch(/^Face detection runs at [\d.,]+ frames per second \(engine: \w+\)\.$/);
    await page.screenshot({ path: `${shots}/enroll-diagnostics.png`, fullPage: true });
    await context.close();

    const zh = await open('zh-CN', 'enroll');
    const zhProfile = zh.page.getByTestId('enroll-profile');
    expect(await zhProfile.textContent()).toBe('请选择后台以查看其照片要求。');
    await zh.page.locator(`[data-testid="enroll-target"][data-backend-id="${BACKENDS.zkbio}"]`).check();
    await expect.poll(() => zhProfile.textContent()).toContain('不少于 80,000 像素');
    await zh.context.close();
  }, 120_000);

  it('Import: the result links to the Sync queue page, not to the Enroll page', async () => {
    const table = join(tempDir(), 'people.csv');
    writeFileSync(table, '工号/Personnel number,姓名/Name\nT1001,Tina Text\n');
    const { context, page } = await open('en-US', 'import');
    await page.getByTestId('import-file').setInputFiles(table);
    await page.getByTestId('import-check').click();
    await expect.poll(() => page.getByTestId('import-summary').count(), { timeout: 30_000 }).toBe(1);
    await page.locator(`[data-testid="import-target"][data-backend-id="${BACKENDS.zkbio}"]`).check();
    await page.getByTestId('import-run').click();
    const link = page.getByTestId('import-sync-queue');
    await expect.poll(() => link.count(), WAIT).toBe(1);
    expect(await link.textContent()).toBe('Follow them on the Sync queue page');
    expect(await link.getAttribute('href')).toBe('#/sync');
    await link.click();
    await expect.poll(() => page.getByTestId('sync-page').count()).toBe(1);
    await expect.poll(() => page.locator('[data-testid="outbox-row"][data-pin="T1001"]').count(), WAIT).toBe(1);
    await context.close();
  }, 120_000);
});
