import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../shared/i18n/index.ts';
import { groupNumber } from '../../../shared/i18n/number-format.ts';

describe('numbers in texts (issue 12 item 11)', () => {
  it('groups quantities by the language, in both catalogs', () => {
    const en = createTranslator('en');
    const zh = createTranslator('zh-CN');
    expect(en.t('enroll.profile', { pixels: 80_000, formats: 'JPEG' })).toContain('at least 80,000 pixels');
    expect(zh.t('enroll.profile', { pixels: 80_000, formats: 'JPEG' })).toContain('不少于 80,000 像素');
    expect(en.t('importPage.run', { count: 12_345 })).toBe('Import 12,345 people');
    expect(en.t('importPage.run', { count: 1 })).toBe('Import 1 person');
  });

  it('leaves identifiers, ports, row numbers and dimensions as written', () => {
    const en = createTranslator('en');
    expect(en.t('cli.importRow', { row: 12_345 })).toBe('Row 12345');
    expect(groupNumber(8098, 'en', 'port')).toBe(8098);
    expect(groupNumber(4000, 'en', 'width')).toBe(4000);
    expect(groupNumber(10.94, 'en', 'fps')).toBe('10.94');
    expect(groupNumber('80000', 'en', 'count')).toBe('80000');
  });
});
