import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { delayMs } from './faults.ts';
import type { FaultSpecOf } from './faults.ts';
import { JSON_TYPE, jsonAnswer, proxyErrorPage, writeAnswer } from './http-replies.ts';
import type { HttpAnswer } from './http-replies.ts';

/**
 * Where the answer faults (faults.ts) act on HTTP: before the API sees a request (latency, then
 * reset / 5xx / the vendor's HTML page) and on the API's JSON reply (wrong shape, malformed JSON).
 */
type TakenRule<Shape extends string> = Pick<FaultSpecOf<string, Shape>, 'kind' | 'ms' | 'status' | 'shape'>;

export interface RequestFaults {
  take(kind: 'latency', endpoint?: string): TakenRule<string> | undefined;
  takeTerminal(endpoint: string | undefined): TakenRule<string> | undefined;
}

/** The vendor's own envelopes, for the faults that answer in them (`false-success`, `echo-url`). */
export interface VendorReplies {
  /** The body of a successful call with no data. */
  success(): unknown;
  /** The body of a failure whose message is `message`. */
  failure(message: string): unknown;
}

export interface RequestFaultTarget {
  readonly faults: RequestFaults;
  /** The endpoint id, undefined for an unknown path. */
  readonly endpoint: string | undefined;
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly path: string;
  readonly now: () => Date;
  /** The vendor's HTML page (a login page). */
  readonly htmlPage: () => HttpAnswer;
  /** Without them, `false-success` and `echo-url` answer as `http-error` does. */
  readonly vendorReplies?: VendorReplies;
}

/** Waits for a latency rule, then applies a terminal one; true when that answered (or dropped) the request. */
export async function takenByRequestFault(target: RequestFaultTarget): Promise<boolean> {
  const { faults, endpoint, req, res } = target;
  const latency = faults.take('latency', endpoint);
  // Unref'd: a request held back (even "forever") never keeps a closed simulator's process alive.
  if (latency) await sleep(delayMs(latency), undefined, { ref: false });
  const terminal = faults.takeTerminal(endpoint);
  if (!terminal) return false;
  const replies = target.vendorReplies;
  if (terminal.kind === 'reset') req.socket.destroy();
  else if (terminal.kind === 'false-success' && replies) writeAnswer(res, jsonAnswer(replies.success(), terminal.status ?? 500));
  else if (terminal.kind === 'echo-url' && replies) writeAnswer(res, jsonAnswer(replies.failure(`${req.method ?? 'GET'} ${req.url ?? '/'} failed`), terminal.status ?? 200));
  else if (terminal.kind === 'http-error' || terminal.kind === 'false-success' || terminal.kind === 'echo-url') {
    writeAnswer(res, proxyErrorPage(terminal.status ?? 500, target.path, target.now()));
  } else writeAnswer(res, target.htmlPage());
  return true;
}

export interface ReplyFaults<Shape extends string> {
  take(kind: 'wrong-shape' | 'malformed-json', endpoint?: string): TakenRule<Shape> | undefined;
}

/** The reply's JSON, reshaped by a wrong-shape rule (`reshape`, default shape 'data') and cut in half by a malformed-json one. */
export function faultedJsonAnswer<Shape extends string>(
  faults: ReplyFaults<Shape>,
  endpoint: string | undefined,
  body: Record<string, unknown>,
  reshape: (body: Record<string, unknown>, shape: NoInfer<Shape> | 'data') => unknown,
): HttpAnswer {
  const shape = faults.take('wrong-shape', endpoint);
  const answer = jsonAnswer(shape ? reshape(body, shape.shape ?? 'data') : body);
  if (!faults.take('malformed-json', endpoint)) return answer;
  return { status: 200, headers: { 'content-type': JSON_TYPE }, body: answer.body.slice(0, Math.max(1, Math.floor(answer.body.length / 2))) };
}
