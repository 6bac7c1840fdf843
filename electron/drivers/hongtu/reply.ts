import { DriverError } from '../driver-error.ts';
import type { HttpReply } from '../http/http-transport.ts';
import { HongtuEnvelopeSchema, type HongtuEndpoint } from './envelope.ts';
import { hongtuFailure } from './errors.ts';

const VENDOR = 'hongtu';

function error(code: ConstructorParameters<typeof DriverError>[0], message: string, spec: HongtuEndpoint, reply: HttpReply, extra: Record<string, unknown> = {}): DriverError {
  return new DriverError(code, message, {
    vendor: VENDOR,
    endpoint: spec.id,
    status: reply.status,
    details: { status: reply.status, contentType: reply.contentType, bodyStart: reply.text.slice(0, 200), ...extra },
  });
}

/**
 * The envelope's `data`, checked against the endpoint's schema, or the typed error the reply amounts
 * to. The document calls `data` a "json串" (§1.2, erratum E9): a string that itself holds JSON is
 * parsed a second time when the endpoint expects structured data.
 */
export function parseHongtuReply(spec: HongtuEndpoint, reply: HttpReply): unknown {
  if (reply.status >= 400 && !/^\s*[{[]/.test(reply.text)) throw error('http_status', `${spec.id}: HTTP ${reply.status}.`, spec, reply);
  if (/html/i.test(reply.contentType) || /^\s*</.test(reply.text)) {
    throw error('not_json', `${spec.id}: the server answered with an HTML page (HTTP ${reply.status}), not Hongtu's JSON — a login page, a proxy, or not a Hongtu OpenAPI.`, spec, reply);
  }
  let json: unknown;
  try {
    json = JSON.parse(reply.text);
  } catch (cause) {
    const start = reply.text.trimStart();
    const truncated = (start.startsWith('{') || start.startsWith('[')) && /end of (JSON )?input|Unterminated|Expected/i.test(String(cause));
    throw error(truncated ? 'truncated_json' : 'not_json', `${spec.id}: the reply ${truncated ? 'JSON ends early (truncated)' : 'is not JSON'}.`, spec, reply);
  }
  const envelope = HongtuEnvelopeSchema.safeParse(json);
  if (!envelope.success) {
    if (reply.status >= 400) throw error('http_status', `${spec.id}: HTTP ${reply.status}.`, spec, reply);
    throw mismatch(spec, reply, envelope.error.issues);
  }
  if (envelope.data.code !== 0) throw hongtuFailure(envelope.data.code, envelope.data.msg, spec.id);
  let data: unknown = envelope.data.data ?? null;
  if (typeof data === 'string' && spec.reply !== 'string' && /^\s*[{[]/.test(data)) {
    try {
      data = JSON.parse(data) as unknown;
    } catch {
      // Not JSON after all: checked as the string it is.
    }
  }
  const checked = spec.data.safeParse(data);
  if (!checked.success) throw mismatch(spec, reply, checked.error.issues);
  return checked.data;
}

function mismatch(spec: HongtuEndpoint, reply: HttpReply, issues: readonly { path: PropertyKey[]; message: string }[]): DriverError {
  const list = issues.slice(0, 10).map((i) => ({ path: i.path.map(String), message: i.message }));
  return error('schema_mismatch', `${spec.id}: the reply does not have the documented shape (${list.map((i) => `${i.path.join('.') || '(reply)'}: ${i.message}`).join('; ')}).`, spec, reply, { issues: list });
}
