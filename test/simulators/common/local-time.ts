/**
 * Date-time text as both platforms write it (`yyyy-MM-dd HH:mm:ss`), in the server's local time
 * zone as a Java server would format it (neither document gives a zone).
 */
export function formatDateTime(date: Date): string {
  return `${formatDate(date)} ${twoDigits(date.getHours())}:${twoDigits(date.getMinutes())}:${twoDigits(date.getSeconds())}`;
}

export function formatDate(date: Date): string {
  return `${date.getFullYear()}-${twoDigits(date.getMonth() + 1)}-${twoDigits(date.getDate())}`;
}

export function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * Epoch ms of a local date-time matched as (year, month, day[, hours, minutes[, seconds]]) in
 * groups 1–6; undefined when that day does not exist (2023-02-30).
 */
export function localTimeOf(match: RegExpExecArray): number | undefined {
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = match;
  const date = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (date.getMonth() !== Number(mo) - 1 || date.getDate() !== Number(d)) return undefined;
  return date.getTime();
}
