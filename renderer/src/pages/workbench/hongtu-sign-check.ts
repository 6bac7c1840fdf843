import type { z } from 'zod';
import { SignHongtuInputSchema } from '../../../../shared/contract/tools.ts';
import { en } from '../../../../shared/i18n/en.ts';

type BodyKind = 'json' | 'md5' | 'none' | 'upload';
export const BODY_KINDS: readonly BodyKind[] = ['json', 'md5', 'none', 'upload'];
export const METHODS = ['POST', 'GET', 'PUT', 'DELETE'] as const;

export interface SignFormValues {
  readonly uri: string;
  readonly method: (typeof METHODS)[number];
  readonly query: string;
  readonly bodyKind: BodyKind;
  readonly bodyText: string;
  readonly bodyMd5: string;
  readonly secretKey: string;
  readonly appKey: string;
  readonly timestamp: string;
  readonly nonce: string;
}

export type SignField = 'uri' | 'query' | 'bodyText' | 'bodyMd5' | 'secretKey' | 'appKey' | 'timestamp' | 'nonce';
type SignInput = z.input<typeof SignHongtuInputSchema>;

export const EMPTY_SIGN_FORM: SignFormValues = {
  uri: '',
  method: 'POST',
  query: '',
  bodyKind: 'json',
  bodyText: '',
  bodyMd5: '',
  secretKey: '',
  appKey: '',
  timestamp: '',
  nonce: '',
};

/**
 * The document's own example (Hongtu §1.1): its csign is 52141def7a1e346ceee2f22c43d5fb97. The
 * printed example says device/list but hashes person/list (erratum E1), so the uri here is person/list.
 */
export const DOCUMENT_EXAMPLE: SignFormValues = {
  uri: '/v1/api/person/list',
  method: 'POST',
  query: '',
  bodyKind: 'json',
  bodyText: '{"pageNum":1,"pageSize":10}',
  bodyMd5: '',
  secretKey: 'sdfajk3242324fa!djq7',
  appKey: 'appkey1',
  timestamp: '1627300328673',
  nonce: '1234344',
};
export const DOCUMENT_CSIGN = '52141def7a1e346ceee2f22c43d5fb97';

function bodyOf(values: SignFormValues): SignInput['body'] {
  switch (values.bodyKind) {
    case 'json':
      return { kind: 'json', text: values.bodyText };
    case 'md5':
      return { kind: 'md5', md5: values.bodyMd5.trim() };
    case 'none':
      return { kind: 'none' };
    case 'upload':
      return { kind: 'upload' };
  }
}

const FIELD_BY_KEY: Readonly<Record<string, SignField>> = {
  uri: 'uri',
  query: 'query',
  text: 'bodyText',
  md5: 'bodyMd5',
  secretKey: 'secretKey',
  appKey: 'appKey',
  timestamp: 'timestamp',
  nonce: 'nonce',
};

type SignCheck = { readonly ok: true; readonly input: SignInput } | { readonly ok: false; readonly errors: Partial<Record<SignField, string>> };

/**
 * The request to sign, checked with the contract's schema. The body is hashed exactly as typed
 * (the signature covers the bytes sent), so it is not reformatted; blank timestamp / nonce let the
 * core choose them.
 */
export function checkSignForm(values: SignFormValues): SignCheck {
  const input: SignInput = {
    uri: values.uri,
    method: values.method,
    query: values.query,
    body: bodyOf(values),
    secretKey: values.secretKey,
    appKey: values.appKey,
    ...(values.timestamp.trim() ? { timestamp: values.timestamp.trim() } : {}),
    ...(values.nonce.trim() ? { nonce: values.nonce.trim() } : {}),
  };
  const result = SignHongtuInputSchema.safeParse(input);
  if (result.success) return { ok: true, input };
  const errors: Partial<Record<SignField, string>> = {};
  for (const issue of result.error.issues) {
    const last = issue.path[issue.path.length - 1];
    const field = typeof last === 'string' ? FIELD_BY_KEY[last] : undefined;
    if (field && !errors[field]) errors[field] = Object.hasOwn(en.validation, issue.message) ? issue.message : 'invalid';
  }
  return { ok: false, errors };
}

/** A 6-character nonce, as the document's `cnonce` examples have. */
export function randomNonce(): string {
  const digits = new Uint32Array(1);
  crypto.getRandomValues(digits);
  return String(100000 + ((digits[0] ?? 0) % 900000));
}
