import { TableReadError } from './table-read-error.ts';

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

/** A row with nothing but empty or white-space cells: left out of the table. */
export function isBlank(cells: readonly CellValue[]): boolean {
  return cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
}

/** Splits the filled rows into header and data rows: the first one is the header. */
export function toTable(format: Table['format'], filled: readonly TableRow[]): Table {
  const [header, ...rows] = filled;
  if (!header) throw new TableReadError('table_empty', 'The file has no header row.');
  return {
    format,
    headerRow: header.row,
    headers: header.cells.map((c) => (c === null ? '' : c instanceof Date ? c.toISOString() : String(c))),
    rows,
  };
}
