import { describe, expect, it } from 'vitest';
import type { AccessEvent } from '../../../shared/contract/backends.ts';
import { ApiClient } from '../../../renderer/src/api/client.ts';
import { adoptRow } from '../../../renderer/src/stores/live-adopt.ts';
import { toRow } from '../../../renderer/src/stores/live-feed.ts';
import { createLiveStore, LIVE_FLUSH_MS } from '../../../renderer/src/stores/live.ts';
import { manualTimer } from './support/manual-timer.ts';
import { ScriptedCore } from './support/scripted-core.ts';

function event(id: string, change: Partial<AccessEvent> = {}): AccessEvent {
  return {
    eventId: id, occurredAt: '2026-12-07 10:00:00', kind: 'pass', doorId: null, doorName: 'Front door', deviceSerial: 'SN1', readerName: 'Front door-in',
    personPin: '1001', personName: 'Wang Wei', verifyMode: null, description: 'Normal Verify Open', photoUrl: null, ...change,
  };
}
const backend = { id: 1, siteId: 1, vendor: 'zkbio', name: 'ZKBio', baseUrl: 'http://x', tls: 'verify', credentialFields: [], createdAt: '2026-12-07T00:00:00Z', updatedAt: '2026-12-07T00:00:00Z', lastTest: null, inventoryAt: null };
const monitored = event('zk:mon:abc');
const listed = event('zk:42', { doorId: '7', verifyMode: 'Fingerprint' });

describe('the live store when the list adopts a monitored pass (issue 15 item 2)', () => {
  it('re-keys the monitored row to the list’s id with the list’s data, where it stands', async () => {
    const core = new ScriptedCore()
      .answer('backends.list', { backends: [backend] })
      .answer('history.search', { events: [{ backendId: 1, backendName: 'ZKBio', at: '2026-12-07 09:00:00', event: event('zk:41', { occurredAt: '2026-12-07 09:00:00' }) }], next: null, timeZone: 'Asia/Shanghai' });
    const timer = manualTimer();
    const store = createLiveStore(new ApiClient(core), { max: 100, timer, timeZone: () => 'Asia/Shanghai' });
    const stop = store.getState().watch();
    await store.getState().load(1);
    core.emit('events.received', { backendId: 1, events: [monitored] });
    timer.advance(LIVE_FLUSH_MS);
    expect(store.getState().rows.map((r) => r.key)).toEqual(['1:zk:mon:abc', '1:zk:41']);

    core.emit('events.adopted', { backendId: 1, from: monitored.eventId, to: listed.eventId, event: listed });
    expect(store.getState().rows.map((r) => r.key)).toEqual(['1:zk:42', '1:zk:41']);
    expect(store.getState().rows[0]?.event.verifyMode).toBe('Fingerprint');
    // The list's id announced again later (another read) adds nothing.
    core.emit('events.received', { backendId: 1, events: [listed] });
    timer.advance(LIVE_FLUSH_MS);
    expect(store.getState().rows.map((r) => r.key)).toEqual(['1:zk:42', '1:zk:41']);
    stop();
  });

  it('re-keys a monitored row that still waits in the flood batch: the batch is delivered first', async () => {
    const core = new ScriptedCore().answer('backends.list', { backends: [backend] }).answer('history.search', { events: [], next: null, timeZone: 'Asia/Shanghai' });
    const timer = manualTimer();
    const store = createLiveStore(new ApiClient(core), { max: 100, timer, timeZone: () => 'Asia/Shanghai' });
    const stop = store.getState().watch();
    await store.getState().load(1);
    core.emit('events.received', { backendId: 1, events: [monitored] });
    core.emit('events.adopted', { backendId: 1, from: monitored.eventId, to: listed.eventId, event: listed });
    expect(store.getState().rows.map((r) => r.key)).toEqual(['1:zk:42']);
    timer.advance(LIVE_FLUSH_MS);
    expect(store.getState().rows.map((r) => r.key)).toEqual(['1:zk:42']);
    stop();
  });

  it('drops the monitored row when the list’s id is already shown (a history page), and re-keys a waiting one', () => {
    const zone = 'Asia/Shanghai';
    const both = { rows: [toRow(1, 'ZKBio', listed.occurredAt, listed, zone), toRow(1, 'ZKBio', monitored.occurredAt, monitored, zone)], pending: [] };
    expect(adoptRow(both, 1, monitored.eventId, listed).rows.map((r) => r.key)).toEqual(['1:zk:42']);

    const waiting = { rows: [], pending: [toRow(1, 'ZKBio', monitored.occurredAt, monitored, zone)] };
    expect(adoptRow(waiting, 1, monitored.eventId, listed).pending.map((r) => r.key)).toEqual(['1:zk:42']);

    // Another backend's id, or a row not shown: nothing changes.
    expect(adoptRow(both, 2, monitored.eventId, listed)).toBe(both);
    const none = { rows: [], pending: [] };
    expect(adoptRow(none, 1, monitored.eventId, listed)).toBe(none);
  });
});
