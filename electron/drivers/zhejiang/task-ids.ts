import { readPlatformJson } from './json-text.ts';

/**
 * The task ids of a heartbeat reply's `response` (§2.2.3: `taskids`, typed "String 任务 id 数组",
 * E15): a JSON array of strings as in the example, of numbers (read from the raw text, so ids past
 * 2^53 such as 6543831380287827968 keep every digit), or one string holding an array or a
 * comma-separated list. Read leniently (D19: the example writes `{taskids:[…]}`); empty ids dropped,
 * repeats within one reply dropped. A reply with no readable task ids gives none.
 */
export function heartbeatTaskIds(responseText: string | undefined): string[] {
  if (responseText === undefined || responseText.trim() === '') return [];
  let raw: string | undefined;
  try {
    raw = readPlatformJson(responseText).members.get('taskids');
  } catch {
    return [];
  }
  if (raw === undefined) return [];
  let text = raw.trim();
  if (text.startsWith('"')) {
    try {
      text = String(JSON.parse(text)).trim();
    } catch {
      return [];
    }
    if (!text.startsWith('[')) return unique(text.split(','));
  }
  if (!text.startsWith('[')) return [];
  return unique([...text.matchAll(/"((?:[^"\\]|\\.)*)"|(-?\d+)/g)].map((match) => match[1] ?? match[2] ?? ''));
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids.map((id) => id.trim()).filter((id) => id !== ''))];
}
