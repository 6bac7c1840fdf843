import { describe, expect, it } from 'vitest';
import type { AccessEvent } from '../../../shared/contract/backends.ts';
import { arrive, doorsOf, type FeedState, filterRows, mergeRows, newCount, NO_FILTERS, release, resultOf, standsOut, toRow, windowRange, type LiveRow } from '../../../renderer/src/stores/live-feed.ts';

function event(id: string, change: Partial<AccessEvent> = {}): AccessEvent {
  return {
    eventId: id, occurredAt: '2026-12-07 10:00:00', kind: 'pass', doorId: 'D1', doorName: 'Front door', deviceSerial: null, readerName: null,
    personPin: '1001', personName: 'Wang Wei', verifyMode: 'face', description: 'Normal Verify Open', photoUrl: null, ...change,
  };
}
const row = (backendId: number, id: string, change: Partial<AccessEvent> = {}): LiveRow => toRow(backendId, `B${backendId}`, '2026-12-07T02:00:00Z', event(id, change));
const keys = (rows: readonly LiveRow[]) => rows.map((r) => r.key);

describe('the live feed (issue 15 item 2)', () => {
  it('merges new rows in front, one row per backend and event id, bounded', () => {
    const kept = [row(1, 'a'), row(2, 'a')];
    expect(keys(mergeRows(kept, [row(1, 'b'), row(1, 'a'), row(2, 'b')]))).toEqual(['1:b', '2:b', '1:a', '2:a']);
    expect(keys(mergeRows(kept, [row(3, 'x'), row(3, 'x')], 2))).toEqual(['3:x', '1:a']);
  });

  it('reads the result from the vendor mapping, else from the kind; strangers and denials stand out', () => {
    expect(resultOf(event('1', { result: 'stranger' }))).toBe('stranger');
    expect(resultOf(event('1', { kind: 'denied' }))).toBe('denied');
    expect(resultOf(event('1', { kind: 'door' }))).toBe('other');
    expect(standsOut(event('1', { result: 'stranger' }))).toBe('stranger');
    expect(standsOut(event('1', { result: 'visitor' }))).toBeNull();
  });

  it('filters by backend, door, result, alarms only, person and text', () => {
    const rows = [
      row(1, 'a'),
      row(2, 'b', { doorId: 'D2', doorName: 'Garage', result: 'denied', personPin: '2002', personName: '李娜' }),
      row(2, 'c', { kind: 'alarm', result: undefined, personPin: null, personName: null, description: 'Door forced open' }),
      row(3, 'd', { result: 'stranger', personPin: null, personName: null }),
    ];
    expect(keys(filterRows(rows, { ...NO_FILTERS, backendId: 2 }))).toEqual(['2:b', '2:c']);
    expect(keys(filterRows(rows, { ...NO_FILTERS, door: '2:D2' }))).toEqual(['2:b']);
    expect(keys(filterRows(rows, { ...NO_FILTERS, result: 'denied' }))).toEqual(['2:b']);
    expect(keys(filterRows(rows, { ...NO_FILTERS, alarmOnly: true }))).toEqual(['2:c', '3:d']);
    expect(keys(filterRows(rows, { ...NO_FILTERS, person: '20' }))).toEqual(['2:b']);
    expect(keys(filterRows(rows, { ...NO_FILTERS, person: '李' }))).toEqual(['2:b']);
    expect(keys(filterRows(rows, { ...NO_FILTERS, text: 'forced' }))).toEqual(['2:c']);
    expect(doorsOf(rows).map((d) => d.key)).toEqual(['1:D1', '2:D1', '2:D2', '3:D1']);
  });

  it('holds arrivals while paused or scrolled, counts "N new" through the filters, and releases them on the jump to the top', () => {
    let state: FeedState = { rows: [row(1, 'a')], pending: [] };
    state = arrive(state, [row(1, 'b')], true);
    expect(keys(state.rows)).toEqual(['1:b', '1:a']);
    state = arrive(state, [row(2, 'c', { result: 'denied' }), row(1, 'b')], false);
    state = arrive(state, [row(2, 'd'), row(2, 'c', { result: 'denied' })], false);
    expect(keys(state.rows)).toEqual(['1:b', '1:a']);
    expect(newCount(state, NO_FILTERS)).toBe(2);
    expect(newCount(state, { ...NO_FILTERS, result: 'denied' })).toBe(1);
    state = release(state);
    expect(keys(state.rows)).toEqual(['2:d', '2:c', '1:b', '1:a']);
    expect(newCount(state, NO_FILTERS)).toBe(0);
  });

  it('draws only the rows in view, whatever the number of rows', () => {
    expect(windowRange(0, 600, 60, 100_000, 5)).toEqual({ start: 0, end: 15, offset: 0, total: 6_000_000 });
    const middle = windowRange(600_000, 600, 60, 100_000, 5);
    expect(middle).toEqual({ start: 9_995, end: 10_015, offset: 599_700, total: 6_000_000 });
    expect(middle.end - middle.start).toBeLessThan(300);
    expect(windowRange(1e9, 600, 60, 100, 5)).toMatchObject({ start: 85, end: 100 });
    expect(windowRange(0, 600, 60, 0)).toEqual({ start: 0, end: 0, offset: 0, total: 0 });
  });
});
