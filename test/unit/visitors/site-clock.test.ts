import { describe, expect, it } from 'vitest';
import { dayBounds, instantAt, wallClock, zoneOffsetSeconds } from '../../../electron/visitors/site-clock.ts';

/** A visit's default validity is read on the site's clock, not the computer's (issue 15 item 4). */
describe('site clock', () => {
  it('reads an instant as the zone’s wall clock, across the date line', () => {
    const instant = new Date('2026-03-01T20:30:05Z');
    expect(wallClock(instant, 'Asia/Shanghai')).toBe('2026-03-02 04:30:05');
    expect(wallClock(instant, 'America/New_York')).toBe('2026-03-01 15:30:05');
    expect(wallClock(instant, 'UTC')).toBe('2026-03-01 20:30:05');
  });

  it('gives a day’s first and last second', () => {
    expect(dayBounds('2026-03-02')).toEqual({ from: '2026-03-02 00:00:00', to: '2026-03-02 23:59:59' });
  });

  it('turns a local time of the zone into the instant it means (Hongtu takes epoch ms), daylight saving included', () => {
    expect(instantAt('2026-03-02 04:30:05', 'Asia/Shanghai').toISOString()).toBe('2026-03-01T20:30:05.000Z');
    expect(instantAt('2026-07-01 12:00:00', 'America/New_York').toISOString()).toBe('2026-07-01T16:00:00.000Z');
    expect(instantAt('2026-01-01 12:00:00', 'America/New_York').toISOString()).toBe('2026-01-01T17:00:00.000Z');
    expect(zoneOffsetSeconds(new Date('2026-03-01T00:00:00Z'), 'Asia/Shanghai')).toBe(8 * 3600);
  });
});
