import { unmarkFormula } from '../../shared/rules/formula-text.ts';
import { trimSpaces } from '../../shared/rules/plain-text.ts';
import type { CellValue } from './table.ts';

/**
 * A cell as text for a text field, as the user typed it: integers without ".0"; the `'` a CSV
 * writer puts before text that starts like a formula taken off again (formula-text.ts); the spaces
 * around it taken off, and nothing else (a tab before `=1+2` stays, and the field's rule refuses
 * it, rather than become the formula `=1+2`). Empty → undefined.
 */
export function cellText(cell: CellValue | undefined): string | undefined {
  if (cell === null || cell === undefined) return undefined;
  let text: string;
  if (typeof cell === 'number') text = Number.isInteger(cell) ? cell.toFixed(0) : String(cell);
  else if (cell instanceof Date) text = formatDateTime(cell);
  else text = unmarkFormula(String(cell));
  text = trimSpaces(text);
  return text === '' ? undefined : text;
}

const GENDERS: Readonly<Record<string, 'M' | 'F'>> = { 男: 'M', m: 'M', male: 'M', 女: 'F', f: 'F', female: 'F' };

/** 男/女/M/F/male/female (any case) → 'M' | 'F'; null when the text is none of them. */
export function parseGender(text: string): 'M' | 'F' | null {
  return GENDERS[text.trim().toLowerCase()] ?? null;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** 'yyyy-MM-dd HH:mm:ss' from a Date's UTC fields (exceljs hands Excel's wall-clock time as UTC). */
function formatDateTime(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

/** Excel's day 0 is 1899-12-30 (its serials keep the 1900 leap-year bug, so this epoch fits after Feb 1900). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

const DATE_TEXT = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * A validity bound as 'yyyy-MM-dd HH:mm:ss'. Takes that text, a bare date (start of day for `from`,
 * 23:59:59 for `to`), Excel date cells and date serial numbers; a date cell at exactly midnight is
 * a bare date too. Null when the cell is no real date-time.
 */
export function parseValidity(cell: CellValue, bound: 'from' | 'to'): string | null {
  let y: number, mo: number, d: number, h: number, mi: number, s: number;
  let dateOnly: boolean;
  if (cell instanceof Date || typeof cell === 'number') {
    const ms = cell instanceof Date ? cell.getTime() : EXCEL_EPOCH_MS + Math.round(cell * 86_400) * 1000;
    if (!Number.isFinite(ms) || (typeof cell === 'number' && (cell < 1 || cell > 2_958_465))) return null;
    const date = new Date(ms);
    [y, mo, d, h, mi, s] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()];
    dateOnly = h === 0 && mi === 0 && s === 0;
  } else if (typeof cell === 'string') {
    const m = DATE_TEXT.exec(cell.trim());
    if (!m) return null;
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    dateOnly = m[4] === undefined;
    [h, mi, s] = dateOnly ? [0, 0, 0] : [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
    const check = new Date(Date.UTC(y, mo - 1, d));
    if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  } else {
    return null;
  }
  if (dateOnly && bound === 'to') [h, mi, s] = [23, 59, 59];
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}:${pad(s)}`;
}
