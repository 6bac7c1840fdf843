import { describe, expect, it } from 'vitest';
import type { AccessEvent } from '../../../shared/contract/backends.ts';
import { arrive, type FeedState, newCount, NO_FILTERS, release, toRow, type LiveRow } from '../../../renderer/src/stores/live-feed.ts';
import { holds, mergeOrdered, placeOf, placeRows, type Ordered } from '../../../renderer/src/stores/live-order.ts';

function event(id: string, occurredAt: string): AccessEvent {
  return { eventId: id, occurredAt, kind: 'pass', doorId: 'D1', doorName: 'Gate', deviceSerial: null, readerName: null, personPin: '1', personName: null, verifyMode: null, description: 'Pass', photoUrl: null };
}
const ZONE = 'Asia/Shanghai';
/** A row at a Shanghai wall-clock time (as ZKBio and K30 write it) or an instant (as Hongtu). */
const row = (backendId: number, id: string, at: string): LiveRow => toRow(backendId, `B${backendId}`, at, event(id, at), ZONE);
const keys = (rows: readonly { key: string }[]) => rows.map((r) => r.key);

/** An array that counts how many of its rows are read. */
function counting<T>(rows: T[]): { rows: T[]; reads: () => number } {
  let reads = 0;
  const proxy = new Proxy(rows, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && /^\d+$/.test(prop)) reads++;
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
  return { rows: proxy, reads: () => reads };
}

describe('the Live feed in event-time order (issue 15 item 2)', () => {
  it('reads vendors’ wall-clock times in the site’s zone and instants as they are, so a ZKBio and a Hongtu event of the same moment sit together', () => {
    const wall = row(1, 'z', '2026-12-07 10:00:00');
    const iso = row(2, 'h', '2026-12-07T02:00:00.000Z');
    expect(wall.order).toBe(iso.order);
    expect(row(1, 'bad', 'not a time').order).toBe(Number.NEGATIVE_INFINITY);
  });

  it('places a late event by its time, newest first, and one of the same time as the newest arrival', () => {
    const rows = [row(1, 'c', '2026-12-07 10:03:00'), row(1, 'a', '2026-12-07 10:01:00')];
    const placed = placeRows(rows, [row(2, 'b', '2026-12-07T02:02:00Z'), row(3, 'old', '2026-12-07 09:00:00'), row(4, 'c2', '2026-12-07 10:03:00')]);
    expect(keys(placed)).toEqual(['4:c2', '1:c', '2:b', '1:a', '3:old']);
    // Each event once, the kept list untouched.
    expect(placeRows(placed, [row(2, 'b', '2026-12-07T02:02:00Z')])).toBe(placed);
    expect(keys(rows)).toEqual(['1:c', '1:a']);
    expect(holds(placed, row(2, 'b', '2026-12-07 10:02:00'))).toBe(true);
    expect(keys(placeRows(placed, [], 2))).toEqual(['4:c2', '1:c']);
  });

  it('merges two newest-first lists in one pass, each key once', () => {
    const front = [row(1, 'n2', '2026-12-07 11:00:00'), row(1, 'n1', '2026-12-07 10:30:00')];
    const back = [row(1, 'o2', '2026-12-07 10:45:00'), row(1, 'n1', '2026-12-07 10:30:00'), row(1, 'o1', '2026-12-07 10:00:00')];
    expect(keys(mergeOrdered(front, back))).toEqual(['1:n2', '1:o2', '1:n1', '1:o1']);
    expect(keys(mergeOrdered(front, back, 2))).toEqual(['1:n2', '1:o2']);
  });

  it('following the top: a late event goes in its place, not on top', () => {
    let state: FeedState = { rows: [row(1, 'b', '2026-12-07 10:02:00'), row(1, 'a', '2026-12-07 10:00:00')], pending: [] };
    state = arrive(state, [row(1, 'late', '2026-12-07 10:01:00')], true);
    expect(keys(state.rows)).toEqual(['1:b', '1:late', '1:a']);
    state = arrive(state, [row(2, 'new', '2026-12-07 10:05:00')], true);
    expect(keys(state.rows)[0]).toBe('2:new');
  });

  it('paused or scrolled: a newer event waits behind "N new"; a late one is put in place quietly and not counted; each once', () => {
    const start: FeedState = { rows: [row(1, 'b', '2026-12-07 10:02:00'), row(1, 'a', '2026-12-07 10:00:00')], pending: [] };
    let state = arrive(start, [row(2, 'new', '2026-12-07 10:05:00'), row(3, 'late', '2026-12-07 10:01:00')], false);
    expect(keys(state.rows)).toEqual(['1:b', '3:late', '1:a']);
    expect(keys(state.pending)).toEqual(['2:new']);
    expect(newCount(state, NO_FILTERS)).toBe(1);
    // The same events again (a poll after a push): nothing changes.
    expect(arrive(state, [row(2, 'new', '2026-12-07 10:05:00'), row(3, 'late', '2026-12-07 10:01:00'), row(1, 'b', '2026-12-07 10:02:00')], false)).toBe(state);
    // A skewed clock: an event "from the future" of the top also waits.
    state = arrive(state, [row(4, 'skewed', '2026-12-07 10:03:00')], false);
    expect(keys(state.pending)).toEqual(['2:new', '4:skewed']);
    state = release(state);
    expect(keys(state.rows)).toEqual(['2:new', '4:skewed', '1:b', '3:late', '1:a']);
    expect(state.pending).toEqual([]);
  });

  it('finds a place among 100,000 rows in about log2(100,000) ≈ 17 reads, not a sort', () => {
    const base = Date.UTC(2026, 11, 7);
    const rows: Ordered[] = Array.from({ length: 100_000 }, (_, i) => ({ key: `1:${i}`, order: base - i * 1000 }));
    const watched = counting(rows);
    expect(placeOf(watched.rows, base - 54_321_500)).toBe(54_322);
    expect(watched.reads()).toBeLessThanOrEqual(18);
    const before = watched.reads();
    expect(holds(watched.rows, { key: '1:777', order: base - 777_000 })).toBe(true);
    expect(watched.reads() - before).toBeLessThanOrEqual(20);
  });
});
