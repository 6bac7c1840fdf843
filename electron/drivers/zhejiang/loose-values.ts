import { readPlatformJson } from './json-text.ts';

/**
 * The one lenient reader of the values inside a platform reply (§3.x.3). Platforms written from
 * the document send the same meaning in several shapes: an object or a list as a string holding
 * JSON (unquoted keys and all, D19), null for an empty list, numbers and booleans as strings
 * ("totalPage":"3", "success":"true"). Each reader here takes every shape whose meaning is clear
 * and answers undefined for the rest, so the caller decides between a fallback and a typed error.
 */

export const isPlainObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** A string holding JSON, read leniently; undefined when it is empty or no JSON. */
function parsedText(value: string): unknown {
  if (value.trim() === '') return undefined;
  try {
    return readPlatformJson(value).value;
  } catch {
    return undefined;
  }
}

/** An object, or a string holding one. */
export function looseObject(value: unknown): Record<string, unknown> | undefined {
  const read = typeof value === 'string' ? parsedText(value) : value;
  return isPlainObject(read) ? read : undefined;
}

/** A list, or a string holding one; null, a missing key and an empty string are the empty list. */
export function looseList(value: unknown): unknown[] | undefined {
  if (value === null || value === undefined) return [];
  if (typeof value === 'string' && value.trim() === '') return [];
  const read = typeof value === 'string' ? parsedText(value) : value;
  if (read === null) return [];
  return Array.isArray(read) ? read : undefined;
}

/** A whole number ≥ `min`, as a number or a digit string ("3", " 3 "). */
export function looseCount(value: unknown, min = 0): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : undefined;
  return number !== undefined && Number.isSafeInteger(number) && number >= min ? number : undefined;
}

/** A boolean, or its text ("true"/"false", any case) or 1/0 (number or string). */
export function looseBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim().toLowerCase() : undefined;
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  return undefined;
}

/** An id: a non-empty string, or a finite number's digits (ids above 2^53 only survive as strings). */
export function looseId(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}
