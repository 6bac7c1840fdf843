import { z } from 'zod';
import { body } from '../endpoint-table.ts';
import type { FieldSpec } from '../endpoint-table.ts';

/**
 * Builders for the request field types the K30 document prints (k30.md §0): `string`/`String`
 * with its 长度 column as a maximum ("max" = none), `Int` as a JSON number, `date` as text. Every
 * field goes in the plaintext `data` object (envelope.ts), so they are all `body` fields.
 */

/** `yyyy-MM-dd HH:mm:ss`, the validity and visit times. */
export const DATETIME_PATTERN = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
/** `yyyy-MM-dd`, the report and record.list dates. */
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** `string` / `String` of at most `max` characters; no argument for the document's "max". */
export function str(max?: number) {
  return max === undefined ? z.string() : z.string().max(max);
}

/** `Int` (the 11 / 10 of its 长度 column is a column width, not a rule). */
export function int() {
  return z.number().int();
}

/** A `string` holding one of the document's codes, e.g. `sex` "0-未知，1-男，2-女". */
export function code<const T extends readonly [string, ...string[]]>(...values: T) {
  return z.enum(values);
}

/** An `Int` holding one of the document's codes, e.g. setLongOpen `mode` "1=常开，2=常关". */
export function intCode<const T extends readonly [number, ...number[]]>(...values: T) {
  return z.literal(values);
}

/** `yyyy-MM-dd HH:mm:ss` within the field's length. */
export function dateTime(max = 50) {
  return z.string().max(max).regex(DATETIME_PATTERN, 'expected yyyy-MM-dd HH:mm:ss');
}

/** `yyyy-MM-dd` (typed `date`, length 11, or `String` 32). */
export function date() {
  return z.string().regex(DATE_PATTERN, 'expected yyyy-MM-dd');
}

/** attendance.calculate's bounds: `yyyy-MM-dd 00:00:00` / `yyyy-MM-dd 23:59:59` as its examples (E16), or a bare date. */
export function dayBound() {
  return z.string().regex(/^\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}:\d{2})?$/, 'expected yyyy-MM-dd or yyyy-MM-dd HH:mm:ss');
}

/** "图片base64格式，需带data:image/jpeg;base64": a JPEG data URI, with the comma (E30). */
export function jpegDataUri() {
  return z.string().regex(/^data:image\/jpeg;base64,[A-Za-z0-9+/]+={0,2}$/, 'expected data:image/jpeg;base64,<base64 JPEG>');
}

/** `pwd`: "纯数字，最大6位" — digits only, 1 to 6 of them. */
export function pin() {
  return z.string().regex(/^\d{1,6}$/, 'expected 1 to 6 digits');
}

/** A comma-separated list of numbers, e.g. `device_nos` "123456,111111,121212". */
export function commaList(max?: number) {
  return str(max).regex(/^[^,\s]+(,[^,\s]+)*$/, 'expected numbers separated by commas, no spaces');
}

/**
 * `pageindex` / `pagesize`, both 必填 是 on every list endpoint; the document's examples are 1 and 20
 * and it never says the base, so pages start at 1 (E38).
 */
export function paging(): FieldSpec[] {
  return [
    body('pageindex', int().positive(), true, '当前页数 current page, from 1 (example 1)'),
    body('pagesize', int().positive(), true, '每页显示数量 page size (example 20)'),
  ];
}
