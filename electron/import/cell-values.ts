import { unmarkFormula } from '../../shared/rules/formula-text.ts';
import { trimSpaces } from '../../shared/rules/plain-text.ts';
import { parseValidity, validityFromParts, type ValidityBound, type ValidityResult } from '../../shared/rules/validity-date.ts';
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

/**
 * A validity bound as 'yyyy-MM-dd HH:mm:ss', by the rule Enroll and Edit follow too
 * (shared/rules/validity-date.ts): text as typed, Excel date cells and date serial numbers; a date
 * alone (a date cell at exactly midnight too) is the start (from) or the end (to) of that day.
 */
export function parseValidityCell(cell: CellValue, bound: ValidityBound): ValidityResult {
  if (cell instanceof Date || typeof cell === 'number') {
    const ms = cell instanceof Date ? cell.getTime() : EXCEL_EPOCH_MS + Math.round(cell * 86_400) * 1000;
    if (!Number.isFinite(ms) || (typeof cell === 'number' && (cell < 1 || cell > 2_958_465))) return { ok: false, problem: 'datetime_format' };
    const date = new Date(ms);
    const [hour, minute, second] = [date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()];
    const dateOnly = hour === 0 && minute === 0 && second === 0;
    return validityFromParts({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), ...(dateOnly ? {} : { hour, minute, second }) }, bound);
  }
  if (typeof cell === 'string') return parseValidity(cell, bound);
  return { ok: false, problem: 'datetime_format' };
}
