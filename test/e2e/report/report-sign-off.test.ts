import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startZkbioSimulator, type ZkbioSimulator } from '../../simulators/zkbio/server.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { shots, startApp, type App } from '../support/app.ts';
import { cliAnswer, cliJson } from '../support/cli.ts';

const tempDir = useTempDirs();
const TOKEN = 'e2e-report-token';
const WAIT = { timeout: 20_000 };

/**
 * Issue 12 item 10: the Chinese report printed its verdicts one character per line, and had no
 * sign-off block. A site with one passed door test (run with the CLI, as an installer would), its
 * address typed on the Sites page, the signers typed on the Report page, printed in both languages.
 */
describe('Report page: layout in both languages and the sign-off block', () => {
  let zkbio: ZkbioSimulator;
  let app: App;

  beforeAll(async () => {
    zkbio = await startZkbioSimulator({ host: '127.0.0.2', token: TOKEN });
    const dataDir = tempDir();
    await cliJson(dataDir, 'sites', 'add', 'Block 3');
    await cliJson(dataDir, 'sites', 'select', '1');
    await cliJson(dataDir, 'backend', 'add', '--site', '1', '--vendor', 'zkbio', '--url', zkbio.url, '--token', TOKEN);
    const inventory = await cliJson<{ doors: { id: string }[] }>(dataDir, 'backend', 'inventory', '1');
    const door = inventory.doors[0];
    if (!door) throw new Error('the ZKBio simulator has no door');
    const result = await cliAnswer<{ verdict: string }>(dataDir, 'door-test', '1', '--door', door.id, '--installer', 'Li Lei');
    expect(result.verdict).toBe('pass');
    app = await startApp(dataDir, { viewport: { width: 1280, height: 800 } });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await zkbio?.close();
  });

  it('takes the site address on the Sites page', async () => {
    const { context, page } = await app.open('sites');
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
      const { context, page } = await app.open('report', locale);
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
