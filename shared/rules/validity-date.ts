/**
 * A person's validity bound (valid from / valid to) as every backend takes it: the local date-time
 * `yyyy-MM-dd HH:mm:ss` (ZKBio §1.3; Hongtu's own dates are derived from it by its driver). The one
 * rule Enroll, People → Edit, Import and the CLI share: a date alone means the start of that day
 * for "valid from" and its last second (23:59:59) for "valid to"; a time may be given without
 * seconds; a date that does not exist (2026-02-30) is "no such date", not a format problem.
 */

export type ValidityBound = 'from' | 'to';

/** What is wrong with a validity text: its form, or a date or time that does not exist. */
type ValidityProblem = 'datetime_format' | 'no_such_date' | 'no_such_time';

export type ValidityResult = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly problem: ValidityProblem };

/** The parts of a date-time as written; the time parts absent for a date alone. */
interface ValidityParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour?: number | undefined;
  readonly minute?: number | undefined;
  readonly second?: number | undefined;
}

/**
 * yyyy-MM-dd, yyyy/M/d or yyyy.M.d, then optionally a space or `T` (what `<input type="datetime-local">`
 * gives) and HH:mm or HH:mm:ss.
 */
const VALIDITY_TEXT = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** True when the calendar has this day (leap years included). */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const check = new Date(Date.UTC(year, month - 1, day));
  check.setUTCFullYear(year);
  return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day;
}

/** The bound from its parts: a date alone is the start (from) or the end (to) of that day. */
export function validityFromParts(parts: ValidityParts, bound: ValidityBound): ValidityResult {
  const { year, month, day } = parts;
  if (year < 1 || year > 9999) return { ok: false, problem: 'datetime_format' };
  if (!isRealDate(year, month, day)) return { ok: false, problem: 'no_such_date' };
  let { hour, minute, second } = parts;
  if (hour === undefined) [hour, minute, second] = bound === 'from' ? [0, 0, 0] : [23, 59, 59];
  minute ??= 0;
  second ??= 0;
  if (hour > 23 || minute > 59 || second > 59) return { ok: false, problem: 'no_such_time' };
  return { ok: true, value: `${pad(year, 4)}-${pad(month)}-${pad(day)} ${pad(hour)}:${pad(minute)}:${pad(second)}` };
}

/** A validity bound as typed (or as a date picker gives it) → `yyyy-MM-dd HH:mm:ss`, or what is wrong. */
export function parseValidity(text: string, bound: ValidityBound): ValidityResult {
  const m = VALIDITY_TEXT.exec(text.trim());
  if (!m) return { ok: false, problem: 'datetime_format' };
  const hasTime = m[4] !== undefined;
  return validityFromParts(
    {
      year: Number(m[1]),
      month: Number(m[2]),
      day: Number(m[3]),
      ...(hasTime ? { hour: Number(m[4]), minute: Number(m[5]), second: m[6] === undefined ? 0 : Number(m[6]) } : {}),
    },
    bound,
  );
}

/**
 * A stored bound split for a date picker and an optional time field: the time is left empty when it
 * is the start of the day (from) or its last second (to), the values a date alone stands for.
 */
export function splitValidity(value: string, bound: ValidityBound): { date: string; time: string } {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)$/.exec(value.trim());
  if (!m) return { date: /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? value.trim() : '', time: '' };
  const time = m[2]!.length === 5 ? `${m[2]}:00` : m[2]!;
  const implied = bound === 'from' ? '00:00:00' : '23:59:59';
  return { date: m[1]!, time: time === implied ? '' : time };
}
