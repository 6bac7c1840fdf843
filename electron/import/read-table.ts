import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { isBlank, toTable, type Table, type TableRow } from './table.ts';
import { TABLE_LIMITS, TableGauge, type TableLimits } from './table-limits.ts';
import { TableReadError } from './table-read-error.ts';
import { parseXlsx } from './xlsx-reader.ts';

export type { CellValue, Table } from './table.ts';
export { TableReadError } from './table-read-error.ts';

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

/**
 * Parses CSV text. The limits are checked field by field as the parser reads them (csv-parse's
 * `cast` sees each field before its row is complete), so a row of a million commas stops at the
 * first column over the limit; blank rows are dropped as they come.
 */
export function parseCsv(text: string, limits: TableLimits = TABLE_LIMITS): Table {
  const gauge = new TableGauge(limits);
  const filled: TableRow[] = [];
  try {
    parse(text, {
      relax_column_count: true,
      skip_empty_lines: false,
      relax_quotes: true,
      // `records` counts the rows read before this one: row numbers count records, as Excel numbers the rows when it opens the CSV.
      cast: (value: string, context: { records: number; index: number }) => {
        gauge.cell(context.records + 1, context.index);
        return value;
      },
      on_record: (cells: string[], context: { records: number }) => {
        if (!isBlank(cells)) {
          gauge.filled(context.records);
          filled.push({ row: context.records, cells });
        }
        return null;
      },
    });
  } catch (error) {
    if (error instanceof TableReadError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new TableReadError('table_unreadable', `The CSV cannot be read: ${reason}`, { reason }, { cause: error });
  }
  return toTable('csv', filled);
}

/**
 * Reads a CSV or XLSX file (by extension; .txt is read as CSV) into rows of cells, refusing a file
 * over the size limit before reading it and the other limits (rows, columns, cells, an XLSX's
 * unpacked size) while reading.
 */
export async function readTable(path: string, limits: TableLimits = TABLE_LIMITS): Promise<Table> {
  const ext = extname(path).toLowerCase();
  if (ext !== '.csv' && ext !== '.txt' && ext !== '.xlsx') {
    throw new TableReadError('table_format', `Doorman reads .csv and .xlsx files, not "${ext || path}". In Excel, use "Save as" and choose one of them.`);
  }
  const unreadable = (error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    return new TableReadError('table_unreadable', `Cannot read ${path}: ${reason}`, { reason }, { cause: error });
  };
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    throw unreadable(error);
  }
  if (size > limits.tableBytes) throw new TableReadError('table_too_large', `${path} is ${size} bytes; at most ${limits.tableBytes} are read.`, { bytes: size });
  if (ext === '.xlsx') return parseXlsx(path, limits);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw unreadable(error);
  }
  return parseCsv(decodeCsvBytes(bytes), limits);
}
