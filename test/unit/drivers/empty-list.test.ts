import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { isEmptyList, listOf, pageOrEmpty } from '../../../electron/drivers/empty-list.ts';

describe('the forms of an empty list (issue 11 item 17)', () => {
  it('null, absent, [] and a page object without items and without a total', () => {
    for (const value of [null, undefined, [], { data: null }, { list: [] }, { total: 0 }, { totalCount: '0', data: null }, { pageNum: 1, pageSize: 20, total: 0, list: null }]) {
      expect(isEmptyList(value), JSON.stringify(value)).toBe(true);
    }
  });

  it('not: items, a page beyond the end (total > 0), an object that is no page, a scalar', () => {
    for (const value of [[1], { data: [1], total: 1 }, { total: 5, data: [] }, { rows: [] }, {}, 'OK', 0]) {
      expect(isEmptyList(value), JSON.stringify(value)).toBe(false);
    }
  });

  it('listOf and pageOrEmpty read them as [] and the empty page, keeping what the server sent', () => {
    expect(listOf(z.number()).parse(null)).toEqual([]);
    expect(listOf(z.number()).parse([1, 2])).toEqual([1, 2]);
    expect(() => listOf(z.number()).parse({ rows: [] })).toThrow();
    const page = pageOrEmpty(z.looseObject({ total: z.number(), data: z.array(z.number()) }), { total: 0, data: [] });
    expect(page.parse(null)).toEqual({ total: 0, data: [] });
    expect(page.parse({ page: 0, size: 0, data: null })).toEqual({ page: 0, size: 0, total: 0, data: [] });
    expect(page.parse({ total: 5, data: [] })).toEqual({ total: 5, data: [] });
  });
});
