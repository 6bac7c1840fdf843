import { describe, expect, it } from 'vitest';
import type { AccessEvent } from '../../../shared/contract/backends.ts';
import { SeenCursor } from '../../../electron/drivers/event-cursor.ts';

const event = (eventId: string, occurredAt: string): AccessEvent => ({
  eventId,
  occurredAt,
  kind: 'pass',
  doorId: null,
  doorName: null,
  deviceSerial: null,
  readerName: null,
  personPin: null,
  personName: null,
  verifyMode: null,
  description: 'pass',
  photoUrl: null,
});

async function* list(events: readonly AccessEvent[]): AsyncGenerator<AccessEvent> {
  yield* events;
}

const byText = new SeenCursor<string>({ key: 'time', at: (t) => t.toISOString(), is: (v): v is string => typeof v === 'string', of: (e) => e.occurredAt });
const byMs = new SeenCursor<number>({ key: 'ms', at: (t) => t.getTime(), is: (v): v is number => typeof v === 'number', of: (e) => Date.parse(e.occurredAt) });

describe('the "time + seen ids" event cursor', () => {
  it('starts at a time, in the vendor’s form under the vendor’s key', () => {
    expect(JSON.parse(byText.at(new Date('2026-01-02T03:04:05Z')))).toEqual({ time: '2026-01-02T03:04:05.000Z', seen: [] });
    expect(JSON.parse(byMs.at(new Date(5000)))).toEqual({ ms: 5000, seen: [] });
  });

  it('returns events oldest first, once, and carries the ids seen at the last time', async () => {
    const a = event('a', '2026-01-01T00:00:02Z');
    const b = event('b', '2026-01-01T00:00:01Z');
    const c = event('c', '2026-01-01T00:00:02Z');
    const first = await byText.page(byText.at(new Date('2026-01-01T00:00:00Z')), () => list([a, b, c, a]));
    expect(first.events.map((e) => e.eventId)).toEqual(['b', 'a', 'c']);
    expect(JSON.parse(first.cursor ?? '')).toEqual({ time: '2026-01-01T00:00:02Z', seen: ['a', 'c'] });
    // The inclusive start returns a and c again; only d is new, and the seen ids at that time carry on.
    const d = event('d', '2026-01-01T00:00:02Z');
    const second = await byText.page(first.cursor, () => list([a, c, d]));
    expect(second.events.map((e) => e.eventId)).toEqual(['d']);
    expect(JSON.parse(second.cursor ?? '')).toEqual({ time: '2026-01-01T00:00:02Z', seen: ['a', 'c', 'd'] });
    // Nothing new: the same cursor.
    expect(await byText.page(second.cursor, () => list([a, c, d]))).toEqual({ events: [], cursor: second.cursor });
  });

  it('drops events before the cursor, keeps ones whose time cannot be read, and starts a damaged cursor a day back', async () => {
    const from = byMs.at(new Date('2026-01-01T00:00:10Z'));
    const page = await byMs.page(from, () => list([event('old', '2026-01-01T00:00:09Z'), event('odd', 'not a time'), event('new', '2026-01-01T00:00:11Z')]));
    expect(page.events.map((e) => e.eventId).sort()).toEqual(['new', 'odd']);
    const before = Date.now();
    const { from: start, seen } = byMs.decode('{not json');
    expect(seen).toEqual([]);
    expect(before - start).toBeGreaterThanOrEqual(24 * 3600_000 - 1000);
  });
});
