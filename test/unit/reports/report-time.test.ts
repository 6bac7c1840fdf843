import { describe, expect, it } from 'vitest';
import { instantOf, when } from '../../../electron/reports/report-time.ts';

describe('report times in the site time zone (issue 12 item 10)', () => {
  it('takes a vendor local time as a reading of the site clocks', () => {
    expect(instantOf('2026-12-07 14:15:31', 'Asia/Shanghai').toISOString()).toBe('2026-12-07T06:15:31.000Z');
    expect(instantOf('2026-12-07 14:15:31', 'UTC').toISOString()).toBe('2026-12-07T14:15:31.000Z');
    // Across a daylight-saving change (Berlin: UTC+1 in winter, UTC+2 in summer).
    expect(instantOf('2026-01-10 12:00:00', 'Europe/Berlin').toISOString()).toBe('2026-01-10T11:00:00.000Z');
    expect(instantOf('2026-07-10 12:00:00', 'Europe/Berlin').toISOString()).toBe('2026-07-10T10:00:00.000Z');
  });

  it('takes an ISO time with a zone as it says', () => {
    expect(instantOf('2026-12-07T06:15:31.000Z', 'Asia/Shanghai').toISOString()).toBe('2026-12-07T06:15:31.000Z');
    expect(instantOf('2026-12-07T14:15:31+08:00', 'Europe/Berlin').toISOString()).toBe('2026-12-07T06:15:31.000Z');
  });

  it('writes times and dates in the language and the zone, and a dash for none', () => {
    const zh = { lang: 'zh-CN', timeZone: 'Asia/Shanghai' } as const;
    const en = { lang: 'en', timeZone: 'Asia/Shanghai' } as const;
    // 20:30 UTC on the 7th is already the 8th in Shanghai.
    expect(when('2026-12-07T20:30:00.000Z', zh, 'date')).toBe('2026年12月8日');
    expect(when('2026-12-07T20:30:00.000Z', en, 'date')).toBe('December 8, 2026');
    expect(when('2026-12-07T20:30:00.000Z', zh)).toContain('04:30:00');
    expect(when(null, en)).toBe('—');
    expect(when('not a time', en)).toBe('not a time');
  });
});
