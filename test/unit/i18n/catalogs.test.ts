import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../shared/contract/errors.ts';
import { en } from '../../../shared/i18n/en.ts';
import { localizeError } from '../../../shared/i18n/errors.ts';
import { createTranslator, langFromLocale } from '../../../shared/i18n/index.ts';
import { zhCN } from '../../../shared/i18n/zh-CN.ts';

function leaves(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      for (const [k, v] of leaves(item, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
    }
  } else {
    out.set(prefix, value);
  }
  return out;
}

function placeholders(text: unknown): string[] {
  return [...String(text).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();
}

describe('catalogs', () => {
  const english = leaves(en);
  const chinese = leaves(zhCN);

  it('have the same keys in both languages', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of english) expect(placeholders(chinese.get(key)), key).toEqual(placeholders(text));
  });

  it('have a message for every error code', () => {
    for (const code of ERROR_CODES) {
      expect(english.get(`errors.${code}`), code).toBeTruthy();
      expect(chinese.get(`errors.${code}`), code).toBeTruthy();
    }
  });

  it('translate Chinese text for Chinese users', () => {
    expect(createTranslator('zh-CN').t('nav.sites')).toBe('工地');
    expect(createTranslator('en').t('nav.sites')).toBe('Sites');
  });
});

describe('language from locale', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh_CN.UTF-8', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['en-US', 'en'],
    ['de_DE.UTF-8', 'en'],
    ['zu', 'en'],
    [undefined, 'en'],
  ])('%s → %s', (locale, lang) => {
    expect(langFromLocale(locale)).toBe(lang);
  });
});

describe('localized errors', () => {
  it('fill the details into the message', () => {
    const message = localizeError(createTranslator('zh-CN'), {
      code: 'site_name_taken',
      message: 'x',
      details: { name: 'Demo' },
    });
    expect(message).toBe('已有名为“Demo”的工地，请换一个名称。');
  });

  it('summarize input issues by field in the user language', () => {
    const message = localizeError(createTranslator('en'), {
      code: 'invalid_input',
      message: 'x',
      details: { issues: [{ path: ['name'], code: 'too_small', message: 'name_required' }] },
    });
    expect(message).toBe('The request was not valid: Name: Enter a name.');
  });

  it('name the field an input problem points at, never its path (issue 12 item 17)', () => {
    const issues = [{ path: ['person', 'idNumber'], code: 'custom', message: 'id_number_invalid' }];
    const zh = localizeError(createTranslator('zh-CN'), { code: 'invalid_input', message: 'x', details: { issues } });
    expect(zh).toContain('身份证号：');
    expect(zh).not.toContain('person.idNumber');
    expect(localizeError(createTranslator('en'), { code: 'invalid_input', message: 'x', details: { issues } })).toContain('ID number: ');
    const personName = [{ path: ['person', 'name'], code: 'too_small', message: 'name_required' }];
    expect(localizeError(createTranslator('zh-CN'), { code: 'invalid_input', message: 'x', details: { issues: personName } })).toContain('姓名：');
    const unknown = [{ path: ['targets', 0, 'backendId'], code: 'custom', message: 'invalid' }];
    expect(localizeError(createTranslator('en'), { code: 'invalid_input', message: 'x', details: { issues: unknown } })).toContain('targets.0.backendId: ');
  });
});
