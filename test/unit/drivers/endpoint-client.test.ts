import { describe, expect, it } from 'vitest';
import { pathUrl } from '../../../electron/drivers/endpoint-client.ts';
import type { EndpointSpec } from '../../../electron/drivers/endpoint-table.ts';
import { pageOf as hongtuPageOf } from '../../../electron/drivers/hongtu/client.ts';
import { readPages, type Page } from '../../../electron/drivers/paging.ts';
import { pageOf as zkbioPageOf } from '../../../electron/drivers/zkbio/client.ts';

async function all(pages: readonly unknown[], pageOf: (data: unknown) => Page, pageSize: number): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const item of readPages(async (n) => pageOf(pages[n - 1] ?? null), pageSize, { vendor: 'v', product: 'V', endpoint: 'e' })) out.push(item);
  return out;
}

describe('the vendor hooks of the shared endpoint client', () => {
  it('ZKBio pageOf reads v1 arrays, v2 pages with total or totalCount, and lastPage', () => {
    expect(zkbioPageOf([1, 2])).toEqual({ items: [1, 2] });
    expect(zkbioPageOf({ total: 5, data: [1], lastPage: false })).toEqual({ items: [1], total: 5, lastPage: false });
    expect(zkbioPageOf({ totalCount: 3, data: [1, 2, 3] })).toEqual({ items: [1, 2, 3], total: 3 });
    expect(zkbioPageOf({ data: null })).toEqual({ items: [] });
    expect(zkbioPageOf(null)).toEqual({ items: [] });
  });

  it('Hongtu pageOf reads {pageNum, pageSize, total, list}', () => {
    expect(hongtuPageOf({ pageNum: 1, pageSize: 2, total: 3, list: ['a', 'b'] })).toEqual({ items: ['a', 'b'], total: 3 });
    expect(hongtuPageOf({ list: null })).toEqual({ items: [] });
    expect(hongtuPageOf(null)).toEqual({ items: [] });
  });

  it('each pageOf ends a list where its vendor says: a short page, lastPage, or total reached', async () => {
    expect(await all([[1, 2], [3]], zkbioPageOf, 2)).toEqual([1, 2, 3]);
    expect(await all([{ total: 9, data: [1, 2], lastPage: true }, { total: 9, data: [3, 4] }], zkbioPageOf, 2)).toEqual([1, 2]);
    expect(await all([{ total: 4, list: [1, 2] }, { total: 4, list: [3, 4] }, { total: 4, list: [5, 6] }], hongtuPageOf, 2)).toEqual([1, 2, 3, 4]);
  });

  it('pathUrl puts the path below the server address, keeping its base path', () => {
    const spec = { id: 'x' } as EndpointSpec;
    const parts = { path: '/api/door/list', query: [], json: undefined, form: {} };
    expect(pathUrl({ spec, parts, base: new URL('http://host:8098/'), body: undefined }).href).toBe('http://host:8098/api/door/list');
    expect(pathUrl({ spec, parts, base: new URL('http://host/sub/'), body: undefined }).href).toBe('http://host/sub/api/door/list');
  });
});
