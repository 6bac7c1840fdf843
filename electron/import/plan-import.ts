import { dirname, isAbsolute, join } from 'node:path';
import { PersonFieldsSchema, type PersonFields } from '../../shared/contract/people.ts';
import type { CheckId } from '../../shared/rules/face-checks.ts';
import { TEXT_LIMITS } from '../../shared/rules/text-limits.ts';
import type { DepartmentResolution } from '../people/department-codes.ts';
import { FaceCheckPool } from '../photos/face-check-pool.ts';
import { cellText, parseGender, parseValidityCell } from './cell-values.ts';
import { mapColumns, type ColumnField, type ColumnMap, type ColumnRef } from './columns.ts';
import { FACE_CHECK_VENDORS, faceProblem } from './face-problems.ts';
import { checkPhoto, indexPhotos, matchPhoto, photoPath, type PhotoIndex } from './photo-match.ts';
import { PhotoReader } from '../photos/photo-reader.ts';
import { readTable, type CellValue, type Table } from './read-table.ts';

export interface ImportProblem {
  /** Spreadsheet row number (1-based); the header row for column problems. */
  readonly row: number;
  /** The column the value came from, or null (a photo matched by file name, a missing column). */
  readonly column: { readonly letter: string; readonly header: string } | null;
  readonly field: ColumnField | null;
  /** Stable code; the ones from the contract are catalog keys under `validation.` */
  readonly code: string;
  /** Errors keep the row out of the import; warnings (no photo, unknown column) do not. */
  readonly severity: 'error' | 'warning';
  /** English text for logs and the CLI; the UI translates `code`. */
  readonly message: string;
  /** photo_face_check: the failed checks (catalog `face.check.<id>`). */
  readonly checks?: readonly CheckId[];
  /** photo_faces: how many faces the photo shows. */
  readonly faces?: number;
  /** department_*: the department as the row gave it, and the backend whose list was asked. */
  readonly value?: string;
  readonly backend?: string;
  /** id_number_taken: the person of the site who already has the ID number. */
  readonly owner?: { readonly pin: string; readonly name: string };
}

/** A department the rows gave (a name or a code) and the backends' code it is stored as. */
interface DepartmentMapping {
  readonly value: string;
  readonly code: string;
  readonly name: string;
  readonly rows: number;
}

interface PlannedRow {
  readonly row: number;
  readonly person: PersonFields;
  /** The photo file to store: the square cut around the face (see `cutDir`), else the photo as given. */
  readonly photoPath: string | null;
  /** The photo file the row matched, as the user named it. */
  readonly photoSource: string | null;
  /** Face checks the photo failed and the row kept anyway (`forcePhoto`); recorded with the face. */
  readonly failedChecks: readonly CheckId[];
  /**
   * Null when the row makes a new person; when it updates a person of the site (same personnel
   * number), every backend that person was sent to (empty: none yet). Absent when the plan was
   * made without the site's people (PlanImportOptions.existing).
   */
  readonly existing?: readonly number[] | null;
}

interface Duplicate {
  readonly field: 'pin' | 'idNumber';
  readonly value: string;
  /** Every row holding the value; all but the first are rejected. */
  readonly rows: readonly number[];
}

export interface ImportPlan {
  readonly format: Table['format'];
  readonly headers: readonly string[];
  /** Rows with no error, ready to import. */
  readonly rows: readonly PlannedRow[];
  /** Rows kept out, with their cells as text, so they can be exported, fixed and imported again. */
  readonly rejected: readonly { readonly row: number; readonly cells: readonly string[] }[];
  readonly problems: readonly ImportProblem[];
  readonly duplicates: readonly Duplicate[];
  /** Photos in the folder that no row uses. */
  readonly unmatchedPhotos: readonly string[];
  /** The departments of the rows to import, each mapped onto the backends' code. */
  readonly departments: readonly DepartmentMapping[];
}

interface PlanImportOptions {
  readonly file: string;
  readonly photosDir?: string | undefined;
  /**
   * Run the still-photo face check on every matched photo (one face, size and centring in the
   * square Doorman keeps, pose, brightness, sharpness; default true). Off, only the photo's header
   * is read (format, pixels): for very large imports.
   */
  readonly faceCheck?: boolean | undefined;
  /** Keep rows whose photo fails the face check, as `enroll --force-photo`: the failures become warnings and are recorded. */
  readonly forcePhoto?: boolean | undefined;
  /**
   * A folder to write, for each row to import, the square around its face (the JPEG the store and
   * the backends get; PlannedRow.photoPath then names it). Without it the face check judges the
   * photos but keeps nothing, as a dry run that is not followed by an import needs.
   */
  readonly cutDir?: string | undefined;
  /** Face-check threads (FaceCheckPool; default: 2, or 1 on one core). */
  readonly faceCheckThreads?: number | undefined;
  /** Photos checked so far, of the rows' photos. */
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
  /** Stops checking photos; planImport then rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
  /**
   * The site's people by personnel number, with every backend each was sent to
   * (PeopleService.backendsByPin): rows with these numbers update them (PlannedRow.existing).
   */
  readonly existing?: ReadonlyMap<string, readonly number[]> | undefined;
  /**
   * What a department is on the site's backends that keep departments (DepartmentCodes.resolve):
   * a name is stored as its code, one no list has is a row problem. Absent: kept as written.
   */
  readonly department?: ((value: string) => DepartmentResolution) | undefined;
  /** Run once before `department` when some row gives a department (reads lists never read). */
  readonly beforeDepartments?: (() => Promise<void>) | undefined;
  /**
   * The site's ID numbers with who holds each (PeopleService.idNumbers): a row giving one to
   * another personnel number is refused (id_number_taken), as enroll and edit refuse it.
   */
  readonly idNumbers?: ReadonlyMap<string, { readonly pin: string; readonly name: string }> | undefined;
}

/** How attachPhotos checks the photos: the plan's photo options, with the photos found. */
type PhotoContext = Pick<PlanImportOptions, 'faceCheck' | 'forcePhoto' | 'cutDir' | 'faceCheckThreads' | 'onProgress' | 'signal'> & {
  readonly photos: PhotoIndex | null;
  readonly baseDir: string;
};
/** What planTable needs besides the table: the photos, and the people the rows may update. */
type PlanContext = PhotoContext & Pick<PlanImportOptions, 'existing' | 'department' | 'beforeDepartments' | 'idNumbers'>;

const TEXT_FIELDS = ['pin', 'name', 'idNumber', 'phone', 'department', 'cardNo'] as const;
// Photo headers are read a few at a time (each worker into its own reused buffer): more in
// parallel was slower and used more memory.
const PHOTO_CHECK_CONCURRENCY = 4;

const MESSAGES: Readonly<Record<string, string>> = {
  pin_format: `The personnel number is 1–${TEXT_LIMITS.pin} letters or digits.`,
  person_name_required: 'The name is empty.',
  person_name_too_long: `The name is too long (at most ${TEXT_LIMITS.personName} characters).`,
  department_too_long: `The department is too long (at most ${TEXT_LIMITS.department} characters).`,
  name_control_chars: 'The name contains a control character (a tab, a line break, an escape or a text-direction override).',
  text_control_chars: 'The text contains a control character (a tab, a line break, an escape or a text-direction override).',
  id_number_invalid: 'This is not a valid 18-digit ID number (check the birth date and the last character).',
  phone_format: `The phone number is ${TEXT_LIMITS.phoneMin}–${TEXT_LIMITS.phoneMax} digits, optionally starting with +.`,
  card_format: `The card number is digits only (at most ${TEXT_LIMITS.cardNo}).`,
  datetime_format: 'Not a date: write yyyy-MM-dd or yyyy-MM-dd HH:mm:ss, or use an Excel date cell.',
  no_such_date: 'There is no such date (the calendar has no such day or month): check the day and the month.',
  no_such_time: 'There is no such time of day: hours go to 23, minutes and seconds to 59.',
  gender_format: 'Gender is 男/女 or M/F.',
  valid_range: 'The validity ends before it starts.',
  department_unknown: 'No such department on the backend: write a department name or code from its list (Backends page → Departments tab).',
  department_ambiguous: 'More than one department has this name: write the code of the one meant.',
  department_unchecked: 'The department was not checked: the backend’s department list has not been read yet (Backends page → Refresh from the backend).',
  invalid: 'This value is not valid.',
};

/** Reads the file (and photo folder) and says, row by row, what would be imported. Writes nothing. */
export async function planImport(options: PlanImportOptions): Promise<ImportPlan> {
  const table = await readTable(options.file);
  const photos = options.photosDir === undefined ? null : await indexPhotos(options.photosDir);
  return planTable(table, { ...options, photos, baseDir: options.photosDir ?? dirname(options.file) });
}

interface Draft {
  readonly row: number;
  readonly cells: readonly CellValue[];
  fields: Partial<Record<keyof PersonFields, string>>;
  person: PersonFields | null;
  photoPath: string | null;
  photoSource: string | null;
  failedChecks: readonly CheckId[];
  readonly problems: ImportProblem[];
  /** The department's name on the backends' list, once mapped to its code. */
  departmentName?: string;
}

function ref(column: ColumnRef | undefined): ImportProblem['column'] {
  return column ? { letter: column.letter, header: column.header } : null;
}

async function planTable(table: Table, context: PlanContext): Promise<ImportPlan> {
  const columns = mapColumns(table.headers);
  const headerProblems: ImportProblem[] = [
    ...columns.unknown.map((c): ImportProblem => ({ row: table.headerRow, column: ref(c), field: null, code: 'column_unknown', severity: 'warning', message: `Column ${c.letter} "${c.header}" is not a person field; it is ignored.` })),
    ...columns.repeated.map((c): ImportProblem => ({ row: table.headerRow, column: ref(c), field: c.field, code: 'column_repeated', severity: 'warning', message: `Column ${c.letter} "${c.header}" repeats the ${c.field} column; it is ignored.` })),
  ];
  const missing = (['pin', 'name'] as const).filter((f) => !columns.fields[f]);
  if (missing.length > 0) {
    // Without these columns every row would fail the same way: one problem says it better.
    const problems = missing.map((field): ImportProblem => ({ row: table.headerRow, column: null, field, code: 'column_missing', severity: 'error', message: `No ${field === 'pin' ? '工号/personnel number' : '姓名/name'} column in the header row.` }));
    return { format: table.format, headers: table.headers, rows: [], rejected: table.rows.map((r) => ({ row: r.row, cells: r.cells.map((c) => cellText(c) ?? '') })), problems: [...headerProblems, ...problems], duplicates: [], unmatchedPhotos: context.photos?.files ?? [], departments: [] };
  }

  const drafts = table.rows.map((r) => validateRow(r.row, r.cells, columns));
  const resolveDepartment = context.department;
  if (resolveDepartment && drafts.some((d) => d.person?.department !== undefined)) {
    await context.beforeDepartments?.();
    for (const draft of drafts) mapDepartment(draft, columns, resolveDepartment);
  }
  const duplicates = findDuplicates(drafts, columns);
  if (context.idNumbers) findTakenIdNumbers(drafts, columns, context.idNumbers);
  const used = await attachPhotos(drafts, columns, context);

  const rows: PlannedRow[] = [];
  const rejected: { row: number; cells: string[] }[] = [];
  const problems = [...headerProblems];
  for (const draft of drafts) {
    draft.problems.sort((a, b) => columnOrder(a) - columnOrder(b));
    problems.push(...draft.problems);
    if (draft.person && !draft.problems.some((p) => p.severity === 'error')) {
      const row: PlannedRow = { row: draft.row, person: draft.person, photoPath: draft.photoPath, photoSource: draft.photoSource, failedChecks: draft.failedChecks };
      // The same personnel number saves over the person (people are unique per site by it, exactly).
      rows.push(context.existing ? { ...row, existing: context.existing.get(draft.person.pin) ?? null } : row);
    }
    else rejected.push({ row: draft.row, cells: draft.cells.map((c) => cellText(c) ?? '') });
  }
  const unmatchedPhotos = context.photos ? context.photos.files.filter((f) => !used.has(f)) : [];
  return { format: table.format, headers: table.headers, rows, rejected, problems, duplicates, unmatchedPhotos, departments: departmentMappings(drafts, rows) };
}

/**
 * The row's department as the backends' code (ZKBio takes a code, §2.14.1 deptCode): a name of the
 * list is replaced by its code; one no list has, or a name two departments share, keeps the row out.
 */
function mapDepartment(draft: Draft, columns: ColumnMap, resolve: (value: string) => DepartmentResolution): void {
  const value = draft.person?.department;
  if (!draft.person || value === undefined) return;
  const resolution = resolve(value);
  const column = ref(columns.fields.department);
  const problem = (code: string, severity: ImportProblem['severity'], backend: string) =>
    draft.problems.push({ row: draft.row, column, field: 'department', code, severity, message: MESSAGES[code] ?? code, value, backend });
  if (resolution.kind === 'resolved') {
    draft.person = { ...draft.person, department: resolution.code };
    draft.departmentName = resolution.name;
  } else if (resolution.kind === 'unknown') problem('department_unknown', 'error', resolution.backend);
  else if (resolution.kind === 'ambiguous') problem('department_ambiguous', 'error', resolution.backend);
  else if (resolution.kind === 'unchecked') problem('department_unchecked', 'warning', resolution.backends.join(', '));
  // Kept when the row stays in: draft.fields keeps the value as written, for the mapping table.
}

/** Each department value the rows to import wrote, with its code and how many rows. */
function departmentMappings(drafts: readonly Draft[], rows: readonly PlannedRow[]): DepartmentMapping[] {
  const planned = new Set(rows.map((r) => r.row));
  const byValue = new Map<string, { code: string; name: string; rows: number }>();
  for (const draft of drafts) {
    const value = draft.fields.department?.trim();
    const code = draft.person?.department;
    if (!planned.has(draft.row) || value === undefined || code === undefined || draft.departmentName === undefined) continue;
    const entry = byValue.get(value);
    if (entry) entry.rows++;
    else byValue.set(value, { code, name: draft.departmentName, rows: 1 });
  }
  return [...byValue].map(([value, m]) => ({ value, ...m }));
}

/** A planned row that updates a person of the site, and every backend that person was sent to. */
export interface UpdatedRow {
  readonly row: number;
  readonly pin: string;
  readonly name: string;
  readonly backendIds: number[];
}

/** The planned rows that update people of the site (the others make new people). */
export function updatedRows(plan: Pick<ImportPlan, 'rows'>): UpdatedRow[] {
  return plan.rows.flatMap((r) => (r.existing ? [{ row: r.row, pin: r.person.pin, name: r.person.name, backendIds: [...r.existing] }] : []));
}

/** Left to right across the sheet; problems with no column (a photo matched by name) come last. */
function columnOrder(problem: ImportProblem): number {
  const letters = problem.column?.letter;
  if (!letters) return Number.MAX_SAFE_INTEGER;
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function validateRow(row: number, cells: readonly CellValue[], columns: ColumnMap): Draft {
  const draft: Draft = { row, cells, fields: {}, person: null, photoPath: null, photoSource: null, failedChecks: [], problems: [] };
  const problem = (field: ColumnField, code: string, message = MESSAGES[code] ?? MESSAGES['invalid'] ?? code) => {
    draft.problems.push({ row, column: ref(columns.fields[field]), field, code, severity: 'error', message });
  };
  const cellOf = (field: ColumnField): CellValue | undefined => {
    const column = columns.fields[field];
    return column ? cells[column.index] : undefined;
  };
  const input: Record<string, string> = {};
  for (const field of TEXT_FIELDS) {
    const text = cellText(cellOf(field));
    if (text !== undefined) input[field] = text;
  }
  // Required by the schema: an empty cell is reported as the schema says (pin_format, person_name_required).
  input['pin'] ??= '';
  input['name'] ??= '';
  const genderText = cellText(cellOf('gender'));
  if (genderText !== undefined) {
    const gender = parseGender(genderText);
    if (gender) input['gender'] = gender;
    else problem('gender', 'gender_format');
  }
  for (const [field, bound] of [['validFrom', 'from'], ['validTo', 'to']] as const) {
    const cell = cellOf(field);
    if (cellText(cell) === undefined || cell === undefined) continue;
    const result = parseValidityCell(cell, bound);
    if (result.ok) input[field] = result.value;
    else problem(field, result.problem);
  }
  if (input['validFrom'] && input['validTo'] && input['validFrom'] > input['validTo']) problem('validTo', 'valid_range');
  draft.fields = input;

  const parsed = PersonFieldsSchema.safeParse(input);
  if (parsed.success) draft.person = parsed.data;
  else {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (typeof field !== 'string' || !(field in MESSAGES_FIELD)) continue;
      const code = /^[a-z][a-z_]*$/.test(issue.message) ? issue.message : 'invalid';
      problem(field as ColumnField, code, MESSAGES[code] ?? issue.message);
    }
  }
  return draft;
}

/** The schema's fields, for mapping zod issue paths back to columns. */
const MESSAGES_FIELD: Readonly<Record<keyof PersonFields, true>> = { pin: true, name: true, idNumber: true, phone: true, gender: true, department: true, cardNo: true, validFrom: true, validTo: true };

/**
 * Personnel numbers compare case-insensitively: photo names are matched that way, and a backend
 * that folds case would merge the two people. ID numbers compare upper-cased (a final x is an X).
 */
function findDuplicates(drafts: readonly Draft[], columns: ColumnMap): Duplicate[] {
  const duplicates: Duplicate[] = [];
  for (const field of ['pin', 'idNumber'] as const) {
    const seen = new Map<string, { value: string; rows: number[] }>();
    for (const draft of drafts) {
      const value = draft.fields[field];
      if (!value) continue;
      const key = value.toUpperCase();
      const entry = seen.get(key);
      if (!entry) {
        seen.set(key, { value, rows: [draft.row] });
        continue;
      }
      const first = entry.rows[0] ?? 0;
      entry.rows.push(draft.row);
      const label = field === 'pin' ? 'personnel number' : 'ID number';
      draft.problems.push({ row: draft.row, column: ref(columns.fields[field]), field, code: field === 'pin' ? 'duplicate_pin' : 'duplicate_id_number', severity: 'error', message: `Same ${label} as row ${first}.` });
    }
    for (const entry of seen.values()) if (entry.rows.length > 1) duplicates.push({ field, value: entry.value, rows: entry.rows });
  }
  return duplicates;
}

/**
 * Rows whose ID number another person of the site already has (the same personnel number is the
 * same person: that row updates them). Compared as stored, upper-cased by the contract.
 */
function findTakenIdNumbers(drafts: readonly Draft[], columns: ColumnMap, owners: NonNullable<PlanImportOptions['idNumbers']>): void {
  for (const draft of drafts) {
    const idNumber = draft.person?.idNumber;
    // A row already refused for repeating an earlier row's number: that problem says it.
    if (!draft.person || idNumber === undefined || draft.problems.some((p) => p.code === 'duplicate_id_number')) continue;
    const owner = owners.get(idNumber);
    if (!owner || owner.pin === draft.person.pin) continue;
    draft.problems.push({
      row: draft.row,
      column: ref(columns.fields.idNumber),
      field: 'idNumber',
      code: 'id_number_taken',
      severity: 'error',
      message: `This ID number is already enrolled on the site: ${owner.name} (${owner.pin}).`,
      owner: { pin: owner.pin, name: owner.name },
    });
  }
}

/**
 * Finds and checks each row's photo: its header (format, pixels), then, unless `faceCheck` is off,
 * the face check on FaceCheckPool's threads. Returns the photo file names some row used.
 */
async function attachPhotos(drafts: readonly Draft[], columns: ColumnMap, context: PhotoContext): Promise<Set<string>> {
  const used = new Set<string>();
  const photoColumn = columns.fields.photo;
  const byLowerName = new Map((context.photos?.files ?? []).map((f) => [f.toLowerCase(), f]));
  const jobs: { draft: Draft; path: string }[] = [];
  for (const draft of drafts) {
    const named = photoColumn ? cellText(draft.cells[photoColumn.index]) : undefined;
    const problem = (code: string, severity: ImportProblem['severity'], message: string) => {
      draft.problems.push({ row: draft.row, column: ref(photoColumn), field: 'photo', code, severity, message });
    };
    if (named !== undefined) {
      // A file named in the sheet: taken from the photo folder, or beside the sheet when none was given.
      const inIndex = byLowerName.get(named.toLowerCase());
      if (inIndex) used.add(inIndex);
      jobs.push({ draft, path: inIndex && context.photos ? photoPath(context.photos, inIndex) : isAbsolute(named) ? named : join(context.baseDir, named) });
      continue;
    }
    if (!context.photos) continue;
    const match = matchPhoto(context.photos, [draft.fields.pin, draft.fields.idNumber?.toUpperCase()]);
    if (match.kind === 'none') problem('photo_missing', 'warning', `No photo named ${draft.fields.pin || '<personnel number>'}.jpg/.png${draft.fields.idNumber ? ` or ${draft.fields.idNumber}.jpg/.png` : ''} in the photo folder.`);
    else if (match.kind === 'ambiguous') {
      for (const f of match.files) used.add(f);
      problem('photo_ambiguous', 'error', `More than one photo for this row: ${match.files.join(', ')}. Keep one.`);
    } else {
      used.add(match.file);
      jobs.push({ draft, path: photoPath(context.photos, match.file) });
    }
  }
  const faceCheck = context.faceCheck ?? true;
  const force = context.forcePhoto ?? false;
  const pool = faceCheck && jobs.length > 0 ? new FaceCheckPool(context.faceCheckThreads) : null;
  const signal = context.signal;
  let next = 0;
  let done = 0;
  const worker = async () => {
    const reader = new PhotoReader();
    while (next < jobs.length && !signal?.aborted) {
      const job = jobs[next++];
      if (!job) break;
      const { draft } = job;
      const photoProblem = (p: Omit<ImportProblem, 'row' | 'column' | 'field'>) => draft.problems.push({ row: draft.row, column: ref(photoColumn), field: 'photo', ...p });
      const check = await checkPhoto(job.path, reader);
      if (!check.ok) photoProblem({ code: check.code, severity: 'error', message: check.message });
      else if (!pool) {
        draft.photoPath = job.path;
        draft.photoSource = job.path;
      } else {
        // Only a row that will be imported needs its square cut; the others are only judged.
        const willImport = draft.person !== null && !draft.problems.some((p) => p.severity === 'error');
        const cutPath = context.cutDir !== undefined && willImport ? join(context.cutDir, `${draft.row}.jpg`) : null;
        const verdict = await pool.check({ id: draft.row, path: job.path, vendors: FACE_CHECK_VENDORS, cutPath, force });
        const problem = faceProblem(verdict, force);
        if (problem) photoProblem(problem);
        if (!problem || problem.severity === 'warning') {
          draft.photoPath = verdict.cut && cutPath !== null ? cutPath : job.path;
          draft.photoSource = job.path;
          draft.failedChecks = verdict.failed;
        }
      }
      context.onProgress?.(++done, jobs.length);
    }
  };
  try {
    // Header checks a few at a time (each worker into its own reused buffer); with the face check,
    // enough at once to keep every pool thread busy.
    const concurrency = Math.max(PHOTO_CHECK_CONCURRENCY, 2 * (context.faceCheckThreads ?? 2));
    await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
  } finally {
    await pool?.close();
  }
  signal?.throwIfAborted();
  return used;
}
