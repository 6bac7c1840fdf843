import { describe, expect, it } from 'vitest';
import { en } from '../../../shared/i18n/en.ts';
import { createTranslator } from '../../../shared/i18n/index.ts';
import { zhCN } from '../../../shared/i18n/zh-CN.ts';

function texts(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => texts(item, prefix ? `${prefix}.${key}` : key));
}

describe('plurals', () => {
  it('no catalog text hedges a plural with "(s)"', () => {
    const hedged = [...texts(en), ...texts(zhCN)].filter(([, text]) => /\w\(s\)/.test(text));
    expect(hedged).toEqual([]);
  });

  it('one door, two doors in English; one counter word in Chinese', () => {
    const t = createTranslator('en').t;
    expect(t('doorTests.finished', { count: 1 })).toBe('Done: 1 door tested.');
    expect(t('doorTests.finished', { count: 3 })).toBe('Done: 3 doors tested.');
    expect(t('wizard.hongtu.bind.keeps', { count: 1 })).toBe('1 device is bound to it now; it stays bound.');
    expect(t('wizard.zkbio.doors.run', { count: 2 })).toBe('Add 2 doors');
    const zh = createTranslator('zh-CN').t;
    expect(zh('doorTests.finished', { count: 1 })).toBe('完成：共测试 1 个门。');
    expect(zh('doorTests.finished', { count: 3 })).toBe('完成：共测试 3 个门。');
  });
});
