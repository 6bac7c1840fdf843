import { describe, expect, it } from 'vitest';
import { checkNewBackend, credentialFields, emptyForm, FORM_VENDORS } from '../../../../renderer/src/pages/backends/backend-form-check.ts';
import { CREDENTIALS_SCHEMAS, K30CredentialsSchema, NewBackendSchema } from '../../../../shared/contract/backends.ts';
import { en } from '../../../../shared/i18n/en.ts';
import { zhCN } from '../../../../shared/i18n/zh-CN.ts';

/** K30's credentials in the contract and the backend form (issue 14 item 4). */
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

  it('make K30 a vendor of the add form, with one field', () => {
    expect(FORM_VENDORS).toContain('k30');
    expect(credentialFields('k30')).toEqual(['companyNo']);
    const form = { ...emptyForm('k30'), baseUrl: 'http://10.0.0.8:8080' };
    expect(checkNewBackend(1, { ...form, companyNo: 'short' })).toEqual({ ok: false, errors: { companyNo: 'company_no_format' } });
    const ok = checkNewBackend(1, { ...form, companyNo: '1762766749844335' });
    expect(ok.ok).toBe(true);
    expect(NewBackendSchema.parse(ok.ok ? ok.input : null)).toMatchObject({ vendor: 'k30', credentials: { companyNo: '1762766749844335' } });
  });
});
