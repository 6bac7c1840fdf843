import { SCANNED_VENDORS, type EnvelopeMatch, type ScannedVendor } from '../drivers/registry.ts';

/** The requests a web port may get besides `GET /`: one per vendor the scanner recognises. */
export type VendorProbe = ScannedVendor;

/**
 * The vendor envelope a JSON reply to `probe` carries, the surest reading first; null for none.
 * Each vendor reads its own (`drivers/<vendor>/fingerprint.ts`, with the variants real servers
 * send). On equal confidence the vendor later in the registry wins: the later envelopes
 * (Hongtu's refusal codes, K30's `resultcode`) are the more particular ones.
 */
export function readEnvelope(json: Record<string, unknown>, probe: VendorProbe | 'root'): EnvelopeMatch | null {
  const matches = [...SCANNED_VENDORS]
    .reverse()
    .map((descriptor) => descriptor.fingerprint.readEnvelope(json, probe))
    .filter((m): m is EnvelopeMatch => m !== null);
  return matches.sort((a, b) => b.confidence - a.confidence)[0] ?? null;
}
