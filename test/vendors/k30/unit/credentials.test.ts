import { describe, expect, it } from 'vitest';
import { CREDENTIALS_SCHEMAS, K30CredentialsSchema } from '../../../../shared/contract/backends.ts';
import { en } from '../../../../shared/i18n/en.ts';
import { zhCN } from '../../../../shared/i18n/zh-CN.ts';

/** K30's credentials in the contract (issue 14 item 4); the form's side is test/unit/renderer/backend-form-k30.test.ts. */
describe('K30 credentials', () => {
  it('are the 16-character company number, refused otherwise with its own message in both languages', () => {
    expect(CREDENTIALS_SCHEMAS.k30).toBe(K30CredentialsSchema);
    expect(K30CredentialsSchema.parse({ companyNo: ' 1762766749844335 ' })).toEqual({ companyNo: '1762766749844335' });
    for (const bad of ['', '12345', '17627667498443351', '1762766749 44335', '176276674984433é']) {
      const result = K30CredentialsSchema.safeParse({ companyNo: bad });
      expect(result.success, bad).toBe(false);
      expect(result.error?.issues[0]?.message).toBe('company_no_format');
    }
    expect(en.validation.company_no_format).toMatch(/exactly 16 characters/);
    expect(zhCN.validation.company_no_format).toMatch(/16 个字符/);
  });
});
