import type { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { isBlank, toTable, type CellValue, type Table, type TableRow } from './table.ts';
import { TableGauge, type TableLimits } from './table-limits.ts';
import { TableReadError } from './table-read-error.ts';
import { readZipDirectory, ZipReader } from './zip-entries.ts';

/**
 * The parsers of a workbook's parts inside exceljs's streaming WorkbookReader (exceljs 4.4, pinned
 * by the lock file; test/integration/import reads real workbooks through them). Its own `parse()`
 * feeds them from an unzip stream with no bound, and writes a sheet that comes before the shared
 * strings (as Excel orders them) to a temporary file first; here they are fed from ZipReader, in the
 * order they need, every unpacked byte counted.
 */
interface WorkbookParts {
  _parseRels(stream: Readable): Promise<void>;
  _parseWorkbook(stream: Readable): Promise<void>;
  _parseStyles(stream: Readable): Promise<void>;
  _parseSharedStrings(stream: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(stream: Readable, sheetNo: string): Generator<{ readonly eventType: string; readonly value: AsyncIterable<ExcelJS.Row> }>;
  readonly model?: { readonly sheets?: readonly { readonly rId?: string }[] };
  readonly workbookRels?: readonly { readonly Id?: string; readonly Target?: string }[];
}

/** A cell value from exceljs: rich text, formulas, hyperlinks and errors reduced to plain values. */
function plainCell(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result === undefined || (typeof result === 'object' && !(result instanceof Date)) ? null : result;
  }
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : null;
  return null;
}

/** The zip path of the workbook's first sheet (its first tab), from the workbook and its relations. */
function firstSheetPath(parts: WorkbookParts, names: Iterable<string>): string | null {
  const rId = parts.model?.sheets?.[0]?.rId;
  const target = parts.workbookRels?.find((r) => r.Id === rId)?.Target;
  if (target) return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const sheets = [...names].filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
  sheets.sort((a, b) => Number(/\d+/.exec(a)?.[0]) - Number(/\d+/.exec(b)?.[0]));
  return sheets[0] ?? null;
}

/**
 * Reads the first sheet (the first tab, as a user sees on opening the file) row by row, with the
 * limits checked as rows arrive and every unpacked byte of the zip counted: a sheet of millions of
 * rows, or a zip bomb, is refused early, holding no more than the rows read so far.
 */
export async function parseXlsx(path: string, limits: TableLimits): Promise<Table> {
  // Loaded on demand: exceljs is large, and a CSV import does not need it.
  const { default: Excel } = await import('exceljs');
  let zip: ZipReader | null = null;
  try {
    const tooBig = () => new TableReadError('table_unzipped_too_large', `The workbook unpacks to more than ${limits.unzippedBytes} bytes.`, { limit: limits.unzippedBytes });
    zip = new ZipReader(path, await readZipDirectory(path), limits.unzippedBytes, tooBig);
    const part = (name: string) => {
      const entry = zip?.entries.get(name);
      return entry && zip ? zip.stream(entry) : null;
    };
    // Styles are cached so that date-formatted cells come back as Dates.
    const reader = new Excel.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
    const parts = reader as unknown as WorkbookParts;
    const notWorkbook = (name: string) => new TableReadError('table_unreadable', `This is not an Excel workbook (no ${name}).`, { reason: `no ${name}` });
    const rels = await part('xl/_rels/workbook.xml.rels');
    if (!rels) throw notWorkbook('xl/_rels/workbook.xml.rels');
    await parts._parseRels(rels);
    const workbook = await part('xl/workbook.xml');
    if (!workbook) throw notWorkbook('xl/workbook.xml');
    await parts._parseWorkbook(workbook);
    const styles = await part('xl/styles.xml');
    if (styles) await parts._parseStyles(styles);
    const strings = await part('xl/sharedStrings.xml');
    if (strings) for await (const _ of parts._parseSharedStrings(strings));
    const sheetPath = firstSheetPath(parts, zip.entries.keys());
    const sheet = sheetPath ? await part(sheetPath) : null;
    if (!sheet || !sheetPath) throw new TableReadError('table_empty', 'The workbook has no worksheet.');
    const gauge = new TableGauge(limits);
    const filled: TableRow[] = [];
    for (const { value: rows } of parts._parseWorksheet(sheet, /(\d+)\.xml$/.exec(sheetPath)?.[1] ?? '1')) {
      for await (const row of rows) {
        // Checked before the row's cells are made: a cell in column XFD would make 16,384 of them.
        gauge.row(row.number, row.cellCount);
        const cells: CellValue[] = [];
        row.eachCell({ includeEmpty: true }, (cell, col) => {
          cells[col - 1] = plainCell(cell.value);
        });
        for (let i = 0; i < cells.length; i++) cells[i] ??= null;
        if (isBlank(cells)) continue;
        gauge.filled(row.number);
        filled.push({ row: row.number, cells });
      }
    }
    return toTable('xlsx', filled);
  } catch (error) {
    if (error instanceof TableReadError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new TableReadError('table_unreadable', `The XLSX workbook cannot be read: ${reason}`, { reason }, { cause: error });
  } finally {
    zip?.close();
  }
}
