import { describe, expect, it } from 'vitest';
import type { AccessEvent } from '../../../shared/contract/backends.ts';
import type { StreamState } from '../../../shared/contract/events.ts';
import { ApiClient } from '../../../renderer/src/api/client.ts';
import { createLiveStore } from '../../../renderer/src/stores/live.ts';
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
    const store = createLiveStore(new ApiClient(core), 3);
    const stop = store.getState().watch();
    await store.getState().load(1);
    expect(store.getState().rows.map((r) => r.key)).toEqual(['2:old']);

    core.emit('events.received', { backendId: 1, events: [event('a'), event('b')] });
    core.emit('events.received', { backendId: 1, events: [event('b')] });
    core.emit('events.received', { backendId: 9, events: [event('z')] });
    expect(store.getState().rows.map((r) => r.key)).toEqual(['1:b', '1:a', '2:old']);
    expect(store.getState().rows[0]?.backendName).toBe('K30 gate');

    // Paused: held and counted, not shown; bounded to 3 rows when shown.
    store.getState().setPaused(true);
    core.emit('events.received', { backendId: 2, events: [event('c')] });
    expect(store.getState().pending.map((r) => r.key)).toEqual(['2:c']);
    store.getState().showNew();
    expect(store.getState().rows.map((r) => r.key)).toEqual(['2:c', '1:b', '1:a']);
    expect(store.getState().paused).toBe(false);
    stop();
    expect(core.listenerCount('events.received')).toBe(0);
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
