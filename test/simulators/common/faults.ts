import { z } from 'zod';

/**
 * Fault injection, set from tests (`simulator.faults`) or over HTTP (`POST /__sim/faults`).
 *
 * A rule applies to one endpoint id or, without `endpoint`, to every request; with `count` to the
 * next N times it matches, otherwise until cleared. The answer faults every simulator knows:
 * - `latency`: wait `ms` (or a random time in `[min, max]`) before answering; combines with the rest.
 * - `http-error`: answer `status` (default 500; 500 as Spring's JSON error, 502/503/504 as an nginx page).
 * - `reset`: destroy the connection without an answer.
 * - the vendor's HTML page (`html-login`, `html-page`): HTTP 200 text/html, as a reverse proxy or
 *   an expired web session would.
 * - `malformed-json`: the real answer, cut in half (application/json).
 * - `wrong-shape`: valid JSON of another shape — `shape: 'data'` (default) keeps the envelope and
 *   swaps `data` (array ↔ object, scalar → object); `shape: 'envelope'` drops the envelope.
 * - `suppress-door-events`: a remote open succeeds but records nothing.
 * - `false-success`: HTTP `status` (default 500) with the vendor's *success* envelope, and the
 *   endpoint is not run — a gateway or a broken server whose body says done while nothing was done.
 * - `echo-url`: HTTP `status` (default 200) with the vendor's failure envelope whose message quotes
 *   the request line, query string included (`access_token` and all), as some servers' errors do.
 * - `full-pages`: every page of a list is full (`pageSize` items, a huge `total`, never the last
 *   page), whatever the page number: `shape: 'repeat'` (default) the same items on every page,
 *   `shape: 'endless'` new items on every page. Built from the list's first item.
 * - `empty-list`: the list answered empty in one of the forms servers use — `shape: 'null'`
 *   (default) `data: null`, `'array'` `data: []`, `'page'` a page object with no items.
 * A vendor adds kinds (Hongtu's push faults) and shapes of its own through the type parameters.
 */
export function answerFaultKinds<const Html extends string>(htmlKind: Html) {
  return ['latency', 'http-error', 'reset', htmlKind, 'malformed-json', 'wrong-shape', 'suppress-door-events', 'false-success', 'echo-url', 'full-pages', 'empty-list'] as const;
}
export type AnswerFaultKind<Html extends string> = ReturnType<typeof answerFaultKinds<Html>>[number];

export const COMMON_SHAPES = ['data', 'envelope'] as const;
export type CommonShape = (typeof COMMON_SHAPES)[number];
/** The shapes of `full-pages`. */
export const PAGE_SHAPES = ['repeat', 'endless'] as const;
/** The shapes of `empty-list`. */
export const EMPTY_SHAPES = ['null', 'array', 'page'] as const;
export type PageShape = (typeof PAGE_SHAPES)[number] | (typeof EMPTY_SHAPES)[number];

const Millis = z.number().int().nonnegative();

/** The rule's fields; a vendor may refine it (e.g. kinds that take no endpoint). */
export function faultSpecObject<const Kinds extends readonly [string, ...string[]], const Shapes extends readonly [string, ...string[]]>(kinds: Kinds, shapes: Shapes) {
  return z.strictObject({
    kind: z.enum(kinds),
    endpoint: z.string().min(1).optional(),
    count: z.number().int().positive().optional(),
    ms: z.union([Millis, z.tuple([Millis, Millis])]).optional(),
    status: z.number().int().min(200).max(599).optional(),
    shape: z.enum(shapes).optional(),
  });
}

export interface FaultSpecOf<Kind extends string, Shape extends string> {
  kind: Kind;
  endpoint?: string | undefined;
  count?: number | undefined;
  ms?: number | [number, number] | undefined;
  status?: number | undefined;
  shape?: Shape | undefined;
}

export interface FaultRuleOf<Kind extends string, Shape extends string> extends FaultSpecOf<Kind, Shape> {
  readonly id: number;
  /** Matches left; null = until cleared. */
  remaining: number | null;
}

export type FaultScope = Pick<FaultSpecOf<string, string>, 'endpoint' | 'count'>;

type Spec<Html extends string, Extra extends string, ExtraShape extends string> = FaultSpecOf<AnswerFaultKind<Html> | Extra, CommonShape | PageShape | ExtraShape>;
type Rule<Html extends string, Extra extends string, ExtraShape extends string> = FaultRuleOf<AnswerFaultKind<Html> | Extra, CommonShape | PageShape | ExtraShape>;

/**
 * The rules of one simulator. `Html` names its HTML-page kind, `Extra` its own kinds, `ExtraShape`
 * its own wrong shapes; `parse` is its schema (built with faultSpecObject).
 */
export class FaultBook<Html extends string, Extra extends string = never, ExtraShape extends string = never> {
  private readonly rules: Rule<Html, Extra, ExtraShape>[] = [];
  private nextId = 1;
  private readonly schema: { parse(input: unknown): Spec<Html, Extra, ExtraShape> };
  /** Kinds that replace the answer before the request reaches the API. */
  private readonly terminal: ReadonlySet<string>;

  constructor(schema: { parse(input: unknown): Spec<Html, Extra, ExtraShape> }, htmlKind: Html) {
    this.schema = schema;
    this.terminal = new Set(['reset', 'http-error', htmlKind, 'false-success', 'echo-url']);
  }

  /** A rule as the schema reads it (throws on anything else). */
  parse(input: unknown): Spec<Html, Extra, ExtraShape> {
    return this.schema.parse(input);
  }

  add(spec: Spec<Html, Extra, ExtraShape>): number {
    const rule = { ...this.schema.parse(spec), id: this.nextId, remaining: spec.count ?? null };
    this.nextId += 1;
    this.rules.push(rule);
    return rule.id;
  }

  /** Removes one rule, or all of them. */
  clear(id?: number): void {
    if (id === undefined) this.rules.length = 0;
    else this.rules.splice(0, this.rules.length, ...this.rules.filter((rule) => rule.id !== id));
  }

  list(): readonly Rule<Html, Extra, ExtraShape>[] {
    return this.rules.map((rule) => ({ ...rule }));
  }

  latency(ms: number | readonly [number, number], scope: FaultScope = {}): number {
    return this.add({ kind: 'latency', ms: typeof ms === 'number' ? ms : [ms[0], ms[1]], ...scope });
  }
  httpError(status = 500, scope: FaultScope = {}): number {
    return this.add({ kind: 'http-error', status, ...scope });
  }
  reset(scope: FaultScope = {}): number {
    return this.add({ kind: 'reset', ...scope });
  }
  malformedJson(scope: FaultScope = {}): number {
    return this.add({ kind: 'malformed-json', ...scope });
  }
  wrongShape(shape: CommonShape | ExtraShape = 'data', scope: FaultScope = {}): number {
    return this.add({ kind: 'wrong-shape', shape, ...scope });
  }
  suppressDoorEvents(scope: FaultScope = {}): number {
    return this.add({ kind: 'suppress-door-events', ...scope });
  }
  falseSuccess(status = 500, scope: FaultScope = {}): number {
    return this.add({ kind: 'false-success', status, ...scope });
  }
  echoUrl(status = 200, scope: FaultScope = {}): number {
    return this.add({ kind: 'echo-url', status, ...scope });
  }
  fullPages(shape: (typeof PAGE_SHAPES)[number] = 'repeat', scope: FaultScope = {}): number {
    return this.add({ kind: 'full-pages', shape, ...scope });
  }
  emptyList(shape: (typeof EMPTY_SHAPES)[number] = 'null', scope: FaultScope = {}): number {
    return this.add({ kind: 'empty-list', shape, ...scope });
  }

  /** The first live rule of `kind` for this endpoint (none: rules without one), consuming one of its count. */
  take(kind: AnswerFaultKind<Html> | Extra, endpoint?: string): Rule<Html, Extra, ExtraShape> | undefined {
    return this.consume((rule) => rule.kind === kind, endpoint);
  }

  /** The first live reset / http-error / HTML-page / false-success / echo-url rule for this endpoint, consumed. */
  takeTerminal(endpoint: string | undefined): Rule<Html, Extra, ExtraShape> | undefined {
    return this.consume((rule) => this.terminal.has(rule.kind), endpoint);
  }

  private consume(wanted: (rule: Rule<Html, Extra, ExtraShape>) => boolean, endpoint: string | undefined): Rule<Html, Extra, ExtraShape> | undefined {
    const rule = this.rules.find((candidate) => wanted(candidate) && (candidate.endpoint === undefined || candidate.endpoint === endpoint));
    if (!rule) return undefined;
    if (rule.remaining !== null) {
      rule.remaining -= 1;
      if (rule.remaining <= 0) this.clear(rule.id);
    }
    return { ...rule };
  }
}

/** The delay a latency (or other delaying) rule asks for. */
export function delayMs(rule: Pick<FaultSpecOf<string, string>, 'ms'>): number {
  if (rule.ms === undefined) return 0;
  if (typeof rule.ms === 'number') return rule.ms;
  const [min, max] = rule.ms;
  return min + Math.floor(Math.random() * (Math.max(max, min) - min + 1));
}

/** Valid JSON of another shape than `body` (see `wrong-shape`). */
export function wrongShape(body: Record<string, unknown>, shape: CommonShape | PageShape): unknown {
  if (shape === 'envelope') return { success: true, result: body['data'] ?? null };
  const data = body['data'];
  const swapped = Array.isArray(data) ? { list: data } : data !== null && typeof data === 'object' ? [data] : { value: data ?? null };
  return { ...body, data: swapped };
}
