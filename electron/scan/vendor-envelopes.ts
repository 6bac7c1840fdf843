/** The requests a web port may get besides `GET /` (see fingerprints.ts: VENDOR_PROBES). */
export type VendorProbe = 'zkbio' | 'hongtu' | 'k30';

/** A vendor's envelope recognised in a JSON reply: how sure, and how it strays from the document. */
interface EnvelopeMatch {
  readonly kind: VendorProbe;
  readonly confidence: number;
  /** What differs from the documented envelope; empty for the documented one. */
  readonly variants: readonly string[];
}

/**
 * How sure a recognised envelope makes us: the documented one at the vendor's `full` confidence
 * (at or above CERTAIN, 0.8); each way a reply strays from it costs a little, and any at all keeps
 * it below 0.8, so the scan still asks the other probes, but the system is named.
 */
function graded(full: number, variants: readonly string[]): number {
  if (variants.length === 0) return full;
  return Math.round(Math.max(0.6, 0.75 - 0.05 * (variants.length - 1)) * 100) / 100;
}

/** An integer sent as a number, or as its digits in a string (servers vary). */
function integerOf(value: unknown): { readonly value: number; readonly asText: boolean } | null {
  if (typeof value === 'number' && Number.isInteger(value)) return { value, asText: false };
  if (typeof value === 'string' && /^-?\d{1,12}$/.test(value.trim())) return { value: Number(value.trim()), asText: true };
  return null;
}

/** Which of the text fields the reply carries: the one the document names, the other, or none. */
function textField(json: Record<string, unknown>, documented: 'message' | 'msg'): 'documented' | 'other' | null {
  const other = documented === 'message' ? 'msg' : 'message';
  if (typeof json[documented] === 'string') return 'documented';
  return typeof json[other] === 'string' ? 'other' : null;
}

/**
 * ZKBio CVSecurity (zkbio.md §2): `{code, message, data}`, `code < 0` a failure (§7's codes), as
 * asked without `access_token`. Seen and accepted as variants: `code` as text, `msg` (the name the
 * document's description uses) for `message`, no `data`, and the `{ret: "ok"|"fail", msg}` envelope
 * of its transaction endpoints. A variant names ZKBio only as a refusal (a negative code): a
 * positive `code` with a `message` is what half the web's frameworks answer.
 */
function zkbio(json: Record<string, unknown>, probe: VendorProbe | 'root'): EnvelopeMatch | null {
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

const HONGTU_REFUSALS = new Set([100001, 100008]);

/**
 * Hongtu 2000 (hongtu.md §1.2, §9): `{code, data, msg}`; an unsigned request is refused with
 * 100001 未登录 or 100008 签名错误, numbers no other vendor uses, so they name Hongtu wherever they
 * come from, with variants (code as text, `message` for `msg`, no `msg`, no `data`). Any other
 * code with a `msg` is a weak hint, and only in answer to Hongtu's own probe.
 */
function hongtu(json: Record<string, unknown>, probe: VendorProbe | 'root'): EnvelopeMatch | null {
  const code = integerOf(json['code']);
  if (!code) return null;
  const text = textField(json, 'msg');
  if (!HONGTU_REFUSALS.has(code.value)) {
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
 * K30 (k30.md §1.3): `{resultcode: "1"|"0", msg, …, data}`, the result a string. Accepted as
 * variants: `resultcode` as a number (k30.md §4: numbers arrive either way), `message` for `msg`,
 * no `msg`, no `data`. The documented envelope names K30 in answer to any probe (less surely to
 * another's); a variant only in answer to K30's own.
 */
function k30(json: Record<string, unknown>, probe: VendorProbe | 'root'): EnvelopeMatch | null {
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

/** The vendor envelope a JSON reply to `probe` carries, the surest reading first; null for none. */
export function readEnvelope(json: Record<string, unknown>, probe: VendorProbe | 'root'): EnvelopeMatch | null {
  const matches = [k30(json, probe), hongtu(json, probe), zkbio(json, probe)].filter((m): m is EnvelopeMatch => m !== null);
  return matches.sort((a, b) => b.confidence - a.confidence)[0] ?? null;
}
