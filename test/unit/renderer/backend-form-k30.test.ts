import { describe, expect, it } from 'vitest';
import { checkNewBackend, credentialFields, emptyForm, FORM_VENDORS } from '../../../renderer/src/pages/backends/backend-form-check.ts';
import { NewBackendSchema } from '../../../shared/contract/backends.ts';

/** K30 in the backend form: its company number, checked with the contract's schema (issue 14 item 4). */
describe('backend form: K30', () => {
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
