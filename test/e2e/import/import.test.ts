import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../../shared/i18n/en.ts';
import { zhCN } from '../../../shared/i18n/zh-CN.ts';
import type { ZkbioSimulator } from '../../simulators/zkbio/server.ts';
import { astronautJpeg } from '../../support/astronaut.ts';
import { makePng } from '../../support/images.ts';
import type { WebProcess } from '../../support/web-process.ts';
import { BACKENDS } from '../support/seed-site.ts';
import { shots, startE2eSite, type E2eSite } from '../support/site.ts';

const TOKEN = 'e2e-import-token';
const BAD_ID = '110105194912310021';

/**
 * Two good rows (2, 3) and three bad ones: row 4 has a wrong ID checksum (column C), row 5 no name
 * (column B), row 6 a photo with no face (a grey gradient; matched by file name, so no column).
 * The others' photos are the astronaut, a real face.
 */
const CSV = ['工号,姓名,身份证号', 'I1001,Alice Wang,11010519491231002X', 'I1002,Bob Li,', `I1003,Carol Zhang,${BAD_ID}`, 'I1004,,', 'I1005,Eve Zhou,'].join('\r\n') + '\r\n';
const PINS = ['I1001', 'I1002', 'I1003', 'I1004', 'I1005'];

async function downloaded(page: Page, testId: string): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = await download.path();
  return { download, bytes: readFileSync(path) };
}

describe('Bulk import from a spreadsheet and a folder of photos', () => {
  let site: E2eSite;
  let zkbio: ZkbioSimulator;
  let web: WebProcess;
  let browser: Browser;
  let root: string;
  let table: string;
  let photos: string[];

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'doorman-e2e-import-'));
    const files = join(root, 'files');
    mkdirSync(files);
    table = join(files, 'people.csv');
    writeFileSync(table, CSV);
    const face = astronautJpeg();
    photos = PINS.map((pin) => {
      const path = join(files, pin === 'I1005' ? `${pin}.png` : `${pin}.jpg`);
      writeFileSync(path, pin === 'I1005' ? makePng(400, 300) : face);
      return path;
    });
    site = await startE2eSite({ token: TOKEN });
    ({ zkbio, web, browser } = site);
  }, 120_000);

  afterAll(async () => {
    await site?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  async function openAndCheck(locale: string): Promise<Page> {
    const context = await browser.newContext({ locale, viewport: { width: 1400, height: 1100 }, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(web.url);
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-file').setInputFiles(table);
    await page.getByTestId('import-photos').setInputFiles(photos);
    // The face check is on unless turned off.
    expect(await page.getByTestId('import-face-check').isChecked()).toBe(true);
    await check(page);
    return page;
  }

  async function check(page: Page): Promise<void> {
    await page.getByTestId('import-check').click();
    await expect.poll(() => page.getByTestId('import-summary').count(), { timeout: 30_000 }).toBe(1);
  }

  async function errorRows(page: Page): Promise<{ row: string | null; column: string | null; code: string | null; text: string }[]> {
    return page.locator('[data-testid="import-problem-row"][data-severity="error"]').evaluateAll((rows) =>
      rows.map((r) => ({ row: r.getAttribute('data-row'), column: r.getAttribute('data-column'), code: r.getAttribute('data-code'), text: r.textContent ?? '' })),
    );
  }

  it('checks, shows the problems by row and column, imports the good rows and syncs them to ZKBio', async () => {
    const page = await openAndCheck('en-US');
    const summary = page.getByTestId('import-summary');
    expect(await summary.getAttribute('data-planned')).toBe('2');
    expect(await summary.getAttribute('data-rejected')).toBe('3');
    const problems = await errorRows(page);
    expect(problems.map(({ row, column, code }) => ({ row, column, code }))).toEqual([
      { row: '4', column: 'C', code: 'id_number_invalid' },
      { row: '5', column: 'B', code: 'person_name_required' },
      { row: '6', column: '', code: 'photo_no_face' },
    ]);
    expect(problems[0]?.text).toContain('身份证号');
    expect(problems[0]?.text).toContain(en.validation.id_number_invalid);
    expect(problems[2]?.text).toContain(en.validation.photo_no_face);
    expect(await page.getByTestId('import-face-check-off').count()).toBe(0);
    expect(await page.getByTestId('import-preview-row').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-pin'), r.getAttribute('data-kind')]))).toEqual([
      ['I1001', 'new'],
      ['I1002', 'new'],
    ]);
    expect(await page.getByTestId('import-new-people').textContent()).toBe('2');
    expect(await page.getByTestId('import-updates').count()).toBe(0);
    await page.getByTestId('import-errors-only').check();
    expect(await page.getByTestId('import-problem-row').count()).toBe(3);

    await page.locator(`[data-testid="import-target"][data-backend-id="${BACKENDS.zkbio}"]`).check();
    expect(await page.getByTestId('import-run').textContent()).toContain('2');
    await page.screenshot({ path: `${shots}/import-checked.png`, fullPage: true });
    await page.getByTestId('import-run').click();
    const result = page.getByTestId('import-result');
    await expect.poll(() => result.count(), { timeout: 20_000 }).toBe(1);
    expect(await result.getAttribute('data-imported')).toBe('2');
    expect(await result.getAttribute('data-cancelled')).toBe('false');
    expect(await page.getByTestId('import-progress').getAttribute('data-done')).toBe('2');

    // The rejected rows, with the bad ID number, to fix and import again.
    const rejected = await downloaded(page, 'import-rejected-download');
    expect(rejected.download.suggestedFilename()).toBe('rejected.csv');
    const rejectedText = rejected.bytes.toString('utf8');
    expect(rejectedText).toContain(BAD_ID);
    expect(rejectedText).toContain('I1004');
    expect(rejectedText).toContain(en.validation.photo_no_face);
    expect(rejectedText).not.toContain('I1001');

    // The people export holds the imported people.
    const csv = await downloaded(page, 'people-export-csv');
    expect(csv.bytes.toString('utf8')).toContain('I1001');
    expect(csv.bytes.toString('utf8')).toContain('Bob Li');
    const xlsx = await downloaded(page, 'people-export-xlsx');
    expect(xlsx.download.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    await page.screenshot({ path: `${shots}/import-done.png`, fullPage: true });

    // The sync queue (outbox.list) shows one entry per good row, and the sync engine sends them on.
    await page.getByTestId('import-sync-queue').click();
    for (const pin of ['I1001', 'I1002']) {
      const row = page.locator(`[data-testid="outbox-row"][data-backend-id="${BACKENDS.zkbio}"][data-pin="${pin}"]`);
      await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
      await expect.poll(() => row.getAttribute('data-state'), { timeout: 30_000 }).toBe('done');
    }
    expect(await page.locator('[data-testid="outbox-row"][data-pin="I1003"]').count()).toBe(0);
    expect(zkbio.state.persons.get('I1001')?.name).toBe('Alice Wang');
    // ZKBio receives what the store kept: the square cut around her face, not the whole photo.
    expect(zkbio.state.persons.get('I1002')?.photo).toMatchObject({ format: 'jpeg', width: 303, height: 303 });
    expect(zkbio.state.persons.has('I1003')).toBe(false);

    await page.context().close();

    // Checked again, the two rows update the people just imported, on ZKBio.
    const again = await openAndCheck('en-US');
    await expectUpdates(again, en.importPage.alreadyOn);
    await again.context().close();
  }, 120_000);

  /** The check result lists I1001 and I1002 as updates of people already on the first ZKBio backend. */
  async function expectUpdates(page: Page, alreadyOn: string): Promise<void> {
    expect(await page.getByTestId('import-new-people').textContent()).toBe('0');
    expect(await page.getByTestId('import-updates-count').textContent()).toBe('2');
    expect(await page.getByTestId('import-update-row').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-pin'), r.getAttribute('data-backends')]))).toEqual([
      ['I1001', String(BACKENDS.zkbio)],
      ['I1002', String(BACKENDS.zkbio)],
    ]);
    const table = (await page.getByTestId('import-updates').textContent()) ?? '';
    expect(table).toContain(alreadyOn);
    expect(table).toContain(`zkbio ${new URL(zkbio.url).host}`);
    expect(await page.getByTestId('import-preview-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind')))).toEqual(['update', 'update']);
  }

  it('says the problems in Chinese, and checks format and size only with the face check off', async () => {
    const page = await openAndCheck('zh-CN');
    const problems = await errorRows(page);
    expect(problems.map((p) => p.code)).toEqual(['id_number_invalid', 'person_name_required', 'photo_no_face']);
    expect(problems[0]?.text).toContain(zhCN.validation.id_number_invalid);
    expect(problems[2]?.text).toContain(zhCN.validation.photo_no_face);
    // A person's name is 姓名 (issue 12 item 9).
    expect(problems[1]?.text).toContain('请输入姓名');
    expect(await page.getByTestId('nav-import').textContent()).toContain(zhCN.nav.import);
    // The first test imported I1001 and I1002 to ZKBio: the check says so.
    await expectUpdates(page, zhCN.importPage.alreadyOn);
    await page.screenshot({ path: `${shots}/import-updates-zh.png`, fullPage: true });

    // Turning the face check off drops the result (it no longer matches the choice); checking again
    // passes the gradient on its format and size.
    await page.getByTestId('import-face-check').uncheck();
    expect(await page.getByTestId('import-summary').count()).toBe(0);
    expect(await page.getByTestId('import-force-photo').isDisabled()).toBe(true);
    await check(page);
    expect((await errorRows(page)).map((p) => p.code)).toEqual(['id_number_invalid', 'person_name_required']);
    expect(await page.getByTestId('import-summary').getAttribute('data-planned')).toBe('3');
    expect(await page.getByTestId('import-face-check-off').textContent()).toBe(zhCN.importPage.faceCheckOff);
    await page.context().close();
  }, 60_000);

  it('shows the progress of the face check and cancels it', async () => {
    // 40 photos of a real face: seconds of face checks, long enough to cancel midway.
    const dir = join(root, 'many');
    mkdirSync(dir);
    const face = astronautJpeg();
    const many = Array.from({ length: 40 }, (_, i) => {
      const path = join(dir, `M${i}.jpg`);
      writeFileSync(path, face);
      return path;
    });
    writeFileSync(join(dir, 'many.csv'), ['工号,姓名', ...many.map((_, i) => `M${i},Worker ${i}`)].join('\n'));
    const page = await (await browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 1100 } })).newPage();
    await page.goto(web.url);
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-file').setInputFiles(join(dir, 'many.csv'));
    await page.getByTestId('import-photos').setInputFiles(many);
    await page.getByTestId('import-check').click();
    const bar = page.getByTestId('import-check-progress');
    await bar.waitFor({ timeout: 30_000 });
    expect(await bar.getAttribute('data-total')).toBe('40');
    await page.getByTestId('import-check-cancel').click();
    await page.getByTestId('import-check-cancelled').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('import-summary').count()).toBe(0);
    expect(await page.getByTestId('import-check').isEnabled()).toBe(true);
    await page.context().close();
  }, 60_000);
});
