import { createHash } from 'node:crypto';
import type { LocalizedText } from '../driver-error.ts';
import { apicodeSpec, type ApicodeSpec, type SignComponent } from './endpoints.ts';
import { badResponseSignError, responseSignWarning, unknownApicodeError } from './errors.ts';
import { compactJson, readPlatformJson } from './json-text.ts';
import { DEFAULT_CODEC_OPTIONS, type ResponseSignCheck, type ZhejiangCodecOptions } from './options.ts';

/**
 * The Zhejiang platform's signs (seed 002 §1.5 and each interface's sign row; zhejiang.md §3, D1–D4,
 * D18), pure functions tested against the digest's vectors V1–V3 and §8.3
 * (test/vendors/zhejiang/unit/sign.test.ts). The document's own example sign is a placeholder that
 * no reading reproduces (§8.1, E11), so the self-made vectors are all there is.
 *
 * D1: the components of the apicode's formula (endpoints.ts), concatenated with no separator, a
 * null or absent one skipped, booleans as "true"/"false", accessSecret last; MD5 of the UTF-8 bytes,
 * 32 lowercase hex. D2: `param` is the compact JSON text (json-text.ts), the very text sent on TCP.
 * D4: C_SIGN_IN signs param without `img`, T_POST_DEVICE_PERSON without each `data[].img`.
 */
export function md5Hex(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

/** A request's fields by name; `param` an object (serialized by D2) or the exact JSON text. */
export interface RequestFields {
  readonly version: string;
  readonly sn: string;
  readonly apicode: string;
  readonly token?: string | null | undefined;
  readonly taskid?: string | null | undefined;
  readonly accessId?: string | null | undefined;
  readonly accessKey?: string | null | undefined;
  readonly timeStamp?: string | null | undefined;
  readonly param?: unknown;
}

export interface SignedRequest {
  /** The param text sent (D2), undefined when there is none. */
  readonly paramText: string | undefined;
  /** The param text signed: paramText without the photo (D4). */
  readonly signedParamText: string | undefined;
  readonly stringToSign: string;
  readonly sign: string;
}

function specOf(apicode: string): ApicodeSpec {
  const spec = apicodeSpec(apicode);
  if (!spec) throw unknownApicodeError(apicode);
  return spec;
}

/** The param as an object to edit: itself, or its text read (leniently, D19). */
function paramObject(param: unknown): unknown {
  return typeof param === 'string' ? readPlatformJson(param).value : param;
}

/** A copy of `value` without the photo at `where`: the key deleted, or its value "" (D4). */
function withoutImage(value: unknown, where: NonNullable<ApicodeSpec['unsignedImage']>, mode: ZhejiangCodecOptions['imgSignMode']): { value: unknown; changed: boolean } {
  const strip = (item: unknown): { value: unknown; changed: boolean } => {
    if (item === null || typeof item !== 'object' || Array.isArray(item) || !('img' in item)) return { value: item, changed: false };
    const copy: Record<string, unknown> = { ...(item as Record<string, unknown>) };
    if (mode === 'delete') delete copy['img'];
    else copy['img'] = '';
    return { value: copy, changed: true };
  };
  if (where === 'img') return strip(value);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { value, changed: false };
  const data = (value as Record<string, unknown>)['data'];
  if (!Array.isArray(data)) return { value, changed: false };
  const items = data.map(strip);
  if (!items.some((item) => item.changed)) return { value, changed: false };
  return { value: { ...(value as Record<string, unknown>), data: items.map((item) => item.value) }, changed: true };
}

/** The param texts sent and signed (D2, D4). A string param is sent as typed; only the signed copy is rebuilt. */
export function paramTexts(apicode: string, param: unknown, options: ZhejiangCodecOptions = DEFAULT_CODEC_OPTIONS): { sent: string | undefined; signed: string | undefined } {
  if (param === undefined || param === null) return { sent: undefined, signed: undefined };
  const spec = specOf(apicode);
  const sent = typeof param === 'string' ? param : compactJson(param, spec.param);
  if (!spec.unsignedImage) return { sent, signed: sent };
  const stripped = withoutImage(paramObject(param), spec.unsignedImage, options.imgSignMode);
  if (!stripped.changed) return { sent, signed: sent };
  return { sent, signed: compactJson(stripped.value, typeof param === 'string' ? undefined : spec.param) };
}

function componentText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}

/** D1: the components' texts concatenated, null and absent ones skipped, the secret last. */
export function assemble(components: readonly SignComponent[], values: Readonly<Partial<Record<SignComponent, unknown>>>, accessSecret: string): string {
  let text = '';
  for (const component of components) {
    const part = component === 'accessSecret' ? accessSecret : componentText(values[component]);
    if (part !== undefined) text += part;
  }
  return text;
}

/** The request's string to sign and sign, by its apicode's formula (endpoints.ts). */
export function signRequest(fields: RequestFields, accessSecret: string, options: ZhejiangCodecOptions = DEFAULT_CODEC_OPTIONS): SignedRequest {
  const spec = specOf(fields.apicode);
  const { sent, signed } = paramTexts(fields.apicode, fields.param, options);
  const stringToSign = assemble(spec.requestSign, { ...fields, param: signed }, accessSecret);
  return { paramText: sent, signedParamText: signed, stringToSign, sign: md5Hex(stringToSign) };
}

/** A response's fields: `response` as the raw JSON text received (D18), absent when there is none. */
export interface ResponseFields {
  readonly version: string | null | undefined;
  readonly success: boolean;
  /** The request's taskid: responses carry none (zhejiang.md §3.1 rule 6). */
  readonly taskid?: string | null | undefined;
  readonly response?: string | null | undefined;
}

export type ResponseSignVariant = 'as-written' | 'with-response';

export interface ResponseSignWorked {
  readonly variant: ResponseSignVariant;
  readonly stringToSign: string;
  readonly sign: string;
}

/** The response signs the formula allows: as written, and for §3.5/§3.7 also with `response` (D18). */
export function responseSigns(apicode: string, fields: ResponseFields, accessSecret: string): ResponseSignWorked[] {
  const spec = specOf(apicode);
  if (!spec.responseSign) return [];
  const forms: [ResponseSignVariant, readonly SignComponent[]][] = [['as-written', spec.responseSign]];
  if (spec.responseSignVariant) forms.push(['with-response', spec.responseSignVariant]);
  return forms.map(([variant, components]) => {
    const stringToSign = assemble(components, fields, accessSecret);
    return { variant, stringToSign, sign: md5Hex(stringToSign) };
  });
}

export interface ResponseSignVerdict {
  /** false when the check is off, or the apicode's responses carry no sign. */
  readonly checked: boolean;
  /** The variant that matched; undefined when none did. */
  readonly variant?: ResponseSignVariant;
  /** A failure response is never held to its sign (D18): the platform may not know the secret. */
  readonly enforced: boolean;
  /** In warn mode (or on a failure response) when the sign is missing or matches no variant: log it, use the response. */
  readonly warning?: LocalizedText;
}

/**
 * D18: checks a response's sign. `off` checks nothing; `warn` returns a warning on a mismatch;
 * `strict` throws DriverError `bad_credentials` — except on a failure response, never enforced.
 */
export function checkResponseSign(apicode: string, fields: ResponseFields, received: string | null | undefined, accessSecret: string, mode: ResponseSignCheck): ResponseSignVerdict {
  const spec = specOf(apicode);
  if (mode === 'off' || !spec.responseSign) return { checked: false, enforced: false };
  const enforced = fields.success;
  const given = typeof received === 'string' ? received.toLowerCase() : '';
  const match = given === '' ? undefined : responseSigns(apicode, fields, accessSecret).find((worked) => worked.sign === given);
  if (match) return { checked: true, enforced, variant: match.variant };
  if (mode === 'strict' && enforced) throw badResponseSignError(apicode);
  return { checked: true, enforced, warning: responseSignWarning(apicode) };
}
