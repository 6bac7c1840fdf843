import { z } from 'zod';

/**
 * Servers answer an empty list in more than one form: `data: null` (or no `data`), `[]`, or a page
 * object with no items (`{"total":0,"data":null}`, `{"pageNum":1,"list":null}`). All of them are an
 * empty list (issue 11 item 17) — for every list endpoint of every vendor, through the two schema
 * helpers below that the endpoint tables use. A page *beyond the end* (`total` 5, no items) is not
 * an empty list and keeps its total.
 */
const ITEM_KEYS = ['data', 'list'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A total that says "nothing": absent, or 0 (as a number or a numeric string). */
function totalIsZero(record: Record<string, unknown>): boolean {
  for (const key of ['total', 'totalCount']) {
    const total = record[key];
    if (total !== undefined && total !== null && Number(total) !== 0) return false;
  }
  return true;
}

/** Whether `value` is one of the forms of an empty list. */
export function isEmptyList(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (!isRecord(value)) return false;
  const items = ITEM_KEYS.filter((key) => key in value).map((key) => value[key]);
  const noItems = items.every((item) => item === null || item === undefined || (Array.isArray(item) && item.length === 0));
  const saysEmpty = items.length > 0 || 'total' in value || 'totalCount' in value;
  return saysEmpty && noItems && totalIsZero(value);
}

/** A page's list of `item`s; a null or absent list is an empty one. */
function itemsOrEmpty<T extends z.ZodType>(item: T) {
  return z.array(item).nullish().transform((items) => items ?? []);
}

/**
 * A vendor's page object: its own fields (`shape`, e.g. the page number), `total`, and the list of
 * `item`s under `itemsKey` (`data`, `list`); every empty form reads as the page with no items.
 */
export function pageSchema<K extends string, T extends z.ZodType, S extends z.ZodRawShape>(itemsKey: K, item: T, shape: S, empty: Readonly<Record<string, unknown>> = {}) {
  const page = { ...shape, total: z.number().int().nonnegative(), [itemsKey]: itemsOrEmpty(item) } as S & { total: z.ZodNumber } & { [P in K]: ReturnType<typeof itemsOrEmpty<T>> };
  return pageOrEmpty(z.looseObject(page), { ...empty, total: 0, [itemsKey]: [] });
}

/** The schema of a list `data` (a JSON array of `item`) that reads every empty form as `[]`. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => (isEmptyList(value) ? [] : value), z.array(item));
}

/**
 * A vendor's page schema that reads every empty form as `empty` (the vendor's page with no items,
 * e.g. `{total: 0, data: []}`); what the server did send of the page object is kept.
 */
export function pageOrEmpty<S extends z.ZodType>(page: S, empty: Readonly<Record<string, unknown>>) {
  return z.preprocess((value) => (isEmptyList(value) ? { ...empty, ...(isRecord(value) ? dropNulls(value) : {}) } : value), page);
}

function dropNulls(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null && value !== undefined));
}
