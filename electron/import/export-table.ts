import type { Person, PersonFields } from '../../shared/contract/people.ts';
import { importProblemText } from '../../shared/i18n/import-problem.ts';
import { EXPORT_FIELDS, EXPORT_HEADERS, NO_FACE_HEADERS, NO_FACE_MARK } from './columns.ts';
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

const ENROLLED_HEADERS = [...EXPORT_FIELDS.map((f) => EXPORT_HEADERS[f]), NO_FACE_HEADERS.noFace, NO_FACE_HEADERS.reason];

/** An enrolled person's row: the fields, then the "no face" mark and its reason (empty with a face). */
function enrolledCells(person: Pick<Person, 'fields' | 'faceSha256' | 'noFaceReason'>): string[] {
  const noFace = person.faceSha256 === null;
  return [...cells(person.fields), noFace ? NO_FACE_MARK : '', noFace ? (person.noFaceReason ?? '') : ''];
}

/**
 * The site's enrolled people as CSV (`people export`, the People page's export): the import's
 * columns, then "no face" and its reason, so a list of who still needs a photo is one filter away.
 * The reason is typed text: csv-writer.ts neutralizes a formula in it as in any cell.
 */
export function enrolledToCsv(people: readonly Pick<Person, 'fields' | 'faceSha256' | 'noFaceReason'>[]): Buffer {
  return writeCsv([ENROLLED_HEADERS, ...people.map(enrolledCells)]);
}

/** The same as enrolledToCsv, as an XLSX workbook (every column text, see peopleToXlsx). */
export async function enrolledToXlsx(people: readonly Pick<Person, 'fields' | 'faceSha256' | 'noFaceReason'>[]): Promise<Buffer> {
  return workbookOf(ENROLLED_HEADERS, people.map(enrolledCells));
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
  return workbookOf(EXPORT_FIELDS.map((f) => EXPORT_HEADERS[f]), people.map(cells));
}

/** A one-sheet workbook of text cells, header row bold and frozen. */
async function workbookOf(headers: readonly string[], rows: readonly string[][]): Promise<Buffer> {
  // Loaded on demand: exceljs is large, and a CSV export does not need it.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Doorman';
  workbook.created = WORKBOOK_DATE;
  workbook.modified = WORKBOOK_DATE;
  const sheet = workbook.addWorksheet('People', { views: [{ state: 'frozen', ySplit: 1 }] });
  const wide = new Set(['idNumber', 'validFrom', 'validTo'].map((f) => EXPORT_HEADERS[f as keyof PersonFields]));
  sheet.columns = headers.map((header, index) => ({
    header,
    key: `c${index}`,
    width: header === NO_FACE_HEADERS.reason ? 30 : wide.has(header) ? 22 : 16,
    style: { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
