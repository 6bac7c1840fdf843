import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { checkedParams, endpointOrFail } from '../checked-params.ts';
import { fallbackSpec, requestParts, type RequestParts } from '../endpoint-table.ts';
import { DriverError } from '../driver-error.ts';
import { Fallbacks } from '../fallbacks.ts';
import { FormData } from 'undici';
import { HttpTransport } from '../http/http-transport.ts';
import { readPages, type Page } from '../paging.ts';
import type { TlsOptions } from '../../../shared/contract/tls-options.ts';
import { zkbioEndpointById } from './endpoints.ts';
import type { ZkbioEndpoint } from './envelope.ts';
import { PollLimiter } from './poll-limiter.ts';
import { parseReply } from './reply.ts';

export interface ZkbioClientOptions {
  /** e.g. http://192.168.1.100:8098 (no trailing /api). */
  readonly baseUrl: string;
  readonly token: string;
  readonly tls?: TlsOptions;
  readonly timeoutMs?: number;
  /** Minimum gap between door-state or monitor polls; the document asks for 10 s or more. */
  readonly minPollIntervalMs?: number;
  /** Try the document's literal URL when the normalised one is answered 404 (default true; see the tables' `fallbacks`). */
  readonly documentFallbacks?: boolean;
}

export interface CallOptions {
  readonly signal?: AbortSignal | undefined;
  readonly timeoutMs?: number | undefined;
  /** Poll a rate-limited endpoint even if the last poll was less than the interval ago. */
  readonly force?: boolean | undefined;
}

const VENDOR = 'zkbio';

/**
 * ZKBio CVSecurity over HTTP(S): every endpoint of the table by id, parameters checked before
 * sending, `access_token` always as a query parameter (§1.2), replies unwrapped from their envelope
 * and checked against the table's schema. Failures are DriverErrors with the appendix's code.
 */
export class ZkbioClient {
  private readonly base: URL;
  private readonly token: string;
  private readonly http: HttpTransport;
  private readonly polls: PollLimiter;
  private readonly fallbacks: Fallbacks;
  /** What the last reply said about the server (HTTP Date and Server headers), for connection tests. */
  lastServer: { readonly date: string | null; readonly server: string | null; readonly receivedAt: number } | null = null;

  constructor(options: ZkbioClientOptions) {
    this.base = new URL(options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
    this.token = options.token;
    this.http = new HttpTransport({
      vendor: VENDOR,
      secrets: [options.token],
      ...(options.tls ? { tls: options.tls } : {}),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    });
    this.polls = new PollLimiter(options.minPollIntervalMs ?? 10_000);
    this.fallbacks = new Fallbacks(options.documentFallbacks ?? true);
  }

  /**
   * Calls an endpoint by id; resolves with the envelope's `data`, validated. Where the digest names
   * another URL for it (zkbio.md §8: the document's literal spelling), that is tried after a 404.
   */
  async call(id: string, params: Readonly<Record<string, unknown>> = {}, options: CallOptions = {}): Promise<unknown> {
    const spec = endpointOrFail(zkbioEndpointById(id), id, VENDOR, 'ZKBio');
    const checked = checkedParams(spec, params, VENDOR);
    if (PollLimiter.isLimited(spec)) this.polls.check(`${id}?${JSON.stringify(checked)}`, options.force === true, id);
    const variants = [spec, ...(spec.fallbacks ?? []).map((fallback) => fallbackSpec(spec, fallback))];
    return this.fallbacks.run(id, variants, (variant) => this.send(variant, checked, options), isNotFound);
  }

  private async send(spec: ZkbioEndpoint, checked: Readonly<Record<string, unknown>>, options: CallOptions): Promise<unknown> {
    const parts = requestParts(spec, checked);
    const reply = await this.http.send({
      method: spec.method,
      url: this.urlFor(parts),
      ...(await this.bodyFor(spec, parts)),
      signal: options.signal,
      timeoutMs: options.timeoutMs,
      endpoint: spec.id,
    });
    this.lastServer = { date: reply.date, server: reply.server, receivedAt: Date.now() };
    return parseReply(spec, reply);
  }

  /**
   * Every item of a list endpoint, page by page (paging.ts, with its limits): v1 arrays stop at a
   * short page (no total given), v2 paged objects at `lastPage`, a short page, or `total` reached.
   */
  items(id: string, params: Readonly<Record<string, unknown>> = {}, options: CallOptions & { pageSize?: number } = {}): AsyncGenerator<unknown> {
    const pageSize = options.pageSize ?? 100;
    return readPages(async (pageNo) => pageOf(await this.call(id, { ...params, pageNo, pageSize }, options)), pageSize, { vendor: VENDOR, product: 'ZKBio', endpoint: id });
  }

  async close(): Promise<void> {
    await this.http.close();
  }

  private urlFor(parts: RequestParts): URL {
    const url = new URL(parts.path.replace(/^\//, ''), this.base);
    for (const [name, value] of parts.query) url.searchParams.append(name, value);
    url.searchParams.set('access_token', this.token);
    return url;
  }

  private async bodyFor(spec: ZkbioEndpoint, parts: RequestParts): Promise<{ body?: string | FormData; headers?: Record<string, string> }> {
    if (spec.body === 'json-object' || spec.body === 'json-array') {
      return { body: JSON.stringify(parts.json ?? (spec.body === 'json-array' ? [] : {})), headers: { 'content-type': 'application/json; charset=utf-8' } };
    }
    if (spec.body === 'multipart') {
      const form = new FormData();
      for (const [name, value] of Object.entries(parts.form)) {
        if (value instanceof Uint8Array) form.append(name, new Blob([value]), name);
        else if (typeof value === 'object' && value !== null && 'path' in value && typeof value.path === 'string') {
          form.append(name, new Blob([await readFile(value.path)]), basename(value.path));
        } else form.append(name, String(value));
      }
      return { body: form };
    }
    return {};
  }
}

/** The server has no such path (Spring's 404): the digest's other URL may be the one it knows. */
function isNotFound(error: unknown): boolean {
  return error instanceof DriverError && error.code === 'http_status' && error.status === 404;
}

function pageOf(data: unknown): Page {
  if (Array.isArray(data)) return { items: data };
  if (typeof data === 'object' && data !== null) {
    const record = data as { data?: unknown; total?: unknown; totalCount?: unknown; lastPage?: unknown };
    const items = Array.isArray(record.data) ? record.data : [];
    const total = typeof record.total === 'number' ? record.total : typeof record.totalCount === 'number' ? record.totalCount : undefined;
    return {
      items,
      ...(total !== undefined ? { total } : {}),
      ...(typeof record.lastPage === 'boolean' ? { lastPage: record.lastPage } : {}),
    };
  }
  return { items: [] };
}
