import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { pageSchema } from '../../../electron/drivers/empty-list.ts';
import { paged as hongtuPaged } from '../../../electron/drivers/hongtu/envelope.ts';
import { envelopeSchema } from '../../../electron/drivers/json-reply.ts';
import { paged as zkbioPaged } from '../../../electron/drivers/zkbio/envelope.ts';

describe('the shared page and envelope schemas', () => {
  it('a page: the vendor’s fields, total, and its items under its own key; every empty form is the empty page', () => {
    const schema = pageSchema('rows', z.number(), { pageNo: z.number() }, { pageNo: 1 });
    expect(schema.parse({ pageNo: 2, total: 3, rows: [1, 2] })).toEqual({ pageNo: 2, total: 3, rows: [1, 2] });
    expect(schema.parse(null)).toEqual({ pageNo: 1, total: 0, rows: [] });
    expect(schema.safeParse({ pageNo: 1, total: 3, rows: ['x'] }).success).toBe(false);
  });

  it('each vendor’s paged() is one of them', () => {
    expect(zkbioPaged(z.number()).parse({ total: 0, data: null })).toEqual({ total: 0, data: [] });
    expect(hongtuPaged(z.number()).parse({ pageNum: 1, pageSize: 20, total: 0, list: null })).toEqual({ pageNum: 1, pageSize: 20, total: 0, list: [] });
    expect(hongtuPaged(z.number()).parse(null)).toEqual({ pageNum: 1, pageSize: 0, total: 0, list: [] });
  });

  it('an envelope: the vendor’s status fields, msg and data', () => {
    const schema = envelopeSchema({ code: z.number() });
    expect(schema.parse({ code: 0, msg: 'ok', data: [1], extra: true })).toEqual({ code: 0, msg: 'ok', data: [1], extra: true });
    expect(schema.safeParse({ msg: 'no code' }).success).toBe(false);
  });
});
