import type { AlarmMatch } from './vendor-descriptor.ts';

/** One row of a vendor's alarm table: the words of its document, matched as written or lower-case. */
export interface AlarmWords {
  readonly alarmClass: AlarmMatch['alarmClass'];
  /** Substrings that name it (English lower-case, or Chinese). */
  readonly words: readonly string[];
}

/** The first row whose words appear in the text (lower-cased, spaces collapsed), or null. */
export function matchWords(rows: readonly AlarmWords[], value: string | null): AlarmWords | null {
  if (value === null) return null;
  const key = value.toLowerCase().replace(/\s+/g, ' ').trim();
  return rows.find((row) => row.words.some((word) => key.includes(word))) ?? null;
}
