import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestCounters, UNMATCHED } from '../common/counters.ts';
import { faultedJsonAnswer, takenByRequestFault } from '../common/fault-answers.ts';
import type { VendorReplies } from '../common/fault-answers.ts';
import { ENDLESS_TOTAL, FullPages } from '../common/full-pages.ts';
import { loopbackHost, readBody, startHttpServer } from '../common/http-server.ts';
import type { TlsFiles } from '../common/http-server.ts';
import { handleAdmin, isAdminPath } from './admin.ts';
import type { AdminTarget } from './admin.ts';
import { runApi } from './api.ts';
import type { CatalogEntry } from './catalog.ts';
import { hasValidToken, tokenRejection } from './auth.ts';
import { CATALOG } from './catalog.ts';
import { EventLog } from './events.ts';
import type { TransactionRecord } from './events.ts';
import { Faults, wrongShape } from './faults.ts';
import { decodePhoto, inspectImage } from './images.ts';
import { loginPage, springError, writeAnswer, wrongMethodAnswer } from './reply.ts';
import type { SimContext } from './request.ts';
import { Router } from './router.ts';
import { defaultSeed } from './seed.ts';
import { PROGRAM_ERROR, messageFor } from './codes.ts';
import { SimState } from './state.ts';
import type { SiteSeed } from './state.ts';
import { walkThrough } from './walk.ts';
import type { WalkThrough } from './walk.ts';

/**
 * The strict ZKBio CVSecurity peer (3rd Party API v1.2): every endpoint of the document on plain
 * node:http(s), the vendor envelope, the appendix's codes, in-memory state, events and faults.
 *
 * A request goes: body read → admin routes (`/__sim/...`, admin.ts) → route by path (router.ts) and
 * count → faults (latency, then reset / 5xx / HTML / false success / echoed URL) → `access_token`
 * (auth.ts; every `/api/` path, as a servlet filter would, before 404/405) → 404/405 (reply.ts) →
 * the endpoint (api.ts) → reply faults (full pages, malformed JSON, wrong shape).
 */
export interface ZkbioSimulatorOptions {
  /** Loopback only: 127.0.0.1 (default) or another 127.x address. */
  readonly host?: string;
  readonly port?: number;
  readonly token: string;
  /** Serve https with this key and certificate. */
  readonly tls?: TlsFiles;
  /** The site; `defaultSeed(clock())` when omitted. */
  readonly seed?: SiteSeed;
  readonly clock?: () => Date;
  /** Keep photo bytes so reads return them (default true; turn off for big benchmarks). */
  readonly keepPhotos?: boolean;
  /** Replace endpoint paths by id, e.g. `{'door.remoteCloseById': '/api/door/remotecloseById'}` for a server that knows the document's literal spelling. */
  readonly paths?: Readonly<Record<string, string>>;
  /** Largest request body; larger is HTTP 413. Default 32 MiB. */
  readonly maxBodyBytes?: number;
}

export interface ZkbioSimulator extends AdminTarget {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  readonly port: number;
  /** A person (or card) at a reader: appends an access record, as `POST /__sim/transactions`. */
  emitTransaction(input?: WalkThrough): TransactionRecord;
  close(): Promise<void>;
}

export async function startZkbioSimulator(options: ZkbioSimulatorOptions): Promise<ZkbioSimulator> {
  const host = loopbackHost('zkbio', options.host);
  const clock = options.clock ?? (() => new Date());
  const seed = options.seed ?? defaultSeed(clock());
  const state = new SimState(seed);
  const events = new EventLog(() => clock().getTime(), seed.transactions);
  const faults = new Faults();
  const counters = new RequestCounters();
  const router = new Router(CATALOG, options.paths);
  const ctx: SimContext = { state, events, faults, now: clock, keepPhotos: options.keepPhotos ?? true };
  const maxBody = options.maxBodyBytes ?? 32 * 1024 * 1024;
  const fullPages = new FullPages();

  const setFaceVerdict = (photo: { personPhoto?: string | undefined; sha256?: string | undefined }, code: number): string => {
    const bytes = photo.personPhoto !== undefined ? decodePhoto(photo.personPhoto) : undefined;
    const sha256 = photo.sha256 ?? (bytes ? inspectImage(bytes)?.sha256 : undefined);
    if (!sha256) throw new Error('setFaceVerdict: give a JPEG/PNG personPhoto or its sha256');
    state.faceVerdicts.set(sha256, code);
    return sha256;
  };
  const admin: AdminTarget = { token: options.token, state, events, faults, counters, setFaceVerdict };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const raw = await readBody(req, maxBody);
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://simulator');
    if (raw === undefined) return writeAnswer(res, springError(413, url.pathname, clock(), req.headers.accept));
    if (isAdminPath(url.pathname)) return writeAnswer(res, handleAdmin(admin, method, url, req.headers.authorization, raw));

    const match = router.match(method, url.pathname);
    const endpoint = match.kind === 'found' ? match.entry.id : undefined;
    counters.bump(endpoint ?? UNMATCHED);
    if (await takenByRequestFault({ faults, endpoint, req, res, path: url.pathname, now: clock, htmlPage: loginPage, vendorReplies: VENDOR_REPLIES })) return;

    const headOnly = method === 'HEAD';
    const isApi = url.pathname.startsWith('/api/');
    if (isApi && !hasValidToken(url.searchParams, options.token)) return writeAnswer(res, tokenRejection(), headOnly);
    if (match.kind === 'not-found' || !isApi) return writeAnswer(res, springError(404, url.pathname, clock(), req.headers.accept), headOnly);
    if (match.kind === 'wrong-method') return writeAnswer(res, wrongMethodAnswer(method, match.allow, url.pathname, clock(), req.headers.accept), headOnly);

    const outcome = runApi(match.entry, url.searchParams, match.pathParams, raw, req.headers['content-type'], ctx);
    if (outcome.kind === 'unsupported-media-type') return writeAnswer(res, springError(415, url.pathname, clock(), req.headers.accept), headOnly);
    const body = listFault(fullPages, faults, match.entry, outcome.body, url.searchParams);
    writeAnswer(res, faultedJsonAnswer(faults, endpoint, body, wrongShape), headOnly);
  };

  const server = await startHttpServer({ name: 'zkbio', host, port: options.port, tls: options.tls, clock }, handle);

  return {
    url: server.url,
    port: server.port,
    token: options.token,
    state,
    events,
    faults,
    counters,
    emitTransaction: (input = {}) => walkThrough(state, events, input),
    setFaceVerdict,
    close: () => server.close(),
  };
}

/** The envelopes of `false-success` and `echo-url` (§1.2; the echo as -1 "Program error"). */
const VENDOR_REPLIES: VendorReplies = {
  success: () => ({ code: 0, message: 'success', data: null }),
  failure: (message) => ({ code: PROGRAM_ERROR, message: `${messageFor(PROGRAM_ERROR)}: ${message}`, data: null }),
};

/** A list reply under `empty-list` or `full-pages` (v1 arrays, paged objects; paging from the query string). */
function listFault(pages: FullPages, faults: Faults, entry: CatalogEntry, body: Record<string, unknown>, query: URLSearchParams): Record<string, unknown> {
  if (body['code'] !== 0 || (entry.reply !== 'array' && entry.reply !== 'paged')) return body;
  const empty = faults.take('empty-list', entry.id);
  if (empty) return { ...body, data: empty.shape === 'array' ? [] : empty.shape === 'page' ? { page: 0, size: 0, total: 0, data: null } : null };
  const page = { pageNo: Number(query.get('pageNo') ?? 1), pageSize: Number(query.get('pageSize') ?? 20) };
  const data = body['data'];
  const rule = faults.take('full-pages', entry.id);
  const shape = rule ? (rule.shape === 'endless' ? 'endless' : 'repeat') : undefined;
  if (entry.reply === 'array') return Array.isArray(data) ? { ...body, data: pages.items(entry.id, data, page, shape) } : body;
  if (data === null || typeof data !== 'object' || !Array.isArray((data as { data?: unknown }).data)) return body;
  const items = pages.items(entry.id, (data as { data: unknown[] }).data, page, shape);
  return rule ? { ...body, data: { ...data, size: items.length, total: ENDLESS_TOTAL, data: items, lastPage: false } } : body;
}
