import type { PersonFields } from '../../shared/contract/people.ts';
import { importProblemText } from '../../shared/i18n/import-problem.ts';
import { EXPORT_FIELDS, EXPORT_HEADERS } from './columns.ts';
import { writeCsv } from './csv-writer.ts';
import type { ImportPlan } from './plan-import.ts';

/** Fixed so the same people always make the same workbook properties (the template is committed). */
const WORKBOOK_DATE = new Date(Date.UTC(2026, 0, 1));

function cells(person: PersonFields): string[] {
  return EXPORT_FIELDS.map((field) => {
    const value = person[field];
    if (field === 'gender') return value === 'M' ? '男' : value === 'F' ? '女' : '';
    return value ?? '';
  });
}

/** People as CSV (csv-writer.ts: formula-safe, UTF-8 with BOM), with the headers the importer recognizes. */
export function peopleToCsv(people: readonly PersonFields[]): Buffer {
  return writeCsv([EXPORT_FIELDS.map((f) => EXPORT_HEADERS[f]), ...people.map(cells)]);
}

type Translate = Parameters<typeof importProblemText>[0] & ((key: string) => string);

/**
 * The rows an import rejected, as they came, with their problems in a last column (`B (姓名/Name):
 * the name is empty | …`, in the translator's language), to fix and import again. The Import page's
 * download and the CLI's `--rejected` both write this.
 */
export function rejectedRowsToCsv(plan: Pick<ImportPlan, 'headers' | 'rejected' | 'problems'>, t: Translate): Buffer {
  const byRow = new Map<number, string[]>();
  for (const p of plan.problems) {
    if (p.severity !== 'error') continue;
    const where = p.column ? `${p.column.letter} (${p.column.header})` : '';
    byRow.set(p.row, [...(byRow.get(p.row) ?? []), `${where}: ${importProblemText(t, p)}`]);
  }
  return writeCsv([[...plan.headers, t('cli.importProblems')], ...plan.rejected.map((r) => [...r.cells, (byRow.get(r.row) ?? []).join(' | ')])]);
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
