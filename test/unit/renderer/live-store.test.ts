import { describe, expect, it } from 'vitest';
import type { AccessEvent } from '../../../shared/contract/backends.ts';
import type { StreamState } from '../../../shared/contract/events.ts';
import { ApiClient } from '../../../renderer/src/api/client.ts';
import { manualTimer } from './support/manual-timer.ts';
import { createLiveStore, LIVE_FLUSH_MS } from '../../../renderer/src/stores/live.ts';
import { createStreamHealthStore } from '../../../renderer/src/stores/stream-health.ts';
import { ScriptedCore } from './support/scripted-core.ts';

function event(id: string, change: Partial<AccessEvent> = {}): AccessEvent {
  return {
    eventId: id, occurredAt: '2026-12-07T02:00:00Z', kind: 'pass', doorId: 'D1', doorName: 'Front door', deviceSerial: null, readerName: null,
    personPin: '1001', personName: 'Wang Wei', verifyMode: 'face', description: 'Pass', photoUrl: null, ...change,
  };
}
const backend = (id: number, name: string) => ({ id, siteId: 1, vendor: 'k30', name, baseUrl: 'http://x', tls: 'verify', credentialFields: [], createdAt: '2026-12-07T00:00:00Z', updatedAt: '2026-12-07T00:00:00Z', lastTest: null, inventoryAt: null });
const state = (backendId: number, s: StreamState['state'], siteId = 1): StreamState => ({ backendId, siteId, state: s, reason: null, since: '2026-12-07T02:00:00.000Z', channel: 'poll', lastOkAt: null, retryAt: null });

describe('the live store (issue 15 item 2)', () => {
  it('starts from the newest history page, then follows events.received of the site’s backends, once each', async () => {
    const core = new ScriptedCore()
      .answer('backends.list', { backends: [backend(1, 'K30 gate'), backend(2, 'Tower')] })
      .answer('history.search', { events: [{ backendId: 2, backendName: 'Tower', at: '2026-12-07T01:00:00.000Z', event: event('old') }], next: 'cursor', timeZone: 'Asia/Shanghai' });
    const timer = manualTimer();
    const store = createLiveStore(new ApiClient(core), { max: 3, timer });
    const stop = store.getState().watch();
    await store.getState().load(1);
    expect(store.getState().rows.map((r) => r.key)).toEqual(['2:old']);

    core.emit('events.received', { backendId: 1, events: [event('a'), event('b')] });
    core.emit('events.received', { backendId: 1, events: [event('b')] });
    core.emit('events.received', { backendId: 9, events: [event('z')] });
    timer.advance(LIVE_FLUSH_MS);
    expect(store.getState().rows.map((r) => r.key)).toEqual(['1:b', '1:a', '2:old']);
    expect(store.getState().rows[0]?.backendName).toBe('K30 gate');

    // Paused: held and counted, not shown; bounded to 3 rows when shown.
    store.getState().setPaused(true);
    core.emit('events.received', { backendId: 2, events: [event('c')] });
    timer.advance(LIVE_FLUSH_MS);
    expect(store.getState().pending.map((r) => r.key)).toEqual(['2:c']);
    store.getState().showNew();
    expect(store.getState().rows.map((r) => r.key)).toEqual(['2:c', '1:b', '1:a']);
    expect(store.getState().paused).toBe(false);
    stop();
    expect(core.listenerCount('events.received')).toBe(0);
  });
});

describe('the live store under a flood (issue 15 bench: 200 events/s)', () => {
  it('updates the list at most once per LIVE_FLUSH_MS in a flood, events one by one at once, none lost or reordered', async () => {
    const core = new ScriptedCore().answer('backends.list', { backends: [backend(1, 'K30 gate')] }).answer('history.search', { events: [], next: null, timeZone: 'Asia/Shanghai' });
    const timer = manualTimer();
    const store = createLiveStore(new ApiClient(core), { max: 5_000, timer });
    const stop = store.getState().watch();
    await store.getState().load(1);
    let updates = 0;
    const unsubscribe = store.subscribe((now, before) => {
      if (now.rows !== before.rows) updates++;
    });

    // Events one by one (a few a second, and even 20 ms apart): each shown on the next task.
    core.emit('events.received', { backendId: 1, events: [event('e0')] });
    timer.advance(0);
    expect(updates).toBe(1);
    expect(store.getState().rows.map((r) => r.key)).toEqual(['1:e0']);
    core.emit('events.received', { backendId: 1, events: [event('q1')] });
    timer.advance(20);
    core.emit('events.received', { backendId: 1, events: [event('q2')] });
    timer.advance(0);
    expect(updates).toBe(3);
    expect(store.getState().rows[0]?.key).toBe('1:q2');
    timer.advance(1_000);
    updates = 0;

    // 200 events in one second, one message each (as the receivers announce them).
    for (let i = 1; i <= 200; i++) {
      core.emit('events.received', { backendId: 1, events: [event(`e${i}`)] });
      timer.advance(5);
    }
    timer.advance(LIVE_FLUSH_MS);
    // Until the flood is seen (10 arrivals within LIVE_FLUSH_MS) one update each; then one per LIVE_FLUSH_MS.
    expect(updates).toBeLessThanOrEqual(10 + 1000 / LIVE_FLUSH_MS + 1);
    expect(store.getState().rows.map((r) => r.key)).toEqual([...Array.from({ length: 200 }, (_, i) => `1:e${200 - i}`), '1:q2', '1:q1', '1:e0']);

    // Stopping (the page closes) delivers what waits.
    core.emit('events.received', { backendId: 1, events: [event('last')] });
    stop();
    unsubscribe();
    expect(store.getState().rows[0]?.key).toBe('1:last');
  });
});

describe('the stream health store (header, issue 15 item 2)', () => {
  it('reads events.streams with the backends’ names, then follows events.streamState of the site', async () => {
    const core = new ScriptedCore().answer('backends.list', { backends: [backend(1, 'K30 gate'), backend(2, 'Tower')] }).answer('events.streams', { streams: [state(1, 'connected'), state(2, 'polling')] });
    const store = createStreamHealthStore(new ApiClient(core));
    const stop = store.getState().watch();
    await store.getState().load(1);
    expect(store.getState().streams.map((s) => `${s.backendName}:${s.state}`)).toEqual(['K30 gate:connected', 'Tower:polling']);
    core.emit('events.streamState', state(2, 'offline'));
    core.emit('events.streamState', state(5, 'offline', 2));
    expect(store.getState().streams.map((s) => `${s.backendName}:${s.state}`)).toEqual(['K30 gate:connected', 'Tower:offline']);
    stop();
  });
});
