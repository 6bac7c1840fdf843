import type { AccessEvent } from '../../shared/contract/backends.ts';
import { arrive, toRow, type FeedState, type LiveRow } from '../../renderer/src/stores/live-feed.ts';
import { elapsedMs, summarize, type BenchResult } from './stats.ts';

const ROWS = 100_000;
const ARRIVALS = 2_000;
const ZONE = 'Asia/Shanghai';

function event(id: string, occurredAt: string): AccessEvent {
  return { eventId: id, occurredAt, kind: 'pass', doorId: 'D1', doorName: 'Gate', deviceSerial: null, readerName: null, personPin: '1', personName: null, verifyMode: null, description: 'Pass', photoUrl: null };
}

/** A Shanghai wall-clock time (as ZKBio and K30 write it) `secondsAgo` before a fixed moment. */
function wall(secondsAgo: number): string {
  const at = new Date(Date.UTC(2026, 11, 7, 2, 0, 0) - secondsAgo * 1000 + 8 * 3600_000);
  return at.toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * The Live feed's event-time order (issue 15 item 2) with 100,000 rows kept: events arriving one at a
 * time, each a late one (placed by binary search somewhere in the list) or a new one on top, following
 * the top and paused. Per arrival: the row made (its time read in the site's zone) and placed. Goal:
 * well under a frame (16 ms) at 100,000 rows; a sort per event would be tens of ms.
 */
export default function run(): BenchResult[] {
  const kept: LiveRow[] = Array.from({ length: ROWS }, (_, i) => toRow(1, 'B1', wall(i * 2), event(`k${i}`, wall(i * 2)), ZONE));
  const results: BenchResult[] = [];
  for (const following of [true, false]) {
    let state: FeedState = { rows: kept, pending: [] };
    const samples: number[] = [];
    for (let i = 0; i < ARRIVALS; i++) {
      // Every other arrival is late: somewhere in the list (an odd second, so it is new).
      const ago = i % 2 === 0 ? -1 - i : ((i * 7919) % ROWS) * 2 + 1;
      const start = process.hrtime.bigint();
      const row = toRow(2, 'B2', wall(ago), event(`a${i}`, wall(ago)), ZONE);
      state = arrive(state, [row], following, ROWS);
      samples.push(elapsedMs(start));
    }
    results.push({ name: `live.order.arrive.${following ? 'following' : 'paused'}`, rows: ROWS, arrivals: ARRIVALS, ...summarize(samples), keptRows: state.rows.length, pending: state.pending.length });
  }
  return results;
}
