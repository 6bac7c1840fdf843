/**
 * Reading vendor records defensively: the endpoint tables' schemas have checked the types, but
 * documents' examples omit fields, quote numbers and spell some keys two ways.
 */
export type Fields = Readonly<Record<string, unknown>>;

export function fields(value: unknown): Fields {
  return typeof value === 'object' && value !== null ? (value as Fields) : {};
}

/** Trimmed text, or null for missing / empty. */
export function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const s = String(value).trim();
  return s === '' ? null : s;
}

/** An integer from a number or a digit string, else null. */
export function int(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  return Number.isInteger(n) ? n : null;
}

/** A finite number from a number or a decimal string ("36.5"), else null. */
export function decimal(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : Number.NaN;
  return Number.isFinite(n) ? n : null;
}

/** A record's fields by lower-case name, the first of names that differ only in case (K30's `deviceNo` / `deviceno`, E19). */
export function fieldsByLowerName(value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(fields(value))) {
    const key = name.toLowerCase();
    if (!Object.hasOwn(out, key)) out[key] = field;
  }
  return out;
}
