import { timingSafeEqual } from 'node:crypto';
import type { RequestCounters } from './counters.ts';
import { jsonAnswer } from './http-replies.ts';
import type { HttpAnswer } from './http-replies.ts';

/**
 * A simulator's own routes (`/__sim/...`) — not part of the vendor API, never faulted, never
 * counted. Every one needs `Authorization: Bearer <token>`, 401 otherwise; a route that throws
 * (a bad body) is 400 with the error's message, an unknown one 404. Every simulator has
 *
 *   GET    /__sim/faults         the fault rules
 *   POST   /__sim/faults         {kind, endpoint?, count?, ms?, status?, shape?} → {id}
 *   DELETE /__sim/faults[?id=N]  clear one rule or all
 *   GET    /__sim/counters       requests per endpoint id; DELETE resets them
 *
 * and adds its own (state, events, devices…) by `METHOD /path`.
 */
export interface AdminRequest {
  readonly url: URL;
  /** The JSON body, `{}` when empty; throws when it is not JSON. */
  body(): unknown;
}

export type AdminRoute = (request: AdminRequest) => HttpAnswer;

/** Routes by `METHOD /__sim/path`. */
export type AdminRoutes = Readonly<Record<string, AdminRoute>>;

export function isAdminPath(path: string): boolean {
  return path === '/__sim' || path.startsWith('/__sim/');
}

export function hasAdminToken(authorization: string | undefined, token: string): boolean {
  const expected = Buffer.from(`Bearer ${token}`);
  const given = Buffer.from(authorization ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function handleAdmin(token: string, routes: AdminRoutes, method: string, url: URL, authorization: string | undefined, raw: Buffer): HttpAnswer {
  if (!hasAdminToken(authorization, token)) return jsonAnswer({ error: 'unauthorized' }, 401);
  try {
    const key = `${method} ${url.pathname}`;
    const route = Object.hasOwn(routes, key) ? routes[key] : undefined;
    if (!route) return jsonAnswer({ error: `no route ${key}` }, 404);
    return route({ url, body: () => (raw.length > 0 ? JSON.parse(raw.toString('utf8')) : {}) });
  } catch (error) {
    return jsonAnswer({ error: error instanceof Error ? error.message : String(error) }, 400);
  }
}

export interface SteerableFaults<Spec> {
  list(): unknown;
  parse(input: unknown): Spec;
  add(spec: Spec): number;
  clear(id?: number): void;
}

export function faultAndCounterRoutes<Spec>(faults: SteerableFaults<Spec>, counters: RequestCounters): AdminRoutes {
  return {
    'GET /__sim/faults': () => jsonAnswer(faults.list()),
    'POST /__sim/faults': ({ body }) => jsonAnswer({ id: faults.add(faults.parse(body())) }),
    'DELETE /__sim/faults': ({ url }) => {
      const id = url.searchParams.get('id');
      faults.clear(id === null ? undefined : Number(id));
      return jsonAnswer({ cleared: id ?? 'all' });
    },
    'GET /__sim/counters': () => jsonAnswer(counters.snapshot()),
    'DELETE /__sim/counters': () => {
      counters.reset();
      return jsonAnswer({ cleared: 'all' });
    },
  };
}
