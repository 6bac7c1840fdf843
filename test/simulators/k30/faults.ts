import { FaultBook, answerFaultKinds, faultSpecObject, wrongShape as commonWrongShape } from '../common/faults.ts';
import type { CommonShape, FaultRuleOf, FaultScope, FaultSpecOf, PageShape } from '../common/faults.ts';

/**
 * K30's faults: the common answer faults (common/faults.ts) with `html-page` — the HTTP 200 page of
 * `GET /` instead of the API — and one of its own:
 * - `bad-reply-sign`: the reply is right but its `sign` is not (a client that verifies replies
 *   must refuse it).
 * `wrong-shape` `data` puts the plaintext payload in `data` as a JSON object, unencrypted — as the
 * document's own device.list / device.status examples print it (k30.md E9); `envelope` drops the
 * envelope.
 */
export const FAULT_KINDS = [...answerFaultKinds('html-page'), 'bad-reply-sign'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export const FaultSpecSchema = faultSpecObject(FAULT_KINDS, ['data', 'envelope']);
export type FaultSpec = FaultSpecOf<FaultKind, CommonShape>;
export type FaultRule = FaultRuleOf<FaultKind, CommonShape>;
export type { FaultScope };

export class Faults extends FaultBook<'html-page', 'bad-reply-sign'> {
  constructor() {
    super(FaultSpecSchema, 'html-page');
  }

  htmlPage(scope: FaultScope = {}): number {
    return this.add({ kind: 'html-page', ...scope });
  }

  badReplySign(scope: FaultScope = {}): number {
    return this.add({ kind: 'bad-reply-sign', ...scope });
  }
}

/** The wrong shape of a reply envelope whose plaintext payload is `payload` (undefined: none). */
export function wrongShape(body: Record<string, unknown>, shape: CommonShape | PageShape, payload: unknown): unknown {
  if (shape === 'data') return { ...body, data: payload ?? {} };
  return commonWrongShape(body, shape);
}
