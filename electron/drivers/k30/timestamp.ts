/**
 * `yyyyMMddHHmmssfff`: the 17 digits of every timestamp in the K30 document (k30.md §9), in local
 * time (the document gives no zone).
 */
const pad = (value: number, width = 2) => String(value).padStart(width, '0');

export function formatTimestamp(date: Date): string {
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}${pad(date.getMilliseconds(), 3)}`;
}

/** Epoch ms of a `yyyyMMddHHmmssfff` local time; undefined when it is not one (2020-02-30, 25:00). */
export function parseTimestamp(text: string): number | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{3})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day, hours, minutes, seconds, ms] = match.slice(1).map(Number) as [number, number, number, number, number, number, number];
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  const date = new Date(year, month - 1, day, hours, minutes, seconds, ms);
  if (date.getMonth() !== month - 1 || date.getDate() !== day) return undefined;
  return date.getTime();
}

/** `yyyy-MM-dd HH:mm:ss` in local time: record.list's `addtime` and its dates' form. */
export function formatDateTime(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}
