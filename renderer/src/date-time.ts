/** A timestamp in the UI language's own date and time format ("2026年3月4日 14:05", "Mar 4, 2026, 2:05 PM"). */
export function formatDateTime(iso: string, lang: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A timestamp with seconds, for test results and evidence ("2026/3/4 14:05:07", "Mar 4, 2026, 2:05:07 PM"). */
export function formatDateTimeSeconds(iso: string, lang: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'medium' }).format(date);
}
