/**
 * The instant a time of a site means. Vendors' zone-less times (ZKBio's and K30's
 * `yyyy-MM-dd HH:mm:ss`) are readings of the site's clocks; times with a zone (`Z`, `+08:00`,
 * Hongtu's) are instants already. One cached formatter per zone: a day view or a live feed reads
 * thousands of them. Shared by the history (electron/history/site-clock.ts) and the Live feed's order.
 */

const parts = new Map<string, Intl.DateTimeFormat>();

export function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = parts.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    parts.set(timeZone, format);
  }
  return format;
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
