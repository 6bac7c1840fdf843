import { z } from 'zod';
import { query } from '../endpoint-table.ts';
import type { FieldSpec } from '../endpoint-table.ts';
import { DATETIME_PATTERN } from '../field-types.ts';

export { bool, date, file, int, str } from '../field-types.ts';

/**
 * Builders for the request field types the ZKBio document uses. Query values are serialised by
 * `requestParts`, so integer fields are numbers here whatever their location.
 */

/** `string(datetime)`. The visitor sections write the format as "yyyy-MM-dd mm:hh:ss", a typo (§2.16.1). */
export function datetime() {
  return z.string().regex(DATETIME_PATTERN, 'expected yyyy-MM-dd HH:mm:ss');
}

/**
 * A base64 string (photos, templates). The document states no image format and no `data:` prefix;
 * its only base64 image (§2.19.16 `capturePhotoBase64`) is raw JPEG base64, so a prefix is refused.
 */
export function base64() {
  return z.base64();
}

/** `integer(ms)`: a millisecond timestamp such as `1494467276539`. */
export function millis() {
  return z.number().int().nonnegative();
}

/** `integer(s)`: a duration in seconds. */
function seconds() {
  return z.number().int().positive();
}

/** Door and floor opening time: appendix -45 "Door open duration between 1~254 seconds." */
export function openSeconds() {
  return seconds().max(254);
}

/** A value the document types as string while its example sends a number (or the reverse). */
export function strOrInt() {
  return z.union([z.string(), z.number().int()]);
}

export function strArray() {
  return z.array(z.string());
}

/**
 * A query value the document describes as "multiple comma separated, string". An array is accepted
 * too: `requestParts` joins query arrays with commas, so both put the same text on the wire.
 */
export function commaList() {
  return z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
}

/** `pageNo`: "required, the value must be greater than 0" (first page = 1; appendix -90). */
export function pageNo() {
  return z.number().int().positive();
}

/** `pageSize`: "must be greater than 0", and for many lists "not more than 1000 per page" (appendix -91). */
export function pageSize(max?: number) {
  const size = z.number().int().positive();
  return max === undefined ? size : size.max(max);
}

/** The `pageNo` and `pageSize` query fields of a list endpoint. */
export function paging(max?: number, required = true): FieldSpec[] {
  const limit = max === undefined ? '' : `, at most ${max}`;
  return [
    query('pageNo', pageNo(), required, 'page number, > 0'),
    query('pageSize', pageSize(max), required, `records per page, > 0${limit}`),
  ];
}
