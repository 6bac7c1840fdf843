import { z } from 'zod';

/**
 * The request field types every vendor document uses; each vendor's `field-types.ts` re-exports
 * them beside its own (ZKBio's `datetime`, Hongtu's `clock`, `uuid`…).
 */

/** `yyyy-MM-dd HH:mm:ss` (ZKBio's every date-time example; Hongtu's alarm and pass-record time filters). */
export const DATETIME_PATTERN = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
/** `yyyy-MM-dd`, e.g. `2018-08-17` (ZKBio), a schedule holiday's `date` (Hongtu). */
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export function str() {
  return z.string();
}

export function int() {
  return z.number().int();
}

export function bool() {
  return z.boolean();
}

/** `string(date)`: `yyyy-MM-dd`. */
export function date() {
  return z.string().regex(DATE_PATTERN, 'expected yyyy-MM-dd');
}

/** A multipart file part: the bytes, or a path the transport reads. */
export function file() {
  return z.union([z.instanceof(Uint8Array), z.strictObject({ path: z.string() })]);
}
