import { DriverError } from '../driver-error.ts';
import type { HttpReply } from '../http/http-transport.ts';
import { EnvelopeSchema, RetEnvelopeSchema, type ZkbioEndpoint } from './envelope.ts';
import { TOKEN_ADVICE, zkbioFailure } from './errors.ts';

const VENDOR = 'zkbio';

function looksLikeHtml(reply: HttpReply): boolean {
  return /html/i.test(reply.contentType) || /^\s*</.test(reply.text);
}

function error(code: ConstructorParameters<typeof DriverError>[0], message: string, spec: ZkbioEndpoint, reply: HttpReply, extra: Record<string, unknown> = {}): DriverError {
  return new DriverError(code, message, {
    vendor: VENDOR,
    endpoint: spec.id,
    status: reply.status,
    details: { status: reply.status, contentType: reply.contentType, bodyStart: reply.text.slice(0, 200), ...extra },
  });
}

/** The envelope's data, or the typed error the reply amounts to. Never throws anything else. */
export function parseReply(spec: ZkbioEndpoint, reply: HttpReply): unknown {
  if (reply.status === 401 || reply.status === 403) {
    throw new DriverError('bad_credentials', `ZKBio refused the access token (HTTP ${reply.status}).`, {
      vendor: VENDOR,
      endpoint: spec.id,
      status: reply.status,
      advice: TOKEN_ADVICE,
    });
  }
  // An error status with a page that is not ZKBio's JSON (a proxy's 502, a servlet error) is an HTTP error.
  if (reply.status >= 400 && !/^\s*[{[]/.test(reply.text)) {
    throw error('http_status', `${spec.id}: HTTP ${reply.status}.`, spec, reply);
  }
  if (looksLikeHtml(reply)) {
    throw error('not_json', `${spec.id}: the server answered with an HTML page (HTTP ${reply.status}), not ZKBio's JSON — a login page, a proxy, or not a ZKBio API.`, spec, reply);
  }
  let json: unknown;
  try {
    json = JSON.parse(reply.text);
  } catch (cause) {
    const start = reply.text.trimStart();
    const truncated = (start.startsWith('{') || start.startsWith('[')) && /end of (JSON )?input|Unterminated|Expected/i.test(String(cause));
    if (reply.status >= 400) throw error('http_status', `${spec.id}: HTTP ${reply.status}.`, spec, reply);
    throw error(truncated ? 'truncated_json' : 'not_json', `${spec.id}: the reply ${truncated ? 'JSON ends early (truncated)' : 'is not JSON'}.`, spec, reply);
  }
  if (spec.reply === 'ret-envelope') {
    const envelope = RetEnvelopeSchema.safeParse(json);
    if (!envelope.success) throw mismatch(spec, reply, envelope.error.issues);
    if (envelope.data.ret === 'fail') {
      throw new DriverError('vendor_error', `ZKBio ${spec.id}: ${envelope.data.msg ?? 'failed'}`, {
        vendor: VENDOR,
        endpoint: spec.id,
        advice: { en: `ZKBio answered: ${envelope.data.msg ?? 'failed'}.`, 'zh-CN': `ZKBio 返回失败：${envelope.data.msg ?? '失败'}。` },
      });
    }
    return checkData(spec, reply, envelope.data.data ?? null);
  }
  const envelope = EnvelopeSchema.safeParse(json);
  if (!envelope.success) {
    if (reply.status >= 400) throw error('http_status', `${spec.id}: HTTP ${reply.status}.`, spec, reply);
    throw mismatch(spec, reply, envelope.error.issues);
  }
  if (envelope.data.code < 0) throw zkbioFailure(envelope.data.code, envelope.data.message ?? envelope.data.msg, spec.id);
  return checkData(spec, reply, envelope.data.data ?? null);
}

function checkData(spec: ZkbioEndpoint, reply: HttpReply, data: unknown): unknown {
  // An empty v1 list may come back as `data: null`: that is an empty list, not a broken reply.
  const checked = spec.data.safeParse(spec.reply === 'array' && data === null ? [] : data);
  if (!checked.success) throw mismatch(spec, reply, checked.error.issues);
  return checked.data;
}

function mismatch(spec: ZkbioEndpoint, reply: HttpReply, issues: readonly { path: PropertyKey[]; message: string }[]): DriverError {
  const list = issues.slice(0, 10).map((i) => ({ path: i.path.map(String), message: i.message }));
  return error('schema_mismatch', `${spec.id}: the reply does not have the documented shape (${list.map((i) => `${i.path.join('.') || '(reply)'}: ${i.message}`).join('; ')}).`, spec, reply, { issues: list });
}
