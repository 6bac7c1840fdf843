/**
 * The site's clock for the history: bounds typed as the site's wall-clock times turned into
 * instants, and instants read back as the site's date and hour. Vendors' zone-less times
 * (ZKBio's `yyyy-MM-dd HH:mm:ss`) are readings of the site's clocks (as in report-time.ts), read
 * with one cached formatter per zone (shared/rules/site-instant.ts, which the Live feed shares).
 */
import { partsFormat } from '../../shared/rules/site-instant.ts';

export { hasZone, siteInstant, zoneOffsetSeconds } from '../../shared/rules/site-instant.ts';

/** The site's date (`yyyy-MM-dd`) and hour (0–23) at an instant. */
export function siteDateHour(instantMs: number, timeZone: string): { date: string; hour: number } {
  const p = Object.fromEntries(partsFormat(timeZone).formatToParts(instantMs).map((x) => [x.type, x.value]));
  return { date: `${p['year']}-${p['month']}-${p['day']}`, hour: Number(p['hour']) };
}

/** The day after a `yyyy-MM-dd` date. */
export function nextDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The site's wall-clock time at an instant, `yyyy-MM-dd HH:mm:ss` (files, the CLI's --json). */
export function siteWallTime(instantMs: number, timeZone: string): string {
  const p = Object.fromEntries(partsFormat(timeZone).formatToParts(instantMs).map((x) => [x.type, x.value]));
  return `${p['year']}-${p['month']}-${p['day']} ${p['hour']}:${p['minute']}:${p['second']}`;
}
