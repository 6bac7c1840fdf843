import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../support/temp-dir.ts';
import { createSite, startApp, type App } from '../support/app.ts';

const tempDir = useTempDirs();
const resources = fileURLToPath(new URL('../../../resources/', import.meta.url));

async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

describe('the Import page’s Download template (issue 12 item 16)', () => {
  let app: App;

  beforeAll(async () => {
    app = await startApp(tempDir());
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('downloads the shipped CSV and Excel templates byte for byte, in English and Chinese', async () => {
    const context = await app.browser.newContext({ locale: 'en-US', viewport: { width: 1360, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(app.web.url);
    await createSite(page, 'Template site');
    await page.getByTestId('nav-import').click();
    expect(await page.getByTestId('import-template-csv').textContent()).toBe('Download template (CSV)');
    expect(await page.getByTestId('import-template-xlsx').textContent()).toBe('Download template (Excel)');

    const csv = await download(page, 'import-template-csv');
    expect(csv.name).toBe('people-template.csv');
    expect(csv.bytes.equals(readFileSync(`${resources}people-template.csv`))).toBe(true);
    const xlsx = await download(page, 'import-template-xlsx');
    expect(xlsx.name).toBe('people-template.xlsx');
    expect(xlsx.bytes.equals(readFileSync(`${resources}people-template.xlsx`))).toBe(true);

    await page.getByTestId('lang-switch').selectOption('zh-CN');
    await expect.poll(() => page.getByTestId('import-template-xlsx').textContent()).toBe('下载模板（Excel）');
    const again = await download(page, 'import-template-xlsx');
    expect(again.bytes.equals(xlsx.bytes)).toBe(true);
    await context.close();
  });
});
