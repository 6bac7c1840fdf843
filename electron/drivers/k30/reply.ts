import { REDACTED } from '../../log/redact.ts';
import type { LocalizedText } from '../driver-error.ts';
import type { HttpReply } from '../http/http-transport.ts';
import { badEnvelope, readJson, successData, type ReplyContext } from '../json-reply.ts';
import { K30ReplyEnvelopeSchema, type K30Endpoint } from './envelope.ts';
import { k30Failure } from './errors.ts';
import { openEnvelope, type SignCheck } from './sign.ts';

/** What reading a K30 reply needs beyond the reply: the key, and how hard its sign is checked. */
interface ReplyKey {
  readonly companyNo: string;
  readonly signCheck: SignCheck;
  /** Told when a `warn` check finds the sign missing or wrong (the reply is used all the same). */
  readonly onSignWarning: (warning: LocalizedText, endpoint: string) => void;
}

/**
 * The decrypted `data`, checked against the endpoint's schema, or the typed error the reply
 * amounts to (k30.md §1.3, §3): not JSON or an HTML page (json-reply.ts), not the K30 envelope
 * (`schema_mismatch`, or `http_status` under an error status), `data` that does not decrypt with
 * the company number (`bad_credentials`), a sign that matches neither reading (refused only when
 * the check is `strict`), then `resultcode "0"` with the server's `msg` (errors.ts). `data` "" is
 * no payload; the plaintext `data` some examples print (E9) is read as it is.
 */
export function parseReply(spec: K30Endpoint, reply: HttpReply, key: ReplyKey): unknown {
  const ctx: ReplyContext = { vendor: 'k30', product: 'K30', endpoint: spec.id, reply };
  const envelope = K30ReplyEnvelopeSchema.safeParse(readJson(ctx));
  if (!envelope.success) throw badEnvelope(ctx, envelope.error);
  // Every reply names the company, and the transport redacts the company number (a secret) wherever
  // a reply carries it: a `companyno` (or `appid`, E10) redacted there is ours, and the sign is over ours.
  const signed = { ...envelope.data, ...ours(envelope.data, 'companyno', key.companyNo), ...ours(envelope.data, 'appid', key.companyNo) };
  const opened = openEnvelope(signed, key.companyNo, { signCheck: key.signCheck, endpoint: spec.id });
  if (opened.sign.warning) key.onSignWarning(opened.sign.warning, spec.id);
  if (envelope.data.resultcode === '0') throw k30Failure(envelope.data.msg, spec.id, reply.status);
  return successData(spec.data, opened.json === '' ? null : (JSON.parse(opened.json) as unknown), ctx);
}

function ours(envelope: Readonly<Record<string, unknown>>, field: 'companyno' | 'appid', companyNo: string): Record<string, string> {
  return envelope[field] === REDACTED ? { [field]: companyNo } : {};
}
