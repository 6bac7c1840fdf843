/** The wall clock of a time zone, as the backends take local times: 'yyyy-MM-dd HH:mm:ss'. */
export function wallClock(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')}`;
}

/** A day's first and last second, as local times. */
export function dayBounds(day: string): { readonly from: string; readonly to: string } {
  return { from: `${day} 00:00:00`, to: `${day} 23:59:59` };
}

/** How far the zone's clocks are ahead of UTC at an instant, in seconds. */
export function zoneOffsetSeconds(instant: Date, timeZone: string): number {
  const wall = wallClock(instant, timeZone);
  return Math.round((Date.parse(`${wall.replace(' ', 'T')}Z`) - Math.floor(instant.getTime() / 1000) * 1000) / 1000);
}

/** The instant a local 'yyyy-MM-dd HH:mm:ss' of the zone means (the offset re-read at the answer, for daylight saving). */
export function instantAt(local: string, timeZone: string): Date {
  const asUtc = Date.parse(`${local.replace(' ', 'T')}Z`);
  const first = asUtc - zoneOffsetSeconds(new Date(asUtc), timeZone) * 1000;
  return new Date(asUtc - zoneOffsetSeconds(new Date(first), timeZone) * 1000);
}
