import { describe, expect, it } from 'vitest';
import { PersonFieldsSchema } from '../../../shared/contract/people.ts';
import { SiteNameSchema } from '../../../shared/contract/sites.ts';
import { createTranslator } from '../../../shared/i18n/index.ts';

const person = (fields: Record<string, string>) => PersonFieldsSchema.safeParse({ pin: 'P1', name: '张三', ...fields });
const firstIssue = (fields: Record<string, string>) => person(fields).error?.issues[0];

describe('person names and other typed text', () => {
  it('keeps what is legitimate in a name as typed: CJK, accents, the middle dot, inner spaces', () => {
    for (const name of ['张三', 'José Müller-Øster', '阿卜杜勒·艾力', 'Anne  Marie', 'O’Brien', 'اسم\u200Fعربي']) {
      expect(person({ name }).data?.name).toBe(name);
    }
    // The spaces around it go (any Unicode space, the ideographic one too); nothing else.
    expect(person({ name: ' \u3000张三\u00A0 ' }).data?.name).toBe('张三');
  });

  it.each([
    ['an OSC sequence that retitles the terminal', '\u001b]0;pwned\u0007张三'],
    ['a colour sequence', '\u001b[31m张三'],
    ['NUL', '张\u0000三'],
    ['a right-to-left override', '张三\u202Egnp.exe'],
    ['a direction isolate', '\u2066张三\u2069'],
    ['a C1 control (CSI)', '\u009b31m张三'],
    ['DEL', '张三\u007f'],
    ['a tab before a formula', '\t=1+2'],
    ['a line break', '张\n三'],
    ['a carriage return', '张三\r'],
    ['a line separator', '张\u2028三'],
  ])('refuses %s in a name, without taking anything out', (_what, name) => {
    expect(firstIssue({ name })).toMatchObject({ path: ['name'], message: 'name_control_chars' });
  });

  it('refuses control characters in the department too', () => {
    expect(firstIssue({ department: 'Sales\u001b[2J' })).toMatchObject({ path: ['department'], message: 'text_control_chars' });
  });

  it('does not let trimming turn text into a formula: a tab stays (and is refused), leading spaces stay before =', () => {
    expect(person({ department: ' =1+2 ' }).data?.department).toBe(' =1+2');
    expect(person({ department: '  Sales  ' }).data?.department).toBe('Sales');
    expect(firstIssue({ pin: '\tP1' })?.message).toBe('pin_format');
  });
});

describe('each message states the limit the schema applies', () => {
  const en = createTranslator('en').t;
  const zh = createTranslator('zh-CN').t;

  it('a person name of 41 characters is refused with "at most 40", a site name of 81 with "at most 80"', () => {
    expect(person({ name: '张'.repeat(40) }).success).toBe(true);
    const issue = firstIssue({ name: '张'.repeat(41) });
    expect(issue).toMatchObject({ code: 'too_big', maximum: 40 });
    expect(en(`validation.${issue?.message}`)).toBe('The name is too long: at most 40 characters.');
    expect(zh(`validation.${issue?.message}`)).toBe('姓名太长：最多 40 个字符。');
    const site = SiteNameSchema.safeParse('x'.repeat(81)).error?.issues[0];
    expect(site).toMatchObject({ maximum: 80 });
    expect(en(`validation.${site?.message}`)).toContain('at most 80 characters');
  });

  it('every too-long text field names its own maximum, in both languages', () => {
    for (const field of ['name', 'department']) {
      const issue = firstIssue({ [field]: 'x'.repeat(200) });
      if (issue?.code !== 'too_big') throw new Error(`${field}: ${JSON.stringify(issue)}`);
      for (const t of [en, zh]) expect(t(`validation.${issue.message}`), field).toContain(String(issue.maximum));
    }
  });

  it('the personnel, card and phone number formats state the lengths their rules take', () => {
    expect(person({ pin: 'P'.repeat(24) }).success).toBe(true);
    expect(firstIssue({ pin: 'P'.repeat(25) })?.message).toBe('pin_format');
    expect(en('validation.pin_format')).toContain('1–24');
    expect(person({ cardNo: '1'.repeat(20) }).success).toBe(true);
    expect(firstIssue({ cardNo: '1'.repeat(21) })?.message).toBe('card_format');
    expect(en('validation.card_format')).toContain('20');
    expect(person({ phone: '+' + '1'.repeat(18) }).success).toBe(true);
    expect(firstIssue({ phone: '1'.repeat(19) })?.message).toBe('phone_format');
    expect(en('validation.phone_format')).toContain('6–18');
  });
});
