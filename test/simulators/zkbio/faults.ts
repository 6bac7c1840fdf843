import { z } from 'zod';

/**
 * Fault injection, set from tests (`simulator.faults`) or over HTTP (`POST /__sim/faults`).
 *
 * A rule applies to one endpoint id or, without `endpoint`, to every request; with `count` to the
 * next N requests it matches, otherwise until cleared. Kinds:
 * - `latency`: wait `ms` (or a random time in `[min, max]`) before answering; combines with the rest.
 * - `http-error`: answer `status` (default 500; 500 as Spring's JSON error, 502/503/504 as an nginx page).
 * - `reset`: destroy the connection without an answer.
 * - `html-login`: HTTP 200 text/html login page, as a reverse proxy or login redirect would.
 * - `malformed-json`: the real answer, cut in half (application/json).
 * - `wrong-shape`: valid JSON of another shape — `shape: 'data'` (default) keeps the envelope and
 *   swaps `data` (array ↔ object, scalar → object); `shape: 'envelope'` drops the envelope.
 * - `suppress-door-events`: a remote open (door, floor, gate) succeeds but records no transaction.
 */
export const FAULT_KINDS = ['latency', 'http-error', 'reset', 'html-login', 'malformed-json', 'wrong-shape', 'suppress-door-events'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export const FaultSpecSchema = z.strictObject({
  kind: z.enum(FAULT_KINDS),
  endpoint: z.string().min(1).optional(),
  count: z.number().int().positive().optional(),
  ms: z.union([z.number().int().nonnegative(), z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])]).optional(),
  status: z.number().int().min(400).max(599).optional(),
  shape: z.enum(['data', 'envelope']).optional(),
});
export type FaultSpec = z.infer<typeof FaultSpecSchema>;

export interface FaultRule extends FaultSpec {
  readonly id: number;
  /** Requests left; null = until cleared. */
  remaining: number | null;
}

export type FaultScope = Pick<FaultSpec, 'endpoint' | 'count'>;

/** Kinds that replace the answer before the request reaches the API. */
const TERMINAL: ReadonlySet<FaultKind> = new Set(['reset', 'http-error', 'html-login']);

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
  htmlLogin(scope: FaultScope = {}): number {
    return this.add({ kind: 'html-login', ...scope });
  }
  malformedJson(scope: FaultScope = {}): number {
    return this.add({ kind: 'malformed-json', ...scope });
  }
  wrongShape(shape: 'data' | 'envelope' = 'data', scope: FaultScope = {}): number {
    return this.add({ kind: 'wrong-shape', shape, ...scope });
  }
  suppressDoorEvents(scope: FaultScope = {}): number {
    return this.add({ kind: 'suppress-door-events', ...scope });
  }

  /** The first live rule of `kind` for this endpoint, consuming one of its count. */
  take(kind: FaultKind, endpoint: string | undefined): FaultRule | undefined {
    return this.consume((rule) => rule.kind === kind, endpoint);
  }

  /** The first live reset / http-error / html-login rule for this endpoint, consumed. */
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

/** The delay a latency rule asks for. */
export function latencyMs(rule: FaultRule): number {
  if (rule.ms === undefined) return 0;
  if (typeof rule.ms === 'number') return rule.ms;
  const [min, max] = rule.ms;
  return min + Math.floor(Math.random() * (Math.max(max, min) - min + 1));
}

/** Valid JSON of another shape than `body` (see `wrong-shape`). */
export function wrongShape(body: Record<string, unknown>, shape: 'data' | 'envelope'): unknown {
  if (shape === 'envelope') return { success: true, result: body['data'] ?? null };
  const data = body['data'];
  const swapped = Array.isArray(data) ? { list: data } : data !== null && typeof data === 'object' ? [data] : { value: data ?? null };
  return { ...body, data: swapped };
}
