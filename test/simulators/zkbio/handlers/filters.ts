import { ApiFailure, PROGRAM_ERROR } from '../codes.ts';
import type { TransactionRecord } from '../events.ts';
import type { ApiRequest } from '../request.ts';
import { parseDateTime } from '../time.ts';

/**
 * `timestamp` of the state and monitor endpoints (2.12.1–2.12.3, 2.19.6, 2.27.2, 2.35.6):
 * milliseconds, required. Missing is -1 (no appendix code names it); not a number is -100
 * "Time format error".
 */
export function readTimestamp(req: ApiRequest): number {
  const text = req.require('timestamp', PROGRAM_ERROR).trim();
  if (!/^\d{1,16}$/.test(text)) throw new ApiFailure(-100);
  return Number(text);
}

/** `startDate`/`endDate` (or `startTime`/`endTime`): -100 when unreadable, -101 when start > end. */
export function readRange(req: ApiRequest, startName = 'startDate', endName = 'endDate', source?: Record<string, unknown>): { from?: number; to?: number } {
  const read = (name: string): number | undefined => {
    const raw = source ? source[name] : req.text(name);
    const text = typeof raw === 'string' && raw.length > 0 ? raw : undefined;
    if (text === undefined) return undefined;
    const value = parseDateTime(text);
    if (value === undefined) throw new ApiFailure(-100);
    return value;
  };
  const from = read(startName);
  let to = read(endName);
  // A bare end date means the whole day.
  const endText = source ? source[endName] : req.text(endName);
  if (to !== undefined && typeof endText === 'string' && /^\d{4}-\d{1,2}-\d{1,2}$/.test(endText.trim())) to += 86_399_999;
  if (from !== undefined && to !== undefined && from > to) throw new ApiFailure(-101);
  return { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
}

export function inRange(record: TransactionRecord, range: { from?: number; to?: number }): boolean {
  return (range.from === undefined || record.at >= range.from) && (range.to === undefined || record.at <= range.to);
}
