import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { FormData } from 'undici';
import type { TlsOptions } from '../../shared/contract/tls-options.ts';
import { checkedParams, endpointOrFail } from './checked-params.ts';
import { paramsSchema, requestParts, type EndpointSpec, type RequestParts } from './endpoint-table.ts';
import { Fallbacks } from './fallbacks.ts';
import { HttpTransport, type HttpReply } from './http/http-transport.ts';
import { readPages, type Page } from './paging.ts';
import type { z } from 'zod';

/** What every vendor's `call` and `items` accept; a vendor may add its own (ZKBio: `force`). */
export interface BaseCallOptions {
  readonly signal?: AbortSignal | undefined;
  readonly timeoutMs?: number | undefined;
}

/** What the last reply said about the server (HTTP Date and Server headers), for connection tests. */
export interface LastServer {
  readonly date: string | null;
  readonly server: string | null;
  readonly receivedAt: number;
}

/** A request as built from the endpoint table, before the vendor authorizes (or signs) it. */
interface PreparedRequest<S extends EndpointSpec> {
  readonly spec: S;
  readonly parts: RequestParts;
  /** The server's address, ending in `/`. */
  readonly base: URL;
  /** The exact body that is sent: JSON text serialized once, multipart, or none. */
  readonly body: string | FormData | undefined;
}

/** Where the request goes and which headers it carries, as the vendor authorizes it. */
interface AuthorizedRequest {
  readonly url: URL;
  readonly headers?: Record<string, string>;
  /** The body as the vendor seals it, sent instead of the prepared one (K30: the whole signed, encrypted envelope, as bytes). */
  readonly body?: string | Uint8Array;
}

/**
 * The forms of one call to try in order (fallbacks.ts): the variant `V` the vendor's hooks read
 * (ZKBio: the endpoint under another URL; Hongtu: another body hash), the key the server's choice
 * is remembered under, and the refusal that moves on to the next variant.
 */
interface Retries<S extends EndpointSpec, V> {
  readonly key: string;
  readonly variants: readonly V[];
  /** The endpoint a variant sends to (its path, its fields' places). */
  specOf(variant: V): S;
  refused(error: unknown): boolean;
}

/** What differs between vendors; everything else is the one client below. */
interface VendorHooks<S extends EndpointSpec, V, O extends BaseCallOptions> {
  /** Vendor id, for errors: `zkbio`. */
  readonly vendor: string;
  /** Display name, for errors: `ZKBio`. */
  readonly product: string;
  endpointById(id: string): S | undefined;
  /** The schema a call's parameters are checked by, where the table's fields alone do not say it all (K30's cross-field rules); default `paramsSchema`. */
  paramsSchema?(spec: S): z.ZodType<Record<string, unknown>>;
  /** Runs before anything is sent, and may wait (ZKBio's poll limits, K30's rate window). */
  beforeCall?(spec: S, checked: Readonly<Record<string, unknown>>, options: O): void | Promise<void>;
  retries(spec: S): Retries<S, V>;
  /** How a request is authorized or signed: its URL and headers (signed over `request.body` exactly). */
  authorize(request: PreparedRequest<S>, variant: V): AuthorizedRequest;
  /** The reply's payload, or the typed error it amounts to. */
  parseReply(spec: S, reply: HttpReply): unknown;
  /** One page of a list endpoint's payload. */
  pageOf(data: unknown): Page;
  /** The page-number parameter of the vendor's list endpoints: `pageNo`, `pageNum`, `pageindex`. */
  readonly pageParam: string;
  /** The page-size parameter of the vendor's list endpoints (default `pageSize`; K30: `pagesize`). */
  readonly pageSizeParam?: string;
  /** The content type of a JSON body, as the vendor's document spells it. */
  readonly jsonContentType: string;
  /** How bytes (not a file path) are named in a multipart body. */
  readonly uploadAs?: (field: string) => { readonly filename: string; readonly type?: string };
}

interface EndpointClientOptions {
  readonly baseUrl: string;
  readonly tls?: TlsOptions | undefined;
  readonly timeoutMs?: number | undefined;
  /** Credentials never let through in what the backend answers. */
  readonly secrets: readonly string[];
  /** Try the variants a call has beyond the documented form (default true; fallbacks.ts). */
  readonly documentFallbacks?: boolean | undefined;
  /** The clock `lastServer.receivedAt` reads (the one a signature uses). */
  readonly now?: (() => number) | undefined;
}

/**
 * Every endpoint of a vendor's table by id, over HTTP(S): parameters checked before sending, placed
 * where the table says, the body built once, authorized by the vendor's hook, the reply parsed by
 * the vendor's hook and checked against the table's schema. Lists are read page by page (paging.ts),
 * and the document's fallbacks are tried where the digest names them (fallbacks.ts).
 */
export class EndpointClient<S extends EndpointSpec, V, O extends BaseCallOptions = BaseCallOptions> {
  private readonly base: URL;
  private readonly http: HttpTransport;
  private readonly fallbacks: Fallbacks;
  private readonly now: () => number;
  private readonly hooks: VendorHooks<S, V, O>;
  /** Each endpoint's parameter schema (schemaOf). */
  private readonly schemas = new WeakMap<S, z.ZodType<Record<string, unknown>>>();
  /** What the last reply said about the server, for connection tests. */
  lastServer: LastServer | null = null;

  constructor(options: EndpointClientOptions, hooks: VendorHooks<S, V, O>) {
    this.hooks = hooks;
    this.base = new URL(options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
    this.now = options.now ?? Date.now;
    this.fallbacks = new Fallbacks(options.documentFallbacks ?? true);
    this.http = new HttpTransport({
      vendor: hooks.vendor,
      secrets: options.secrets,
      ...(options.tls ? { tls: options.tls } : {}),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    });
  }

  /** Calls an endpoint by id; resolves with the reply's payload, validated. */
  async call(id: string, params: Readonly<Record<string, unknown>> = {}, options: O = {} as O): Promise<unknown> {
    const { hooks } = this;
    const spec = endpointOrFail(hooks.endpointById(id), id, hooks.vendor, hooks.product);
    const checked = checkedParams(spec, params, hooks.vendor, this.schemaOf(spec));
    await hooks.beforeCall?.(spec, checked, options);
    const retries = hooks.retries(spec);
    return this.fallbacks.run(retries.key, retries.variants, (variant) => this.send(retries.specOf(variant), variant, checked, options), retries.refused);
  }

  /** Every item of a list endpoint, page by page from 1 (paging.ts, with its limits). */
  items(id: string, params: Readonly<Record<string, unknown>> = {}, options: O & { pageSize?: number } = {} as O & { pageSize?: number }): AsyncGenerator<unknown> {
    const pageSize = options.pageSize ?? 100;
    const { hooks } = this;
    return readPages(
      async (pageNo) => hooks.pageOf(await this.call(id, { ...params, [hooks.pageParam]: pageNo, [hooks.pageSizeParam ?? 'pageSize']: pageSize }, options)),
      pageSize,
      { vendor: hooks.vendor, product: hooks.product, endpoint: id },
    );
  }

  /** Every item of a list endpoint, collected (`items`, read to the end). */
  async collect(id: string, params: Readonly<Record<string, unknown>> = {}, options: O & { pageSize?: number } = {} as O & { pageSize?: number }): Promise<unknown[]> {
    const out: unknown[] = [];
    for await (const item of this.items(id, params, options)) out.push(item);
    return out;
  }

  async close(): Promise<void> {
    await this.http.close();
  }

  /** The endpoint's parameter schema, built once per endpoint: zod compiles each new object schema on its first parse. */
  private schemaOf(spec: S): z.ZodType<Record<string, unknown>> {
    let schema = this.schemas.get(spec);
    if (!schema) {
      schema = this.hooks.paramsSchema?.(spec) ?? paramsSchema(spec);
      this.schemas.set(spec, schema);
    }
    return schema;
  }

  private async send(spec: S, variant: V, checked: Readonly<Record<string, unknown>>, options: O): Promise<unknown> {
    const parts = requestParts(spec, checked);
    const { body, contentType } = await this.bodyOf(spec, parts);
    const { url, headers, body: sealed } = this.hooks.authorize({ spec, parts, base: this.base, body }, variant);
    const allHeaders = { ...headers, ...(contentType ? { 'content-type': contentType } : {}) };
    const reply = await this.http.send({
      method: spec.method,
      url,
      ...(Object.keys(allHeaders).length > 0 ? { headers: allHeaders } : {}),
      ...(sealed !== undefined ? { body: sealed } : body !== undefined ? { body } : {}),
      signal: options.signal,
      timeoutMs: options.timeoutMs,
      endpoint: spec.id,
    });
    this.lastServer = { date: reply.date, server: reply.server, receivedAt: this.now() };
    return this.hooks.parseReply(spec, reply);
  }

  /** JSON serialized once (the bytes signed are the bytes sent); multipart in one loop; or none. */
  private async bodyOf(spec: S, parts: RequestParts): Promise<{ body: string | FormData | undefined; contentType?: string }> {
    if (spec.body === 'json-object' || spec.body === 'json-array') {
      return { body: JSON.stringify(parts.json ?? (spec.body === 'json-array' ? [] : {})), contentType: this.hooks.jsonContentType };
    }
    if (spec.body === 'multipart') {
      const form = new FormData();
      for (const [name, value] of Object.entries(parts.form)) {
        if (value instanceof Uint8Array) {
          const as = this.hooks.uploadAs?.(name) ?? { filename: name };
          form.append(name, new Blob([value], as.type ? { type: as.type } : {}), as.filename);
        } else if (typeof value === 'object' && value !== null && 'path' in value && typeof value.path === 'string') {
          form.append(name, new Blob([await readFile(value.path)]), basename(value.path));
        } else form.append(name, String(value));
      }
      return { body: form };
    }
    return { body: undefined };
  }
}

/** The URL of a request's path below the server's address (the path's leading `/` dropped). */
export function pathUrl(request: PreparedRequest<EndpointSpec>): URL {
  return new URL(request.parts.path.replace(/^\//, ''), request.base);
}
