/**
 * Every time Doorman shows, in one format per language, in the site's time zone. Two kinds of time
 * reach the screens: instants with a zone (ISO 8601 from the core, Hongtu's passTimestamp turned into
 * UTC ISO), shown in the site's zone; and the vendors' local wall-clock times without a zone (ZKBio's
 * `yyyy-MM-dd HH:mm:ss`, §1.3 — the server's local time, i.e. the site's), shown as they are. So a
 * Hongtu pass and a ZKBio transaction at the same moment read the same.
 */

interface TimeFormat {
  /** IANA zone of the site ("Asia/Shanghai"). */
  readonly timeZone: string;
  /** With seconds (test steps, evidence, events); without for lists. */
  readonly seconds?: boolean;
  /** The date and the time (default), or one of them (the live feed shows them on two lines). */
  readonly part?: 'both' | 'date' | 'time';
}

/** A vendor's local time without a zone: `yyyy-MM-dd HH:mm[:ss]`, a space or T between. */
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: string, timeZone: string, seconds: boolean, part: TimeFormat['part'] = 'both'): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone}|${seconds}|${part}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, {
      ...(part !== 'time' ? { dateStyle: 'medium' as const } : {}),
      ...(part !== 'date' ? { timeStyle: seconds ? ('medium' as const) : ('short' as const), hourCycle: 'h23' as const } : {}),
      timeZone,
    });
    formats.set(key, format);
  }
  return format;
}

/** The time in the language's one format; text that is no time is returned as it is. */
export function formatTime(value: string, lang: string, { timeZone, seconds = false, part = 'both' }: TimeFormat): string {
  const wall = WALL_CLOCK.exec(value.trim());
  if (wall) {
    // The wall-clock fields as they are: read as UTC and formatted in UTC, so no zone shifts them.
    const [y, mo, d, h, mi, s] = wall.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
    const at = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
    return Number.isNaN(at.getTime()) ? value : formatter(lang, 'UTC', seconds, part).format(at);
  }
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return value;
  try {
    return formatter(lang, timeZone, seconds, part).format(at);
  } catch {
    // An unknown zone name: the computer's own zone rather than no time at all.
    return formatter(lang, localTimeZone(), seconds, part).format(at);
  }
}

/** The time zone of the computer Doorman runs on. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
