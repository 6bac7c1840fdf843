import { createHash } from 'node:crypto';

/**
 * Date-time text as the document writes it (`yyyy-MM-dd HH:mm:ss`, zkbio.md §1.3), in the server's
 * local time zone as a Java server would format it (the document gives no zone).
 */
export function formatDateTime(date: Date): string {
  return `${formatDate(date)} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

export function formatDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * Reads `yyyy-MM-dd HH:mm:ss` or `yyyy-M-d H:m:s` (2.19.14's example writes `2023-1-13 18:00:00`)
 * or a bare date (start of day). Returns epoch milliseconds, or undefined when it is not one.
 */
export function parseDateTime(text: string): number | undefined {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?$/.exec(text.trim());
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = match;
  const date = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (date.getMonth() !== Number(mo) - 1 || date.getDate() !== Number(d)) return undefined;
  return date.getTime();
}

/**
 * A 32-hex id like the document's (`402856aa6c3bbde1016c3bc2329200ff`, Hibernate's uuid.hex),
 * derived from a key so seeds and tests get the same ids on every run.
 */
export function hexId(key: string): string {
  return createHash('sha256').update(`doorman-zkbio-sim:${key}`).digest('hex').slice(0, 32);
}
