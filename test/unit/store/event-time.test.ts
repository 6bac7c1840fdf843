import { describe, expect, it } from 'vitest';
import { eventTimeProblem } from '../../../electron/store/event-time.ts';

const now = new Date('2026-12-07T02:00:00Z');

describe('event time rule', () => {
  it('accepts the vendors’ time forms with a year from 1970 to next year', () => {
    for (const text of [
      '2021-05-24T14:13:10.298+08:00',
      '2021-05-24T06:13:10Z',
      '2021-05-24T14:13+0800',
      '2026-03-01 08:15:02',
      '2026-03-01 08:15',
      '2024-02-29 23:59:59.123456',
      '1970-01-01T00:00:00.000Z',
      '2027-12-31 23:59:59',
    ]) {
      expect(eventTimeProblem(text, now), text).toBeNull();
    }
  });

  it('says "not a time" for text that is not a calendar date and time', () => {
    for (const text of ['not a time', '', '1', 'Monday 5', '2024-02-30 10:00:00', '2023-02-29 10:00:00', '2024-13-01 10:00', '2024-00-10 10:00',
      '2024-01-01 24:00:00', '2024-01-01 10:60:00', '2024-01-01 10:00:61', '2024-01-01', '2024-01-01T10:00:00+25:00', ' 2024-01-01 10:00:00', '2024-01-01 10:00:00\n']) {
      expect(eventTimeProblem(text, now), JSON.stringify(text)).toBe('not_a_time');
    }
  });

  it('says "out of range" for years before 1970 or after next year', () => {
    for (const text of ['-029719-04-05T22:13:20.000Z', '+275760-09-13T00:00:00.000Z', '1969-12-31 23:59:59', '2028-01-01 00:00:00', '9999-01-01T00:00:00.000Z', '0000-01-01 00:00:00']) {
      expect(eventTimeProblem(text, now), text).toBe('out_of_range');
    }
  });
});
