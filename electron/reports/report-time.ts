import { formatTime } from '../../shared/i18n/format-time.ts';
import type { Lang } from '../../shared/i18n/index.ts';

/** How every time in the report is written: the language's format, in the site's time zone. */
export interface Clock {
  readonly lang: Lang;
  readonly timeZone: string;
}

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

/** How far the zone's clocks are ahead of UTC at this instant, in milliseconds. */
function zoneOffset(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')) - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a time means. ISO times with a zone are what they say; a vendor's zone-less local
 * time ('yyyy-MM-dd HH:mm:ss', ZKBio's) is a reading of the site's clocks, so it is taken in the site's zone.
 */
export function instantOf(text: string, timeZone: string): Date {
  const wall = WALL_TIME.exec(text);
  if (!wall) return new Date(text);
  const [year, month, day, hour, minute, second] = wall.slice(1).map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const first = asUtc - zoneOffset(asUtc, timeZone);
  // Near a daylight-saving change the offset at the guess can differ from the offset at the answer.
  return new Date(asUtc - zoneOffset(first, timeZone));
}

/**
 * A time as the report writes it, or '—': 'time' in the one format the screens use (with seconds),
 * 'date' the date alone, in words (the sign-off's date).
 */
export function when(text: string | null | undefined, clock: Clock, style: 'time' | 'date' = 'time'): string {
  if (!text) return '—';
  const date = instantOf(text, clock.timeZone);
  if (Number.isNaN(date.getTime())) return text;
  if (style === 'time') return formatTime(date.toISOString(), clock.lang, { timeZone: clock.timeZone, seconds: true });
  return new Intl.DateTimeFormat(clock.lang, { dateStyle: 'long', timeZone: clock.timeZone }).format(date);
}
