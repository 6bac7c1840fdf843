import { describe, expect, it } from 'vitest';
import { DriverError } from '../../../../electron/drivers/driver-error.ts';
import { PollLimiter } from '../../../../electron/drivers/zkbio/poll-limiter.ts';

describe('poll limiter (door state and monitor: every 10 s at most)', () => {
  it('refuses a second poll within the interval unless forced, then allows it', () => {
    let now = 1_000_000;
    const limiter = new PollLimiter(10_000, () => now);
    limiter.check('door.allDoorState?{}', false, 'door.allDoorState');
    now += 9_000;
    let error: unknown;
    try {
      limiter.check('door.allDoorState?{}', false, 'door.allDoorState');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DriverError);
    expect((error as DriverError).code).toBe('too_frequent');
    expect((error as DriverError).details).toEqual({ waitMs: 1_000 });
    expect(() => limiter.check('door.allDoorState?{}', true, 'door.allDoorState')).not.toThrow();
    now += 10_000;
    expect(() => limiter.check('door.allDoorState?{}', false, 'door.allDoorState')).not.toThrow();
  });

  it('limits only the endpoints the document names', () => {
    const spec = (id: string) => ({ id }) as Parameters<typeof PollLimiter.isLimited>[0];
    for (const id of ['door.allDoorState', 'door.doorStateById', 'door.doorStateBySn', 'transaction.monitor', 'hepTransaction.monitor', 'psgTransaction.monitor']) {
      expect(PollLimiter.isLimited(spec(id)), id).toBe(true);
    }
    for (const id of ['door.list.v2', 'transaction.list.v2', 'door.remoteOpenById']) expect(PollLimiter.isLimited(spec(id)), id).toBe(false);
  });
});

describe('clock skew from the HTTP Date header', () => {
  it('is whole seconds, centred on the header’s one-second window', async () => {
    const { clockSkewFromDate } = await import('../../../../electron/drivers/verdict.ts');
    const local = Date.parse('2026-11-22T10:00:00.700Z');
    expect(clockSkewFromDate('Sun, 22 Nov 2026 10:00:00 GMT', local)).toBe(0);
    expect(clockSkewFromDate('Sun, 22 Nov 2026 10:05:00 GMT', local)).toBe(300_000);
    expect(clockSkewFromDate('Sun, 22 Nov 2026 09:59:30 GMT', local)).toBe(-31_000 + 1_000);
    expect(clockSkewFromDate(null, local)).toBeNull();
    expect(clockSkewFromDate('garbage', local)).toBeNull();
  });
});
