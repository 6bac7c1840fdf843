import { FaultBook, answerFaultKinds, faultSpecObject, wrongShape as commonWrongShape } from '../common/faults.ts';
import type { CommonShape, FaultRuleOf, FaultScope, FaultSpecOf, PageShape } from '../common/faults.ts';

/**
 * K30's faults: the common answer faults (common/faults.ts) with `html-page` — the HTTP 200 page of
 * `GET /` instead of the API — and its own:
 * - `bad-reply-sign`: the reply is right but its `sign` is not (a client that verifies replies
 *   must refuse it).
 * - `undecryptable-data`: the endpoint runs, but the reply's `data` is ciphertext that does not
 *   decrypt (cut short of a whole AES block), also when the reply has no payload.
 * - `wrong-company`: the request is answered as by an installation with another company number
 *   (foreignCompanyNo): refused as `unknown-company`, the envelope in that number — so its `sign`
 *   does not verify with the caller's (see also the `companyMismatch` option of server.ts).
 * Callback faults (callbacks.ts; no `endpoint`, `count` counts callbacks):
 * - `callback-forged-sign`: the callback's `sign` is not the envelope's.
 * - `callback-oversized`: `data` carries a `photo` padded past `oversizeBytes` (callbacks.ts).
 * - `callback-duplicate`: the same callback is posted twice (the same body).
 * - `sync-result-fail`: the next per-device people.sync result is `resultcode "0"`, `上报失败`.
 * `wrong-shape` `data` puts the plaintext payload in `data` as a JSON object, unencrypted — as the
 * document's own device.list / device.status examples print it (k30.md E9); `envelope` drops the
 * envelope.
 */
export const CALLBACK_FAULTS = ['callback-forged-sign', 'callback-oversized', 'callback-duplicate', 'sync-result-fail'] as const;
const OWN_FAULTS = ['bad-reply-sign', 'undecryptable-data', 'wrong-company', ...CALLBACK_FAULTS] as const;
export const FAULT_KINDS = [...answerFaultKinds('html-page'), ...OWN_FAULTS] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
type OwnFault = (typeof OWN_FAULTS)[number];
type CountOnly = Pick<FaultScope, 'count'>;

export const FaultSpecSchema = faultSpecObject(FAULT_KINDS, ['data', 'envelope']).refine(
  (spec) => !(CALLBACK_FAULTS as readonly string[]).includes(spec.kind) || spec.endpoint === undefined,
  { message: 'callback faults take no endpoint' },
);
export type FaultSpec = FaultSpecOf<FaultKind, CommonShape>;
export type FaultRule = FaultRuleOf<FaultKind, CommonShape>;
export type { FaultScope };

export class Faults extends FaultBook<'html-page', OwnFault> {
  constructor() {
    super(FaultSpecSchema, 'html-page');
  }

  htmlPage(scope: FaultScope = {}): number {
    return this.add({ kind: 'html-page', ...scope });
  }

  badReplySign(scope: FaultScope = {}): number {
    return this.add({ kind: 'bad-reply-sign', ...scope });
  }

  undecryptableData(scope: FaultScope = {}): number {
    return this.add({ kind: 'undecryptable-data', ...scope });
  }

  wrongCompany(scope: FaultScope = {}): number {
    return this.add({ kind: 'wrong-company', ...scope });
  }

  forgedCallbackSign(scope: CountOnly = {}): number {
    return this.add({ kind: 'callback-forged-sign', ...scope });
  }

  oversizedCallback(scope: CountOnly = {}): number {
    return this.add({ kind: 'callback-oversized', ...scope });
  }

  duplicateCallback(scope: CountOnly = {}): number {
    return this.add({ kind: 'callback-duplicate', ...scope });
  }

  failSyncResult(scope: CountOnly = {}): number {
    return this.add({ kind: 'sync-result-fail', ...scope });
  }
}

/** A company number other than `own` (16 characters): the one `wrong-company` answers in. */
export function foreignCompanyNo(own: string): string {
  return own === '9999888877776666' ? '6666777788889999' : '9999888877776666';
}

/** The wrong shape of a reply envelope whose plaintext payload is `payload` (undefined: none). */
export function wrongShape(body: Record<string, unknown>, shape: CommonShape | PageShape, payload: unknown): unknown {
  if (shape === 'data') return { ...body, data: payload ?? {} };
  return commonWrongShape(body, shape);
}
