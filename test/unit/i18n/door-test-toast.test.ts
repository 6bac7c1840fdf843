import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../shared/i18n/index.ts';

describe('the door test run’s toast', () => {
  it('gives the pass / fail count, plural-correct in English', () => {
    const en = createTranslator('en');
    expect(en.t('doorTests.announceDone', { count: 4, passed: 3, failed: 1 })).toBe('Door tests finished: 3 passed, 1 failed.');
    expect(en.t('doorTests.announceDone', { count: 1, passed: 1, failed: 0 })).toBe('Door test finished: 1 passed, 0 failed.');
  });

  it('says it the way a Chinese site clerk would', () => {
    const zh = createTranslator('zh-CN');
    expect(zh.t('doorTests.announceDone', { count: 4, passed: 3, failed: 1 })).toBe('门禁测试完成：3 项通过，1 项失败。');
  });
});
