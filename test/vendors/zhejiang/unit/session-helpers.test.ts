import { describe, expect, it } from 'vitest';
import { clockOffsetFromError } from '../../../../electron/drivers/zhejiang/clock-resync.ts';
import { heartbeatSecondsOf } from '../../../../electron/drivers/zhejiang/device-session.ts';
import { heartbeatTaskIds } from '../../../../electron/drivers/zhejiang/task-ids.ts';

describe('heartbeat task ids (§2.2.3, E15)', () => {
  it('reads the example as printed, unquoted key and all', () => {
    expect(heartbeatTaskIds('{taskids:["6543831380287827968","6543831380300410880"]}')).toEqual(['6543831380287827968', '6543831380300410880']);
  });

  it('keeps every digit of ids sent as numbers past 2^53', () => {
    expect(heartbeatTaskIds('{"taskids":[6543831380287827968,6543831380300410880]}')).toEqual(['6543831380287827968', '6543831380300410880']);
  });

  it('reads one string holding an array or a comma list, drops empties and repeats', () => {
    expect(heartbeatTaskIds('{"taskids":"[\\"a\\",\\"b\\"]"}')).toEqual(['a', 'b']);
    expect(heartbeatTaskIds('{"taskids":"a, b,,a"}')).toEqual(['a', 'b']);
    expect(heartbeatTaskIds('{"taskids":["x","","x"]}')).toEqual(['x']);
  });

  it('gives none for no response, no key, an empty list or text that is not JSON', () => {
    expect(heartbeatTaskIds(undefined)).toEqual([]);
    expect(heartbeatTaskIds('{}')).toEqual([]);
    expect(heartbeatTaskIds('{"taskids":[]}')).toEqual([]);
    expect(heartbeatTaskIds('<html>')).toEqual([]);
  });
});

describe('clock offset on 400_05 (D10)', () => {
  const local = Date.parse('2026-12-07T08:00:00Z');

  it('is unknown when the error object tells no time, as in the document', () => {
    expect(clockOffsetFromError('{errorcode:"400_05",errmsg:"timestamp 验证错误"}', local)).toBeUndefined();
    expect(clockOffsetFromError('not json', local)).toBeUndefined();
    expect(clockOffsetFromError(undefined, local)).toBeUndefined();
  });

  it('reads a China-time stamp or epoch seconds / milliseconds a platform adds', () => {
    // 16:05:00 in Shanghai is 08:05:00 UTC: the platform is five minutes ahead.
    expect(clockOffsetFromError('{"errorcode":"400_05","serverTime":"20261207160500"}', local)).toBe(300_000);
    expect(clockOffsetFromError({ errorcode: '400_05', timestamp: (local - 60_000) / 1000 }, local)).toBe(-60_000);
    expect(clockOffsetFromError({ errorcode: '400_05', time: String(local + 1_000) }, local)).toBe(1_000);
  });
});

describe('heartbeat interval (D11)', () => {
  it('defaults to 30 s and accepts 5…55 only', () => {
    expect(heartbeatSecondsOf(undefined)).toBe(30);
    expect(heartbeatSecondsOf(5)).toBe(5);
    expect(heartbeatSecondsOf(55)).toBe(55);
    expect(() => heartbeatSecondsOf(56)).toThrow(RangeError);
    expect(() => heartbeatSecondsOf(Number.NaN)).toThrow(RangeError);
  });
});
