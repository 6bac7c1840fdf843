import { z } from 'zod';

/**
 * How Doorman trusts a backend's HTTPS certificate. LAN servers usually have a self-signed one:
 * pinning its SHA-256 fingerprint (as shown on first connection) is the safe way to accept it.
 */
export const TlsOptionsSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('verify') }),
  z.strictObject({
    mode: z.literal('pinned'),
    /** SHA-256 of the certificate, hex with or without colons, any case. */
    fingerprint256: z.string().regex(/^([0-9a-fA-F]{2}:?){31}[0-9a-fA-F]{2}$/),
  }),
  z.strictObject({ mode: z.literal('accept-any') }),
]);
export type TlsOptions = z.infer<typeof TlsOptionsSchema>;

export function normalizeFingerprint(fingerprint: string): string {
  return fingerprint.replace(/:/g, '').toUpperCase();
}
