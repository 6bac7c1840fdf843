import { LIST_LIMITS, type ListLimits } from '../../shared/rules/list-limits.ts';
import { DriverError } from './driver-error.ts';

/** One page of a list as a vendor's client reads it from the reply. */
export interface Page {
  readonly items: readonly unknown[];
  /** All items of the list, where the vendor says. */
  readonly total?: number | undefined;
  /** The vendor's own "this is the last page", where it says. */
  readonly lastPage?: boolean | undefined;
}

/** Which list, for errors. */
interface ListContext {
  readonly vendor: string;
  readonly product: string;
  readonly endpoint: string;
}

/**
 * Every item of a paged list, page by page from 1 (every vendor's lists, one loop). It ends at a
 * short page, the vendor's last page, or `total` reached. A server that never ends its list is
 * stopped with a typed error instead of being read forever:
 * - `paging_repeated` when a page holds the same items as the page before (the server ignores the
 *   page number: the rest of the list cannot be reached);
 * - `list_too_long` past `limits.maxPages` requests or `limits.maxRows` items — no item beyond the
 *   row limit is ever handed on.
 */
export async function* readPages(
  read: (pageNo: number) => Promise<Page>,
  pageSize: number,
  list: ListContext,
  limits: ListLimits = LIST_LIMITS,
): AsyncGenerator<unknown> {
  let rows = 0;
  let previous: string | null = null;
  for (let pageNo = 1; ; pageNo++) {
    if (pageNo > limits.maxPages) throw tooLong(list, limits, { pages: pageNo - 1, rows });
    const page = await read(pageNo);
    if (page.items.length > 0) {
      const text = JSON.stringify(page.items);
      if (text === previous) throw repeated(list, pageNo, page.items.length);
      previous = text;
    }
    if (rows + page.items.length > limits.maxRows) throw tooLong(list, limits, { pages: pageNo, rows: rows + page.items.length });
    rows += page.items.length;
    yield* page.items;
    const done = page.items.length < pageSize || page.lastPage === true || (page.total !== undefined && pageNo * pageSize >= page.total);
    if (done) return;
  }
}

function tooLong(list: ListContext, limits: ListLimits, read: { pages: number; rows: number }): DriverError {
  const byPages = read.pages >= limits.maxPages && read.rows <= limits.maxRows;
  const limitEn = byPages ? `${limits.maxPages.toLocaleString('en')} pages` : `${limits.maxRows.toLocaleString('en')} rows`;
  const limitZh = byPages ? `${limits.maxPages} 页` : `${limits.maxRows} 条`;
  return new DriverError('list_too_long', `${list.endpoint}: the list goes past Doorman's limit of ${limitEn} (${read.pages} pages read); reading stopped.`, {
    vendor: list.vendor,
    endpoint: list.endpoint,
    details: { maxPages: limits.maxPages, maxRows: limits.maxRows, pagesRead: read.pages, rowsRead: read.rows },
    advice: {
      en:
        `${list.product}'s list ${list.endpoint} goes past Doorman's limit of ${limitEn}, so Doorman stopped reading it and kept none of it (a server that never ends a list must not fill this computer's memory and disk). ` +
        `If the site really holds that many, read it in parts with filters (call ${list.endpoint} with parameters); otherwise the server does not page correctly — check it, or ask the vendor.`,
      'zh-CN':
        `${list.product} 的列表 ${list.endpoint} 超出了 Doorman 的上限（${limitZh}），Doorman 已停止读取且未保存其中任何内容（以免不结束的列表占满本机内存和磁盘）。` +
        `如果现场确实有这么多，请带筛选条件分批读取（call ${list.endpoint} 并传入参数）；否则说明服务器分页有误，请检查服务器或联系厂商。`,
    },
  });
}

function repeated(list: ListContext, pageNo: number, items: number): DriverError {
  return new DriverError('paging_repeated', `${list.endpoint}: page ${pageNo} repeats the ${items} items of page ${pageNo - 1}; reading stopped.`, {
    vendor: list.vendor,
    endpoint: list.endpoint,
    details: { page: pageNo, items },
    advice: {
      en: `${list.product} answered page ${pageNo} of ${list.endpoint} with the same ${items} items as page ${pageNo - 1}: the server ignores the page number, so the rest of the list cannot be reached. Doorman stopped reading it and kept none of it. Check the server (or a proxy in front of it), or ask the vendor.`,
      'zh-CN': `${list.product} 对 ${list.endpoint} 第 ${pageNo} 页返回了与第 ${pageNo - 1} 页相同的 ${items} 条：服务器忽略了页码，列表的其余部分无法读取。Doorman 已停止读取且未保存其中任何内容。请检查服务器（或其前面的代理），或联系厂商。`,
    },
  });
}
