import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodeK30Photo } from '../../../../electron/drivers/k30/photo-rules.ts';
import { decryptData, sealJson, sealedRequestBody, sign, signVariantsAgree, stringToSign } from '../../../../electron/drivers/k30/sign.ts';
import { makeJpegHeader } from '../../../support/images.ts';

/**
 * The fast paths the K30 bulk-upsert benchmark asked for (sign.ts) give exactly what the plain
 * definitions give: the request body as bytes is the JSON text of the sealed envelope, the sign
 * hashed piece by piece is the MD5 of the string to sign, and decryption still opens it.
 */
const COMPANY = '1762766749844335';
const TIMESTAMP = '20250523114315498';

/** A people.create payload with a photo of `bytes` random bytes: every base64 character and escape comes up. */
function personJson(bytes: number): string {
  return JSON.stringify({ name: '张三 "Zhang"', jobnumber: 'P1', deptno: '1', photo: `data:image/jpeg;base64,${randomBytes(bytes).toString('base64')}` });
}

describe('K30 request bytes', () => {
  it('sealedRequestBody is the UTF-8 of JSON.stringify(sealJson(…)), for payloads of every padding and a ~100 KB photo', () => {
    // Big, small, then one past the kept working space (a one-off), then small again.
    for (const size of [0, 1, 2, 3, 100, 102_400, 102_401, 3_500_000, 5]) {
      const json = personJson(size);
      const body = sealedRequestBody(json, COMPANY, TIMESTAMP);
      expect(body.toString('utf8')).toBe(JSON.stringify(sealJson(json, COMPANY, TIMESTAMP)));
      const envelope = JSON.parse(body.toString('utf8')) as { data: string };
      expect(decryptData(envelope.data, COMPANY)).toBe(json);
    }
  });

  it('a company number with non-ASCII characters is written as UTF-8 around the ciphertext', () => {
    const company = '企业编号9012';
    expect(Buffer.byteLength(company)).toBe(16);
    const json = personJson(300);
    expect(sealedRequestBody(json, company, TIMESTAMP).toString('utf8')).toBe(JSON.stringify(sealJson(json, company, TIMESTAMP)));
  });

  it('sign hashes the same bytes as MD5(stringToSign), empty values dropped or kept', () => {
    const fields = { companyno: COMPANY, timestamp: TIMESTAMP, data: personJson(5000), msg: '' };
    for (const options of [{}, { keepEmpty: true }]) {
      expect(sign(fields, COMPANY, options)).toBe(createHash('md5').update(stringToSign(fields, COMPANY, options), 'utf8').digest('hex'));
    }
    expect(signVariantsAgree(fields)).toBe(false);
    expect(signVariantsAgree({ companyno: COMPANY, data: '{}' })).toBe(true);
  });

  it('encodeK30Photo is the data URI of the whole photo', async () => {
    for (const size of [1000, 49_152, 49_153, 147_458]) {
      const jpeg = makeJpegHeader(640, 480, size);
      expect(await encodeK30Photo({ bytes: jpeg }, 'P1')).toBe(`data:image/jpeg;base64,${jpeg.toString('base64')}`);
    }
  });
});
