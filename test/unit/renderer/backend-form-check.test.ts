import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../shared/contract/backends.ts';
import { checkBackendUpdate, checkNewBackend, emptyForm, formFor } from '../../../renderer/src/pages/backends/backend-form-check.ts';

const FINGERPRINT = Array.from({ length: 32 }, () => 'ab').join(':');

const hongtu: Backend = {
  id: 5,
  siteId: 1,
  vendor: 'hongtu',
  name: 'Platform',
  baseUrl: 'http://10.0.0.5:18082',
  tls: 'pinned',
  credentialFields: ['appKey', 'secretKey'],
  createdAt: '2026-03-04T05:06:07.000Z',
  updatedAt: '2026-03-04T05:06:07.000Z',
  lastTest: null,
  inventoryAt: null,
};

describe('backend form check (contract schemas)', () => {
  it('builds a ZKBio backend, name optional', () => {
    const check = checkNewBackend(1, { ...emptyForm('zkbio'), baseUrl: 'http://192.168.1.100:8088', token: 'T' });
    expect(check).toEqual({
      ok: true,
      input: { siteId: 1, vendor: 'zkbio', baseUrl: 'http://192.168.1.100:8088', tls: { mode: 'verify' }, credentials: { token: 'T' } },
    });
  });

  it('names each field’s problem with the catalog key', () => {
    const check = checkNewBackend(1, { ...emptyForm('hongtu'), name: 'x'.repeat(81), baseUrl: 'http://999.1.1.1:8098', tlsMode: 'pinned', fingerprint: '12' });
    expect(check).toEqual({
      ok: false,
      errors: { name: 'name_too_long', baseUrl: 'base_url_ip', fingerprint: 'fingerprint_format', appKey: 'app_key_required', secretKey: 'secret_required' },
    });
  });

  it('starts an edit from the backend without secrets, and sends only what changed', () => {
    const values = formFor(hongtu);
    expect(values).toMatchObject({ vendor: 'hongtu', name: 'Platform', tlsMode: 'pinned', fingerprint: '', appKey: '', secretKey: '' });
    // Untouched: blank credentials and a blank pin keep what is stored.
    expect(checkBackendUpdate(hongtu, values)).toEqual({ ok: true, input: { id: 5 } });
    expect(checkBackendUpdate(hongtu, { ...values, name: 'Gate', fingerprint: FINGERPRINT })).toEqual({
      ok: true,
      input: { id: 5, name: 'Gate', tls: { mode: 'pinned', fingerprint256: FINGERPRINT } },
    });
    expect(checkBackendUpdate(hongtu, { ...values, tlsMode: 'verify' })).toEqual({ ok: true, input: { id: 5, tls: { mode: 'verify' } } });
  });

  it('replaces credentials only as a whole set', () => {
    const values = formFor(hongtu);
    expect(checkBackendUpdate(hongtu, { ...values, secretKey: 's3' })).toEqual({ ok: false, errors: { appKey: 'app_key_required' } });
    expect(checkBackendUpdate(hongtu, { ...values, appKey: 'appkey2', secretKey: 's3' })).toEqual({
      ok: true,
      input: { id: 5, credentials: { appKey: 'appkey2', secretKey: 's3' } },
    });
    expect(checkBackendUpdate(hongtu, { ...values, name: ' ' })).toEqual({ ok: false, errors: { name: 'name_required' } });
  });
});
