import { describe, expect, it } from 'vitest';
import { PersonFieldsSchema } from '../../../shared/contract/people.ts';
import { createTranslator } from '../../../shared/i18n/index.ts';
import { zhCN } from '../../../shared/i18n/zh-CN.ts';

function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return value !== null && typeof value === 'object' ? Object.values(value).flatMap(texts) : [];
}

describe('a person’s words in Chinese (issue 12 item 9)', () => {
  it('asks for a person’s 姓名, not a 名称, when the name is empty', () => {
    const issue = PersonFieldsSchema.safeParse({ pin: 'P1', name: ' ' }).error?.issues[0];
    expect(issue?.message).toBe('person_name_required');
    expect(createTranslator('zh-CN').t(`validation.${issue?.message}`)).toBe('请输入姓名。');
    expect(createTranslator('en').t(`validation.${issue?.message}`)).toBe('Enter the person’s name.');
  });

  it('calls the personnel number 工号 everywhere, as its field is labelled', () => {
    expect(zhCN.enroll.field.pin).toBe('工号');
    expect(zhCN.validation.pin_format).toContain('工号');
    expect(texts(zhCN).filter((text) => text.includes('人员编号'))).toEqual([]);
  });
});
