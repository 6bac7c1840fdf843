/**
 * Whether a text is a real event time. Every event source passes through the events store, and
 * the store keeps only events whose time is one, so ordering, reports and the door tests' latency
 * never rest on "not a time", year −29719 or February 30th.
 *
 * Accepted: ISO 8601 date and time (`2021-05-24T14:13:10.298+08:00`, `…Z`, Hongtu) or the same with
 * a space (`2026-03-01 08:15:02`, ZKBio's local time), seconds and fraction optional, and a year
 * from 1970 (a device whose clock was never set reports 1970 or 2000: a real, if wrong, time) to
 * next year (a clock a little ahead is tolerated; a year 9999 is not).
 *
 * `Date.parse` is not the test: V8 takes "1" or "Monday 5" as times.
 */
export type EventTimeProblem = 'not_a_time' | 'out_of_range';

const EARLIEST_EVENT_YEAR = 1970;

const EVENT_TIME = /^([+-]\d{6}|\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))?$/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The latest year an event may carry, seen from `now`. */
function latestEventYear(now: Date): number {
  return now.getUTCFullYear() + 1;
}

/** Null when `text` is a real event time, else why not. */
export function eventTimeProblem(text: string, now: Date = new Date()): EventTimeProblem | null {
  const m = EVENT_TIME.exec(text);
  if (!m) return 'not_a_time';
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  const zoneHours = m[8] === undefined ? 0 : Number(m[8]);
  const zoneMinutes = m[9] === undefined ? 0 : Number(m[9]);
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59 || zoneHours > 14 || zoneMinutes > 59) return 'not_a_time';
  if (year < EARLIEST_EVENT_YEAR || year > latestEventYear(now)) return 'out_of_range';
  if (day < 1 || day > daysIn(year, month)) return 'not_a_time';
  return null;
}
