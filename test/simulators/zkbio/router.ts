import type { CatalogEntry } from './catalog.ts';

/**
 * Path matching, strict as Spring's: case-sensitive, no trailing slash, `{name}` matches one
 * non-empty segment. 2.26.4's `/api/person/delete/{pin}{templateNo}` has two parameters in one
 * segment with no separator; since `templateNo` is one digit (0–9, §5.11) the last character is
 * read as `templateNo` and the rest as `pin`.
 *
 * When two entries share method and path (2.21.1/2.41.7, 2.21.2/2.41.8, 2.35.5/2.35.8), the paged
 * one answers, as zkbio.md §8.5 item 32 recommends for every `/api/v2/` list.
 */
type Segment = { readonly literal: string } | { readonly params: readonly string[] };

interface Route {
  readonly entry: CatalogEntry;
  readonly segments: readonly Segment[];
  readonly literals: number;
}

export type RouteMatch =
  | { readonly kind: 'found'; readonly entry: CatalogEntry; readonly pathParams: Readonly<Record<string, string>> }
  | { readonly kind: 'wrong-method'; readonly allow: readonly string[] }
  | { readonly kind: 'not-found' };

export class Router {
  private readonly routes: Route[];

  /** `paths` replaces an endpoint's path by id, e.g. to act as a server that only knows a document's literal URL. */
  constructor(entries: readonly CatalogEntry[], paths: Readonly<Record<string, string>> = {}) {
    const routes = entries.map((entry) => {
      const segments = compile(paths[entry.id] ?? entry.path);
      return { entry, segments, literals: segments.filter((segment) => 'literal' in segment).length };
    });
    const rank = (route: Route): number => (route.entry.reply === 'paged' ? 0 : 1);
    this.routes = routes.sort((a, b) => b.literals - a.literals || rank(a) - rank(b));
  }

  match(method: string, path: string): RouteMatch {
    const parts = path.split('/').slice(1);
    const hits: { route: Route; params: Record<string, string> }[] = [];
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (params) hits.push({ route, params });
    }
    if (hits.length === 0) return { kind: 'not-found' };
    const wanted = method === 'HEAD' ? 'GET' : method;
    const hit = hits.find((candidate) => candidate.route.entry.method === wanted);
    if (hit) return { kind: 'found', entry: hit.route.entry, pathParams: hit.params };
    return { kind: 'wrong-method', allow: [...new Set(hits.map((candidate) => candidate.route.entry.method))] };
  }
}

function compile(path: string): Segment[] {
  return path
    .split('/')
    .slice(1)
    .map((part) => {
      const params = [...part.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? '');
      return params.length > 0 ? { params } : { literal: part };
    });
}

function matchSegments(segments: readonly Segment[], parts: readonly string[]): Record<string, string> | undefined {
  if (segments.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, segment] of segments.entries()) {
    const part = parts[index] ?? '';
    if ('literal' in segment) {
      if (segment.literal !== part) return undefined;
      continue;
    }
    let value: string;
    try {
      value = decodeURIComponent(part);
    } catch {
      return undefined;
    }
    if (value.length < segment.params.length) return undefined;
    const [first, second] = segment.params;
    if (second === undefined) {
      params[first ?? ''] = value;
    } else {
      params[first ?? ''] = value.slice(0, -1);
      params[second] = value.slice(-1);
    }
  }
  return params;
}
