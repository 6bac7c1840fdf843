import { describe, expect, it, vi } from 'vitest';
import type { Alarm } from '../../../shared/contract/alarms.ts';
import type { Reply } from '../../../shared/contract/wire.ts';
import { ApiClient } from '../../../renderer/src/api/client.ts';
import { createAlarmsStore, type MuteMemory } from '../../../renderer/src/stores/alarms.ts';
import { ScriptedCore } from './support/scripted-core.ts';

function alarm(id: number, change: Partial<Alarm> = {}): Alarm {
  return {
    id, siteId: 1, backendId: 1, backendName: 'K30 gate', alarmClass: 'duress', reason: { en: 'Duress opening', 'zh-CN': '胁迫开门' }, eventId: `k30:${id}`,
    doorId: 'D1', doorName: null, personPin: null, personName: null, occurredAt: '2026-12-07T10:00:00.000Z', raisedAt: '2026-12-07T10:00:01.000Z', repeats: 0, lastOccurredAt: null, ack: null, ...change,
  };
}

function memory(initial = false): MuteMemory & { value: boolean } {
  const m = { value: initial, read: () => m.value, write: (muted: boolean) => void (m.value = muted) };
  return m;
}

describe('the alarms store (header count and banner, issue 15 item 3)', () => {
  it('takes a repeat of an open alarm in place, without a sound', async () => {
    const core = new ScriptedCore().answer('alarms.list', { alarms: [alarm(1, { alarmClass: 'stranger' }), alarm(2)] }).answer('alarms.count', { open: 2 });
    const store = createAlarmsStore(new ApiClient(core), memory());
    const stop = store.getState().watch();
    await store.getState().load(1);
    core.emit('alarms.repeated', { alarm: alarm(1, { alarmClass: 'stranger', repeats: 3, lastOccurredAt: '2026-12-07T10:05:00.000Z' }), open: 2 });
    expect(store.getState().open.map((a) => [a.id, a.repeats])).toEqual([[1, 3], [2, 0]]);
    expect(store.getState()).toMatchObject({ count: 2, raisedSerial: 0 });
    stop();
  });

  it('loads the open alarms and follows alarms.raised / alarms.acked for the current site only', async () => {
    const core = new ScriptedCore().answer('alarms.list', { alarms: [alarm(1)] }).answer('alarms.count', { open: 1 });
    const store = createAlarmsStore(new ApiClient(core), memory());
    const stop = store.getState().watch();
    await store.getState().load(1);
    expect(store.getState()).toMatchObject({ count: 1, raisedSerial: 0 });

    core.emit('alarms.raised', { alarm: alarm(2, { alarmClass: 'stranger' }), open: 2 });
    core.emit('alarms.raised', { alarm: alarm(3, { siteId: 2 }), open: 1 });
    expect(store.getState().open.map((a) => a.id)).toEqual([2, 1]);
    expect(store.getState()).toMatchObject({ count: 2, raisedSerial: 1 });

    core.emit('alarms.acked', { alarm: alarm(1, { ack: { at: '2026-12-07T10:02:00.000Z', by: 'Wang Wei', station: 'gate-pc', note: '' } }), open: 1 });
    expect(store.getState().open.map((a) => a.id)).toEqual([2]);
    expect(store.getState().count).toBe(1);
    stop();
    expect(core.listenerCount('alarms.raised')).toBe(0);
  });

  it('keeps an alarm raised while the list was read', async () => {
    const core = new ScriptedCore().answer('alarms.count', { open: 2 });
    let answer: (reply: Reply) => void = () => undefined;
    core.on('alarms.list', () => new Promise<Reply>((resolve) => (answer = resolve)));
    const store = createAlarmsStore(new ApiClient(core), memory());
    store.getState().watch();
    const loading = store.getState().load(1);
    core.emit('alarms.raised', { alarm: alarm(5), open: 2 });
    answer({ ok: true, output: { alarms: [alarm(4)] } });
    await loading;
    expect(store.getState().open.map((a) => a.id)).toEqual([5, 4]);
  });

  it('acknowledges with the note; one acknowledged elsewhere meanwhile reloads the list and says so', async () => {
    const core = new ScriptedCore().answer('alarms.list', { alarms: [alarm(1)] }).answer('alarms.count', { open: 1 });
    core.on('alarms.ack', () => ({ ok: false, error: { code: 'alarm_already_acknowledged', message: 'x', details: { id: 1, by: 'Li', at: '2026-12-07T10:03:00.000Z' } } }));
    const store = createAlarmsStore(new ApiClient(core), memory());
    await store.getState().load(1);
    expect(await store.getState().ack(1, '  checked  ')).toBe(false);
    expect(store.getState().error).toMatchObject({ code: 'alarm_already_acknowledged' });
    expect(core.callsOf('alarms.ack')).toEqual([{ id: 1, note: 'checked' }]);
    await vi.waitFor(() => expect(core.callsOf('alarms.list')).toHaveLength(2));
  });

  it('remembers the mute', () => {
    const remembered = memory(true);
    const store = createAlarmsStore(new ApiClient(new ScriptedCore()), remembered);
    expect(store.getState().muted).toBe(true);
    store.getState().setMuted(false);
    expect(remembered.value).toBe(false);
  });
});
