import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_LIMITS } from '../../../shared/rules/import-limits.ts';
import { runCliProcess } from '../../support/cli.ts';
import { startApp, type App } from '../support/app.ts';

describe('the Import page refuses a spreadsheet over a limit, saying which and what to do', () => {
  let app: App;
  let root: string;
  let table: string;

  beforeAll(async () => {
    // Its own folder, not useTempDirs': the table is read by every test, not only the first.
    root = mkdtempSync(join(tmpdir(), 'doorman-e2e-import-limits-'));
    const dataDir = join(root, 'data');
    mkdirSync(dataDir);
    runCliProcess(['sites', 'add', 'Limits', '--data-dir', dataDir]);
    runCliProcess(['sites', 'select', '1', '--data-dir', dataDir]);
    // One row of people more than an import takes.
    table = join(root, 'people.csv');
    writeFileSync(table, ['工号,姓名', ...Array.from({ length: IMPORT_LIMITS.rows + 1 }, (_, i) => `P${i},工人${i}`)].join('\r\n'));
    app = await startApp(dataDir);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it.each([
    ['en-US', 'The sheet has more than 50,000 rows of people (Doorman stopped reading at row 50002). Split it into files of at most 50,000 rows'],
    ['zh-CN', '工作表的人员超过 50,000 行（读取在第 50002 行停止）。请拆分成每个不超过 50,000 行的文件'],
  ])('%s', async (locale, message) => {
    const { context, page } = await app.open('import', locale);
    await page.getByTestId('import-file').setInputFiles(table);
    await page.getByTestId('import-face-check').uncheck();
    await page.getByTestId('import-check').click();
    const error = page.getByTestId('import-error');
    await expect.poll(() => error.count(), { timeout: 30_000 }).toBe(1);
    expect(await error.textContent()).toContain(message);
    expect(await page.getByTestId('import-summary').count()).toBe(0);
    await context.close();
  });
});
