import { z } from 'zod';
import { DriverError, type DriverErrorCode, type LocalizedText } from './driver-error.ts';
import type { HttpReply } from './http/http-transport.ts';

/** A vendor envelope's `code` as the examples send it (a number); a numeric string is read the same. */
export const vendorCodeSchema = z.union([z.number().int(), z.string().regex(/^-?\d+$/).transform(Number)]);

/** A vendor's JSON envelope: its status fields, the message `msg`, and the payload `data`. */
export function envelopeSchema<S extends z.ZodRawShape>(status: S) {
  return z.looseObject({ ...status, msg: z.string().nullish(), data: z.unknown().optional() });
}

/** Which call a reply answers, for errors: vendor id, its display name, endpoint id. */
export interface ReplyContext {
  readonly vendor: string;
  readonly product: string;
  readonly endpoint: string;
  readonly reply: HttpReply;
}

function replyError(code: DriverErrorCode, message: string, ctx: ReplyContext, extra: Record<string, unknown> = {}, advice?: LocalizedText): DriverError {
  const { reply } = ctx;
  return new DriverError(code, message, {
    vendor: ctx.vendor,
    endpoint: ctx.endpoint,
    status: reply.status,
    advice,
    details: { status: reply.status, contentType: reply.contentType, bodyStart: reply.text.slice(0, 200), ...extra },
  });
}

/**
 * The reply's JSON, or the typed error it amounts to: an error status with a non-JSON page (a
 * proxy's 502, a servlet error) is `http_status`; an HTML page is `not_json` (a login page, a proxy,
 * another system); JSON that ends early is `truncated_json`. Vendor envelopes are read after this.
 */
export function readJson(ctx: ReplyContext): unknown {
  const { reply, endpoint, product } = ctx;
  if (reply.status >= 400 && !/^\s*[{[]/.test(reply.text)) throw replyError('http_status', `${endpoint}: HTTP ${reply.status}.`, ctx);
  if (/html/i.test(reply.contentType) || /^\s*</.test(reply.text)) {
    throw replyError('not_json', `${endpoint}: the server answered with an HTML page (HTTP ${reply.status}), not ${product}'s JSON — a login page, a proxy, or not a ${product} API.`, ctx);
  }
  try {
    return JSON.parse(reply.text) as unknown;
  } catch (cause) {
    const start = reply.text.trimStart();
    const truncated = (start.startsWith('{') || start.startsWith('[')) && /end of (JSON )?input|Unterminated|Expected/i.test(String(cause));
    throw replyError(truncated ? 'truncated_json' : 'not_json', `${endpoint}: the reply ${truncated ? 'JSON ends early (truncated)' : 'is not JSON'}.`, ctx);
  }
}

function schemaMismatch(ctx: ReplyContext, issues: readonly { path: PropertyKey[]; message: string }[]): DriverError {
  const list = issues.slice(0, 10).map((i) => ({ path: i.path.map(String), message: i.message }));
  return replyError('schema_mismatch', `${ctx.endpoint}: the reply does not have the documented shape (${list.map((i) => `${i.path.join('.') || '(reply)'}: ${i.message}`).join('; ')}).`, ctx, { issues: list });
}

/** An envelope that did not parse: an HTTP error if the status says so, else a shape mismatch. */
export function badEnvelope(ctx: ReplyContext, error: z.ZodError): DriverError {
  return ctx.reply.status >= 400 ? replyError('http_status', `${ctx.endpoint}: HTTP ${ctx.reply.status}.`, ctx) : schemaMismatch(ctx, error.issues);
}

/**
 * The payload of an envelope that says success, checked against the endpoint's schema — but only
 * under a 2xx status: a write is done when the transport *and* the envelope both say so. A success
 * body under HTTP 4xx/5xx (a gateway's canned answer, a server that failed after writing its body)
 * is `http_status`, which the sync queue retries; a *failure* envelope under an error status stays
 * the vendor's typed refusal (the vendor's parser throws it before this).
 */
export function successData(schema: z.ZodType, data: unknown, ctx: ReplyContext): unknown {
  const { status } = ctx.reply;
  if (status < 200 || status > 299) {
    throw replyError('http_status', `${ctx.endpoint}: HTTP ${status}, although the body says success: not counted as done.`, ctx, {}, {
      en: `${ctx.product} answered HTTP ${status} with a body that says success. Doorman counts a call as done only when both say so: a write is retried later, a read is not used. If it repeats, check the ${ctx.product} server and any proxy or gateway in front of it.`,
      'zh-CN': `${ctx.product} 返回了 HTTP ${status}，但响应内容表示成功。只有两者都表示成功时 Doorman 才视为完成：写入会稍后重试，读取结果不被采用。若反复出现，请检查 ${ctx.product} 服务器及其前面的代理或网关。`,
    });
  }
  return checkedData(schema, data, ctx);
}

/** The payload checked against the endpoint's schema. */
function checkedData(schema: z.ZodType, data: unknown, ctx: ReplyContext): unknown {
  const checked = schema.safeParse(data);
  if (!checked.success) throw schemaMismatch(ctx, checked.error.issues);
  return checked.data;
}
