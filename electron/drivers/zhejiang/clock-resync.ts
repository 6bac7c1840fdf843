import { readPlatformJson } from './json-text.ts';
import { parsePlatformTimeStamp } from './timestamp.ts';

/**
 * D10: on 400_05 the device resynchronises its clock and retries once. The document gives the
 * platform no way to tell its time (the error object is `{errorcode, errmsg}`, §5.1), so this reads
 * a time only if a platform adds one to the error object — `serverTime`, `timeStamp`, `timestamp`,
 * `time` or `now`, as `yyyyMMddHHmmss` (China time) or epoch seconds / milliseconds — and returns
 * the offset to add to the local clock; undefined when the error tells no time (then the session
 * logs that the computer's clock is off and retries once as it is).
 */
const TIME_KEYS = ['serverTime', 'timeStamp', 'timestamp', 'time', 'now'] as const;

function instantOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value < 1e12 ? value * 1000 : value;
  if (typeof value !== 'string') return undefined;
  const stamped = parsePlatformTimeStamp(value);
  if (stamped) return stamped.getTime();
  return /^\d{10,13}$/.test(value) ? instantOf(Number(value)) : undefined;
}

export function clockOffsetFromError(error: unknown, localNow: number): number | undefined {
  let value = error;
  if (typeof error === 'string') {
    try {
      value = readPlatformJson(error).value;
    } catch {
      return undefined;
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  for (const key of TIME_KEYS) {
    const at = instantOf(record[key]);
    if (at !== undefined) return at - localNow;
  }
  return undefined;
}
