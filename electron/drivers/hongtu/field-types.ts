import { z } from 'zod';
import { body } from '../endpoint-table.ts';
import type { FieldSpec } from '../endpoint-table.ts';
import { DATETIME_PATTERN } from '../field-types.ts';

export { bool, date, file, int, str } from '../field-types.ts';

/**
 * Builders for the request field types the Hongtu document uses (hongtu.md §1.4). Every JSON
 * endpoint sends its fields in a JSON body, so the types here are JSON types: an `integer` is a
 * number, a `string` that holds epoch milliseconds is a string of digits.
 */

/** `00:00` … `23:59`: "开始时间，格式：00:00", "截止时间，格式：23:59", attendance periods "eg:09:00，需要精确到分". */
const CLOCK_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
/** A millisecond timestamp written as text ("毫秒级时间戳" on a field typed string). */
const MILLIS_TEXT_PATTERN = /^\d{1,16}$/;

/** `number` / `double`: thresholds, angles, seconds with one decimal. */
export function num() {
  return z.number();
}

/** An integer from the document's enumeration, e.g. `oneOf(1, 2, 3)` for "1 员工 2访客 3 重点人员". */
export function oneOf<const T extends readonly [number, ...number[]]>(...values: T) {
  return z.literal(values);
}

/** `integer` epoch milliseconds: "时间戳,毫秒" on `*TimeStamp` / `*Stamp` fields. */
export function millis() {
  return z.number().int().nonnegative();
}

/** `string` epoch milliseconds: "毫秒级时间戳" on the attendance fields (`adjustTimeBegin`, `startTime`, `specialDate[].date`). */
export function millisText() {
  return z.string().regex(MILLIS_TEXT_PATTERN, 'expected epoch milliseconds as a string of digits');
}

/**
 * The alarm and pass-record time filters: "格式为"2020-01-01 10:00:00"，或者填一个long类型的unix
 * timestamp(毫秒)也行". Typed `string`, but "a long" may also be sent: the text form, digits, or a number.
 */
export function timeOrMillis() {
  return z.union([
    z.string().regex(DATETIME_PATTERN),
    z.string().regex(MILLIS_TEXT_PATTERN),
    z.number().int().nonnegative(),
  ]);
}

/** `HH:mm`, 24-hour. */
export function clock() {
  return z.string().regex(CLOCK_PATTERN, 'expected HH:mm (00:00–23:59)');
}

/**
 * A uuid as the platform uses them: a string (the examples are 32 hex digits without dashes, and
 * caller-supplied ones are "长度1-40，不支持特殊字符"), so only emptiness is refused.
 */
export function uuid() {
  return z.string().min(1);
}

/** `string[]` of uuids (`uuidList`, `deviceUuids`, `groupList`, …). */
export function uuids() {
  return z.array(uuid());
}

/**
 * `pageNum` / `pageSize` in the body of the 21 paged endpoints (§1.3): both optional, the server
 * defaulting to page 1 of 20 (10 for door.queryFeatureFailList); error 121041 "入参pageNum或者pageSize
 * 不可小于等于0" makes both > 0. No maximum is documented.
 */
export function paging(defaultSize = 20): FieldSpec[] {
  return [
    body('pageNum', z.number().int().positive(), false, 'page number, > 0; default 1'),
    body('pageSize', z.number().int().positive(), false, `page size, > 0; default ${defaultSize}`),
  ];
}
