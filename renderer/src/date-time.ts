import { formatTime, localTimeZone } from '../../shared/i18n/format-time.ts';

/**
 * The site's time zone. A site has no zone of its own yet: the enrollment station or the installer's
 * laptop is at the site, so its zone stands for the site's. Every page asks here, so a per-site zone
 * is one change.
 */
export function siteTimeZone(): string {
  return localTimeZone();
}

/**
 * A time in the UI language's one format, in the site's time zone ("2026年3月4日 14:05",
 * "Mar 4, 2026, 14:05"): ISO instants (the core's, Hongtu's) and vendors' local wall-clock times
 * (ZKBio's `yyyy-MM-dd HH:mm:ss`) alike — shared/i18n/format-time.ts.
 */
export function formatDateTime(value: string, lang: string, timeZone = siteTimeZone()): string {
  return formatTime(value, lang, { timeZone });
}

/** The same with seconds, for test steps, evidence and events ("2026年3月4日 14:05:07", "Mar 4, 2026, 14:05:07"). */
export function formatDateTimeSeconds(value: string, lang: string, timeZone = siteTimeZone()): string {
  return formatTime(value, lang, { timeZone, seconds: true });
}
