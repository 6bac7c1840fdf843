import { describe, expect, it } from 'vitest';
import { AcknowledgedSignins } from '../../../../electron/bridge/acknowledged-signins.ts';

describe('AcknowledgedSignins', () => {
  it('counts per device and keeps the last one with the Doorman name where known', () => {
    const names = new Map([['1:W-1', '王建国']]);
    const tally = new AcknowledgedSignins((deviceId, personId) => names.get(`${deviceId}:${personId}`) ?? null);
    expect(tally.of(1)).toEqual({ count: 0, last: null });
    tally.note({ deviceId: 1, personId: 'W-1', recordTime: 1000 }, 2000);
    tally.note({ deviceId: 1, personId: 'W-2', recordTime: 3000 }, 4000);
    tally.note({ deviceId: 2, personId: 'W-1', recordTime: 5000 }, 6000);
    expect(tally.of(1)).toEqual({ count: 2, last: { personId: 'W-2', personName: null, recordTime: 3000, acknowledgedAt: 4000 } });
    expect(tally.of(2)).toEqual({ count: 1, last: { personId: 'W-1', personName: null, recordTime: 5000, acknowledgedAt: 6000 } });
    tally.note({ deviceId: 1, personId: 'W-1', recordTime: 7000 }, 8000);
    expect(tally.of(1)).toEqual({ count: 3, last: { personId: 'W-1', personName: '王建国', recordTime: 7000, acknowledgedAt: 8000 } });
  });

  it('still counts when the name cannot be read', () => {
    const tally = new AcknowledgedSignins(() => {
      throw new Error('database closed');
    });
    tally.note({ deviceId: 1, personId: 'W-1', recordTime: 1000 }, 2000);
    expect(tally.of(1)).toEqual({ count: 1, last: { personId: 'W-1', personName: null, recordTime: 1000, acknowledgedAt: 2000 } });
  });
});
