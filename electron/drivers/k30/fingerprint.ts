import { graded, integerOf, textField } from '../envelope-reading.ts';
import type { EnvelopeMatch, ScannedVendor, VendorFingerprint } from '../vendor-descriptor.ts';

/**
 * K30 (k30.md §1.3): `{resultcode: "1"|"0", msg, …, data}`, the result a string. Accepted as
 * variants: `resultcode` as a number (k30.md §4: numbers arrive either way), `message` for `msg`,
 * no `msg`, no `data`. The documented envelope names K30 in answer to any probe (less surely to
 * another's); a variant only in answer to K30's own.
 */
function readEnvelope(json: Record<string, unknown>, probe: ScannedVendor | 'root'): EnvelopeMatch | null {
  const raw = json['resultcode'];
  const result = integerOf(raw);
  if (!result || (result.value !== 0 && result.value !== 1)) return null;
  const text = textField(json, 'msg');
  const variants = [
    ...(typeof raw === 'string' ? [] : ['resultcode as a number']),
    ...(text === 'other' ? ['message for msg'] : text === null ? ['no msg'] : []),
    ...('data' in json ? [] : ['no data']),
  ];
  if (variants.length === 0) return { kind: 'k30', confidence: probe === 'k30' ? 0.9 : 0.75, variants };
  return probe === 'k30' ? { kind: 'k30', confidence: graded(0.9, variants), variants } : null;
}

/**
 * The scan's question: `POST /openapi/Device/GetList` with an empty JSON object (k30.md §1.1) →
 * the `{resultcode: "0"|"1", msg, …}` envelope (k30.md §1.3).
 */
export const k30Fingerprint: VendorFingerprint = {
  probe: { method: 'POST', path: '/openapi/Device/GetList', body: '{}' },
  name: /\bK30\b|门禁软件K30/i,
  readEnvelope,
};
