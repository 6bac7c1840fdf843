/**
 * The site's clock for the history: bounds typed as the site's wall-clock times turned into
 * instants, and instants read back as the site's date and hour. Vendors' zone-less times
 * (ZKBio's `yyyy-MM-dd HH:mm:ss`) are readings of the site's clocks (as in report-time.ts), read
 * here with one cached formatter per zone: a day view reads thousands of them.
 */

const parts = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = parts.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    parts.set(timeZone, format);
  }
  return format;
}

/** The site's date (`yyyy-MM-dd`) and hour (0–23) at an instant. */
export function siteDateHour(instantMs: number, timeZone: string): { date: string; hour: number } {
  const p = Object.fromEntries(partsFormat(timeZone).formatToParts(instantMs).map((x) => [x.type, x.value]));
  return { date: `${p['year']}-${p['month']}-${p['day']}`, hour: Number(p['hour']) };
}

/** How far the site's clocks are ahead of UTC at an instant, in seconds. */
export function zoneOffsetSeconds(instantMs: number, timeZone: string): number {
  const p = Object.fromEntries(partsFormat(timeZone).formatToParts(instantMs).map((x) => [x.type, Number(x.value)]));
  const wall = Date.UTC(p['year'] ?? 0, (p['month'] ?? 1) - 1, p['day'] ?? 1, p['hour'] ?? 0, p['minute'] ?? 0, p['second'] ?? 0);
  return Math.round((wall - Math.floor(instantMs / 1000) * 1000) / 1000);
}

/** Whether a time carries its zone (`Z`, `+08:00`, `+0800`); without one it is the site's wall clock. */
export function hasZone(text: string): boolean {
  return /(Z|[+-]\d{2}:?\d{2})$/i.test(text.trim());
}

/** The instant (ms) a bound or an event time means at the site; NaN when it is no time. */
export function siteInstant(text: string, timeZone: string): number {
  const trimmed = text.trim();
  if (hasZone(trimmed)) return Date.parse(trimmed);
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(?::(\d{2}))?(?:\.\d+)?)?$/.exec(trimmed);
  if (!m) return Number.NaN;
  const asUtc = Date.parse(`${m[1]}T${m[2] ?? '00:00'}:${m[3] ?? '00'}Z`);
  if (Number.isNaN(asUtc)) return Number.NaN;
  // As report-time.ts's instantOf: near a daylight-saving change the offset at the guess can
  // differ from the offset at the answer (with this file's one cached formatter per zone).
  const first = asUtc - zoneOffsetSeconds(asUtc, timeZone) * 1000;
  return asUtc - zoneOffsetSeconds(first, timeZone) * 1000;
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
