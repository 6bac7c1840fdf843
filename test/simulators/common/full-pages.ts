import type { PageShape } from './faults.ts';

/**
 * The `full-pages` fault: a list server that never runs out. Every page holds `pageSize` items,
 * made from the first item the list ever answered (remembered per endpoint, so page 2 of a
 * two-item list is full too): `repeat` gives the same items on every page (a server that ignores
 * the page number), `endless` new ones on every page (ids made unique by page and position).
 */
const ID_KEYS = ['id', 'uuid', 'sn', 'snCode', 'code', 'pin', 'name'];
const PLAIN_ITEM: Readonly<Record<string, unknown>> = { id: 'item', uuid: 'item', name: 'item' };

export class FullPages {
  private readonly templates = new Map<string, Record<string, unknown>>();

  /** The page's items: the real ones, or `pageSize` made ones when the rule applies. */
  items(endpoint: string, items: readonly unknown[], page: { readonly pageNo: number; readonly pageSize: number }, shape: PageShape | undefined): unknown[] {
    const first = items[0];
    if (first !== null && typeof first === 'object' && !this.templates.has(endpoint)) this.templates.set(endpoint, first as Record<string, unknown>);
    if (shape === undefined) return [...items];
    const template = this.templates.get(endpoint) ?? PLAIN_ITEM;
    return Array.from({ length: page.pageSize }, (_, i) => made(template, shape === 'endless' ? `p${page.pageNo}-${i}` : String(i)));
  }
}

function made(template: Readonly<Record<string, unknown>>, suffix: string): Record<string, unknown> {
  const item: Record<string, unknown> = { ...template };
  for (const key of ID_KEYS) if (typeof item[key] === 'string') item[key] = `${String(item[key])}-${suffix}`;
  return item;
}

/** A total no list reaches, for paged replies under `full-pages`. */
export const ENDLESS_TOTAL = 1_000_000_000;
