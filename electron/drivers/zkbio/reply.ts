import { DriverError } from '../driver-error.ts';
import type { HttpReply } from '../http/http-transport.ts';
import { badEnvelope, readJson, successData, type ReplyContext } from '../json-reply.ts';
import { EnvelopeSchema, RetEnvelopeSchema, type ZkbioEndpoint } from './envelope.ts';
import { ZKBIO_CREDENTIALS_ADVICE, zkbioFailure } from './errors.ts';

const VENDOR = 'zkbio';

/** The envelope's data, or the typed error the reply amounts to. Never throws anything else. */
export function parseReply(spec: ZkbioEndpoint, reply: HttpReply): unknown {
  if (reply.status === 401 || reply.status === 403) {
    throw new DriverError('bad_credentials', `ZKBio refused the access token (HTTP ${reply.status}).`, {
      vendor: VENDOR,
      endpoint: spec.id,
      status: reply.status,
      advice: ZKBIO_CREDENTIALS_ADVICE,
    });
  }
  const ctx: ReplyContext = { vendor: VENDOR, product: 'ZKBio', endpoint: spec.id, reply };
  const json = readJson(ctx);
  if (spec.reply === 'ret-envelope') {
    const envelope = RetEnvelopeSchema.safeParse(json);
    if (!envelope.success) throw badEnvelope(ctx, envelope.error);
    if (envelope.data.ret === 'fail') {
      throw new DriverError('vendor_error', `ZKBio ${spec.id}: ${envelope.data.msg ?? 'failed'}`, {
        vendor: VENDOR,
        endpoint: spec.id,
        status: reply.status,
        advice: { en: `ZKBio answered: ${envelope.data.msg ?? 'failed'}.`, 'zh-CN': `ZKBio 返回失败：${envelope.data.msg ?? '失败'}。` },
      });
    }
    return successData(spec.data, envelope.data.data ?? null, ctx);
  }
  const envelope = EnvelopeSchema.safeParse(json);
  if (!envelope.success) throw badEnvelope(ctx, envelope.error);
  if (envelope.data.code < 0) throw zkbioFailure(envelope.data.code, envelope.data.message ?? envelope.data.msg, spec.id, reply.status);
  // An empty list in any form (null, [], an empty page) is read by the table's schema (empty-list.ts).
  return successData(spec.data, envelope.data.data ?? null, ctx);
}
