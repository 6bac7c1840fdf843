import type { HttpReply } from '../http/http-transport.ts';
import { badEnvelope, readJson, successData, type ReplyContext } from '../json-reply.ts';
import { EnvelopeSchema, type HongtuEndpoint } from './envelope.ts';
import { hongtuFailure } from './errors.ts';

/**
 * The envelope's `data`, checked against the endpoint's schema, or the typed error the reply amounts
 * to. The document calls `data` a "json串" (§1.2, erratum E9): a string that itself holds JSON is
 * parsed a second time when the endpoint expects structured data.
 */
export function parseReply(spec: HongtuEndpoint, reply: HttpReply): unknown {
  const ctx: ReplyContext = { vendor: 'hongtu', product: 'Hongtu', endpoint: spec.id, reply };
  const envelope = EnvelopeSchema.safeParse(readJson(ctx));
  if (!envelope.success) throw badEnvelope(ctx, envelope.error);
  if (envelope.data.code !== 0) throw hongtuFailure(envelope.data.code, envelope.data.msg, spec.id, reply.status);
  let data: unknown = envelope.data.data ?? null;
  if (typeof data === 'string' && spec.reply !== 'string' && /^\s*[{[]/.test(data)) {
    try {
      data = JSON.parse(data) as unknown;
    } catch {
      // Not JSON after all: checked as the string it is.
    }
  }
  return successData(spec.data, data, ctx);
}
