import type { z } from 'zod';
import { OpenK30InputSchema, SignK30InputSchema } from '../../../../shared/contract/tools.ts';
import { en } from '../../../../shared/i18n/en.ts';

/**
 * The K30 tab's two forms, checked with the contract's schemas before the core is asked (seed 000,
 * 1.1 算法签名 and 1.2 AES加密; k30.md §2, §3): signing a request's fields, and opening a received
 * reply or callback envelope.
 */
export interface K30SignValues {
  readonly companyno: string;
  readonly timestamp: string;
  /** Callbacks carry `method` (authstatus, UploadRecord); blank for a request. */
  readonly method: string;
  /** Any other envelope fields as a JSON object of text or numbers (the 1.1 example's `deviceno`). */
  readonly otherFields: string;
  /** `data` as the plaintext JSON text, signed and encrypted exactly as typed. */
  readonly data: string;
  /** The company number used as the sign secret and AES key; blank: the companyno above. */
  readonly secret: string;
}

export interface K30OpenValues {
  readonly envelope: string;
  /** Blank: the envelope's own companyno (or appid, E10). */
  readonly secret: string;
}

export type K30SignField = 'otherFields' | 'data' | 'secret';
export type K30OpenField = 'envelope' | 'secret';

export const EMPTY_K30_SIGN: K30SignValues = { companyno: '', timestamp: '', method: '', otherFields: '', data: '', secret: '' };
export const EMPTY_K30_OPEN: K30OpenValues = { envelope: '', secret: '' };

/**
 * The document's 1.1 example (k30.md §2.4, vector V1): `deviceno`, `timestamp` and `data`, signed
 * with the secret its 即 line uses (erratum E1: not the 8aec… printed beside it).
 */
export const K30_SIGN_EXAMPLE: K30SignValues = {
  companyno: '',
  timestamp: '20200604140653904',
  method: '',
  otherFields: '{"deviceno":"ae5a94eb3dbe9baf"}',
  data: '{"code":"569531"}',
  secret: 'ae5a94eb3dbe9baf',
};
export const K30_DOCUMENT_SIGN = '7e951684b52a8a1c4a31b9170dc5d76d';

/** The visitor.create success reply as the document prints it (k30.md §3.4, §3.5; sign V2). */
export const K30_OPEN_EXAMPLE: K30OpenValues = {
  envelope: JSON.stringify(
    {
      resultcode: '1',
      msg: '新增访客成功',
      companyno: '1762766749844335',
      timestamp: '20251120172204574',
      sign: 'e2b2f82eaa47c00edbf34b7691d8b678',
      data: '1jy8sFZ46tNBdn0O1NRSQ5ZYgTT9%2fMrVJ5LT1gYWB%2bw%3d',
    },
    null,
    2,
  ),
  secret: '',
};
export const K30_DOCUMENT_PLAINTEXT = '{"no":"1763630523605347"}';

type SignInput = z.input<typeof SignK30InputSchema>;
type OpenInput = z.input<typeof OpenK30InputSchema>;
export type Check<Input, Field extends string> = { readonly ok: true; readonly input: Input } | { readonly ok: false; readonly errors: Partial<Record<Field, string>> };

/** A catalog key under `validation.` for a schema's message; `invalid` when the catalog has none. */
function messageKey(message: string): string {
  return Object.hasOwn(en.validation, message) ? message : 'invalid';
}

/** The "other fields" JSON as text values; undefined when it is not an object of texts or numbers. */
function otherFieldsOf(text: string): Record<string, string> | undefined {
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(parsed)) {
    if (typeof value !== 'string' && typeof value !== 'number') return undefined;
    fields[name] = String(value);
  }
  return fields;
}

/** The fields to sign: the named ones when filled in, then the others as typed. */
export function checkK30Sign(values: K30SignValues): Check<SignInput, K30SignField> {
  const others = otherFieldsOf(values.otherFields);
  const named = { companyno: values.companyno.trim(), timestamp: values.timestamp.trim(), method: values.method.trim() };
  const fields = { ...Object.fromEntries(Object.entries(named).filter(([, value]) => value !== '')), ...others };
  const input: SignInput = { fields, data: values.data, secret: values.secret.trim() === '' ? named.companyno : values.secret };
  const result = SignK30InputSchema.safeParse(input);
  const errors: Partial<Record<K30SignField, string>> = {};
  if (others === undefined) errors.otherFields = 'k30_fields_format';
  for (const issue of result.success ? [] : result.error.issues) {
    const [first] = issue.path;
    const field: K30SignField | undefined = first === 'fields' ? 'otherFields' : first === 'data' ? 'data' : first === 'secret' ? 'secret' : undefined;
    if (field && !errors[field]) errors[field] = messageKey(issue.message);
  }
  return Object.keys(errors).length === 0 ? { ok: true, input } : { ok: false, errors };
}

/** The company number a pasted envelope names (`companyno`, or `appid` as some replies have it, E10). */
function envelopeCompanyNo(text: string): string {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return '';
    const record = parsed as Record<string, unknown>;
    const named = record['companyno'] ?? record['appid'];
    return typeof named === 'string' ? named : '';
  } catch {
    return '';
  }
}

export function checkK30Open(values: K30OpenValues): Check<OpenInput, K30OpenField> {
  const input: OpenInput = { envelope: values.envelope, secret: values.secret.trim() === '' ? envelopeCompanyNo(values.envelope) : values.secret };
  const result = OpenK30InputSchema.safeParse(input);
  if (result.success) return { ok: true, input };
  const errors: Partial<Record<K30OpenField, string>> = {};
  for (const issue of result.error.issues) {
    const [first] = issue.path;
    const field: K30OpenField | undefined = first === 'envelope' ? 'envelope' : first === 'secret' ? 'secret' : undefined;
    if (field && !errors[field]) errors[field] = messageKey(issue.message);
  }
  return { ok: false, errors };
}
