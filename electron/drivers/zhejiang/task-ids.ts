import { readResponseObject } from './tcp-response.ts';

/**
 * The task ids of a heartbeat reply's `response` (§2.2.3: `taskids`, typed "String 任务 id 数组",
 * E15): a JSON array of strings as in the example, of numbers (read from the raw text, so ids past
 * 2^53 such as 6543831380287827968 keep every digit), or one string holding an array or a
 * comma-separated list, or one id alone (a string or a number). Read leniently (D19: the example
 * writes `{taskids:[…]}`), through a `response` encoded twice (tcp-response.ts); the key as the
 * document spells it, else `taskIds` or `taskid` (never both read: the first present wins). Empty
 * ids dropped, repeats within one reply dropped. A reply with no readable task ids (none, null,
 * an object, booleans) gives none.
 */
export function heartbeatTaskIds(responseText: string | undefined): string[] {
  const read = readResponseObject(responseText);
  if (read === undefined) return [];
  const key = ['taskids', 'taskIds', 'taskid'].find((name) => read.members.has(name));
  if (key === undefined) return [];
  const raw = read.members.get(key)!.trim();
  if (/^-?\d+$/.test(raw)) return [raw];
  const value = (read.value as Record<string, unknown>)[key];
  if (typeof value === 'string') {
    const text = value.trim();
    if (!text.startsWith('[')) return unique(text.split(','));
    return unique(arrayItems(text));
  }
  return raw.startsWith('[') ? unique(arrayItems(raw)) : [];
}

/** The strings and integers of an array's raw text, integers with every digit. */
function arrayItems(text: string): string[] {
  return [...text.matchAll(/"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|(-?\d+)/g)].map((match) => match[1] ?? match[2] ?? match[3] ?? '');
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids.map((id) => id.trim()).filter((id) => id !== ''))];
}
