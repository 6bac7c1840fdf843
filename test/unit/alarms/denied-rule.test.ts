import { describe, expect, it } from 'vitest';
import { isDeniedBurst, sameBurst } from '../../../electron/alarms/denied-rule.ts';

const rule = { threshold: 3, windowMinutes: 2 };
const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 8, 0, s)).toISOString();

describe('repeated denials at one door', () => {
  it('needs `threshold` denials inside the window ending at the newest', () => {
    expect(isDeniedBurst([at(100), at(50), at(0)], at(100), rule)).toBe(true);
    expect(isDeniedBurst([at(100), at(50)], at(100), rule)).toBe(false);
    // The oldest is 130 s before: outside 2 minutes.
    expect(isDeniedBurst([at(130), at(50), at(0)], at(130), rule)).toBe(false);
    // Times in another offset are the same instants.
    expect(isDeniedBurst(['2026-01-01T16:01:40+08:00', at(50), at(0)], at(100), rule)).toBe(true);
    expect(isDeniedBurst(['garbage', at(50), at(0)], at(100), rule)).toBe(false);
  });

  it('one alarm per burst: a later denial within the window of the last alarm is the same burst', () => {
    expect(sameBurst(undefined, at(100), rule)).toBe(false);
    expect(sameBurst(at(60), at(100), rule)).toBe(true);
    expect(sameBurst(at(0), at(121), rule)).toBe(false);
  });
});
