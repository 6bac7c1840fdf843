import { describe, expect, it } from 'vitest';
import type { OutboxEntry, PersonSync } from '../../../shared/contract/people.ts';
import { syncStateOf } from '../../../electron/people/sync-states.ts';
import type { DeviceResult } from '../../../shared/contract/device-results.ts';
import { devicesNotTaking, overallSyncState } from '../../../renderer/src/pages/people/people-logic.ts';

function sync(backendId: number, state: PersonSync['state']): PersonSync {
  return { personId: 1, backendId, state, reason: null, nextTryAt: null, cancelledBy: null };
}

describe('a person’s sync state (issue 12 item 14)', () => {
  it('reads each outbox state as Synced / Waiting / Failed / Cancelled', () => {
    const states: Record<OutboxEntry['state'], PersonSync['state']> = { done: 'synced', pending: 'waiting', sending: 'waiting', failed: 'failed', cancelled: 'cancelled' };
    for (const [state, expected] of Object.entries(states)) expect(syncStateOf({ state } as OutboxEntry)).toBe(expected);
  });

  it('lets the worst backend speak for the row: failed, then waiting, then cancelled, then synced', () => {
    expect(overallSyncState([])).toBeNull();
    expect(overallSyncState([sync(1, 'synced'), sync(2, 'synced')])).toBe('synced');
    expect(overallSyncState([sync(1, 'synced'), sync(2, 'cancelled')])).toBe('cancelled');
    expect(overallSyncState([sync(1, 'cancelled'), sync(2, 'waiting')])).toBe('waiting');
    expect(overallSyncState([sync(1, 'waiting'), sync(2, 'failed'), sync(3, 'synced')])).toBe('failed');
  });

  it('names the devices that did not take a person on a backend where they are synced (issue 14)', () => {
    const result = (backendId: number, deviceNo: string, ok: boolean, pin: string | null = 'P1'): DeviceResult => ({ backendId, pin, personNo: '900', deviceNo, ok, message: ok ? '上报成功' : '上报失败', receivedAt: '2026-12-07T10:00:00.000Z' });
    const results = [result(1, 'A', true), result(1, 'B', false), result(2, 'C', false), result(1, 'D', false, 'P2'), result(1, 'E', false, null)];
    expect(devicesNotTaking(results, 'P1', [sync(1, 'synced'), sync(2, 'waiting')]).map((r) => r.deviceNo)).toEqual(['B']);
    expect(devicesNotTaking(results, 'P1', [])).toEqual([]);
  });
});
