import { describe, expect, it } from 'vitest';
import type { AccessEvent } from '../../../shared/contract/backends.ts';
import type { DoorAction } from '../../../shared/contract/doors.ts';
import { ApiClient } from '../../../renderer/src/api/client.ts';
import { upsertAction, withDoorActions } from '../../../renderer/src/stores/live-door-actions.ts';
import { toRow } from '../../../renderer/src/stores/live-feed.ts';
import { createLiveStore } from '../../../renderer/src/stores/live.ts';
import { ScriptedCore } from './support/scripted-core.ts';

function event(id: string, at: string, change: Partial<AccessEvent> = {}): AccessEvent {
  return {
    eventId: id, occurredAt: at, kind: 'remote-open', doorId: 'D1', doorName: 'Front door', deviceSerial: null, readerName: null,
    personPin: null, personName: null, verifyMode: null, description: 'Remote Opening', photoUrl: null, ...change,
  };
}
function action(id: number, startedAt: string, change: Partial<DoorAction> = {}): DoorAction {
  return {
    id, siteId: 1, backendId: 1, doorId: 'D1', doorName: 'Front door', action: 'open', seconds: 5, station: 'GATE-PC', guard: 'Wang',
    startedAt, finishedAt: startedAt, result: 'ok', errorCode: null, errorMessage: null, ...change,
  };
}
const names = { 1: 'K30 gate' };
// The vendor writes site-local time (Asia/Shanghai, UTC+8); the actions are ISO instants.
const row = (e: AccessEvent) => toRow(1, 'K30 gate', e.occurredAt, e, 'Asia/Shanghai');

describe('door actions in the live feed (issue 15 item 2)', () => {
  it('marks the event an action caused and puts an action without its event on a row of its own, in time order', () => {
    const rows = [row(event('k30:3', '2026-12-07 10:05:00', { kind: 'pass', personPin: '1001' })), row(event('k30:2', '2026-12-07 10:00:01')), row(event('k30:1', '2026-12-07 09:00:00', { kind: 'pass' }))];
    const opened = action(7, '2026-12-07T02:00:00.000Z');
    const waiting = action(8, '2026-12-07T02:03:00.000Z', { guard: null, result: 'started', finishedAt: null });
    const feed = withDoorActions(rows, [waiting, opened], names, true);
    expect(feed.map((r) => r.key)).toEqual(['1:k30:3', '1:door-action:8', '1:k30:2', '1:k30:1']);
    expect(feed[2]?.cause?.id).toBe(7);
    expect(feed[1]?.doorAction?.id).toBe(8);
    expect(feed[0]?.cause).toBeUndefined();
    // Another site's backend's actions are not shown; nothing to show leaves the rows as they are.
    expect(withDoorActions(rows, [action(9, '2026-12-07T02:00:00.000Z', { backendId: 5 })], names, true)).toBe(rows);
  });

  it('leaves out own rows older than the oldest event while older events remain to be read', () => {
    const rows = [row(event('k30:2', '2026-12-07 10:00:01', { kind: 'pass' }))];
    const old = action(1, '2026-12-06T02:00:00.000Z', { result: 'failed', errorCode: 'unreachable', errorMessage: 'no answer' });
    expect(withDoorActions(rows, [old], names, false).map((r) => r.key)).toEqual(['1:k30:2']);
    expect(withDoorActions(rows, [old], names, true).map((r) => r.key)).toEqual(['1:k30:2', '1:door-action:1']);
  });

  it('keeps one entry per action, newest first, as doors.action reports its start and result', () => {
    const started = action(1, '2026-12-07T02:00:00.000Z', { result: 'started', finishedAt: null });
    let actions = upsertAction([], started);
    actions = upsertAction(actions, action(2, '2026-12-07T02:01:00.000Z'));
    actions = upsertAction(actions, { ...started, result: 'ok', finishedAt: '2026-12-07T02:00:01.000Z' });
    expect(actions.map((a) => [a.id, a.result])).toEqual([[2, 'ok'], [1, 'ok']]);
  });

  it('the live store reads the site’s door actions and follows doors.action for its site only', async () => {
    const backend = { id: 1, siteId: 1, vendor: 'k30', name: 'K30 gate', baseUrl: 'http://x', tls: 'verify', credentialFields: [], createdAt: '2026-12-07T00:00:00Z', updatedAt: '2026-12-07T00:00:00Z', lastTest: null, inventoryAt: null };
    const core = new ScriptedCore()
      .answer('backends.list', { backends: [backend] })
      .answer('history.search', { events: [], next: null, timeZone: 'Asia/Shanghai' })
      .answer('doors.actions', { actions: [action(1, '2026-12-07T01:00:00.000Z')] });
    const store = createLiveStore(new ApiClient(core), { max: 100, timeZone: () => 'Asia/Shanghai' });
    const stop = store.getState().watch();
    await store.getState().load(1);
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().actions.map((a) => a.id)).toEqual([1]);
    core.emit('doors.action', { siteId: 1, action: action(2, '2026-12-07T02:00:00.000Z', { result: 'started', finishedAt: null }) });
    core.emit('doors.action', { siteId: 2, action: action(3, '2026-12-07T02:00:00.000Z', { siteId: 2 }) });
    core.emit('doors.action', { siteId: 1, action: action(2, '2026-12-07T02:00:00.000Z') });
    expect(store.getState().actions.map((a) => [a.id, a.result])).toEqual([[2, 'ok'], [1, 'ok']]);
    stop();
  });
});
