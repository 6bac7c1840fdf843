import { z } from 'zod';
import { method } from './define.ts';

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

export const toolsMethods = {
  'tools.signHongtu': method(
    SignHongtuInputSchema,
    z.strictObject({ stringToSign: z.string(), sign: z.string(), requestBodyMD5: z.string(), ctimestamp: z.string(), cnonce: z.string(), cappkey: z.string() }),
  ),
};
