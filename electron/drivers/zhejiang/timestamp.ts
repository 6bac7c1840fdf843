/**
 * `timeStamp` of the TCP requests: `yyyyMMddHHmmss` (§2.1.2 时间戳), in China time (D10: the
 * document names no zone, S4; the platform is in Zhejiang), zero-padded, e.g. `20210328031608`.
 */
export const PLATFORM_TIME_ZONE = 'Asia/Shanghai';

const formats = new Map<string, Intl.DateTimeFormat>();

export function platformTimeStamp(at: Date, timeZone: string = PLATFORM_TIME_ZONE): string {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    formats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((part) => [part.type, part.value]));
  return `${parts['year']}${parts['month']}${parts['day']}${parts['hour']}${parts['minute']}${parts['second']}`;
}

/** The instant a `yyyyMMddHHmmss` names in the zone (the simulator's staleness check); undefined when it is no such text. */
export function parsePlatformTimeStamp(text: string, timeZone: string = PLATFORM_TIME_ZONE): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [y, mo, d, h, mi, s] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  if (platformTimeStamp(new Date(asUtc), 'UTC') !== text) return undefined;
  // The zone's offset at that moment: the wall clock read back, compared with UTC's.
  const offset = Date.parse(`${formatIso(platformTimeStamp(new Date(asUtc), timeZone))}Z`) - asUtc;
  return new Date(asUtc - offset);
}

function formatIso(stamp: string): string {
  return `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(8, 10)}:${stamp.slice(10, 12)}:${stamp.slice(12, 14)}`;
}
