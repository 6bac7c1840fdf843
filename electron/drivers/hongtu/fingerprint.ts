import { graded, integerOf, textField } from '../envelope-reading.ts';
import type { EnvelopeMatch, ScannedVendor, VendorFingerprint } from '../vendor-descriptor.ts';

const REFUSALS = new Set([100001, 100008]);

/**
 * Hongtu 2000 (hongtu.md §1.2, §9): `{code, data, msg}`; an unsigned request is refused with
 * 100001 未登录 or 100008 签名错误, numbers no other vendor uses, so they name Hongtu wherever they
 * come from, with variants (code as text, `message` for `msg`, no `msg`, no `data`). Any other
 * code with a `msg` is a weak hint, and only in answer to Hongtu's own probe.
 */
function readEnvelope(json: Record<string, unknown>, probe: ScannedVendor | 'root'): EnvelopeMatch | null {
  const code = integerOf(json['code']);
  if (!code) return null;
  const text = textField(json, 'msg');
  if (!REFUSALS.has(code.value)) {
    return probe === 'hongtu' && !code.asText && text === 'documented' ? { kind: 'hongtu', confidence: 0.6, variants: [] } : null;
  }
  const variants = [
    ...(code.asText ? ['code as text'] : []),
    ...(text === 'other' ? ['message for msg'] : text === null ? ['no msg'] : []),
    ...('data' in json ? [] : ['no data']),
  ];
  return { kind: 'hongtu', confidence: graded(0.95, variants), variants };
}

/**
 * The scan's question: `GET /v1/api/device/info`, its one GET endpoint (hongtu.md §1), unsigned →
 * `{code, msg, data}` with 100001 未登录 or 100008 签名错误 (hongtu.md §9).
 */
export const hongtuFingerprint: VendorFingerprint = {
  probe: { method: 'GET', path: '/v1/api/device/info' },
  name: /鸿图|Hongtu/i,
  readEnvelope,
};
