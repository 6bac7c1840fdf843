import { stringify } from 'csv-stringify/sync';
import { markFormula } from '../../shared/rules/formula-text.ts';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Every CSV Doorman writes goes through here: UTF-8 with a BOM (without it Excel on a Chinese
 * Windows reads the file as GBK), CRLF line ends, and every cell that starts like a formula
 * (`=HYPERLINK(…)`, `+cmd|…`, `-2+3+cmd`, `@SUM(…)`, a tab or CR first, their full-width forms)
 * marked with a `'` so no spreadsheet program evaluates it (OWASP, CSV Injection). Reading the file
 * back (cell-values.ts) takes the mark off: an export imported again gives back what was typed.
 */
export function writeCsv(rows: Iterable<readonly string[]>): Buffer {
  const marked = Array.from(rows, (row) => row.map(markFormula));
  return Buffer.concat([BOM, Buffer.from(stringify(marked, { record_delimiter: 'windows' }), 'utf8')]);
}
