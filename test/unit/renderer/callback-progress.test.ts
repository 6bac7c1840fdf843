import { describe, expect, it } from 'vitest';
import { callbackProgress, type ReceiverStatus } from '../../../renderer/src/pages/backends/wizards/receiver-watch.ts';

const running: ReceiverStatus = {
  running: true,
  url: 'http://192.0.2.10:18091/push/abc',
  registration: 'manual',
  stats: { received: 0, events: 0, stored: 0, duplicates: 0, rejected: 0, deviceResults: 0 },
  lastReceivedAt: null,
  stored: 0,
};

describe('the callback step’s check (issue 14 item 6)', () => {
  it('is stopped before the status is read and while no receiver runs', () => {
    expect(callbackProgress(null)).toEqual({ kind: 'stopped' });
    expect(callbackProgress({ ...running, running: false, url: null, stats: null })).toEqual({ kind: 'stopped' });
  });

  it('waits for the first callback while the receiver runs, and reports when one came', () => {
    expect(callbackProgress(running)).toEqual({ kind: 'waiting', url: running.url });
    expect(callbackProgress({ ...running, lastReceivedAt: '2026-12-07T19:14:16.000Z' })).toEqual({ kind: 'received', url: running.url, at: '2026-12-07T19:14:16.000Z' });
  });
});
