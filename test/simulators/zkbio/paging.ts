import { ApiFailure, PROGRAM_ERROR } from './codes.ts';

/**
 * Paging (zkbio.md §3): `pageNo` ≥ 1 and `pageSize` 1..1000, checked in the appendix's order:
 * -92 "PageSize and pageNo cannot be empty" (either missing or empty), -90 "… less than or equal to
 * 0", -91 "PageSize is greater than 1000". Text that is not an integer is -1.
 */
export interface Paging {
  readonly pageNo: number;
  readonly pageSize: number;
}

export const MAX_PAGE_SIZE = 1000;

export function readPaging(pageNo: string | undefined, pageSize: string | undefined): Paging {
  if (!pageNo || !pageSize) throw new ApiFailure(-92);
  const no = integer(pageNo);
  const size = integer(pageSize);
  if (no <= 0 || size <= 0) throw new ApiFailure(-90);
  if (size > MAX_PAGE_SIZE) throw new ApiFailure(-91);
  return { pageNo: no, pageSize: size };
}

function integer(text: string): number {
  if (!/^[-+]?\d{1,9}$/.test(text.trim())) throw new ApiFailure(PROGRAM_ERROR);
  return Number(text.trim());
}

export function pageItems<T>(items: readonly T[], paging: Paging): T[] {
  const start = (paging.pageNo - 1) * paging.pageSize;
  return items.slice(start, start + paging.pageSize);
}

/**
 * The "With Total Number" object. The document's examples disagree on `page`/`offset` for the
 * first page (0 in most, 1 in some; §3.2); this answers like most of them — Spring Data's 0-based
 * page — with `size` the number of items on this page (2.12.10's example: size 1, total 1).
 */
export function pagedObject<T>(items: readonly T[], paging: Paging): Record<string, unknown> {
  const data = pageItems(items, paging);
  const offset = (paging.pageNo - 1) * paging.pageSize;
  return { page: paging.pageNo - 1, size: data.length, total: items.length, data, offset, lastPage: offset + data.length >= items.length };
}
