import { graded, integerOf, textField } from '../envelope-reading.ts';
import type { EnvelopeMatch, ScannedVendor, VendorFingerprint } from '../vendor-descriptor.ts';

/**
 * ZKBio CVSecurity (zkbio.md §2): `{code, message, data}`, `code < 0` a failure (§7's codes), as
 * asked without `access_token`. Seen and accepted as variants: `code` as text, `msg` (the name the
 * document's description uses) for `message`, no `data`, and the `{ret: "ok"|"fail", msg}` envelope
 * of its transaction endpoints. A variant names ZKBio only as a refusal (a negative code): a
 * positive `code` with a `message` is what half the web's frameworks answer.
 */
function readEnvelope(json: Record<string, unknown>, probe: ScannedVendor | 'root'): EnvelopeMatch | null {
  if (probe !== 'zkbio') return null;
  if ((json['ret'] === 'ok' || json['ret'] === 'fail') && typeof json['msg'] === 'string') {
    const variants = ['the {ret, msg} envelope of its transaction endpoints'];
    return { kind: 'zkbio', confidence: graded(0.9, variants), variants };
  }
  const code = integerOf(json['code']);
  if (!code) return null;
  const text = textField(json, 'message');
  const hasData = 'data' in json;
  const variants = [
    ...(code.asText ? ['code as text'] : []),
    ...(text === 'other' ? ['msg for message'] : text === null ? ['no message'] : []),
    ...(hasData ? [] : ['no data']),
  ];
  if (variants.length === 0) return { kind: 'zkbio', confidence: code.value < 0 ? 0.9 : 0.7, variants };
  if (code.value >= 0 || (text === null && !hasData)) return null;
  return { kind: 'zkbio', confidence: graded(0.9, variants), variants };
}

/**
 * The scan's question: a GET list endpoint without `access_token` (zkbio.md §1.2: every request
 * needs one) → the `{code, message, data}` envelope with a negative code (§1.3, code < 0 = error).
 */
export const zkbioFingerprint: VendorFingerprint = {
  probe: { method: 'GET', path: '/api/accLevel/list?pageNo=1&pageSize=1' },
  name: /ZKBio|CVSecurity/i,
  readEnvelope,
};
