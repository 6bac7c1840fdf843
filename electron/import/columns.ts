import type { PersonFields } from '../../shared/contract/people.ts';

/** A spreadsheet column Doorman understands: a person field, or the optional photo file name. */
export type ColumnField = keyof PersonFields | 'photo';

/**
 * Header words per field, compared after normalizing (lower case, no spaces, underscores, dashes or
 * dots). A header may carry several names split by "/", "|", brackets, a line break or a change of script — the template
 * writes "工号/Personnel number" — and matches when any part does.
 */
const ALIASES: Readonly<Record<ColumnField, readonly string[]>> = {
  pin: ['工号', '人员编号', '编号', '人员工号', 'personnelnumber', 'personnelno', 'pin', 'jobnumber', 'jobno', 'employeeno', 'employeenumber', 'code'],
  name: ['姓名', '名字', 'name', 'fullname'],
  idNumber: ['身份证号', '身份证号码', '身份证', '证件号码', '证件号', 'idnumber', 'idno', 'idcard', 'idcardnumber'],
  phone: ['手机', '手机号', '手机号码', '电话', '联系电话', 'phone', 'mobile', 'phonenumber', 'mobilephone'],
  gender: ['性别', 'gender', 'sex'],
  department: ['部门', '部门名称', 'department', 'dept'],
  cardNo: ['卡号', '门禁卡号', '卡片号码', 'card', 'cardno', 'cardnumber'],
  validFrom: ['有效期开始', '有效期开始时间', '开始时间', '生效时间', 'validfrom', 'startdate', 'starttime'],
  validTo: ['有效期结束', '有效期结束时间', '结束时间', '失效时间', 'validto', 'validuntil', 'enddate', 'endtime'],
  photo: ['照片', '照片文件', '人脸照片', 'photo', 'photofile', 'face', 'facephoto'],
};

/** The header the template and the export write for each field: Chinese, then English. */
export const EXPORT_HEADERS: Readonly<Record<keyof PersonFields, string>> = {
  pin: '工号/Personnel number',
  name: '姓名/Name',
  idNumber: '身份证号/ID number',
  phone: '手机/Phone',
  gender: '性别/Gender',
  department: '部门/Department',
  cardNo: '卡号/Card',
  validFrom: '有效期开始/Valid from',
  validTo: '有效期结束/Valid to',
};

/**
 * The columns an export of the site's people adds after the fields (issue 12 item 2): whether the
 * person has no face photo, and why. An export imported again skips them without a warning (the
 * face comes from the photo, never from these).
 */
export const NO_FACE_HEADERS = { noFace: '无人脸/No face', reason: '无人脸原因/No-face reason' } as const;
/** The "no face" column's value for a person without a face photo (empty for one with a face). */
export const NO_FACE_MARK = '是/Yes';

/** Fields in the order the export writes them. */
export const EXPORT_FIELDS = Object.keys(EXPORT_HEADERS) as (keyof PersonFields)[];

const BY_ALIAS = new Map<string, ColumnField>(
  (Object.entries(ALIASES) as [ColumnField, readonly string[]][]).flatMap(([field, names]) => names.map((n) => [n, field] as const)),
);

function normalize(text: string): string {
  return text.toLowerCase().replace(/[\s_\-.:：*]+/g, '');
}

const EXPORT_ONLY = new Set(Object.values(NO_FACE_HEADERS).map(normalize));

/** The field a header names, or null when it names none. */
export function fieldOfHeader(header: string): ColumnField | null {
  // "姓名 Name": Chinese and English side by side also split where the script changes.
  const parts = [header, ...header.split(/[/|()（）\n\r]+|(?<=[\u3400-\u9fff])\s*(?=[A-Za-z])|(?<=[A-Za-z])\s*(?=[\u3400-\u9fff])/)];
  for (const part of parts) {
    const field = BY_ALIAS.get(normalize(part));
    if (field) return field;
  }
  return null;
}

/** "A" for 0, "Z" for 25, "AA" for 26: the spreadsheet's own column letters. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export interface ColumnRef {
  /** 0-based index into a row's cells. */
  readonly index: number;
  /** Spreadsheet letter, "A", "B"… */
  readonly letter: string;
  readonly header: string;
}

export interface ColumnMap {
  readonly fields: Partial<Record<ColumnField, ColumnRef>>;
  /** Columns whose header names no field: reported once, then ignored. */
  readonly unknown: readonly ColumnRef[];
  /** A second column for a field already mapped: ignored, reported once. */
  readonly repeated: readonly (ColumnRef & { readonly field: ColumnField })[];
}

/** Recognizes the header row. Empty header cells are skipped silently. */
export function mapColumns(headers: readonly string[]): ColumnMap {
  const fields: Partial<Record<ColumnField, ColumnRef>> = {};
  const unknown: ColumnRef[] = [];
  const repeated: (ColumnRef & { field: ColumnField })[] = [];
  headers.forEach((raw, index) => {
    const header = raw.trim();
    if (header === '') return;
    const ref = { index, letter: columnLetter(index), header };
    const field = fieldOfHeader(header);
    if (!field && EXPORT_ONLY.has(normalize(header))) return;
    if (!field) unknown.push(ref);
    else if (fields[field]) repeated.push({ ...ref, field });
    else fields[field] = ref;
  });
  return { fields, unknown, repeated };
}
