import { describe, expect, it } from 'vitest';
import { checkSignForm, DOCUMENT_EXAMPLE, EMPTY_SIGN_FORM, randomNonce } from '../../../renderer/src/pages/workbench/hongtu-sign-check.ts';

describe('signature workbench form', () => {
  it('sends the document’s example as the contract wants it', () => {
    expect(checkSignForm(DOCUMENT_EXAMPLE)).toEqual({
      ok: true,
      input: {
        uri: '/v1/api/person/list',
        method: 'POST',
        query: '',
        body: { kind: 'json', text: '{"pageNum":1,"pageSize":10}' },
        secretKey: 'sdfajk3242324fa!djq7',
        appKey: 'appkey1',
        timestamp: '1627300328673',
        nonce: '1234344',
      },
    });
  });

  it('leaves timestamp and nonce to the core when blank, and keeps the body bytes as typed', () => {
    const check = checkSignForm({ ...DOCUMENT_EXAMPLE, bodyText: '{ "a" : 1 }', timestamp: ' ', nonce: '' });
    expect(check.ok && check.input).toMatchObject({ body: { kind: 'json', text: '{ "a" : 1 }' } });
    expect(check.ok && 'timestamp' in check.input).toBe(false);
    expect(check.ok && 'nonce' in check.input).toBe(false);
  });

  it('names each problem with its validation key', () => {
    expect(checkSignForm({ ...EMPTY_SIGN_FORM, uri: 'v1/x', bodyKind: 'md5', bodyMd5: 'XYZ', timestamp: '12a' })).toEqual({
      ok: false,
      errors: { uri: 'uri_format', bodyMd5: 'md5_format', secretKey: 'secret_required', appKey: 'app_key_required', timestamp: 'timestamp_format' },
    });
  });

  it('makes six-digit nonces', () => {
    expect(randomNonce()).toMatch(/^\d{6}$/);
  });
});
