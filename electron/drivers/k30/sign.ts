import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import { DriverError, type LocalizedText } from '../driver-error.ts';
import { SIGN_MISMATCH_WARNING, badSignError, companyNoLengthError, undecryptableError } from './errors.ts';

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
 * with lowercase escapes (`%2b %2f %3d`, as every example in the document writes them). A company
 * number of another length is a DriverError naming the problem (errors.ts), never a crypto exception.
 *
 * Replies and callbacks: {@link openEnvelope} decrypts `data` and checks the sign in both readings
 * of §2.3 (empty values dropped as stated, or kept as V3 shows), under a switch `off | warn | strict`
 * (default `warn`: only two reply signs in the document verify, so a mismatch is reported, not fatal).
 */
const AES_IV = 'activevector4api';
export const AES_KEY_BYTES = 16;

interface SignOptions {
  /** Keep empty values as `name=` (responses, V3) instead of dropping them (the stated rule). */
  readonly keepEmpty?: boolean;
}

/** The names signed, in 1.1's order: those with a value (or all, `keepEmpty`), sorted by code unit. */
function signedNames(params: Readonly<Record<string, string>>, options: SignOptions): string[] {
  return Object.keys(params)
    .filter((name) => options.keepEmpty === true || (params[name] ?? '') !== '')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** `stringSignTemp` of 1.1: sorted `name=value` pairs and `&key=<secret>`. */
export function stringToSign(params: Readonly<Record<string, string>>, secret: string, options: SignOptions = {}): string {
  const pairs = signedNames(params, options).map((name) => `${name}=${params[name] ?? ''}`);
  return [...pairs, `key=${secret}`].join('&');
}

/**
 * MD5 of {@link stringToSign}, hashed piece by piece: the same bytes without building the string,
 * which for people.create is a copy of the whole photo (the K30 bulk-upsert benchmark).
 */
export function sign(params: Readonly<Record<string, string>>, secret: string, options: SignOptions = {}): string {
  const hash = createHash('md5');
  for (const name of signedNames(params, options)) hash.update(`${name}=`, 'utf8').update(params[name] ?? '', 'utf8').update('&', 'utf8');
  return hash.update(`key=${secret}`, 'utf8').digest('hex');
}

/** Whether the two readings of §2.3 sign the same text: no field is empty. */
export function signVariantsAgree(params: Readonly<Record<string, string>>): boolean {
  return Object.values(params).every((value) => value !== '');
}

/** Why a ciphertext could not be read; the driver turns it into a DriverError ({@link openEnvelope}). */
export class DataCodecError extends Error {
  readonly code: 'not-encoded' | 'undecryptable';

  constructor(code: DataCodecError['code'], message: string) {
    super(message);
    this.name = 'DataCodecError';
    this.code = code;
  }
}

/** The AES-128 key: the company number's bytes; any other length throws DriverError `bad_credentials` (E33). */
function aesKey(companyNo: string): Buffer {
  const key = Buffer.from(companyNo, 'utf8');
  if (key.length !== AES_KEY_BYTES) throw companyNoLengthError(key.length);
  return key;
}

/** Throws the DriverError of {@link aesKey} when the company number cannot be a K30 key. */
export function checkCompanyNo(companyNo: string): void {
  aesKey(companyNo);
}

/**
 * base64 → URL-encoded as the document writes it: `+ / =` as `%2b %2f %3d` (base64's only
 * characters encodeURIComponent escapes). Three native replaces, not a callback per escape: a 100 KB
 * photo's ciphertext has thousands of them (the K30 bulk-upsert benchmark spent 1.5 ms a person here).
 */
export function percentEncode(base64: string): string {
  return base64.replaceAll('+', '%2b').replaceAll('/', '%2f').replaceAll('=', '%3d');
}

/** An escape other than those of `+ / =` (either case), a lone `%` included. One search for `%`. */
const OTHER_ESCAPE = /%(?!2[bBfF]|3[dD])/;
/** A character outside base64's alphabet. */
const NOT_BASE64 = /[^A-Za-z0-9+/=]/;

/**
 * The ciphertext of percent-encoded base64 (either escape case), or undefined when `wire` is
 * anything else: raw `+ / =` (a form decoder would turn `+` into a space), another escape, a
 * character outside base64. Native passes — searches, the URI decoder, base64 both ways and a
 * comparison — rather than a regular expression tried at every character: a 100 KB photo's
 * ciphertext is some 180,000 of them (the K30 bulk-upsert benchmark spent 2 ms a person in the
 * simulator here). Text an encoder would not write (no padding, say) is looked at character by
 * character, and decoded as base64 decoders do if it is base64's alphabet.
 */
function encodedCiphertext(wire: string): Buffer | undefined {
  if (wire === '' || wire.includes('+') || wire.includes('/') || wire.includes('=') || OTHER_ESCAPE.test(wire)) return undefined;
  // Only %2b %2f %3d are left to decode, so this cannot throw.
  const base64 = decodeURIComponent(wire);
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.toString('base64') !== base64 && NOT_BASE64.test(base64)) return undefined;
  return bytes;
}

function ciphertext(json: string, companyNo: string): Buffer {
  const cipher = createCipheriv('aes-128-cbc', aesKey(companyNo), Buffer.from(AES_IV, 'utf8'));
  return Buffer.concat([cipher.update(json, 'utf8'), cipher.final()]);
}

export function encryptData(json: string, companyNo: string): string {
  return percentEncode(ciphertext(json, companyNo).toString('base64'));
}

const PLUS = 0x2b;
const SLASH = 0x2f;
const EQUALS = 0x3d;
/** The bytes of `%2b`, `%2f`, `%3d` after the `%`. */
const [TWO, THREE, LOWER_B, LOWER_D, LOWER_F] = [0x32, 0x33, 0x62, 0x64, 0x66];

/** Working space kept between requests up to this size (a 100 KB photo's body needs some 800 KB). */
const SCRATCH_KEPT_BYTES = 4 * 1024 * 1024;
let scratch = Buffer.alloc(0);

/** Working space of at least `bytes`: the kept one, grown, or a one-off for an outsized photo. */
function scratchOf(bytes: number): Buffer {
  if (bytes > SCRATCH_KEPT_BYTES) return Buffer.allocUnsafe(bytes);
  if (scratch.length < bytes) scratch = Buffer.allocUnsafe(bytes);
  return scratch;
}

/**
 * `head`, {@link percentEncode} of `base64`, and `tail`, as the UTF-8 bytes of one buffer of just
 * that size: one pass over the base64 text and no string copies of it (three replaces make three of
 * a photo's ciphertext, some 180,000 characters each, and sending a text makes one more). The
 * work is done in space kept between calls (sealing is synchronous), so a bulk upsert allocates
 * only each body, not four times its size.
 */
function percentEncodedBetween(head: string, base64: string, tail: string): Buffer {
  const length = base64.length;
  const work = scratchOf(length + Buffer.byteLength(head, 'utf8') + length * 3 + Buffer.byteLength(tail, 'utf8'));
  // The text's bytes first (one native copy): reading bytes in the loop is faster than charCodeAt.
  work.write(base64, 0, 'latin1');
  let at = length + work.write(head, length, 'utf8');
  for (let i = 0; i < length; i++) {
    const c = work[i] ?? 0;
    if (c === PLUS || c === SLASH || c === EQUALS) {
      work[at++] = 0x25;
      work[at++] = c === EQUALS ? THREE : TWO;
      work[at++] = c === PLUS ? LOWER_B : c === SLASH ? LOWER_F : LOWER_D;
    } else work[at++] = c;
  }
  at += work.write(tail, at, 'utf8');
  return Buffer.from(work.subarray(length, at));
}

/**
 * The plaintext of a URL-encoded ciphertext. Throws DataCodecError: `not-encoded` when the text is
 * not percent-encoded base64 (raw `+ / =` included: a form decoder would turn `+` into a space),
 * `undecryptable` when AES or the padding fails, or the bytes are not UTF-8.
 */
export function decryptData(wire: string, companyNo: string): string {
  const key = aesKey(companyNo);
  const bytes = encodedCiphertext(wire);
  if (bytes === undefined) throw new DataCodecError('not-encoded', 'data must be base64 with + / = URL-encoded (%2b %2f %3d)');
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
interface RequestEnvelope {
  readonly companyno: string;
  readonly timestamp: string;
  readonly data: string;
  readonly sign: string;
}

/** A request envelope for this payload: signed over the JSON text, then that same text encrypted. */
export function sealRequest(payload: unknown, companyNo: string, timestamp: string): RequestEnvelope {
  return sealJson(JSON.stringify(payload), companyNo, timestamp);
}

/** {@link sealRequest} of a payload already serialized (the client's body, serialized once). */
export function sealJson(json: string, companyNo: string, timestamp: string): RequestEnvelope {
  return { companyno: companyNo, timestamp, data: encryptData(json, companyNo), sign: sign({ companyno: companyNo, data: json, timestamp }, companyNo) };
}

/**
 * The bytes sent for a request: the UTF-8 JSON text of {@link sealJson}'s envelope, exactly as
 * JSON.stringify writes it, built without copying a photo's ciphertext into strings
 * ({@link percentEncodedBetween}; percent-encoded base64 has nothing JSON escapes).
 */
export function sealedRequestBody(json: string, companyNo: string, timestamp: string): Buffer {
  const signature = sign({ companyno: companyNo, data: json, timestamp }, companyNo);
  const head = `{"companyno":${JSON.stringify(companyNo)},"timestamp":${JSON.stringify(timestamp)},"data":"`;
  return percentEncodedBetween(head, ciphertext(json, companyNo).toString('base64'), `","sign":${JSON.stringify(signature)}}`);
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

/** How hard a reply's or callback's sign is checked: not at all, reported, or refused. */
export type SignCheck = 'off' | 'warn' | 'strict';
export const DEFAULT_SIGN_CHECK: SignCheck = 'warn';

/** The reading of §2.3 a received sign matches: the stated rule (V2) or empty values kept (V3, E7). */
type SignVariant = 'empty-dropped' | 'empty-kept';

/** Which variant `received` is, over these fields (data as plaintext); undefined when neither. */
export function matchingSignVariant(fields: Readonly<Record<string, string>>, secret: string, received: string): SignVariant | undefined {
  const given = received.toLowerCase();
  if (sign(fields, secret) === given) return 'empty-dropped';
  if (sign(fields, secret, { keepEmpty: true }) === given) return 'empty-kept';
  return undefined;
}

interface SignVerdict {
  /** false when the check is `off`. */
  readonly checked: boolean;
  /** The variant that matched; undefined when none did (or not checked). */
  readonly variant?: SignVariant;
  /** Set in `warn` mode when the sign is missing or matches neither variant: log it, use the reply. */
  readonly warning?: LocalizedText;
}

/**
 * Checks a received sign in both variants. `strict` throws DriverError `bad_credentials` on a
 * missing or mismatching sign; `warn` returns the verdict with a warning; `off` checks nothing.
 */
export function checkSign(fields: Readonly<Record<string, string>>, secret: string, received: string | undefined, mode: SignCheck, endpoint?: string): SignVerdict {
  if (mode === 'off') return { checked: false };
  const variant = received === undefined || received === '' ? undefined : matchingSignVariant(fields, secret, received);
  if (variant !== undefined) return { checked: true, variant };
  if (mode === 'strict') throw badSignError(endpoint);
  return { checked: true, warning: SIGN_MISMATCH_WARNING };
}

interface OpenOptions {
  readonly signCheck?: SignCheck;
  /** The endpoint or callback method, for the errors. */
  readonly endpoint?: string;
}

interface OpenedEnvelope {
  /** The plaintext JSON of `data`; "" when there is none. */
  readonly json: string;
  /** true when `data` came as plaintext (an object, or text starting with `{` / `[`), as the document's examples print it (E9). */
  readonly plaintext: boolean;
  readonly sign: SignVerdict;
}

/** `data` as the document's examples print it, decrypted already (E9): an object, or JSON text. */
function plaintextData(data: unknown): string | undefined {
  if (typeof data === 'object' && data !== null) return JSON.stringify(data);
  if (typeof data === 'string' && /^\s*[[{]/.test(data)) return data;
  return undefined;
}

/** The plaintext of a reply's or callback's `data`, as DriverErrors when it cannot be read. */
function openData(data: unknown, companyNo: string, endpoint: string | undefined): { json: string; plaintext: boolean } {
  if (data === undefined || data === null || data === '') return { json: '', plaintext: false };
  const plain = plaintextData(data);
  if (plain !== undefined) return { json: plain, plaintext: true };
  if (typeof data !== 'string') throw undecryptableError('not-encoded', endpoint);
  try {
    return { json: decryptData(data, companyNo), plaintext: false };
  } catch (error) {
    if (error instanceof DataCodecError) throw undecryptableError(error.code, endpoint, error);
    throw error;
  }
}

/**
 * Opens a reply (`resultcode, msg, companyno, timestamp, sign, data`) or a callback (`method,
 * companyno, timestamp, sign, data`): checks the company number can be a key, decrypts `data`
 * (or takes it as the plaintext the document's examples print, E9), checks that the JSON parses,
 * and checks the sign over every other scalar field with `data` as that plaintext (§2.3; a reply
 * that names the company `appid` is signed as it came, E10).
 */
export function openEnvelope(envelope: Readonly<Record<string, unknown>>, companyNo: string, options: OpenOptions = {}): OpenedEnvelope {
  checkCompanyNo(companyNo);
  const { json, plaintext } = openData(envelope['data'], companyNo, options.endpoint);
  if (json !== '') {
    try {
      JSON.parse(json);
    } catch (error) {
      throw undecryptableError('not-json', options.endpoint, error);
    }
  }
  const received = typeof envelope['sign'] === 'string' ? envelope['sign'] : undefined;
  return { json, plaintext, sign: checkSign(signedFields(envelope, json), companyNo, received, options.signCheck ?? DEFAULT_SIGN_CHECK, options.endpoint) };
}

/** The fields a received envelope's sign covers: every other scalar field, `data` as its plaintext (§2.3). */
function signedFields(envelope: Readonly<Record<string, unknown>>, json: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(envelope)) {
    if (name === 'sign' || name === 'data') continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') fields[name] = String(value);
  }
  fields['data'] = json;
  return fields;
}

/** What `sign k30` (CLI) and the Signature workbench show for typed envelope fields. */
interface SignedFields {
  readonly stringToSign: string;
  readonly sign: string;
  /** `data` encrypted and percent-encoded as sent; null when there is none. */
  readonly data: string | null;
  /** The envelope as sent: the fields, `data` as ciphertext, and `sign`. */
  readonly envelope: Readonly<Record<string, string>>;
}

/**
 * Signs envelope fields as a request is signed (1.1): `fields` without `sign`, `data` as the
 * plaintext JSON text, signed and then encrypted byte for byte as given; empty values take no part.
 * A company number that cannot be the AES key throws the DriverError of {@link checkCompanyNo}.
 */
export function signFields(fields: Readonly<Record<string, string>>, secret: string): SignedFields {
  checkCompanyNo(secret);
  const json = fields['data'];
  const signature = sign(fields, secret);
  const data = json === undefined || json === '' ? null : encryptData(json, secret);
  return { stringToSign: stringToSign(fields, secret), sign: signature, data, envelope: { ...fields, ...(data === null ? {} : { data }), sign: signature } };
}

/** One reading of §2.3 worked through for a received envelope: what is hashed, what comes out, and whether it is the sign received. */
interface SignVariantWorked {
  readonly variant: SignVariant;
  readonly stringToSign: string;
  readonly sign: string;
  readonly matches: boolean;
}

/** A received envelope opened for a person to read (the Signature workbench): never throws on a bad sign. */
type ExplainedEnvelope =
  | {
      readonly opened: true;
      /** The plaintext JSON of `data` ("" when none), and whether it came as plaintext already (E9). */
      readonly json: string;
      readonly plaintext: boolean;
      /** The sign the envelope carries; null when it has none. */
      readonly received: string | null;
      /** Both readings of §2.3 (E7): empty values dropped as stated, kept as V3 shows. */
      readonly variants: SignVariantWorked[];
      readonly verdict: SignVariant | 'mismatch' | 'missing';
    }
  | { readonly opened: false; readonly reason: 'not-encoded' | 'undecryptable' | 'not-json'; readonly advice: LocalizedText };

/**
 * Opens a reply, callback or request envelope with this company number and works its sign out in
 * both variants, for settling "your signature is wrong" with K30's support. `data` that does not
 * open is a result (with the driver's advice), not an exception; a company number that cannot be
 * the AES key throws the DriverError of {@link checkCompanyNo}.
 */
export function explainEnvelope(envelope: Readonly<Record<string, unknown>>, secret: string): ExplainedEnvelope {
  let opened: OpenedEnvelope;
  try {
    opened = openEnvelope(envelope, secret, { signCheck: 'off' });
  } catch (error) {
    const reason = error instanceof DriverError ? error.details?.['reason'] : undefined;
    if (error instanceof DriverError && error.advice && (reason === 'not-encoded' || reason === 'undecryptable' || reason === 'not-json')) return { opened: false, reason, advice: error.advice };
    throw error;
  }
  const fields = signedFields(envelope, opened.json);
  const received = typeof envelope['sign'] === 'string' && envelope['sign'] !== '' ? envelope['sign'] : null;
  const variants = (['empty-dropped', 'empty-kept'] as const).map((variant) => {
    const options = { keepEmpty: variant === 'empty-kept' };
    const worked = sign(fields, secret, options);
    return { variant, stringToSign: stringToSign(fields, secret, options), sign: worked, matches: received !== null && worked === received.toLowerCase() };
  });
  const verdict = received === null ? 'missing' : (variants.find((v) => v.matches)?.variant ?? 'mismatch');
  return { opened: true, json: opened.json, plaintext: opened.plaintext, received, variants, verdict };
}
