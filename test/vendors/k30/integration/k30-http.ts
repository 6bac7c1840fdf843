import { decryptData, sealRequest, sign } from '../../../../electron/drivers/k30/sign.ts';
import type { ResponseEnvelope } from '../../../../electron/drivers/k30/sign.ts';
import { formatTimestamp } from '../../../../electron/drivers/k30/timestamp.ts';

/** Raw HTTP to the K30 simulator with Node's fetch, sealed as the document says (electron/drivers/k30/sign.ts). */
export interface K30Reply {
  readonly status: number;
  readonly envelope: ResponseEnvelope;
  /** The decrypted `data`, parsed; undefined when `data` is "". */
  readonly payload: unknown;
  /** Whether `sign` matches the envelope (every field kept, `data` as plaintext), signed with `key`. */
  readonly signed: boolean;
}

export interface CallOptions {
  readonly companyNo: string;
  /** Default: now. */
  readonly timestamp?: string;
  /** Change the sealed envelope before it is sent. */
  readonly tamper?: (body: Record<string, unknown>) => Record<string, unknown>;
}

export function postRaw(base: string, path: string, body: string | undefined, method = 'POST'): Promise<Response> {
  return fetch(new URL(path, base), { method, headers: { 'content-type': 'application/json' }, ...(body !== undefined ? { body } : {}) });
}

/** Reads an envelope reply and checks its signature with `key` (the company number it was sent with). */
export async function readReply(res: Response, key: string): Promise<K30Reply> {
  const envelope = (await res.json()) as ResponseEnvelope;
  const json = envelope.data === '' ? '' : decryptData(envelope.data, key);
  const expected = sign({ companyno: envelope.companyno, data: json, msg: envelope.msg, resultcode: envelope.resultcode, timestamp: envelope.timestamp }, key, { keepEmpty: true });
  return { status: res.status, envelope, payload: json === '' ? undefined : JSON.parse(json), signed: expected === envelope.sign };
}

export async function callK30(base: string, path: string, payload: unknown, options: CallOptions): Promise<K30Reply> {
  const sealed: Record<string, unknown> = { ...sealRequest(payload, options.companyNo, options.timestamp ?? formatTimestamp(new Date())) };
  const body = options.tamper ? options.tamper(sealed) : sealed;
  return readReply(await postRaw(base, path, JSON.stringify(body)), options.companyNo);
}

/** The `{total, totalPage, data}` of a list reply. */
export interface Page<T = Record<string, unknown>> {
  readonly total: number;
  readonly totalPage: number;
  readonly data: T[];
}
