import type { z } from 'zod';
import {
  CREDENTIALS_SCHEMAS,
  NewBackendSchema,
  UpdateBackendSchema,
  type Backend,
  type DriverVendor,
  type NewBackend,
} from '../../../../shared/contract/backends.ts';
import type { SiteId } from '../../../../shared/contract/sites.ts';
import { en } from '../../../../shared/i18n/en.ts';
import { normalizeBaseUrl } from '../../../../shared/rules/base-url.ts';
import type { BackendUpdate } from '../../stores/backends.ts';

/** The vendors the form can add today: those with a driver (the contract's CREDENTIALS_SCHEMAS); Zhejiang joins with its driver. */
export const FORM_VENDORS = Object.keys(CREDENTIALS_SCHEMAS) as readonly DriverVendor[];
export type FormVendor = DriverVendor;
export type TlsMode = 'verify' | 'pinned' | 'accept-any';

export interface BackendFormValues {
  readonly vendor: FormVendor;
  readonly name: string;
  readonly baseUrl: string;
  readonly tlsMode: TlsMode;
  readonly fingerprint: string;
  readonly token: string;
  readonly appKey: string;
  readonly secretKey: string;
  readonly companyNo: string;
}

export type FormField = 'name' | 'baseUrl' | 'fingerprint' | 'token' | 'appKey' | 'secretKey' | 'companyNo';
/** Per field, the catalog key under `validation.` of its first problem. */
type FieldErrors = Partial<Record<FormField, string>>;

type Checked<T> = { readonly ok: true; readonly input: T } | { readonly ok: false; readonly errors: FieldErrors };

/** The form fields of a vendor's credentials: its schema's fields, in the contract's order. */
export function credentialFields(vendor: FormVendor): readonly FormField[] {
  return Object.keys(CREDENTIALS_SCHEMAS[vendor].shape)
    .map((key) => FIELD_BY_KEY[key])
    .filter((field): field is FormField => field !== undefined);
}

export function emptyForm(vendor: FormVendor = 'zkbio'): BackendFormValues {
  return { vendor, name: '', baseUrl: '', tlsMode: 'verify', fingerprint: '', token: '', appKey: '', secretKey: '', companyNo: '' };
}

/** A new backend found elsewhere (a scan): its vendor, address and suggested name, credentials still to type. */
export function draftForm(draft: { readonly vendor: string; readonly baseUrl: string; readonly name: string }): BackendFormValues {
  const vendor = FORM_VENDORS.find((v) => v === draft.vendor);
  return { ...emptyForm(vendor), name: draft.name, baseUrl: draft.baseUrl };
}

/** The edit form starts from what the API tells about a backend: never its secrets. */
export function formFor(backend: Backend): BackendFormValues {
  const vendor = FORM_VENDORS.find((v) => v === backend.vendor);
  return { ...emptyForm(vendor), name: backend.name, baseUrl: backend.baseUrl, tlsMode: backend.tls };
}

function tlsOf(values: BackendFormValues) {
  return values.tlsMode === 'pinned' ? { mode: 'pinned' as const, fingerprint256: values.fingerprint.trim() } : { mode: values.tlsMode };
}

function credentialsOf(values: BackendFormValues): Record<string, string> {
  return Object.fromEntries(credentialFields(values.vendor).map((field) => [field, values[field]]));
}

/** A new backend, checked with the contract's own schema (the same rules the core applies). */
export function checkNewBackend(siteId: SiteId, values: BackendFormValues): Checked<NewBackend> {
  const name = values.name.trim();
  const input = {
    siteId,
    vendor: values.vendor,
    ...(name ? { name } : {}),
    baseUrl: values.baseUrl,
    tls: tlsOf(values),
    credentials: credentialsOf(values),
  } as NewBackend;
  const result = NewBackendSchema.safeParse(input);
  return result.success ? { ok: true, input } : { ok: false, errors: fieldErrors(result.error) };
}

/**
 * An edit: only what changed is sent. Blank credentials keep the stored ones; typing any of them
 * replaces them all (the vendor's whole set is checked). A pinned backend whose fingerprint is left
 * blank keeps its pin.
 */
export function checkBackendUpdate(backend: Backend, values: BackendFormValues): Checked<BackendUpdate> {
  const errors: FieldErrors = {};
  const fields = credentialFields(values.vendor);
  const replacing = fields.some((field) => values[field] !== '');
  let credentials: BackendUpdate['credentials'];
  if (replacing) {
    const result = CREDENTIALS_SCHEMAS[values.vendor].safeParse(credentialsOf(values));
    if (result.success) credentials = result.data;
    else Object.assign(errors, fieldErrors(result.error));
  }
  const name = values.name.trim();
  const keepPin = values.tlsMode === 'pinned' && backend.tls === 'pinned' && values.fingerprint.trim() === '';
  const input: BackendUpdate = {
    id: backend.id,
    ...(name !== backend.name ? { name } : {}),
    ...(sameAddress(values.baseUrl, backend.baseUrl) ? {} : { baseUrl: values.baseUrl }),
    ...(values.tlsMode !== backend.tls || (values.tlsMode === 'pinned' && !keepPin) ? { tls: tlsOf(values) } : {}),
    ...(credentials ? { credentials } : {}),
  };
  const result = UpdateBackendSchema.safeParse(input);
  if (!result.success) Object.assign(errors, { ...fieldErrors(result.error), ...errors });
  return Object.keys(errors).length === 0 ? { ok: true, input } : { ok: false, errors };
}

/** An address typed as the stored one, tidied (`10.0.0.5:18082/` is `http://10.0.0.5:18082`), is no change. */
function sameAddress(typed: string, stored: string): boolean {
  const tidied = normalizeBaseUrl(typed);
  return typed.trim() === stored || (tidied.ok && tidied.url === stored);
}

const FIELD_BY_KEY: Readonly<Record<string, FormField>> = {
  name: 'name',
  baseUrl: 'baseUrl',
  fingerprint256: 'fingerprint',
  token: 'token',
  appKey: 'appKey',
  secretKey: 'secretKey',
  companyNo: 'companyNo',
};

/** zod issues → the first catalog key per form field. */
function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const last = issue.path[issue.path.length - 1];
    const field = typeof last === 'string' ? FIELD_BY_KEY[last] : undefined;
    if (!field || errors[field]) continue;
    errors[field] = validationKey(field, issue);
  }
  return errors;
}

function validationKey(field: FormField, issue: z.core.$ZodIssue): string {
  if (Object.hasOwn(en.validation, issue.message)) return issue.message;
  if (field === 'name') return issue.code === 'too_big' ? 'name_too_long' : 'name_required';
  return 'invalid';
}
