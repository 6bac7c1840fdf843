import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';

/**
 * The K30 open API's signature and `data` encryption (seed 000, 1.1 算法签名 and 1.2 AES加密;
 * k30.md §2, §3), pure functions, tested against the document's own vectors
 * (test/vendors/k30/unit/sign.test.ts). The K30 simulator seals and checks with these same
 * functions; the vectors, not the simulator, are what keep them right.
 *
 * Signature: the parameters with a non-empty value, sorted by name (dictionary order, case-
 * sensitive: plain code-unit order, not locale order), joined `name=value&…`, then `&key=<secret>`,
 * MD5, 32 lowercase hex. The secret is the company number (1.3 参数获取). `data` is signed as the
 * plaintext JSON, before encryption (1.1: "先生成签名，再进行data数据AES加密").
 *
 * The document's rule drops empty values, but its visitor.sync response signature (k30.md §2.3,
 * vector V3, erratum E7) keeps `data=` empty — so `keepEmpty` exists, and responses use it.
 *
 * `data`: UTF-8 JSON → AES-CBC, PKCS#7, key = the company number's bytes (16 of them: AES-128;
 * the document has no rule for other lengths, E33), IV `activevector4api` → base64 → URL-encoded
 * with lowercase escapes (`%2b %2f %3d`, as every example in the document writes them).
 */
export const AES_IV = 'activevector4api';
export const AES_KEY_BYTES = 16;

export function md5Hex(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

export interface SignOptions {
  /** Keep empty values as `name=` (responses, V3) instead of dropping them (the stated rule). */
  readonly keepEmpty?: boolean;
}

/** `stringSignTemp` of 1.1: sorted `name=value` pairs and `&key=<secret>`. */
export function stringToSign(params: Readonly<Record<string, string>>, secret: string, options: SignOptions = {}): string {
  const names = Object.keys(params)
    .filter((name) => options.keepEmpty === true || (params[name] ?? '') !== '')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const pairs = names.map((name) => `${name}=${params[name] ?? ''}`);
  return [...pairs, `key=${secret}`].join('&');
}

export function sign(params: Readonly<Record<string, string>>, secret: string, options: SignOptions = {}): string {
  return md5Hex(stringToSign(params, secret, options));
}

export class DataCodecError extends Error {
  readonly code: 'bad-key' | 'not-encoded' | 'undecryptable';

  constructor(code: DataCodecError['code'], message: string) {
    super(message);
    this.name = 'DataCodecError';
    this.code = code;
  }
}

function aesKey(companyNo: string): Buffer {
  const key = Buffer.from(companyNo, 'utf8');
  if (key.length !== AES_KEY_BYTES) throw new DataCodecError('bad-key', `company number must be ${AES_KEY_BYTES} bytes for AES-128 (k30.md E33), not ${key.length}`);
  return key;
}

/** base64 → URL-encoded as the document writes it: `+ / =` as `%2b %2f %3d`. */
export function percentEncode(base64: string): string {
  return encodeURIComponent(base64).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase());
}

/** Percent-encoded base64 (either escape case): letters, digits and the escapes of `+ / =`, nothing raw. */
const ENCODED_BASE64 = /^(?:[A-Za-z0-9]|%2[bBfF]|%3[dD])+$/;

export function encryptData(json: string, companyNo: string): string {
  const cipher = createCipheriv('aes-128-cbc', aesKey(companyNo), Buffer.from(AES_IV, 'utf8'));
  return percentEncode(Buffer.concat([cipher.update(json, 'utf8'), cipher.final()]).toString('base64'));
}

/**
 * The plaintext of a URL-encoded ciphertext. Throws DataCodecError: `not-encoded` when the text is
 * not percent-encoded base64 (raw `+ / =` included: a form decoder would turn `+` into a space),
 * `undecryptable` when AES or the padding fails, or the bytes are not UTF-8.
 */
export function decryptData(wire: string, companyNo: string): string {
  const key = aesKey(companyNo);
  if (!ENCODED_BASE64.test(wire)) throw new DataCodecError('not-encoded', 'data must be base64 with + / = URL-encoded (%2b %2f %3d)');
  const bytes = Buffer.from(decodeURIComponent(wire), 'base64');
  if (bytes.length === 0 || bytes.length % 16 !== 0) throw new DataCodecError('undecryptable', `ciphertext of ${bytes.length} bytes is not whole AES blocks`);
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-128-cbc', key, Buffer.from(AES_IV, 'utf8'));
    plain = Buffer.concat([decipher.update(bytes), decipher.final()]);
  } catch {
    throw new DataCodecError('undecryptable', 'AES-128-CBC decryption failed (wrong key or corrupt data)');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    throw new DataCodecError('undecryptable', 'decrypted data is not UTF-8 text');
  }
}

/** What goes on the wire for a request: `{companyno, timestamp, data, sign}` (1.1, k30.md §3.3). */
export interface RequestEnvelope {
  readonly companyno: string;
  readonly timestamp: string;
  readonly data: string;
  readonly sign: string;
}

/** A request envelope for this payload: signed over the JSON text, then that same text encrypted. */
export function sealRequest(payload: unknown, companyNo: string, timestamp: string): RequestEnvelope {
  const json = JSON.stringify(payload);
  return { companyno: companyNo, timestamp, data: encryptData(json, companyNo), sign: sign({ companyno: companyNo, data: json, timestamp }, companyNo) };
}

/** The response envelope's fields in the document's order (1.3 of each section: 4. 返回结果). */
export interface ResponseEnvelope {
  readonly resultcode: '1' | '0';
  readonly msg: string;
  readonly companyno: string;
  readonly timestamp: string;
  readonly sign: string;
  /** Ciphertext, "" when there is no payload. */
  readonly data: string;
}

/** A response: `data` encrypted (or ""), signed over the plaintext with every field kept, empty or not (V2, V3). */
export function sealResponse(fields: { resultcode: '1' | '0'; msg: string; companyno: string; timestamp: string; json: string }, secret: string): ResponseEnvelope {
  const { resultcode, msg, companyno, timestamp, json } = fields;
  const signature = sign({ companyno, data: json, msg, resultcode, timestamp }, secret, { keepEmpty: true });
  return { resultcode, msg, companyno, timestamp, sign: signature, data: json === '' ? '' : encryptData(json, secret) };
}
