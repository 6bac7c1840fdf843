import type { CatalogEntry } from './catalog.ts';

/**
 * Path matching, strict as Spring's: every path is literal, case-sensitive, no trailing slash.
 * HEAD is GET. A known path with another method is "wrong method" with the allowed ones.
 */
export type RouteMatch =
  | { readonly kind: 'found'; readonly entry: CatalogEntry }
  | { readonly kind: 'wrong-method'; readonly allow: readonly string[] }
  | { readonly kind: 'not-found' };

export class Router {
  private readonly byPath = new Map<string, CatalogEntry[]>();

  constructor(entries: readonly CatalogEntry[]) {
    for (const entry of entries) this.byPath.set(entry.path, [...(this.byPath.get(entry.path) ?? []), entry]);
  }

  match(method: string, path: string): RouteMatch {
    const entries = this.byPath.get(path);
    if (!entries) return { kind: 'not-found' };
    const wanted = method === 'HEAD' ? 'GET' : method;
    const entry = entries.find((candidate) => candidate.method === wanted);
    return entry ? { kind: 'found', entry } : { kind: 'wrong-method', allow: entries.map((candidate) => candidate.method) };
  }
}
