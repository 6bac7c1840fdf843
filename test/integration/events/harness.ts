import type { AccessEvent } from '../../../shared/contract/index.ts';
import type { StreamState } from '../../../shared/contract/events.ts';
import type { Core } from '../../../electron/core/create-core.ts';

/** Short intervals so a pipeline test is quick; backoff capped low. */
export const FAST = { pollMs: 100, gapPollMs: 150, offlineAfterMs: 400, maxBackoffMs: 200, monitor: true };

/** Resolves when `check` holds (checked every 25 ms); fails after 20 s saying what was awaited. */
export async function until(what: string, check: () => boolean): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** What the bus announced: every event id with how many times, and every stream state. */
export function recordBus(core: Core): { announced: Map<string, number>; states: StreamState[]; stop: () => void } {
  const announced = new Map<string, number>();
  const states: StreamState[] = [];
  const stop = core.bus.listen((event, payload) => {
    if (event === 'events.received') {
      const { backendId, events } = payload as { backendId: number; events: AccessEvent[] };
      for (const e of events) announced.set(`${backendId}/${e.eventId}`, (announced.get(`${backendId}/${e.eventId}`) ?? 0) + 1);
    }
    if (event === 'events.streamState') states.push(payload as StreamState);
  });
  return { announced, states, stop };
}

export function storedIds(core: Core, backendId: number): string[] {
  return (core.db.prepare('SELECT event_id FROM events WHERE backend_id = ?').all(backendId) as { event_id: string }[]).map((r) => r.event_id);
}
