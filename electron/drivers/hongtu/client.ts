import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { checkedParams, endpointOrFail } from '../checked-params.ts';
import { DriverError } from '../driver-error.ts';
import { requestParts, type RequestParts } from '../endpoint-table.ts';
import { Fallbacks } from '../fallbacks.ts';
import { FormData } from 'undici';
import { HttpTransport } from '../http/http-transport.ts';
import { readPages } from '../paging.ts';
import type { TlsOptions } from '../../../shared/contract/tls-options.ts';
import { hongtuEndpointById } from './endpoints.ts';
import type { HongtuEndpoint } from './envelope.ts';
import { parseHongtuReply } from './reply.ts';
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

export interface HongtuCallOptions {
  readonly signal?: AbortSignal | undefined;
  readonly timeoutMs?: number | undefined;
}

const VENDOR = 'hongtu';

/**
 * The body hashes a request without a body (`GET /v1/api/device/info`) is signed with, in order:
 * the document says nothing for it (hongtu.md §2.2, erratum E6); the digest says MD5("{}") as the
 * general rule, then "" — the Java SDK's empty slot for a null body (§2.6) — if that is refused.
 */
const BODYLESS_HASHES: readonly string[] = [EMPTY_BODY_MD5, ''];

/**
 * Hongtu 2000 OpenAPI over HTTP(S): every endpoint of the table by id, each request signed
 * (ctimestamp, cnonce, cappkey, csign) over the exact body bytes it sends (§2.2), replies unwrapped
 * from `{code, data, msg}` and checked against the table's schema.
 */
export class HongtuClient {
  private readonly base: URL;
  private readonly appKey: string;
  private readonly secretKey: string;
  private readonly http: HttpTransport;
  private readonly now: () => number;
  private readonly fallbacks: Fallbacks;
  lastServer: { readonly date: string | null; readonly server: string | null; readonly receivedAt: number } | null = null;

  constructor(options: HongtuClientOptions) {
    this.base = new URL(options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
    this.appKey = options.appKey;
    this.secretKey = options.secretKey;
    this.now = options.now ?? Date.now;
    this.fallbacks = new Fallbacks(options.documentFallbacks ?? true);
    this.http = new HttpTransport({
      vendor: VENDOR,
      secrets: [options.secretKey],
      ...(options.tls ? { tls: options.tls } : {}),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    });
  }

  async call(id: string, params: Readonly<Record<string, unknown>> = {}, options: HongtuCallOptions = {}): Promise<unknown> {
    const spec = endpointOrFail(hongtuEndpointById(id), id, VENDOR, 'Hongtu');
    const checked = checkedParams(spec, params, VENDOR);
    const parts = requestParts(spec, checked);
    const request = await this.bodyFor(spec, parts);
    if (spec.body !== 'none') return this.send(spec, parts, request, options);
    // One 100008 for MD5("{}") and the other hash is tried; the one the server takes is kept.
    return this.fallbacks.run('bodyless-hash', BODYLESS_HASHES, (bodyMd5) => this.send(spec, parts, { ...request, bodyMd5 }, options), isSignatureRefusal);
  }

  private async send(spec: HongtuEndpoint, parts: RequestParts, request: SignedBody, options: HongtuCallOptions): Promise<unknown> {
    const { id } = spec;
    const query = parts.query.map(([k, v]) => `${k}=${v}`).join('&');
    const { body, bodyMd5, contentType } = request;
    const url = new URL(parts.path.replace(/^\//, ''), this.base);
    // The signed query string and the one sent are the same text (§2.3: order as in the URL).
    if (query) url.search = query;
    const headers: Record<string, string> = {
      ...signedHeaders({ uri: parts.path, method: spec.method, query, bodyMd5, secretKey: this.secretKey, appKey: this.appKey, timestamp: String(this.now()) }),
      ...(contentType ? { 'content-type': contentType } : {}),
    };
    const reply = await this.http.send({
      method: spec.method,
      url,
      headers,
      ...(body !== undefined ? { body } : {}),
      signal: options.signal,
      timeoutMs: options.timeoutMs,
      endpoint: id,
    });
    // Skew is measured against the clock the signature used.
    this.lastServer = { date: reply.date, server: reply.server, receivedAt: this.now() };
    return parseHongtuReply(spec, reply);
  }

  /** Every item of a paged endpoint (`{pageNum, pageSize, total, list}`), page by page (paging.ts, with its limits). */
  items(id: string, params: Readonly<Record<string, unknown>> = {}, options: HongtuCallOptions & { pageSize?: number } = {}): AsyncGenerator<unknown> {
    const pageSize = options.pageSize ?? 100;
    return readPages(
      async (pageNum) => {
        const data = (await this.call(id, { ...params, pageNum, pageSize }, options)) as { list?: unknown[]; total?: number } | null;
        return { items: data?.list ?? [], ...(typeof data?.total === 'number' ? { total: data.total } : {}) };
      },
      pageSize,
      { vendor: VENDOR, product: 'Hongtu', endpoint: id },
    );
  }

  async close(): Promise<void> {
    await this.http.close();
  }

  private async bodyFor(spec: HongtuEndpoint, parts: RequestParts): Promise<SignedBody> {
    if (spec.body === 'multipart') {
      const form = new FormData();
      for (const [name, value] of Object.entries(parts.form)) {
        if (value instanceof Uint8Array) form.append(name, new Blob([value], { type: 'image/jpeg' }), `${name}.jpg`);
        else if (typeof value === 'object' && value !== null && 'path' in value && typeof value.path === 'string') {
          form.append(name, new Blob([await readFile(value.path)]), basename(value.path));
        } else form.append(name, String(value));
      }
      // Uploads are the one case with an empty body slot in the signature (§2.2).
      return { body: form, bodyMd5: '' };
    }
    if (spec.body === 'none') return { bodyMd5: EMPTY_BODY_MD5 };
    // Serialize once; sign and send the same bytes.
    const text = JSON.stringify(parts.json ?? {});
    return { body: text, bodyMd5: bodyMd5Of(text), contentType: 'application/json;charset=UTF-8' };
  }
}

/** What is sent as the body, and the hash the signature carries for it. */
interface SignedBody {
  readonly body?: string | FormData;
  readonly bodyMd5: string;
  readonly contentType?: string;
}

/**
 * `100008 签名错误` that is not about the clock: the body hash may be the one the server reads
 * differently. A refusal naming the timestamp (clock skew) would be refused again whatever the hash.
 */
function isSignatureRefusal(error: unknown): boolean {
  if (!(error instanceof DriverError) || error.vendorCode !== 100008) return false;
  return !/ctimestamp|timestamp|时间戳|超出/i.test(String(error.details?.['vendorMessage'] ?? error.message));
}
