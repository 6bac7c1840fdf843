import { describe, expect, it } from 'vitest';
import { heightLeft } from '../../../renderer/src/pages/live/fill-height.ts';

describe('the live feed fills the window below its top', () => {
  it('takes what is left less the margin, never less than the minimum', () => {
    expect(heightLeft(1080, 400, { min: 320, margin: 24 })).toBe(656);
    expect(heightLeft(768, 600, { min: 320, margin: 24 })).toBe(320);
    expect(heightLeft(900.6, 300.2, { min: 320, margin: 24 })).toBe(576);
  });
});
