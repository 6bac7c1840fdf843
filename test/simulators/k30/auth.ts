import { DataCodecError, decryptData, sign, signVariantsAgree } from '../../../electron/drivers/k30/sign.ts';
import { formatTimestamp, parseTimestamp } from '../../../electron/drivers/k30/timestamp.ts';

/**
 * The envelope check every `/openapi/` request (and department.delete's `/api/v2/` one) passes
 * first, as a filter would — before routing, so an unsigned or empty request to any `/openapi/`
 * path, known or not, gets a K30 envelope back (a LAN scanner can fingerprint K30 by it).
 *
 * The request (1.1 调用示例; k30.md §1.2): a JSON object `{companyno, timestamp, data, sign}`, all
 * four non-empty strings; `data` the URL-encoded AES ciphertext of the endpoint's JSON; `sign` the
 * MD5 of every top-level field but `sign` ("所有发送的数据"), with `data` as the decrypted plaintext
 * (electron/drivers/k30/sign.ts). Extra top-level fields are signed too, as text.
 *
 * What the document does not say, and the simulator's choice, in this one place:
 * - every rejection is **HTTP 200** with the full response envelope and `resultcode "0"`:
 *     {"resultcode":"0","msg":"签名错误","companyno":"<as sent>","timestamp":"<server time>","sign":"…","data":""}
 *   `companyno` echoes what the caller sent ("" when absent) and the envelope is signed with it as
 *   the key, so a caller that knows its own number can verify the answer, and a stranger learns
 *   nothing of the server's; `data` is always "";
 * - `msg` names the problem (REJECTION_MESSAGES; `{name}` filled in), and only the clock message
 *   contains "timestamp超出允许范围", so a client can tell clock skew from a wrong secret;
 * - the HTTP method is not stated (E13): anything but POST to an envelope path is rejected this
 *   way too, never 404/405; the Content-Type is not checked (the body must be JSON all the same);
 * - `timestamp` must be 17 digits `yyyyMMddHHmmssfff` (every example; k30.md §9) naming a real
 *   local time, and within `maxSkewMs` (default 5 minutes, either direction; 0 turns the check
 *   off) of the server's clock — the document states no window;
 * - `data` must be percent-encoded base64 (escapes of either case; raw `+ / =` are refused, since a
 *   form decoder would turn `+` into a space) that decrypts with the company number;
 * - `sign` compares exactly: 32 lowercase hex, as every example writes it. Both ways of treating an
 *   empty extra field (dropped, as 1.1 says; kept, as the V3 response does) are accepted;
 * - the decrypted `data` must be a JSON object (every endpoint's parameters are one).
 * Checks run in the order of RejectReason, so a stale request that is also wrongly signed reports
 * the clock first.
 */
export type RejectReason =
  | 'method'
  | 'not-json'
  | 'missing-field'
  | 'not-a-string'
  | 'unknown-company'
  | 'bad-timestamp'
  | 'clock-skew'
  | 'not-encoded'
  | 'undecryptable'
  | 'bad-sign'
  | 'data-not-json'
  | 'data-not-object';

export const REJECTION_MESSAGES: Readonly<Record<RejectReason, string>> = {
  method: '请求方式错误: 仅支持POST',
  'not-json': '请求格式错误: 请求体必须是JSON对象{companyno,timestamp,data,sign}',
  'missing-field': '参数错误: {name}不能为空',
  'not-a-string': '参数错误: {name}必须是字符串',
  'unknown-company': '企业编号错误: companyno不存在',
  'bad-timestamp': '参数错误: timestamp格式应为yyyyMMddHHmmssfff',
  'clock-skew': 'timestamp超出允许范围(±{window}ms), 服务器时间{server}',
  'not-encoded': 'data解密失败: 应为AES密文的base64并经URL编码(%2b %2f %3d)',
  undecryptable: 'data解密失败',
  'bad-sign': '签名错误',
  'data-not-json': '参数错误: data不是正确的json字符串',
  'data-not-object': '参数错误: data必须是json对象',
};

export const SKEW_MARKER = 'timestamp超出允许范围';
export const DEFAULT_MAX_SKEW_MS = 5 * 60_000;

export type JsonObject = Record<string, unknown>;

export type EnvelopeVerdict =
  | { readonly ok: true; readonly timestamp: string; readonly json: string; readonly payload: JsonObject }
  | { readonly ok: false; readonly reason: RejectReason; readonly msg: string; readonly companyno: string };

export interface EnvelopeOptions {
  readonly companyNo: string;
  readonly now: () => Date;
  readonly maxSkewMs: number;
}

const REQUIRED = ['companyno', 'timestamp', 'data', 'sign'] as const;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function openRequest(method: string, raw: Buffer, options: EnvelopeOptions): EnvelopeVerdict {
  let echo = '';
  const reject = (reason: RejectReason, fill: Readonly<Record<string, string>> = {}): EnvelopeVerdict => ({
    ok: false,
    reason,
    msg: REJECTION_MESSAGES[reason].replace(/\{(\w+)\}/g, (_all, key: string) => fill[key] ?? ''),
    companyno: echo,
  });

  let body: unknown;
  try {
    body = raw.length > 0 ? JSON.parse(raw.toString('utf8')) : undefined;
  } catch {
    body = undefined;
  }
  if (isObject(body) && typeof body['companyno'] === 'string') echo = body['companyno'];
  if (method !== 'POST') return reject('method');
  if (!isObject(body)) return reject('not-json');

  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) {
    if (name === 'sign') continue;
    if (typeof value === 'string') params[name] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') params[name] = String(value);
    else if (value !== null) return reject('not-a-string', { name });
  }
  for (const name of REQUIRED) {
    const value = body[name];
    if (value === undefined || value === null || value === '') return reject('missing-field', { name });
    if (typeof value !== 'string') return reject('not-a-string', { name });
  }
  const { companyno, timestamp, data, sign: given } = body as Record<(typeof REQUIRED)[number], string>;
  if (companyno !== options.companyNo) return reject('unknown-company');

  const sentAt = parseTimestamp(timestamp);
  if (sentAt === undefined) return reject('bad-timestamp');
  const now = options.now();
  if (options.maxSkewMs > 0 && Math.abs(now.getTime() - sentAt) > options.maxSkewMs) {
    return reject('clock-skew', { window: String(options.maxSkewMs), server: formatTimestamp(now) });
  }

  let json: string;
  try {
    json = decryptData(data, options.companyNo);
  } catch (error) {
    if (error instanceof DataCodecError && error.code === 'not-encoded') return reject('not-encoded');
    return reject('undecryptable');
  }

  const signed = { ...params, data: json };
  // Both readings of §2.3; the second is the same text (and hash) unless a field is empty.
  const matches = sign(signed, options.companyNo) === given || (!signVariantsAgree(signed) && sign(signed, options.companyNo, { keepEmpty: true }) === given);
  if (!matches) return reject('bad-sign');

  let payload: unknown;
  try {
    payload = JSON.parse(json);
  } catch {
    return reject('data-not-json');
  }
  if (!isObject(payload)) return reject('data-not-object');
  return { ok: true, timestamp, json, payload };
}
