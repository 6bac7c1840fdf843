import { describe, expect, it } from 'vitest';
import { formatTime } from '../../../shared/i18n/format-time.ts';

/** The live feed shows an event's time and, below it, its date: each part alone, in the site's zone. */
describe('formatTime parts', () => {
  const at = '2026-03-04T16:05:07.000Z'; // 00:05:07 on 5 March in Shanghai
  it('gives the time alone and the date alone, in the site zone, across midnight', () => {
    expect(formatTime(at, 'en', { timeZone: 'Asia/Shanghai', seconds: true, part: 'time' })).toBe('00:05:07');
    expect(formatTime(at, 'en', { timeZone: 'Asia/Shanghai', part: 'date' })).toBe('Mar 5, 2026');
    expect(formatTime(at, 'zh-CN', { timeZone: 'Asia/Shanghai', part: 'date' })).toBe('2026年3月5日');
    expect(formatTime(at, 'en', { timeZone: 'Europe/Berlin', seconds: true, part: 'time' })).toBe('17:05:07');
  });
  it('reads a vendor wall-clock time as it is, in parts too', () => {
    expect(formatTime('2026-03-04 23:59:58', 'en', { timeZone: 'Asia/Shanghai', seconds: true, part: 'time' })).toBe('23:59:58');
    expect(formatTime('2026-03-04 23:59:58', 'en', { timeZone: 'Asia/Shanghai', part: 'date' })).toBe('Mar 4, 2026');
  });
  it('gives both by default, as before', () => {
    expect(formatTime(at, 'en', { timeZone: 'Asia/Shanghai', seconds: true })).toBe('Mar 5, 2026, 00:05:07');
  });
});
