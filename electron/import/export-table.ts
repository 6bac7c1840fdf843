import { stringify } from 'csv-stringify/sync';
import type { PersonFields } from '../../shared/contract/people.ts';
import { EXPORT_FIELDS, EXPORT_HEADERS } from './columns.ts';

/** Fixed so the same people always make the same workbook properties (the template is committed). */
const WORKBOOK_DATE = new Date(Date.UTC(2026, 0, 1));

function cells(person: PersonFields): string[] {
  return EXPORT_FIELDS.map((field) => {
    const value = person[field];
    if (field === 'gender') return value === 'M' ? '男' : value === 'F' ? '女' : '';
    return value ?? '';
  });
}

/**
 * People as CSV, UTF-8 with a BOM (without it Excel on a Chinese Windows reads the file as GBK),
 * CRLF line ends, and the headers the importer recognizes.
 */
export function peopleToCsv(people: readonly PersonFields[]): Buffer {
  const text = stringify([EXPORT_FIELDS.map((f) => EXPORT_HEADERS[f]), ...people.map(cells)], { record_delimiter: 'windows' });
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

/**
 * People as an XLSX workbook. Every column is a text column ("@"), so Excel keeps leading zeros in
 * personnel numbers and does not turn 18-digit ID numbers into 1.1E+17.
 */
export async function peopleToXlsx(people: readonly PersonFields[]): Promise<Buffer> {
  // Loaded on demand: exceljs is large, and a CSV export does not need it.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Doorman';
  workbook.created = WORKBOOK_DATE;
  workbook.modified = WORKBOOK_DATE;
  const sheet = workbook.addWorksheet('People', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = EXPORT_FIELDS.map((field) => ({
    header: EXPORT_HEADERS[field],
    key: field,
    width: field === 'idNumber' || field === 'validFrom' || field === 'validTo' ? 22 : 16,
    style: { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  for (const person of people) sheet.addRow(cells(person));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
