/**
 * The pieces every vendor's scan fingerprint reads a JSON envelope with (drivers/<vendor>/
 * fingerprint.ts), so each vendor states only its own fields and codes.
 */

/**
 * How sure a recognised envelope makes the scan: the documented one at the vendor's `full`
 * confidence (at or above the scanner's CERTAIN, 0.8); each way a reply strays from it costs a
 * little, and any at all keeps it below 0.8, so the scan still asks the other probes, but the
 * system is named.
 */
export function graded(full: number, variants: readonly string[]): number {
  if (variants.length === 0) return full;
  return Math.round(Math.max(0.6, 0.75 - 0.05 * (variants.length - 1)) * 100) / 100;
}

/** An integer sent as a number, or as its digits in a string (servers vary). */
export function integerOf(value: unknown): { readonly value: number; readonly asText: boolean } | null {
  if (typeof value === 'number' && Number.isInteger(value)) return { value, asText: false };
  if (typeof value === 'string' && /^-?\d{1,12}$/.test(value.trim())) return { value: Number(value.trim()), asText: true };
  return null;
}

/** Which of the text fields the reply carries: the one the document names, the other, or none. */
export function textField(json: Record<string, unknown>, documented: 'message' | 'msg'): 'documented' | 'other' | null {
  const other = documented === 'message' ? 'msg' : 'message';
  if (typeof json[documented] === 'string') return 'documented';
  return typeof json[other] === 'string' ? 'other' : null;
}
