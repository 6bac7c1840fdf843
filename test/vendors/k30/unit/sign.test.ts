import { describe, expect, it } from 'vitest';
import { DriverError } from '../../../../electron/drivers/driver-error.ts';
import {
  DataCodecError,
  checkCompanyNo,
  checkSign,
  decryptData,
  encryptData,
  matchingSignVariant,
  openEnvelope,
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

  it('needs a 16-byte company number (AES-128; E33): a DriverError naming the problem, in both languages', () => {
    for (const run of [() => encryptData('{}', '2201140459374'), () => decryptData('1jy8sFZ46tNBdn0O1NRSQ5ZYgTT9%2fMrVJ5LT1gYWB%2bw%3d', 'pmd934dced8bf53682'), () => checkCompanyNo('123456789')]) {
      let thrown: unknown;
      try {
        run();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(DriverError);
      const error = thrown as DriverError;
      expect(error).toMatchObject({ code: 'bad_credentials', vendor: 'k30', details: { reason: 'company-number-length', expected: 16 } });
      expect(error.message).toMatch(/16 bytes/);
      expect(error.advice?.en).toMatch(/company number is \d+ bytes long/);
      expect(error.advice?.['zh-CN']).toMatch(/企业编号长度为 \d+ 字节/);
    }
    expect(() => encryptData('{}', '2201140459374')).toThrow(expect.objectContaining({ details: expect.objectContaining({ bytes: 13 }) }));
    expect(() => sealRequest({}, 'pm5a667aa9f6b00b34', '20250523114315498')).toThrow(expect.objectContaining({ details: expect.objectContaining({ bytes: 18 }) }));
    // Counted in bytes, not characters: 16 characters with four Chinese ones are 24 bytes.
    expect(() => checkCompanyNo('企业编号901234567890')).toThrow(expect.objectContaining({ details: expect.objectContaining({ bytes: 24 }) }));
    expect(() => checkCompanyNo(COMPANY)).not.toThrow();
  });

  it('percent-encodes + / = as %2b %2f %3d', () => {
    expect(percentEncode('ab+/c==')).toBe('ab%2b%2fc%3d%3d');
  });

  it('refuses as not-encoded anything but letters, digits and %2b %2f %3d (either case)', () => {
    for (const wire of ['', '%', '%2', 'abc%2', '%2c', '%41', '%3e', 'ab+c', 'ab/c', 'ab=', 'ab c', 'ab%2G', '%%2b', 'aé']) {
      expect(() => decryptData(wire, COMPANY), wire).toThrow(expect.objectContaining({ code: 'not-encoded' }));
    }
    // Well encoded (then not whole AES blocks): past the encoding check.
    for (const wire of ['ab%2Bcd%2f%3D%3d', 'A', '%2b']) expect(() => decryptData(wire, COMPANY), wire).toThrow(expect.objectContaining({ code: 'undecryptable' }));
  });

  it('percent-encodes any base64 exactly as encodeURIComponent with lower-case escapes', () => {
    // Every byte value, at every padding length (0, 1 or 2 "=").
    const bytes = Buffer.from(Array.from({ length: 771 }, (_, i) => (i * 7) % 256));
    for (const length of [0, 1, 2, 3, 255, 256, 257, 770, 771]) {
      const base64 = bytes.subarray(0, length).toString('base64');
      expect(percentEncode(base64)).toBe(encodeURIComponent(base64).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()));
    }
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

/** The two replies whose sign verifies, as the document prints them (visitor.create 4.1, visitor.sync 4.1). */
const VISITOR_CREATE_REPLY = { resultcode: '1', companyno: COMPANY, timestamp: '20251120172204574', data: '1jy8sFZ46tNBdn0O1NRSQ5ZYgTT9%2fMrVJ5LT1gYWB%2bw%3d', msg: '新增访客成功', sign: 'e2b2f82eaa47c00edbf34b7691d8b678' };
const VISITOR_SYNC_REPLY = { resultcode: '1', companyno: COMPANY, timestamp: '20251127145555976', data: '', msg: '下发成功', sign: 'b4d352c59a0953458bdadc24cfa5f9aa' };

describe('K30 reply signatures, both variants (k30.md §2.3, E7)', () => {
  it('tells which variant a sign is: V2 with empties dropped, V3 only with them kept', () => {
    const v2 = { resultcode: '1', companyno: COMPANY, timestamp: '20251120172204574', data: '{"no":"1763630523605347"}', msg: '新增访客成功' };
    const v3 = { resultcode: '1', companyno: COMPANY, timestamp: '20251127145555976', data: '', msg: '下发成功' };
    // V2 has no empty value, so both readings give its sign; the stated rule is named first.
    expect(matchingSignVariant(v2, COMPANY, 'e2b2f82eaa47c00edbf34b7691d8b678')).toBe('empty-dropped');
    expect(matchingSignVariant(v3, COMPANY, 'b4d352c59a0953458bdadc24cfa5f9aa')).toBe('empty-kept');
    expect(matchingSignVariant(v3, COMPANY, 'B4D352C59A0953458BDADC24CFA5F9AA')).toBe('empty-kept');
    expect(matchingSignVariant(v3, COMPANY, 'b158f3b2af0b5b2150f897b7ce8ed5f6')).toBeUndefined();
  });

  it('off checks nothing, warn reports a mismatch in both languages, strict refuses it', () => {
    const fields = { resultcode: '1', companyno: COMPANY, timestamp: '20251127145555976', data: '', msg: '下发成功' };
    expect(checkSign(fields, COMPANY, 'forged', 'off')).toEqual({ checked: false });
    expect(checkSign(fields, COMPANY, 'b4d352c59a0953458bdadc24cfa5f9aa', 'strict')).toEqual({ checked: true, variant: 'empty-kept' });
    const warned = checkSign(fields, COMPANY, 'b158f3b2af0b5b2150f897b7ce8ed5f6', 'warn');
    expect(warned.checked).toBe(true);
    expect(warned.variant).toBeUndefined();
    expect(warned.warning?.en).toMatch(/does not match/);
    expect(warned.warning?.['zh-CN']).toMatch(/签名不匹配/);
    expect(checkSign(fields, COMPANY, undefined, 'warn').warning).toBeDefined();
    expect(() => checkSign(fields, COMPANY, 'b158f3b2af0b5b2150f897b7ce8ed5f6', 'strict', 'visitor.sync')).toThrow(
      expect.objectContaining({ code: 'bad_credentials', endpoint: 'visitor.sync', details: { reason: 'bad-sign' } }),
    );
    expect(() => checkSign(fields, COMPANY, undefined, 'strict')).toThrow(DriverError);
  });
});

describe('K30 replies and callbacks opened (decrypted, sign checked)', () => {
  it('opens the visitor.create reply: data decrypted, sign verified (V2), even in strict mode', () => {
    expect(openEnvelope(VISITOR_CREATE_REPLY, COMPANY, { signCheck: 'strict' })).toEqual({ json: '{"no":"1763630523605347"}', plaintext: false, sign: { checked: true, variant: 'empty-dropped' } });
  });

  it('opens the visitor.sync reply: empty data, sign verified only with it kept (V3), even in strict mode', () => {
    expect(openEnvelope(VISITOR_SYNC_REPLY, COMPANY, { signCheck: 'strict' })).toEqual({ json: '', plaintext: false, sign: { checked: true, variant: 'empty-kept' } });
  });

  it('warns by default on the document’s placeholder signs (E8), and refuses them in strict mode', () => {
    const deleted = { ...VISITOR_SYNC_REPLY, msg: '删除成功' };
    expect(openEnvelope(deleted, COMPANY).sign.warning).toBeDefined();
    expect(() => openEnvelope(deleted, COMPANY, { signCheck: 'strict', endpoint: 'visitor.delete' })).toThrow(expect.objectContaining({ code: 'bad_credentials', endpoint: 'visitor.delete' }));
  });

  it('opens a callback signed over method, companyno, timestamp and the plaintext data', () => {
    const json = '{"no":"123456789","deviceno":"22012521131C","resultcode":"1","msg":"上报成功"}';
    const callback = { method: 'authstatus', companyno: COMPANY, timestamp: '20250514151647740', data: encryptData(json, COMPANY) };
    const signed = { ...callback, sign: sign({ ...callback, data: json }, COMPANY) };
    expect(openEnvelope(signed, COMPANY, { signCheck: 'strict' })).toEqual({ json, plaintext: false, sign: { checked: true, variant: 'empty-dropped' } });
    expect(() => openEnvelope({ ...signed, method: 'UploadRecord' }, COMPANY, { signCheck: 'strict' })).toThrow(expect.objectContaining({ code: 'bad_credentials' }));
  });

  it('takes data as plaintext where the document prints it so: an object, or JSON text (E9)', () => {
    const status = { no: '220114020314C', onlinestatus: '0' };
    expect(openEnvelope({ resultcode: '1', msg: 'Success', companyno: COMPANY, data: status }, COMPANY)).toMatchObject({ json: JSON.stringify(status), plaintext: true });
    expect(openEnvelope({ resultcode: '1', msg: '获取列表成功', appid: COMPANY, data: '{"total":0,"totalPage":0,"data":[]}' }, COMPANY)).toMatchObject({ json: '{"total":0,"totalPage":0,"data":[]}', plaintext: true });
  });

  it('turns every unreadable data into a DriverError with advice, never a crypto exception', () => {
    const cases: [unknown, string, string][] = [
      ['1jy8sFZ46tNBdn0O1NRSQ5ZYgTT9%2fMrVJ5LT1gYWB%2bw%3d', 'bad_credentials', 'undecryptable'],
      ['vnRpd0gKx3yiAs1rnEcplYWDdCdkEkH7h0F8EXznzUo=', 'schema_mismatch', 'not-encoded'],
      [42, 'schema_mismatch', 'not-encoded'],
      ['{"total": 56, "data": [{"name": "张*"}', 'schema_mismatch', 'not-json'],
      [encryptData('not json', '1762766749844336'), 'schema_mismatch', 'not-json'],
    ];
    for (const [data, code, reason] of cases) {
      let thrown: unknown;
      try {
        openEnvelope({ resultcode: '1', msg: 'Success', companyno: '1762766749844336', data }, '1762766749844336', { endpoint: 'people.create' });
      } catch (error) {
        thrown = error;
      }
      expect(thrown, String(data)).toBeInstanceOf(DriverError);
      expect(thrown).toMatchObject({ code, endpoint: 'people.create', details: { reason } });
      expect((thrown as DriverError).advice?.['zh-CN']).toBeTruthy();
    }
  });

  it('refuses a company number that cannot be a key before looking at the reply', () => {
    expect(() => openEnvelope(VISITOR_SYNC_REPLY, '2201140459374')).toThrow(expect.objectContaining({ code: 'bad_credentials', details: expect.objectContaining({ reason: 'company-number-length' }) }));
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
