import { describe, expect, it } from 'vitest';
import type { DoorAction, PanelDoor } from '../../../shared/contract/doors.ts';
import { ApiClient } from '../../../renderer/src/api/client.ts';
import { createDoorsStore } from '../../../renderer/src/stores/doors.ts';
import { ScriptedCore } from './support/scripted-core.ts';

const door: PanelDoor = { backendId: 1, backendName: 'K30 gate', doorId: 'D1', name: '大门入口', state: 'closed', stateText: null, actions: ['open', 'normally-open', 'normally-closed'] };

function action(id: number, change: Partial<DoorAction> = {}): DoorAction {
  return {
    id, siteId: 1, backendId: 1, doorId: 'D1', doorName: '大门入口', action: 'open', seconds: 5, station: 'gate-pc', guard: 'Wang Wei',
    startedAt: '2026-12-07T10:00:00.000Z', finishedAt: null, result: 'started', errorCode: null, errorMessage: null, ...change,
  };
}

describe('the doors store (doors panel, issue 15 item 2)', () => {
  it('loads the doors and the log, follows doors.state and doors.action for its site only, and keeps each action’s result', async () => {
    const core = new ScriptedCore().answer('doors.list', { doors: [door] }).answer('doors.actions', { actions: [] }).answer('doors.open', action(1, { result: 'ok' }));
    core.on('doors.setMode', () => ({ ok: false, error: { code: 'door_action_unsupported', message: 'K30 cannot', details: { action: 'normal', backendId: 1 } } }));
    const store = createDoorsStore(new ApiClient(core));
    const stop = store.getState().watch();
    await store.getState().load(1);
    expect(store.getState().doors).toEqual([door]);

    core.emit('doors.state', { siteId: 1, door: { ...door, state: 'offline' } });
    core.emit('doors.state', { siteId: 2, door: { ...door, state: 'alarm' } });
    expect(store.getState().doors[0]?.state).toBe('offline');

    await store.getState().act(door, 'open', 7);
    expect(core.callsOf('doors.open')).toEqual([{ backendId: 1, doorId: 'D1', seconds: 7 }]);
    expect(store.getState().outcomes['1/D1']).toMatchObject({ action: 'open', ok: true });
    core.emit('doors.action', { siteId: 1, action: action(1) });
    core.emit('doors.action', { siteId: 1, action: action(1, { result: 'ok' }) });
    core.emit('doors.action', { siteId: 2, action: action(9) });
    expect(store.getState().log.map((a) => [a.id, a.result])).toEqual([[1, 'ok']]);

    await store.getState().act(door, 'normal', 0);
    expect(core.callsOf('doors.setMode')).toEqual([{ backendId: 1, doorId: 'D1', mode: 'normal' }]);
    expect(store.getState().outcomes['1/D1']).toMatchObject({ action: 'normal', ok: false, error: { code: 'door_action_unsupported' } });
    stop();
    expect(core.listenerCount('doors.state')).toBe(0);
  });
});
