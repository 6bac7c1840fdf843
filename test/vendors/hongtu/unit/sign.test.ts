import { describe, expect, it } from 'vitest';
import { csign, DOCUMENTED_KEY_PAIRS, EMPTY_BODY_MD5, md5Hex, newNonce, signedHeaders, stringToSign } from '../../../../electron/drivers/hongtu/sign.ts';

const [pair1] = DOCUMENTED_KEY_PAIRS;
if (!pair1) throw new Error('no key pair');

describe('Hongtu csign', () => {
  it('reproduces the document’s worked example (§2.5, erratum E1: it hashes person/list)', () => {
    const input = {
      uri: '/v1/api/person/list',
      method: 'POST',
      query: '',
      bodyMd5: '675c299bcd88edf31c09c48f9c7fba4b',
      secretKey: 'sdfajk3242324fa!djq7',
      timestamp: '1627300328673',
      nonce: '1234344',
      appKey: 'appkey1',
    };
    expect(stringToSign(input)).toBe('/v1/api/person/list-POST--675c299bcd88edf31c09c48f9c7fba4b-sdfajk3242324fa!djq7-1627300328673-1234344-appkey1');
    expect(csign(input)).toBe('52141def7a1e346ceee2f22c43d5fb97');
    // The example's body is missing from the document; this compact JSON hashes to its bodyMd5.
    expect(md5Hex('{"pageNum":1,"pageSize":10}')).toBe('675c299bcd88edf31c09c48f9c7fba4b');
    // With the uri the example's parameter list names instead, the result differs (E1).
    expect(csign({ ...input, uri: '/v1/api/device/list' })).toBe('9898b738dd2740c48f49992ef0c689e1');
  });

  it('hashes {} for calls without parameters and leaves the slot empty for uploads (§2.2)', () => {
    expect(md5Hex('{}')).toBe(EMPTY_BODY_MD5);
    const upload = { uri: '/v1/api/misc/file/upload', method: 'post', query: 'type=1', bodyMd5: '', secretKey: pair1.secretKey, timestamp: '1627300328673', nonce: '123456', appKey: pair1.appKey };
    expect(stringToSign(upload)).toBe('/v1/api/misc/file/upload-POST-type=1--sdfajk3242324fa!djq7-1627300328673-123456-appkey1');
    expect(csign(upload)).toBe('1594c77a2d3e4627c7f0da7966feec98');
  });

  it('signs the Java sample’s device/list call the same way (fastjson body {"name":"core"})', () => {
    expect(csign({ uri: '/v1/api/device/list', method: 'POST', query: '', bodyMd5: md5Hex('{"name":"core"}'), secretKey: pair1.secretKey, timestamp: '1599648837833', nonce: '123456', appKey: 'appkey1' })).toBe(
      '2d67650084d42b218d4092b721e3e980',
    );
  });

  it('hashes Chinese text as UTF-8', () => {
    expect(md5Hex('{"name":"张三"}')).toBe(md5Hex(Buffer.from('{"name":"张三"}', 'utf8')));
  });

  it('makes six-character nonces and the four headers', () => {
    expect(newNonce()).toMatch(/^[A-Za-z0-9]{6}$/);
    const headers = signedHeaders({ uri: '/v1/api/door/list', method: 'POST', query: '', bodyMd5: EMPTY_BODY_MD5, secretKey: 's', appKey: 'k', timestamp: '1', nonce: 'abcdef' });
    expect(headers).toEqual({ ctimestamp: '1', cnonce: 'abcdef', cappkey: 'k', csign: md5Hex(`/v1/api/door/list-POST--${EMPTY_BODY_MD5}-s-1-abcdef-k`) });
  });
});
