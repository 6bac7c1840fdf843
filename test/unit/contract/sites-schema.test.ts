import { describe, expect, it } from 'vitest';
import { SiteNameSchema, methods } from '../../../shared/contract/index.ts';

describe('site name', () => {
  it('is trimmed', () => {
    expect(SiteNameSchema.parse('  Block 3  ')).toBe('Block 3');
  });

  it.each([
    ['', 'name_required'],
    ['   ', 'name_required'],
    ['x'.repeat(81), 'name_too_long'],
    ['bad\u0007name', 'name_control_chars'],
    ['tab\there', 'name_control_chars'],
  ])('rejects %j with %s', (input, key) => {
    const result = SiteNameSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(key);
  });

  it('accepts Chinese names up to 80 characters', () => {
    expect(SiteNameSchema.parse('杭州三号地块')).toBe('杭州三号地块');
    expect(SiteNameSchema.parse('工'.repeat(80))).toHaveLength(80);
  });
});

describe('method inputs are strict', () => {
  it('rejects unknown fields instead of ignoring them', () => {
    expect(methods['sites.create'].input.safeParse({ name: 'A', extra: 1 }).success).toBe(false);
    expect(methods['sites.list'].input.safeParse({ x: 1 }).success).toBe(false);
  });

  it('rejects ids that are not positive integers', () => {
    for (const id of [0, -1, 1.5, '1', null]) {
      expect(methods['sites.remove'].input.safeParse({ id }).success).toBe(false);
    }
  });
});
