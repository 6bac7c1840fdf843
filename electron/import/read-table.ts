import { constants } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';

/** A cell as the file gives it: text, a number, a boolean, an Excel date, or nothing. */
export type CellValue = string | number | boolean | Date | null;

export interface TableRow {
  /** 1-based row number as the spreadsheet shows it (the header is usually row 1). */
  readonly row: number;
  readonly cells: readonly CellValue[];
}

export interface Table {
  readonly format: 'csv' | 'xlsx';
  /** The header row's row number and texts. */
  readonly headerRow: number;
  readonly headers: readonly string[];
  /** Data rows below the header; blank rows are left out (their numbers are skipped). */
  readonly rows: readonly TableRow[];
}

export class TableReadError extends Error {
  readonly code: 'table_format' | 'table_unreadable' | 'table_empty';
  constructor(code: TableReadError['code'], message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'TableReadError';
    this.code = code;
  }
}

/**
 * Text of a CSV file: UTF-8 (with or without BOM) when it decodes as such, else GB18030, the
 * superset of GBK that Chinese Excel writes with "CSV (逗号分隔)".
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function isBlank(cells: readonly CellValue[]): boolean {
  return cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
}

/** Splits parsed records into header and data rows: the first non-blank row is the header. */
function toTable(format: Table['format'], records: readonly TableRow[]): Table {
  const first = records.findIndex((r) => !isBlank(r.cells));
  const header = records[first];
  if (first < 0 || !header) throw new TableReadError('table_empty', 'The file has no header row.');
  return {
    format,
    headerRow: header.row,
    headers: header.cells.map((c) => (c === null ? '' : c instanceof Date ? c.toISOString() : String(c))),
    rows: records.slice(first + 1).filter((r) => !isBlank(r.cells)),
  };
}

export function parseCsv(text: string): Table {
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: false, relax_quotes: true }) as string[][];
  } catch (error) {
    throw new TableReadError('table_unreadable', `The CSV cannot be read: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  // Row numbers count records, as Excel numbers the rows when it opens the CSV.
  return toTable('csv', records.map((cells, i) => ({ row: i + 1, cells })));
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
  if ('error' in value) return null;
  return null;
}

/**
 * Reads the first worksheet with exceljs's streaming reader, which keeps only the rows, not the
 * whole workbook model: a 10,000-row sheet needs about half the memory of `xlsx.load`.
 */
export async function parseXlsx(path: string): Promise<Table> {
  // Loaded on demand: exceljs is large, and a CSV import does not need it.
  const { default: Excel } = await import('exceljs');
  // Styles are cached so that date-formatted cells come back as Dates.
  const reader = new Excel.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  const records: TableRow[] = [];
  let sheets = 0;
  try {
    for await (const sheet of reader) {
      sheets++;
      // The first worksheet is the one read: that is what a user sees on opening the file.
      if (sheets > 1) continue;
      for await (const row of sheet) {
        const cells: CellValue[] = [];
        row.eachCell({ includeEmpty: true }, (cell, col) => {
          cells[col - 1] = plainCell(cell.value);
        });
        for (let i = 0; i < cells.length; i++) cells[i] ??= null;
        records.push({ row: row.number, cells });
      }
    }
  } catch (error) {
    throw new TableReadError('table_unreadable', `The XLSX workbook cannot be read: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (sheets === 0) throw new TableReadError('table_empty', 'The workbook has no worksheet.');
  return toTable('xlsx', records);
}

/** Reads a CSV or XLSX file (by extension; .txt is read as CSV) into rows of cells. */
export async function readTable(path: string): Promise<Table> {
  const ext = extname(path).toLowerCase();
  if (ext !== '.csv' && ext !== '.txt' && ext !== '.xlsx') {
    throw new TableReadError('table_format', `Doorman reads .csv and .xlsx files, not "${ext || path}". In Excel, use "Save as" and choose one of them.`);
  }
  const unreadable = (error: unknown) => new TableReadError('table_unreadable', `Cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  if (ext === '.xlsx') {
    await access(path, constants.R_OK).catch((error: unknown) => Promise.reject(unreadable(error)));
    return parseXlsx(path);
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw unreadable(error);
  }
  return parseCsv(decodeCsvBytes(bytes));
}
