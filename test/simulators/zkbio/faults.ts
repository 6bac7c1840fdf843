import { FaultBook, answerFaultKinds, faultSpecObject } from '../common/faults.ts';
import type { CommonShape, FaultRuleOf, FaultScope, FaultSpecOf, PageShape } from '../common/faults.ts';

/**
 * ZKBio's faults: the common answer faults (common/faults.ts), with `html-login` — the HTTP 200
 * text/html login page a reverse proxy or login redirect shows — and `suppress-door-events`: a
 * remote open (door, floor, gate) succeeds but records no transaction.
 */
export const FAULT_KINDS = answerFaultKinds('html-login');
export type FaultKind = (typeof FAULT_KINDS)[number];

export const FaultSpecSchema = faultSpecObject(FAULT_KINDS, ['data', 'envelope', 'repeat', 'endless', 'null', 'array', 'page']);
export type FaultSpec = FaultSpecOf<FaultKind, CommonShape | PageShape>;
export type FaultRule = FaultRuleOf<FaultKind, CommonShape | PageShape>;
export type { FaultScope };

export class Faults extends FaultBook<'html-login'> {
  constructor() {
    super(FaultSpecSchema, 'html-login');
  }

  htmlLogin(scope: FaultScope = {}): number {
    return this.add({ kind: 'html-login', ...scope });
  }
}
export { wrongShape } from '../common/faults.ts';
