import { createHash, randomInt } from 'node:crypto';

/** MD5 as 32 lowercase hex characters (the document: "签名算法：MD5，32位小写"). */
export function md5Hex(data: string | Uint8Array): string {
  return createHash('md5').update(data).digest('hex');
}

/** MD5("{}"): the body hash of a JSON call without parameters (§2.2). */
export const EMPTY_BODY_MD5 = '99914b932bd37a50b983c5e7c90ae93b';

interface SignInput {
  /** The path called, from `/`, without host or query: `/v1/api/person/list`. */
  readonly uri: string;
  readonly method: string;
  /** `k1=v1&k2=v2` exactly as in the URL, or "" (§2.3). */
  readonly query: string;
  /**
   * MD5 of the exact body bytes sent, lowercase hex; "" for multipart uploads, the only case the
   * document allows an empty slot (§2.2).
   */
  readonly bodyMd5: string;
  readonly secretKey: string;
  /** Client time in milliseconds, the same text as the `ctimestamp` header. */
  readonly timestamp: string;
  /** Six random characters, the same as the `cnonce` header. */
  readonly nonce: string;
  readonly appKey: string;
}

/**
 * The string that is hashed (Hongtu §2.1):
 * uri-method-queryParamStr-requestBodyMD5-secretKey-ctimestamp-cnonce-cappkey, joined with "-",
 * empty parts kept empty (so "--" appears), nothing escaped.
 */
export function stringToSign(input: SignInput): string {
  return [input.uri, input.method.toUpperCase(), input.query, input.bodyMd5, input.secretKey, input.timestamp, input.nonce, input.appKey].join('-');
}

/** `csign`: MD5 of the string to sign, 32 lowercase hex. */
export function csign(input: SignInput): string {
  return md5Hex(stringToSign(input));
}

/** The body hash for a request: MD5 of the exact bytes sent, or "" when there is no JSON body. */
export function bodyMd5Of(body: string | Uint8Array | null): string {
  return body === null ? '' : md5Hex(body);
}

const NONCE_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** `cnonce`: "6位随机字符串，可含字母" — six random letters and digits. */
export function newNonce(): string {
  let nonce = '';
  for (let i = 0; i < 6; i++) nonce += NONCE_ALPHABET[randomInt(NONCE_ALPHABET.length)];
  return nonce;
}

interface SignedHeaders {
  readonly ctimestamp: string;
  readonly cnonce: string;
  readonly cappkey: string;
  readonly csign: string;
}

/** The four authentication headers of §1.1 for one request. */
export function signedHeaders(input: Omit<SignInput, 'timestamp' | 'nonce'> & { timestamp?: string; nonce?: string }): SignedHeaders {
  const timestamp = input.timestamp ?? String(Date.now());
  const nonce = input.nonce ?? newNonce();
  return { ctimestamp: timestamp, cnonce: nonce, cappkey: input.appKey, csign: csign({ ...input, timestamp, nonce }) };
}

/** The two key pairs the document publishes (§2.4: "目前，鸿图里面有两组cappkey和秘钥"). */
export const DOCUMENTED_KEY_PAIRS: readonly { readonly appKey: string; readonly secretKey: string }[] = [
  { appKey: 'appkey1', secretKey: 'sdfajk3242324fa!djq7' },
  { appKey: 'appkey2', secretKey: 'zxcv&jlkfd234adf#xi9' },
];
