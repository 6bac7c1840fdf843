import { describe, expect, it } from 'vitest';
import {
  DataCodecError,
  decryptData,
  encryptData,
  percentEncode,
  sealRequest,
  sealResponse,
  sign,
  stringToSign,
} from '../../../../electron/drivers/k30/sign.ts';
import { formatTimestamp, parseTimestamp } from '../../../../electron/drivers/k30/timestamp.ts';

/**
 * The K30 signature, AES codec and envelopes (electron/drivers/k30/sign.ts) against the document's own examples (seed 000, 1.1 算法签名, 1.2 AES加密,
 * and the visitor sections' examples; k30.md §2.5 V1–V3, §3.4/§3.5).
 */
const COMPANY = '1762766749844335';

describe('K30 signature (1.1 算法签名)', () => {
  it('V1: the worked example signs to 7e951684…, with the secret its 即 line uses (erratum E1)', () => {
    const params = { timestamp: '20200604140653904', deviceno: 'ae5a94eb3dbe9baf', data: '{"code":"569531"}' };
    expect(stringToSign(params, 'ae5a94eb3dbe9baf')).toBe('data={"code":"569531"}&deviceno=ae5a94eb3dbe9baf&timestamp=20200604140653904&key=ae5a94eb3dbe9baf');
    expect(sign(params, 'ae5a94eb3dbe9baf')).toBe('7e951684b52a8a1c4a31b9170dc5d76d');
    // The secret printed in stringSignTemp= does not give the printed sign.
    expect(sign(params, '8aec14f45612458f9685172ade12a7d6')).not.toBe('7e951684b52a8a1c4a31b9170dc5d76d');
  });

  it('V2: the visitor.create success reply signs to e2b2f82e… over the decrypted data (UTF-8 msg)', () => {
    const params = { resultcode: '1', companyno: COMPANY, timestamp: '20251120172204574', data: '{"no":"1763630523605347"}', msg: '新增访客成功' };
    expect(sign(params, COMPANY)).toBe('e2b2f82eaa47c00edbf34b7691d8b678');
  });

  it('V3: the visitor.sync success reply signs to b4d352c5… only with the empty data kept (erratum E7)', () => {
    const params = { resultcode: '1', companyno: COMPANY, timestamp: '20251127145555976', data: '', msg: '下发成功' };
    expect(stringToSign(params, COMPANY, { keepEmpty: true })).toBe(`companyno=${COMPANY}&data=&msg=下发成功&resultcode=1&timestamp=20251127145555976&key=${COMPANY}`);
    expect(sign(params, COMPANY, { keepEmpty: true })).toBe('b4d352c59a0953458bdadc24cfa5f9aa');
    expect(sign(params, COMPANY)).not.toBe('b4d352c59a0953458bdadc24cfa5f9aa');
  });

  it('sorts names case-sensitively by code unit and drops empty values unless told', () => {
    expect(stringToSign({ b: '1', B: '2', a: '3', e: '' }, 'k')).toBe('B=2&a=3&b=1&key=k');
    expect(stringToSign({ b: '1', e: '' }, 'k', { keepEmpty: true })).toBe('b=1&e=&key=k');
  });
});

describe('K30 data encryption (1.2 AES加密)', () => {
  const VISITOR_NO_CIPHERTEXT = '1jy8sFZ46tNBdn0O1NRSQ5ZYgTT9%2fMrVJ5LT1gYWB%2bw%3d';

  it('decrypts the visitor.create example and encrypts it back byte for byte, with lowercase escapes', () => {
    expect(decryptData(VISITOR_NO_CIPHERTEXT, COMPANY)).toBe('{"no":"1763630523605347"}');
    expect(encryptData('{"no":"1763630523605347"}', COMPANY)).toBe(VISITOR_NO_CIPHERTEXT);
  });

  it('takes uppercase escapes too, but refuses raw base64 and other text', () => {
    expect(decryptData(VISITOR_NO_CIPHERTEXT.replace(/%2f/g, '%2F').replace(/%2b/g, '%2B').replace(/%3d/g, '%3D'), COMPANY)).toBe('{"no":"1763630523605347"}');
    expect(() => decryptData(decodeURIComponent(VISITOR_NO_CIPHERTEXT), COMPANY)).toThrow(expect.objectContaining({ code: 'not-encoded' }));
    expect(() => decryptData('{"no":"1"}', COMPANY)).toThrow(DataCodecError);
  });

  it('refuses a ciphertext made with another key', () => {
    expect(() => decryptData(VISITOR_NO_CIPHERTEXT, '1762766749844336')).toThrow(expect.objectContaining({ code: 'undecryptable' }));
  });

  it('cannot reproduce the 1.1 example ciphertext with its own key either (erratum E5)', () => {
    expect(() => decryptData('sJ3jgmoptllii1L%2bue4pr%2fhQ7GLtau%2baY1%2fXZ6BT1eY%3d', 'ae5a94eb3dbe9baf')).toThrow(DataCodecError);
    expect(encryptData('{"code":"569531"}', 'ae5a94eb3dbe9baf')).not.toBe('sJ3jgmoptllii1L%2bue4pr%2fhQ7GLtau%2baY1%2fXZ6BT1eY%3d');
  });

  it('needs a 16-byte company number (AES-128; E33)', () => {
    expect(() => encryptData('{}', '2201140459374')).toThrow(expect.objectContaining({ code: 'bad-key' }));
  });

  it('percent-encodes + / = as %2b %2f %3d', () => {
    expect(percentEncode('ab+/c==')).toBe('ab%2b%2fc%3d%3d');
  });
});

describe('K30 envelopes', () => {
  it('seals the visitor.create success reply exactly as the document prints it', () => {
    const reply = sealResponse({ resultcode: '1', msg: '新增访客成功', companyno: COMPANY, timestamp: '20251120172204574', json: '{"no":"1763630523605347"}' }, COMPANY);
    expect(reply).toMatchObject({ data: '1jy8sFZ46tNBdn0O1NRSQ5ZYgTT9%2fMrVJ5LT1gYWB%2bw%3d', sign: 'e2b2f82eaa47c00edbf34b7691d8b678' });
  });

  it('seals the visitor.sync success reply (empty data) exactly as the document prints it', () => {
    const reply = sealResponse({ resultcode: '1', msg: '下发成功', companyno: COMPANY, timestamp: '20251127145555976', json: '' }, COMPANY);
    expect(reply).toEqual({ resultcode: '1', msg: '下发成功', companyno: COMPANY, timestamp: '20251127145555976', sign: 'b4d352c59a0953458bdadc24cfa5f9aa', data: '' });
  });

  it('seals a request: signed over the plaintext, then that text encrypted (k30.md §3.6)', () => {
    expect(sealRequest({ no: '1763630523605347' }, COMPANY, '20251127145555976')).toEqual({
      companyno: COMPANY,
      timestamp: '20251127145555976',
      data: '1jy8sFZ46tNBdn0O1NRSQ5ZYgTT9%2fMrVJ5LT1gYWB%2bw%3d',
      sign: 'd3f989a253ebbf07dab27478a1365c24',
    });
  });
});

describe('K30 timestamps', () => {
  it('writes and reads yyyyMMddHHmmssfff in local time', () => {
    const at = new Date(2020, 5, 4, 14, 6, 53, 904);
    expect(formatTimestamp(at)).toBe('20200604140653904');
    expect(parseTimestamp('20200604140653904')).toBe(at.getTime());
  });

  it('refuses other forms and impossible times', () => {
    for (const text of ['2020060414065390', '1591279613904', '20200230140653904', '20200604250653904', '2020-06-04 14:06:53']) expect(parseTimestamp(text)).toBeUndefined();
  });
});
