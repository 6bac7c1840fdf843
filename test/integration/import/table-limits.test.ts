import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../../electron/import/read-table.ts';
import { TABLE_LIMITS } from '../../../electron/import/table-limits.ts';
import { IMPORT_LIMITS } from '../../../shared/rules/import-limits.ts';
import { runCliProcess } from '../../support/cli.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { repeat, workbookParts, writeSheetXlsx, writeZip } from '../../support/xlsx-files.ts';

const tempDir = useTempDirs();
const HEADER = ['工号', '姓名'];

/** `rows` rows of people below the header. */
function* people(rows: number): Generator<string[]> {
  yield HEADER;
  for (let i = 1; i <= rows; i++) yield [`P${i}`, `工人${i}`];
}

function csvOf(rows: Iterable<readonly string[]>): string {
  return [...rows].map((r) => r.join(',')).join('\r\n');
}

describe('the limits of a spreadsheet, checked while it is read', () => {
  it('reads 50,000 rows of people and refuses a CSV with more at the first row over the limit', async () => {
    const dir = tempDir();
    const fits = join(dir, 'fits.csv');
    writeFileSync(fits, csvOf(people(IMPORT_LIMITS.rows)));
    expect((await readTable(fits)).rows).toHaveLength(50_000);

    const over = join(dir, 'over.csv');
    // Blank rows do not count: 10 of them change nothing.
    writeFileSync(over, `${csvOf(people(IMPORT_LIMITS.rows))}\r\n${',\r\n'.repeat(10)}P50001,多一行\r\nP50002,再多一行`);
    // The row reading stopped at is the first over the limit (row 50,012: header, 50,000 rows, 10 blank).
    await expect(readTable(over)).rejects.toMatchObject({ name: 'TableReadError', code: 'table_too_many_rows', details: { row: 50_012 } });
  });

  it('refuses an XLSX with more than 50,000 rows as the rows arrive, not after reading them all', async () => {
    const file = join(tempDir(), 'people.xlsx');
    await writeSheetXlsx(file, people(60_000));
    await expect(readTable(file)).rejects.toMatchObject({ code: 'table_too_many_rows', details: { row: 50_002 } });
  });

  it('refuses a row wider than 256 columns at its 257th cell, however long the row', async () => {
    const dir = tempDir();
    const wide = join(dir, 'wide.csv');
    writeFileSync(wide, `工号,姓名\r\nP1,${'x,'.repeat(300)}`);
    await expect(readTable(wide)).rejects.toMatchObject({ code: 'table_too_many_columns', details: { row: 2 } });
    // A line of a million commas (a million empty cells) is refused the same way, at its 257th field.
    const commas = join(dir, 'commas.csv');
    writeFileSync(commas, `工号,姓名\r\n${','.repeat(1_000_000)}`);
    await expect(readTable(commas)).rejects.toMatchObject({ code: 'table_too_many_columns', details: { row: 2 } });
    // In an XLSX, a cell far to the right makes the row that wide.
    const xlsx = join(dir, 'wide.xlsx');
    await writeSheetXlsx(xlsx, [HEADER, ['P1', ...Array.from({ length: 300 }, () => 'x')]]);
    await expect(readTable(xlsx)).rejects.toMatchObject({ code: 'table_too_many_columns', details: { row: 2 } });
  });

  it('refuses a sheet with more cells than the limit, at the row that passes it', async () => {
    const file = join(tempDir(), 'cells.csv');
    writeFileSync(file, csvOf(people(100)));
    // Rows of 2 cells, header included: with a limit of 150 cells, the 151st is in row 76.
    const limits = { ...TABLE_LIMITS, cells: 150 };
    await expect(readTable(file, limits)).rejects.toMatchObject({ code: 'table_too_many_cells', details: { row: 76 } });
  });

  it('refuses a file over 16 MB before reading it', async () => {
    const file = join(tempDir(), 'big.csv');
    writeFileSync(file, `工号,姓名,备注\r\nP1,张三,${'x'.repeat(IMPORT_LIMITS.tableBytes)}`);
    await expect(readTable(file)).rejects.toMatchObject({ code: 'table_too_large' });
  });

  it('refuses a zip bomb: an XLSX whose sheet unpacks to more than 128 MB is stopped at 128 MB', async () => {
    const file = join(tempDir(), 'bomb.xlsx');
    // 200 MB of spaces inside the sheet deflate to about 200 KB; the central directory declares
    // the true size here, so a second bomb below lies about it.
    const spaces = Buffer.alloc(1024 * 1024, 0x20);
    const sheet = (megabytes: number) => ({
      name: 'xl/worksheets/sheet1.xml',
      content: [Buffer.from('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'), ...repeat(spaces, megabytes), Buffer.from('</sheetData></worksheet>')],
    });
    await writeZip(file, [...workbookParts(), sheet(200)]);
    await expect(readTable(file)).rejects.toMatchObject({ code: 'table_unzipped_too_large' });
  });

  it('counts the bytes really unpacked, not the sizes the zip declares', async () => {
    const file = join(tempDir(), 'liar.xlsx');
    const spaces = Buffer.alloc(1024 * 1024, 0x20);
    await writeZip(file, [...workbookParts(), { name: 'xl/worksheets/sheet1.xml', content: [Buffer.from('<worksheet><sheetData>'), ...repeat(spaces, 200), Buffer.from('</sheetData></worksheet>')] }], {
      declareSize: () => 1000,
    });
    await expect(readTable(file)).rejects.toMatchObject({ code: 'table_unzipped_too_large' });
  });

  it('the CLI refuses an import over a limit with the limit and what to do, in the user language (exit 1)', async () => {
    const dir = tempDir();
    const file = join(dir, 'people.xlsx');
    await writeSheetXlsx(file, people(50_001));
    runCliProcess(['sites', 'add', 'S', '--data-dir', dir]);
    const en = runCliProcess(['import', file, '--site', '1', '--dry-run', '--data-dir', dir]);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain('The sheet has more than 50,000 rows of people (Doorman stopped reading at row 50002). Split it into files of at most 50,000 rows');
    const zh = runCliProcess(['import', file, '--site', '1', '--dry-run', '--json', '--lang', 'zh-CN', '--data-dir', dir]);
    expect(zh.code).toBe(1);
    expect(JSON.parse(zh.stdout)).toMatchObject({ error: { code: 'table_too_many_rows', details: { row: 50_002 }, message: expect.stringContaining('工作表的人员超过 50,000 行') } });
  });
});
