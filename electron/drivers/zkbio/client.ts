import { DriverError } from '../driver-error.ts';
import { EndpointClient, pathUrl, type BaseCallOptions } from '../endpoint-client.ts';
import { fallbackSpec } from '../endpoint-table.ts';
import type { Page } from '../paging.ts';
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

interface CallOptions extends BaseCallOptions {
  /** Poll a rate-limited endpoint even if the last poll was less than the interval ago. */
  readonly force?: boolean | undefined;
}

/**
 * ZKBio CVSecurity over HTTP(S) (endpoint-client.ts): `access_token` always as a query parameter
 * (§1.2), replies unwrapped from their envelope (reply.ts), and where the digest names another URL
 * for an endpoint (zkbio.md §8: the document's literal spelling), that is tried after a 404.
 * Failures are DriverErrors with the appendix's code.
 */
export class ZkbioClient extends EndpointClient<ZkbioEndpoint, ZkbioEndpoint, CallOptions> {
  constructor(options: ZkbioClientOptions) {
    const polls = new PollLimiter(options.minPollIntervalMs ?? 10_000);
    super(
      { baseUrl: options.baseUrl, tls: options.tls, timeoutMs: options.timeoutMs, secrets: [options.token], documentFallbacks: options.documentFallbacks },
      {
        vendor: 'zkbio',
        product: 'ZKBio',
        endpointById: zkbioEndpointById,
        beforeCall: (spec, checked, callOptions) => {
          if (PollLimiter.isLimited(spec)) polls.check(`${spec.id}?${JSON.stringify(checked)}`, callOptions.force === true, spec.id);
        },
        retries: (spec) => ({
          key: spec.id,
          variants: [spec, ...(spec.fallbacks ?? []).map((fallback) => fallbackSpec(spec, fallback))],
          specOf: (variant) => variant,
          refused: isNotFound,
        }),
        authorize: (request) => {
          const url = pathUrl(request);
          for (const [name, value] of request.parts.query) url.searchParams.append(name, value);
          url.searchParams.set('access_token', options.token);
          return { url };
        },
        parseReply,
        pageOf,
        pageParam: 'pageNo',
        jsonContentType: 'application/json; charset=utf-8',
      },
    );
  }
}

/** The server has no such path (Spring's 404): the digest's other URL may be the one it knows. */
function isNotFound(error: unknown): boolean {
  return error instanceof DriverError && error.code === 'http_status' && error.status === 404;
}

/**
 * A page of a list: v1 arrays (no total given; paging stops at a short page), v2 paged objects
 * with `total` (or `totalCount`) and `lastPage`.
 */
export function pageOf(data: unknown): Page {
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
