import { formatDate, localTimeOf, twoDigits } from '../common/local-time.ts';

// `yyyy-MM-dd HH:mm:ss` (passTimeFormat, query bounds), in the server's local time zone as a Java server would.
export { formatDate, formatDateTime } from '../common/local-time.ts';

/** ISO 8601 with the offset, local time (`2020-04-15T17:16:20+08:00`, push `passTime`, second precision as the field table says). */
export function isoWithOffset(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${formatDate(date)}T${twoDigits(date.getHours())}:${twoDigits(date.getMinutes())}:${twoDigits(date.getSeconds())}${sign}${twoDigits(Math.floor(abs / 60))}:${twoDigits(abs % 60)}`;
}

/**
 * A time bound of pass_record/list and device_alarm/list: "2020-01-01 10:00:00" or epoch ms (as a
 * number or digits). Undefined when it is neither.
 */
export function parseTimeBound(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^\d{1,16}$/.test(text)) return Number(text);
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?: (\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?$/.exec(text);
  return match ? localTimeOf(match) : undefined;
}

/** `HH:mm`, 00:00–23:59 (schedules). */
export function isClockTime(text: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(text);
}

export function minutesOf(text: string): number {
  const [h = '0', m = '0'] = text.split(':');
  return Number(h) * 60 + Number(m);
}
