import { describe, expect, it } from 'vitest';
import type { DeviceResult } from '../../../shared/contract/device-results.ts';
import type { OutboxEntry } from '../../../shared/contract/people.ts';
import { deviceResultRows } from '../../../renderer/src/stores/device-result-rows.ts';
import { putResult } from '../../../renderer/src/stores/device-results.ts';

function entry(id: number, change: Partial<OutboxEntry> = {}): OutboxEntry {
  return {
    id,
    siteId: 1,
    backendId: 1,
    personId: 1,
    pin: 'P1',
    action: 'upsert',
    state: 'done',
    attempts: 1,
    nextTryAt: null,
    lastError: null,
    lastTryAt: '2026-12-07T10:00:00.000Z',
    cancelledBy: null,
    createdAt: '2026-12-07T09:59:00.000Z',
    updatedAt: '2026-12-07T10:00:01.000Z',
    ...change,
  };
}

function result(deviceNo: string, change: Partial<DeviceResult> = {}): DeviceResult {
  return { backendId: 1, pin: 'P1', personNo: '900', deviceNo, ok: true, message: '上报成功', receivedAt: '2026-12-07T10:00:02.000Z', ...change };
}

const reportsOne = (id: number) => id === 1;

describe('the Sync page’s per-device results (issue 14)', () => {
  it('lists each device of a person sent, by device number', () => {
    const rows = deviceResultRows([entry(1)], [result('B'), result('A', { ok: false, message: '上报失败' })], reportsOne);
    expect(rows).toEqual([
      {
        backendId: 1,
        pin: 'P1',
        waiting: false,
        devices: [
          { result: result('A', { ok: false, message: '上报失败' }), earlier: false },
          { result: result('B'), earlier: false },
        ],
      },
    ]);
  });

  it('waits for the results of a person sent to a backend that reports them, not for one that does not', () => {
    const entries = [entry(1), entry(2, { backendId: 2 })];
    expect(deviceResultRows(entries, [], reportsOne)).toEqual([{ backendId: 1, pin: 'P1', devices: [], waiting: true }]);
  });

  it('does not wait while the write is still queued, sending or failed', () => {
    for (const state of ['pending', 'sending', 'failed', 'cancelled'] as const) expect(deviceResultRows([entry(1, { state })], [], reportsOne)).toEqual([]);
  });

  it('waits again after a new send, keeping the earlier results marked', () => {
    const older = result('A', { receivedAt: '2026-12-07T09:00:00.000Z' });
    const rows = deviceResultRows([entry(1, { lastTryAt: '2026-12-07T08:00:00.000Z' }), entry(2)], [older], reportsOne);
    expect(rows).toEqual([{ backendId: 1, pin: 'P1', waiting: true, devices: [{ result: older, earlier: true }] }]);
  });

  it('leaves out people Doorman never sent, and a person whose latest write is a delete', () => {
    expect(deviceResultRows([], [result('A', { pin: null })], reportsOne)).toEqual([]);
    expect(deviceResultRows([entry(1), entry(2, { action: 'delete' })], [result('A')], reportsOne)).toEqual([]);
  });

  it('orders people by their newest write', () => {
    const rows = deviceResultRows([entry(1), entry(3, { pin: 'P2' })], [result('A'), result('A', { pin: 'P2', personNo: '901' })], reportsOne);
    expect(rows.map((r) => r.pin)).toEqual(['P2', 'P1']);
  });

  it('replaces a person’s result on a device by the newer one', () => {
    const failed = result('A', { ok: false, message: '上报失败', receivedAt: '2026-12-07T10:05:00.000Z' });
    expect(putResult([result('A'), result('B')], failed)).toEqual([result('B'), failed]);
  });
});
