import { FaultBook, answerFaultKinds, faultSpecObject, wrongShape as commonWrongShape } from '../common/faults.ts';
import type { FaultRuleOf, FaultSpecOf } from '../common/faults.ts';

/**
 * Hongtu's faults: the common answer faults (common/faults.ts), with
 * - `html-page`: HTTP 200 text/html, the web console's login page, as a reverse proxy or portal would;
 * - `wrong-shape` also as `shape: 'data-string'`: `data` sent as a string holding its JSON, the
 *   reading §10 E9 warns of ("结果数据json串");
 * - `suppress-door-events`: `door.openDoor` succeeds but no pass record is made, so nothing is pushed.
 * Push faults (no `endpoint`; `count` counts records, or attempts for `push-fail`):
 * - `push-duplicate`: the record is delivered twice (two POSTs with the same body).
 * - `push-delay`: wait `ms` before the first attempt.
 * - `push-fail`: the attempt fails without reaching the receiver, then the retry policy applies.
 * - `push-drop`: the record is listed by pass_record/list but never pushed.
 */
export const ANSWER_FAULTS = answerFaultKinds('html-page');
export const PUSH_FAULTS = ['push-duplicate', 'push-delay', 'push-fail', 'push-drop'] as const;
export const FAULT_KINDS = [...ANSWER_FAULTS, ...PUSH_FAULTS] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
type PushFault = (typeof PUSH_FAULTS)[number];
export type WrongShape = 'data' | 'envelope' | 'data-string' | 'repeat' | 'endless' | 'null' | 'array' | 'page';

export const FaultSpecSchema = faultSpecObject(FAULT_KINDS, ['data', 'envelope', 'data-string', 'repeat', 'endless', 'null', 'array', 'page']).refine(
  (spec) => !(PUSH_FAULTS as readonly string[]).includes(spec.kind) || spec.endpoint === undefined,
  { message: 'push faults take no endpoint' },
);
export type FaultSpec = FaultSpecOf<FaultKind, WrongShape>;
export type FaultRule = FaultRuleOf<FaultKind, WrongShape>;
export type FaultScope = Pick<FaultSpec, 'endpoint' | 'count'>;
type CountOnly = Pick<FaultSpec, 'count'>;

export class Faults extends FaultBook<'html-page', PushFault, 'data-string'> {
  constructor() {
    super(FaultSpecSchema, 'html-page');
  }

  htmlPage(scope: FaultScope = {}): number {
    return this.add({ kind: 'html-page', ...scope });
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
}

export { delayMs } from '../common/faults.ts';

/** Valid JSON of another shape than `body` (see `wrong-shape`). */
export function wrongShape(body: Record<string, unknown>, shape: WrongShape): unknown {
  if (shape === 'data-string') return { ...body, data: JSON.stringify(body['data'] ?? null) };
  return commonWrongShape(body, shape);
}
