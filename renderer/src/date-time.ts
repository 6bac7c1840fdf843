import { formatTime, localTimeZone } from '../../shared/i18n/format-time.ts';
import { currentSiteTimeZone, sitesStore } from './stores/sites.ts';

/**
 * The current site's time zone (Sites page → Time zone, `sites timezone`); with no site chosen, the
 * zone of the computer showing the page. Every page asks here; the shell re-renders the page when
 * the zone changes (app.tsx).
 */
function siteTimeZone(): string {
  return currentSiteTimeZone(sitesStore.getState()) ?? localTimeZone();
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
