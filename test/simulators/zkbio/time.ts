import { createHash } from 'node:crypto';
import { localTimeOf } from '../common/local-time.ts';

// `yyyy-MM-dd HH:mm:ss` (zkbio.md §1.3), local time.
export { formatDate, formatDateTime } from '../common/local-time.ts';

/**
 * Reads `yyyy-MM-dd HH:mm:ss` or `yyyy-M-d H:m:s` (2.19.14's example writes `2023-1-13 18:00:00`)
 * or a bare date (start of day). Returns epoch milliseconds, or undefined when it is not one.
 */
export function parseDateTime(text: string): number | undefined {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?$/.exec(text.trim());
  return match ? localTimeOf(match) : undefined;
}

/**
 * A 32-hex id like the document's (`402856aa6c3bbde1016c3bc2329200ff`, Hibernate's uuid.hex),
 * derived from a key so seeds and tests get the same ids on every run.
 */
export function hexId(key: string): string {
  return createHash('sha256').update(`doorman-zkbio-sim:${key}`).digest('hex').slice(0, 32);
}
