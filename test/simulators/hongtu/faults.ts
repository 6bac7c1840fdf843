import { z } from 'zod';

/**
 * Fault injection, set from tests (`simulator.faults`) or over HTTP (`POST /__sim/faults`).
 *
 * A rule applies to one endpoint id or, without `endpoint`, to every request; with `count` to the
 * next N times it matches, otherwise until cleared. Answer faults:
 * - `latency`: wait `ms` (or a random time in `[min, max]`) before answering; combines with the rest.
 * - `http-error`: answer `status` (default 500; 500 as Spring's JSON error, 502/503/504 as an nginx page).
 * - `reset`: destroy the connection without an answer.
 * - `html-page`: HTTP 200 text/html, the web console's login page, as a reverse proxy or portal would.
 * - `malformed-json`: the real answer, cut in half (application/json).
 * - `wrong-shape`: valid JSON of another shape — `shape: 'data'` (default) keeps the envelope and swaps
 *   `data` (array ↔ object, scalar → object); `'envelope'` drops the envelope; `'data-string'` sends
 *   `data` as a string holding its JSON, the reading §10 E9 warns of ("结果数据json串").
 * - `suppress-door-events`: `door.openDoor` succeeds but no pass record is made, so nothing is pushed.
 * Push faults (no `endpoint`; `count` counts records, or attempts for `push-fail`):
 * - `push-duplicate`: the record is delivered twice (two POSTs with the same body).
 * - `push-delay`: wait `ms` before the first attempt.
 * - `push-fail`: the attempt fails without reaching the receiver, then the retry policy applies.
 * - `push-drop`: the record is listed by pass_record/list but never pushed.
 */
export const ANSWER_FAULTS = ['latency', 'http-error', 'reset', 'html-page', 'malformed-json', 'wrong-shape', 'suppress-door-events'] as const;
export const PUSH_FAULTS = ['push-duplicate', 'push-delay', 'push-fail', 'push-drop'] as const;
export const FAULT_KINDS = [...ANSWER_FAULTS, ...PUSH_FAULTS] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
export type WrongShape = 'data' | 'envelope' | 'data-string';

const Millis = z.number().int().nonnegative();

export const FaultSpecSchema = z
  .strictObject({
    kind: z.enum(FAULT_KINDS),
    endpoint: z.string().min(1).optional(),
    count: z.number().int().positive().optional(),
    ms: z.union([Millis, z.tuple([Millis, Millis])]).optional(),
    status: z.number().int().min(400).max(599).optional(),
    shape: z.enum(['data', 'envelope', 'data-string']).optional(),
  })
  .refine((spec) => !(PUSH_FAULTS as readonly string[]).includes(spec.kind) || spec.endpoint === undefined, { message: 'push faults take no endpoint' });
export type FaultSpec = z.infer<typeof FaultSpecSchema>;

export interface FaultRule extends FaultSpec {
  readonly id: number;
  /** Matches left; null = until cleared. */
  remaining: number | null;
}

export type FaultScope = Pick<FaultSpec, 'endpoint' | 'count'>;
type CountOnly = Pick<FaultSpec, 'count'>;

/** Kinds that replace the answer before the request reaches the API. */
const TERMINAL: ReadonlySet<FaultKind> = new Set(['reset', 'http-error', 'html-page']);

export class Faults {
  private readonly rules: FaultRule[] = [];
  private nextId = 1;

  add(spec: FaultSpec): number {
    const rule: FaultRule = { ...FaultSpecSchema.parse(spec), id: this.nextId, remaining: spec.count ?? null };
    this.nextId += 1;
    this.rules.push(rule);
    return rule.id;
  }

  /** Removes one rule, or all of them. */
  clear(id?: number): void {
    if (id === undefined) this.rules.length = 0;
    else this.rules.splice(0, this.rules.length, ...this.rules.filter((rule) => rule.id !== id));
  }

  list(): readonly FaultRule[] {
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
  htmlPage(scope: FaultScope = {}): number {
    return this.add({ kind: 'html-page', ...scope });
  }
  malformedJson(scope: FaultScope = {}): number {
    return this.add({ kind: 'malformed-json', ...scope });
  }
  wrongShape(shape: WrongShape = 'data', scope: FaultScope = {}): number {
    return this.add({ kind: 'wrong-shape', shape, ...scope });
  }
  suppressDoorEvents(scope: FaultScope = {}): number {
    return this.add({ kind: 'suppress-door-events', ...scope });
  }
  duplicatePushes(scope: CountOnly = {}): number {
    return this.add({ kind: 'push-duplicate', ...scope });
  }
  delayPushes(ms: number | readonly [number, number], scope: CountOnly = {}): number {
    return this.add({ kind: 'push-delay', ms: typeof ms === 'number' ? ms : [ms[0], ms[1]], ...scope });
  }
  failPushes(scope: CountOnly = {}): number {
    return this.add({ kind: 'push-fail', ...scope });
  }
  dropPushes(scope: CountOnly = {}): number {
    return this.add({ kind: 'push-drop', ...scope });
  }

  /** The first live rule of `kind` for this endpoint (push faults: none), consuming one of its count. */
  take(kind: FaultKind, endpoint?: string): FaultRule | undefined {
    return this.consume((rule) => rule.kind === kind, endpoint);
  }

  /** The first live reset / http-error / html-page rule for this endpoint, consumed. */
  takeTerminal(endpoint: string | undefined): FaultRule | undefined {
    return this.consume((rule) => TERMINAL.has(rule.kind), endpoint);
  }

  private consume(wanted: (rule: FaultRule) => boolean, endpoint: string | undefined): FaultRule | undefined {
    const rule = this.rules.find((candidate) => wanted(candidate) && (candidate.endpoint === undefined || candidate.endpoint === endpoint));
    if (!rule) return undefined;
    if (rule.remaining !== null) {
      rule.remaining -= 1;
      if (rule.remaining <= 0) this.clear(rule.id);
    }
    return { ...rule };
  }
}

/** The delay a latency or push-delay rule asks for. */
export function delayMs(rule: FaultRule): number {
  if (rule.ms === undefined) return 0;
  if (typeof rule.ms === 'number') return rule.ms;
  const [min, max] = rule.ms;
  return min + Math.floor(Math.random() * (Math.max(max, min) - min + 1));
}

/** Valid JSON of another shape than `body` (see `wrong-shape`). */
export function wrongShape(body: Record<string, unknown>, shape: WrongShape): unknown {
  if (shape === 'envelope') return { success: true, result: body['data'] ?? null };
  const data = body['data'];
  if (shape === 'data-string') return { ...body, data: JSON.stringify(data ?? null) };
  const swapped = Array.isArray(data) ? { list: data } : data !== null && typeof data === 'object' ? [data] : { value: data ?? null };
  return { ...body, data: swapped };
}
