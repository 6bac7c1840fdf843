import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startZkbioSimulator, type ZkbioSimulator } from '../../simulators/zkbio/server.ts';
import { launchChromium } from '../../support/chromium.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { startWebProcess, type WebProcess } from '../../support/web-process.ts';

const tempDir = useTempDirs();
const shots = fileURLToPath(new URL('../../../test-results/', import.meta.url));
const cliEntry = fileURLToPath(new URL('../../../electron/cli/main.ts', import.meta.url));
const run = promisify(execFile);
const TOKEN = 'e2e-report-token';
const WAIT = { timeout: 20_000 };

/**
 * Issue 12 item 10: the Chinese report printed its verdicts one character per line, and had no
 * sign-off block. A site with one passed door test (run with the CLI, as an installer would), its
 * address typed on the Sites page, the signers typed on the Report page, printed in both languages.
 */
describe('Report page: layout in both languages and the sign-off block', () => {
  let zkbio: ZkbioSimulator;
  let web: WebProcess;
  let browser: Browser;

  beforeAll(async () => {
    zkbio = await startZkbioSimulator({ host: '127.0.0.2', token: TOKEN });
    const dataDir = tempDir();
    // Asynchronous: the simulator lives in this process and must answer while the CLI runs.
    const cli = async <T>(...args: string[]): Promise<T> => {
      const env = { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', LANG: 'en_US.UTF-8' };
      const { stdout } = await run(process.execPath, [cliEntry, ...args, '--data-dir', dataDir, '--json'], { env, encoding: 'utf8' }).catch((error: { stdout?: string; stderr?: string }) => {
        // door-test exits 1 unless the verdict is pass; its JSON is still on stdout.
        if (error.stdout) return { stdout: error.stdout };
        throw new Error(`cli ${args.join(' ')} failed: ${error.stderr ?? String(error)}`);
      });
      return JSON.parse(stdout) as T;
    };
    await cli('sites', 'add', 'Block 3');
    await cli('sites', 'select', '1');
    await cli('backend', 'add', '--site', '1', '--vendor', 'zkbio', '--url', zkbio.url, '--token', TOKEN);
    const inventory = await cli<{ doors: { id: string }[] }>('backend', 'inventory', '1');
    const door = inventory.doors[0];
    if (!door) throw new Error('the ZKBio simulator has no door');
    const result = await cli<{ verdict: string }>('door-test', '1', '--door', door.id, '--installer', 'Li Lei');
    expect(result.verdict).toBe('pass');
    web = await startWebProcess(dataDir);
    browser = await launchChromium();
    mkdirSync(shots, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await zkbio?.close();
  });

  async function open(locale: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(web.url);
    return { context, page };
  }

  it('takes the site address on the Sites page', async () => {
    const { context, page } = await open('en-US');
    await page.getByTestId('nav-sites').click();
    const row = page.getByTestId('site-row').filter({ hasText: 'Block 3' });
    await row.getByTestId('site-address-none').waitFor(WAIT);
    await row.getByTestId('site-address-edit').click();
    const input = row.getByTestId('site-address-input');
    await input.fill('x'.repeat(201));
    await expect.poll(() => row.getByTestId('site-address-error').textContent(), WAIT).toContain('at most 200 characters');
    expect(await row.getByTestId('site-address-save').isDisabled()).toBe(true);
    await input.fill('  88 Wensan Road, Hangzhou ');
    await input.press('Enter');
    await expect.poll(() => row.getByTestId('site-address').textContent(), WAIT).toBe('88 Wensan Road, Hangzhou');
    await page.reload();
    await expect.poll(() => page.getByTestId('site-row').filter({ hasText: 'Block 3' }).getByTestId('site-address').textContent(), WAIT).toBe('88 Wensan Road, Hangzhou');
    await context.close();
  });

  for (const [locale, verdict, labels] of [
    ['zh-CN', '通过', ['验收签字', '工地地址', '调试人员（安装方）', '客户代表', '签字', '日期']],
    ['en-US', 'Pass', ['Sign-off', 'Site address', 'Installer', 'Customer representative', 'Signature', 'Date']],
  ] as const) {
    it(`prints the ${locale} report with whole verdicts and a sign-off block naming the signers typed on the page`, async () => {
      const { context, page } = await open(locale);
      await page.getByTestId('nav-report').click();
      const report = page.getByTestId('report-frame').locator('.report-body');
      await expect.poll(() => report.textContent(), WAIT).toContain(verdict);
      // The installer's name starts empty here (no door test was run in this browser); type both.
      await page.getByTestId('report-installer').fill('Li Lei');
      await page.getByTestId('report-customer').fill('韩梅梅');
      await expect.poll(() => report.locator('[data-signoff="customer-name"]').textContent(), WAIT).toBe('韩梅梅');
      expect(await report.locator('[data-signoff="installer-name"]').textContent()).toBe('Li Lei');
      expect(await report.locator('[data-signoff="address"]').textContent()).toBe('88 Wensan Road, Hangzhou');
      expect(await page.getByTestId('report-address-missing').count()).toBe(0);

      const file = `${shots}/report-sign-off-${locale}.pdf`;
      writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true }));
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      // The verdict on one line, not one character per line.
      expect(text).toContain(verdict);
      for (const label of labels) expect(text).toContain(label);
      for (const value of ['88 Wensan Road, Hangzhou', 'Li Lei', '韩梅梅']) expect(text).toContain(value);
      // The signer fields are the page's, not the report's: they are not printed.
      expect(text).not.toContain(locale === 'zh-CN' ? '客户代表姓名' : 'Customer representative’s name');
      await context.close();
    });
  }
});
