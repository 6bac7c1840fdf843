import { DriverError } from '../driver-error.ts';
import { EndpointClient, pathUrl, type BaseCallOptions } from '../endpoint-client.ts';
import type { Page } from '../paging.ts';
import type { TlsOptions } from '../../../shared/contract/tls-options.ts';
import { hongtuEndpointById } from './endpoints.ts';
import type { HongtuEndpoint } from './envelope.ts';
import { parseReply } from './reply.ts';
import { bodyMd5Of, EMPTY_BODY_MD5, signedHeaders } from './sign.ts';

export interface HongtuClientOptions {
  /** e.g. http://10.122.101.181:18082 */
  readonly baseUrl: string;
  readonly appKey: string;
  readonly secretKey: string;
  readonly tls?: TlsOptions;
  readonly timeoutMs?: number;
  /** The clock the signature's ctimestamp uses (tests set a skewed one). */
  readonly now?: () => number;
  /** Sign a body-less GET's hash as "" after MD5("{}") is refused (default true; hongtu.md §2.2, E6). */
  readonly documentFallbacks?: boolean;
}

type CallOptions = BaseCallOptions;

/**
 * The body hashes a request without a body (`GET /v1/api/device/info`) is signed with, in order:
 * the document says nothing for it (hongtu.md §2.2, erratum E6); the digest says MD5("{}") as the
 * general rule, then "" — the Java SDK's empty slot for a null body (§2.6) — if that is refused.
 * A request with a body has one variant: its body's own hash (null here).
 */
const BODYLESS_HASHES: readonly string[] = [EMPTY_BODY_MD5, ''];
const OWN_HASH: readonly (string | null)[] = [null];

/**
 * Hongtu 2000 OpenAPI over HTTP(S) (endpoint-client.ts): each request signed (ctimestamp, cnonce,
 * cappkey, csign) over the exact body bytes it sends (§2.2), replies unwrapped from
 * `{code, data, msg}` (reply.ts); a body-less request's hash is retried after one 100008.
 */
export class HongtuClient extends EndpointClient<HongtuEndpoint, string | null, CallOptions> {
  constructor(options: HongtuClientOptions) {
    const now = options.now ?? Date.now;
    super(
      { baseUrl: options.baseUrl, tls: options.tls, timeoutMs: options.timeoutMs, secrets: [options.secretKey], documentFallbacks: options.documentFallbacks, now },
      {
        vendor: 'hongtu',
        product: 'Hongtu',
        endpointById: hongtuEndpointById,
        // One 100008 for MD5("{}") and the other hash is tried; the one the server takes is kept.
        retries: (spec) => ({
          key: spec.body === 'none' ? 'bodyless-hash' : spec.id,
          variants: spec.body === 'none' ? BODYLESS_HASHES : OWN_HASH,
          specOf: () => spec,
          refused: isSignatureRefusal,
        }),
        authorize: (request, bodylessHash) => {
          const { parts, spec, body } = request;
          const query = parts.query.map(([k, v]) => `${k}=${v}`).join('&');
          const url = pathUrl(request);
          // The signed query string and the one sent are the same text (§2.3: order as in the URL).
          if (query) url.search = query;
          // Serialized once by the client: the bytes hashed are the bytes sent. Uploads are the one
          // case with an empty body slot in the signature (§2.2).
          const bodyMd5 = body === undefined ? (bodylessHash ?? EMPTY_BODY_MD5) : typeof body === 'string' ? bodyMd5Of(body) : '';
          const timestamp = String(now());
          return { url, headers: { ...signedHeaders({ uri: parts.path, method: spec.method, query, bodyMd5, secretKey: options.secretKey, appKey: options.appKey, timestamp }) } };
        },
        parseReply,
        pageOf,
        pageParam: 'pageNum',
        jsonContentType: 'application/json;charset=UTF-8',
        uploadAs: (field) => ({ filename: `${field}.jpg`, type: 'image/jpeg' }),
      },
    );
  }
}

/**
 * `100008 签名错误` that is not about the clock: the body hash may be the one the server reads
 * differently. A refusal naming the timestamp (clock skew) would be refused again whatever the hash.
 */
function isSignatureRefusal(error: unknown): boolean {
  if (!(error instanceof DriverError) || error.vendorCode !== 100008) return false;
  return !/ctimestamp|timestamp|时间戳|超出/i.test(String(error.details?.['vendorMessage'] ?? error.message));
}

/** A page of a list (`{pageNum, pageSize, total, list}`, §1.3). */
export function pageOf(data: unknown): Page {
  const page = data as { list?: unknown[]; total?: number } | null;
  return { items: page?.list ?? [], ...(typeof page?.total === 'number' ? { total: page.total } : {}) };
}
