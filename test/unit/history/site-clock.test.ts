import { describe, expect, it } from 'vitest';
import { hasZone, nextDate, siteDateHour, siteInstant, siteWallTime, zoneOffsetSeconds } from '../../../electron/history/site-clock.ts';

describe('the site’s clock for the history', () => {
  it('reads bounds and zone-less vendor times in the site’s zone, and times with a zone as they say', () => {
    expect(new Date(siteInstant('2026-03-02', 'Asia/Shanghai')).toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(new Date(siteInstant('2026-03-02T08:30', 'Asia/Shanghai')).toISOString()).toBe('2026-03-02T00:30:00.000Z');
    expect(new Date(siteInstant('2026-03-02 08:30:15', 'Asia/Shanghai')).toISOString()).toBe('2026-03-02T00:30:15.000Z');
    expect(new Date(siteInstant('2026-03-02T08:30:00+09:00', 'Asia/Shanghai')).toISOString()).toBe('2026-03-01T23:30:00.000Z');
    expect(new Date(siteInstant('2026-03-02T08:30:00Z', 'Asia/Shanghai')).toISOString()).toBe('2026-03-02T08:30:00.000Z');
    // Berlin's clocks go from 02:00 to 03:00 on 29 March 2026.
    expect(new Date(siteInstant('2026-03-29 01:30:00', 'Europe/Berlin')).toISOString()).toBe('2026-03-29T00:30:00.000Z');
    expect(new Date(siteInstant('2026-03-29 03:30:00', 'Europe/Berlin')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(siteInstant('yesterday', 'UTC')).toBeNaN();
  });

  it('tells times with a zone from wall-clock times', () => {
    expect(['2026-03-02T08:30:00Z', '2026-03-02T08:30:00.1+08:00', '2026-03-02T08:30:00+0800'].map(hasZone)).toEqual([true, true, true]);
    expect(['2026-03-02 08:30:00', '2026-03-02T08:30', '2026-03-02'].map(hasZone)).toEqual([false, false, false]);
  });

  it('gives the site’s date, hour, wall time and offset at an instant, across midnight and daylight saving', () => {
    expect(siteDateHour(Date.parse('2026-03-01T16:10:00Z'), 'Asia/Shanghai')).toEqual({ date: '2026-03-02', hour: 0 });
    expect(siteDateHour(Date.parse('2026-03-29T01:30:00Z'), 'Europe/Berlin')).toEqual({ date: '2026-03-29', hour: 3 });
    expect(siteWallTime(Date.parse('2026-03-01T16:10:05Z'), 'Asia/Shanghai')).toBe('2026-03-02 00:10:05');
    expect(zoneOffsetSeconds(Date.parse('2026-03-29T00:30:00Z'), 'Europe/Berlin')).toBe(3600);
    expect(zoneOffsetSeconds(Date.parse('2026-03-29T01:30:00Z'), 'Europe/Berlin')).toBe(7200);
    expect(nextDate('2026-02-28')).toBe('2026-03-01');
    expect(nextDate('2026-12-31')).toBe('2027-01-01');
  });
});
