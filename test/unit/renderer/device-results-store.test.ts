import { describe, expect, it } from 'vitest';
import type { DeviceResult } from '../../../shared/contract/device-results.ts';
import type { Reply } from '../../../shared/contract/wire.ts';
import { ApiClient } from '../../../renderer/src/api/client.ts';
import { createDeviceResultsStore } from '../../../renderer/src/stores/device-results.ts';
import { ScriptedCore } from './support/scripted-core.ts';

function result(deviceNo: string, change: Partial<DeviceResult> = {}): DeviceResult {
  return { backendId: 1, pin: 'P1', personNo: '900', deviceNo, ok: true, message: '上报成功', receivedAt: '2026-12-07T10:00:00.000Z', ...change };
}

describe('the device results store (Sync page, issue 14)', () => {
  it('lists the site’s results and follows outbox.deviceResult for that site only', async () => {
    const core = new ScriptedCore().answer('outbox.deviceResults', { results: [result('A')] });
    const store = createDeviceResultsStore(new ApiClient(core));
    const stop = store.getState().watch();
    await store.getState().load(1);
    expect(store.getState().results).toEqual([result('A')]);

    const failed = result('A', { ok: false, message: '上报失败', receivedAt: '2026-12-07T10:01:00.000Z' });
    core.emit('outbox.deviceResult', { siteId: 1, ...failed });
    core.emit('outbox.deviceResult', { siteId: 2, ...result('B') });
    expect(store.getState().results).toEqual([failed]);
    stop();
    expect(core.listenerCount('outbox.deviceResult')).toBe(0);
  });

  it('keeps a result that arrived while the list was read, when it is newer than the listed one', async () => {
    const core = new ScriptedCore();
    let answer: (reply: Reply) => void = () => undefined;
    core.on('outbox.deviceResults', () => new Promise<Reply>((resolve) => (answer = resolve)));
    const store = createDeviceResultsStore(new ApiClient(core));
    store.getState().watch();
    const loading = store.getState().load(1);
    const newer = result('A', { ok: false, message: '上报失败', receivedAt: '2026-12-07T10:05:00.000Z' });
    core.emit('outbox.deviceResult', { siteId: 1, ...newer });
    answer({ ok: true, output: { results: [result('A'), result('B')] } });
    await loading;
    expect(store.getState().results).toEqual([result('B'), newer]);
  });

  it('says when the list could not be read', async () => {
    const core = new ScriptedCore().on('outbox.deviceResults', () => ({ ok: false, error: { code: 'internal', message: 'disk full' } }));
    const store = createDeviceResultsStore(new ApiClient(core));
    await store.getState().load(1);
    expect(store.getState().error).toMatchObject({ code: 'internal' });
  });
});
