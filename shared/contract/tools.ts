import { z } from 'zod';
import { K30CredentialsSchema } from './backends.ts';
import { method } from './define.ts';
import { MAX_FRAME_BYTES } from './wire.ts';

/** The signature workbench: what a vendor's signature is made of, for settling disputes. */
export const SignHongtuInputSchema = z.strictObject({
  uri: z.string().trim().regex(/^\/\S*$/, { message: 'uri_format' }),
  method: z.enum(['GET', 'POST', 'PUT', 'DELETE']).default('POST'),
  query: z.string().default(''),
  /** The exact JSON text sent (hashed as typed), or a known body MD5, or an upload (empty slot). */
  body: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('json'), text: z.string() }),
    z.strictObject({ kind: z.literal('md5'), md5: z.string().regex(/^[0-9a-f]{32}$/, { message: 'md5_format' }) }),
    z.strictObject({ kind: z.literal('none') }),
    z.strictObject({ kind: z.literal('upload') }),
  ]),
  secretKey: z.string().min(1, { message: 'secret_required' }),
  appKey: z.string().min(1, { message: 'app_key_required' }),
  timestamp: z.string().regex(/^\d{1,16}$/, { message: 'timestamp_format' }).optional(),
  nonce: z.string().min(1).max(64).optional(),
});

/** Whether a text is JSON (K30 signs and encrypts `data` as its plaintext JSON text, 1.1). */
function isJsonText(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The company number: the sign secret and the AES-128 key (K30 1.1, 1.2; 16 bytes, E33). */
const K30SecretSchema = K30CredentialsSchema.shape.companyNo;
/** A pasted envelope or `data` may carry a photo (K30 takes them inline): up to half a frame. */
const K30_TEXT_MAX = MAX_FRAME_BYTES / 2;

/**
 * K30's request signature (seed 000, 1.1 and 1.2): the envelope's fields but `sign` and `data`, and
 * `data` as the plaintext JSON text, signed and then encrypted byte for byte as typed. The same
 * computation as the CLI's `sign k30 --fields --secret`.
 */
export const SignK30InputSchema = z.strictObject({
  fields: z
    .record(z.string(), z.string().max(4096))
    .refine((fields) => Object.keys(fields).length <= 32, { message: 'k30_fields_format' })
    // Names as the document's envelopes have them; `sign` is the output and `data` has its own field.
    .refine((fields) => Object.keys(fields).every((name) => /^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(name) && name !== 'sign' && name !== 'data'), { message: 'k30_field_name' }),
  data: z.string().max(K30_TEXT_MAX).refine((text) => text === '' || isJsonText(text), { message: 'k30_data_not_json' }),
  secret: K30SecretSchema,
});

/** A K30 reply, callback or request as received (its JSON text), to open with a company number. */
export const OpenK30InputSchema = z.strictObject({
  envelope: z
    .string()
    .max(K30_TEXT_MAX)
    .transform((text, ctx) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
      ctx.addIssue({ code: 'custom', message: 'k30_envelope_format', input: text });
      return z.NEVER;
    }),
  secret: K30SecretSchema,
});

const LocalizedSchema = z.strictObject({ en: z.string(), 'zh-CN': z.string() });
const K30SignVariantSchema = z.enum(['empty-dropped', 'empty-kept']);

export const toolsMethods = {
  'tools.signHongtu': method(
    SignHongtuInputSchema,
    z.strictObject({ stringToSign: z.string(), sign: z.string(), requestBodyMD5: z.string(), ctimestamp: z.string(), cnonce: z.string(), cappkey: z.string() }),
  ),
  /** K30: the string to sign, the MD5 sign, and `data` encrypted and percent-encoded as sent. */
  'tools.signK30': method(
    SignK30InputSchema,
    z.strictObject({ stringToSign: z.string(), sign: z.string(), data: z.string().nullable(), envelope: z.record(z.string(), z.string()) }),
  ),
  /**
   * K30: a received envelope opened: `data` in plaintext and the sign worked out in both readings
   * of §2.3 (E7); `data` that does not open is a result with the driver's advice.
   */
  'tools.openK30': method(
    OpenK30InputSchema,
    z.discriminatedUnion('opened', [
      z.strictObject({
        opened: z.literal(true),
        json: z.string(),
        plaintext: z.boolean(),
        received: z.string().nullable(),
        variants: z.array(z.strictObject({ variant: K30SignVariantSchema, stringToSign: z.string(), sign: z.string(), matches: z.boolean() })),
        verdict: z.enum(['empty-dropped', 'empty-kept', 'mismatch', 'missing']),
      }),
      z.strictObject({ opened: z.literal(false), reason: z.enum(['not-encoded', 'undecryptable', 'not-json']), advice: LocalizedSchema }),
    ]),
  ),
};
