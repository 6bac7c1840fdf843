import type { IncomingMessage, ServerResponse } from 'node:http';
import { DOCUMENTED_KEY_PAIRS, md5Hex } from '../../../electron/drivers/hongtu/sign.ts';
import { RequestCounters, UNMATCHED } from '../common/counters.ts';
import { faultedJsonAnswer, takenByRequestFault } from '../common/fault-answers.ts';
import type { VendorReplies } from '../common/fault-answers.ts';
import { ENDLESS_TOTAL, FullPages } from '../common/full-pages.ts';
import { loopbackHost, readBody, startHttpServer } from '../common/http-server.ts';
import type { TlsFiles } from '../common/http-server.ts';
import { SiteActions } from './actions.ts';
import { handleAdmin, isAdminPath } from './admin.ts';
import type { AdminTarget } from './admin.ts';
import { runApi } from './api.ts';
import { DEFAULT_MAX_SKEW_MS, SIGNATURE_REJECTION, SignatureVerifier } from './auth.ts';
import type { BodyRule, GetSigning, KeyPair } from './auth.ts';
import { CATALOG } from './catalog.ts';
import type { CatalogEntry } from './catalog.ts';
import { SUCCESS, SYSTEM_ERROR, messageFor } from './codes.ts';
import { Faults, wrongShape } from './faults.ts';
import { PushDispatcher } from './push.ts';
import type { PushAttempt, PushPolicy } from './push.ts';
import { DeviceAlarmLog } from './device-alarms.ts';
import type { DeviceAlarmInput } from './device-alarms.ts';
import { RecordLog, pushBody } from './records.ts';
import type { PushFormat } from './records.ts';
import { consolePage, envelope, jsonAnswer, springError, writeAnswer, wrongMethodAnswer } from './reply.ts';
import type { SimContext } from './request.ts';
import { Router } from './router.ts';
import { defaultSeed } from './seed.ts';
import { SimState } from './state.ts';
import type { SiteSeed } from './state.ts';
import type { WalkThrough } from './walk.ts';

/**
 * The strict 鸿图2000 V1.0.1 OpenAPI peer: all 80 endpoints on plain node:http(s), the `{code, data,
 * msg}` envelope, the §9 codes, the csign signature, in-memory state, pass records pushed to
 * subscribers, and faults.
 *
 * A request goes: body read → admin routes (`/__sim/...`, admin.ts) → stored images (`GET /pub/<uri>`)
 * → route by path (router.ts) and count → faults (latency, then reset / 5xx / HTML / false success /
 * echoed URL) → signature (auth.ts; every `/v1/api/` path, as a servlet filter would, before
 * 404/405) → 404/405 → the endpoint (api.ts) → reply faults (full pages, malformed JSON, wrong shape).
 */
export interface HongtuSimulatorOptions {
  /** Loopback only: 127.0.0.1 (default) or another 127.x address. */
  readonly host?: string;
  readonly port?: number;
  /** The appkey / secret pairs the platform accepts; the document's two by default (§2.4). */
  readonly keyPairs?: readonly KeyPair[];
  /** Bearer token of `/__sim/`; the first pair's secretKey by default. */
  readonly adminToken?: string;
  readonly clock?: () => Date;
  /** Allowed |server time − ctimestamp|; 5 minutes by default (the document states none). */
  readonly maxSkewMs?: number;
  /** Refuse a replayed (cappkey, ctimestamp, cnonce) within the window; default true. */
  readonly rejectReplays?: boolean;
  /** Body hashes `GET /v1/api/device/info` accepts; default 'either'. */
  readonly getSigning?: GetSigning;
  /** The site; `defaultSeed(clock())` when omitted. */
  readonly seed?: SiteSeed;
  /** Serve https with this key and certificate. */
  readonly tls?: TlsFiles;
  /** Delivery policy of pushes (push.ts). */
  readonly push?: Partial<PushPolicy>;
  readonly pushFormat?: Partial<PushFormat>;
  /** Keep uploaded bytes so `/pub/<uri>` serves them (default true; turn off for big benchmarks). */
  readonly keepImages?: boolean;
  /** Largest request body; larger is HTTP 413. Default 16 MiB. */
  readonly maxBodyBytes?: number;
}

export interface HongtuSimulator extends AdminTarget {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  readonly port: number;
  /** The first key pair, for callers that need one. */
  readonly appKey: string;
  readonly secretKey: string;
  readonly keyPairs: readonly KeyPair[];
  /** Attempts for one record so far. */
  pushAttempts(recordId: string): PushAttempt[];
  close(): Promise<void>;
}

export async function startHongtuSimulator(options: HongtuSimulatorOptions = {}): Promise<HongtuSimulator> {
  const host = loopbackHost('hongtu', options.host);
  const keyPairs = options.keyPairs ?? DOCUMENTED_KEY_PAIRS;
  const first = keyPairs[0];
  if (!first) throw new Error('hongtu simulator: at least one key pair');
  const adminToken = options.adminToken ?? first.secretKey;
  const clock = options.clock ?? (() => new Date());
  const state = new SimState(options.seed ?? defaultSeed(clock()), clock().getTime());
  const records = new RecordLog();
  const deviceAlarms = new DeviceAlarmLog();
  const faults = new Faults();
  const counters = new RequestCounters();
  const pushes = new PushDispatcher(faults, options.push);
  const router = new Router(CATALOG);
  const verifier = new SignatureVerifier({
    keyPairs,
    now: () => clock().getTime(),
    maxSkewMs: options.maxSkewMs ?? DEFAULT_MAX_SKEW_MS,
    rejectReplays: options.rejectReplays ?? true,
    getSigning: options.getSigning ?? 'either',
  });
  const format: PushFormat = { busiType: 'number', scores: 'number', ...options.pushFormat };
  const maxBody = options.maxBodyBytes ?? 16 * 1024 * 1024;
  const fullPages = new FullPages();
  let baseUrl = '';
  const imageUrl = (uri: string): string => {
    const timestamp = Math.floor(clock().getTime() / 1000);
    return `${baseUrl}/pub/${uri}?timestamp=${timestamp}&sig=${md5Hex(`${uri}:${timestamp}`)}`;
  };
  const ctx: SimContext = {
    state,
    records,
    deviceAlarms,
    faults,
    now: clock,
    appKeys: new Set(keyPairs.map((pair) => pair.appKey)),
    keepImages: options.keepImages ?? true,
    imageUrl,
    publish: (record) => pushes.dispatch(record.id, pushBody(record, state.organisation, imageUrl, format), state.subscriptions.values()),
  };
  const actions = new SiteActions(ctx);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // The Date header tells the server's clock (the simulator's), which a client uses to explain a 100008.
    res.setHeader('date', clock().toUTCString());
    const raw = await readBody(req, maxBody);
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://simulator');
    if (raw === undefined) return writeAnswer(res, springError(413, url.pathname, clock(), req.headers.accept));
    if (isAdminPath(url.pathname)) {
      const admin = { adminToken, state, records, deviceAlarms, faults, counters, pushes, ...bind(actions) };
      return writeAnswer(res, handleAdmin(admin, method, url, req.headers.authorization, raw));
    }
    if (method === 'GET' && url.pathname.startsWith('/pub/')) return writeImage(res, state, decodeURIComponent(url.pathname.slice('/pub/'.length)));

    const match = router.match(method, url.pathname);
    const entry = match.kind === 'found' ? match.entry : undefined;
    counters.bump(entry?.id ?? UNMATCHED);
    if (await takenByRequestFault({ faults, endpoint: entry?.id, req, res, path: url.pathname, now: clock, htmlPage: consolePage, vendorReplies: VENDOR_REPLIES })) return;

    const headOnly = method === 'HEAD';
    const isApi = url.pathname.startsWith('/v1/api/');
    let appKey = '';
    if (isApi) {
      const query = (req.url ?? '').includes('?') ? (req.url ?? '').slice((req.url ?? '').indexOf('?') + 1) : '';
      const verdict = verifier.verify({ headers: req.headers, method, uri: url.pathname, query, raw, bodyRule: bodyRule(entry, method, req.headers['content-type']) });
      if (!verdict.ok) return writeAnswer(res, jsonAnswer({ code: SIGNATURE_REJECTION.code, data: null, msg: verdict.msg }, SIGNATURE_REJECTION.status), headOnly);
      appKey = verdict.appKey;
    }
    if (match.kind === 'not-found' || !isApi) return writeAnswer(res, springError(404, url.pathname, clock(), req.headers.accept), headOnly);
    if (match.kind === 'wrong-method') return writeAnswer(res, wrongMethodAnswer(method, match.allow, url.pathname, clock(), req.headers.accept), headOnly);

    const outcome = runApi(match.entry, appKey, url.searchParams, raw, req.headers['content-type'], ctx);
    if (outcome.kind === 'unsupported-media-type') return writeAnswer(res, springError(415, url.pathname, clock(), req.headers.accept), headOnly);
    const body = listFault(fullPages, faults, match.entry, envelope(outcome.result), raw);
    writeAnswer(res, faultedJsonAnswer(faults, match.entry.id, body, wrongShape), headOnly);
  };

  const server = await startHttpServer({ name: 'hongtu', host, port: options.port, tls: options.tls, clock }, handle);
  baseUrl = server.url;

  return {
    url: baseUrl,
    port: server.port,
    appKey: first.appKey,
    secretKey: first.secretKey,
    keyPairs,
    adminToken,
    state,
    records,
    deviceAlarms,
    faults,
    counters,
    pushes,
    ...bind(actions),
    pushAttempts: (recordId) => pushes.attemptsFor(recordId),
    close: async () => {
      await pushes.close();
      await server.close();
    },
  };
}

/** The actions as plain functions (they keep their `this`). */
function bind(actions: SiteActions) {
  return {
    openDoor: (deviceUuid: string) => actions.openDoor(deviceUuid),
    emitPassRecord: (input?: WalkThrough) => actions.emitPassRecord(input),
    emitDeviceAlarm: (input: DeviceAlarmInput) => actions.emitDeviceAlarm(input),
    pushBurst: (count: number, ratePerSecond?: number, input?: WalkThrough) => actions.pushBurst(count, ratePerSecond, input),
    reportDevice: (input: { snCode: string; deviceModel?: number | undefined }) => actions.reportDevice(input),
    setFaceVerdict: (image: { bytes?: Buffer; sha256?: string }, code: number) => actions.setFaceVerdict(image, code),
  };
}

/** How the body enters the signature: known endpoints by their kind; unknown paths by what was sent. */
function bodyRule(entry: CatalogEntry | undefined, method: string, contentType: string | undefined): BodyRule {
  if (entry) return entry.body === 'form' ? 'form' : entry.body === 'none' ? 'get' : 'json';
  if ((contentType ?? '').toLowerCase().startsWith('multipart/form-data')) return 'form';
  return method === 'GET' || method === 'HEAD' ? 'get' : 'json';
}

const IMAGE_TYPES: Readonly<Record<string, string>> = { jpeg: 'image/jpeg', png: 'image/png', bmp: 'image/bmp' };

function writeImage(res: ServerResponse, state: SimState, uri: string): void {
  const image = state.images.get(uri);
  if (!image?.bytes) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': IMAGE_TYPES[image.format] ?? 'application/octet-stream', 'content-length': String(image.bytes.length) }).end(image.bytes);
}

/** The envelopes of `false-success` and `echo-url` (§1.2; the echo as -1 系统异常). */
const VENDOR_REPLIES: VendorReplies = {
  success: () => ({ code: SUCCESS, data: null, msg: messageFor(SUCCESS) }),
  failure: (message) => ({ code: SYSTEM_ERROR, data: null, msg: messageFor(SYSTEM_ERROR, message) }),
};

/** A list reply under `empty-list`, a paged one (`{pageNum, pageSize, total, list}`) under `full-pages`; paging from the JSON body. */
function listFault(pages: FullPages, faults: Faults, entry: CatalogEntry, body: Record<string, unknown>, raw: Buffer): Record<string, unknown> {
  const data = body['data'];
  const isList = Array.isArray(data) || (data !== null && typeof data === 'object' && Array.isArray((data as { list?: unknown }).list));
  const empty = body['code'] === SUCCESS && isList ? faults.take('empty-list', entry.id) : undefined;
  if (empty) {
    const { pageNo, pageSize } = pagingOf(raw);
    return { ...body, data: empty.shape === 'array' ? [] : empty.shape === 'page' ? { pageNum: pageNo, pageSize, total: 0, list: null } : null };
  }
  if (body['code'] !== SUCCESS || data === null || typeof data !== 'object' || !Array.isArray((data as { list?: unknown }).list)) return body;
  const rule = faults.take('full-pages', entry.id);
  const page = pagingOf(raw);
  const items = pages.items(entry.id, (data as { list: unknown[] }).list, page, rule ? (rule.shape === 'endless' ? 'endless' : 'repeat') : undefined);
  return rule ? { ...body, data: { ...data, pageNum: page.pageNo, pageSize: page.pageSize, total: ENDLESS_TOTAL, list: items } } : body;
}

function pagingOf(raw: Buffer): { pageNo: number; pageSize: number } {
  let body: { pageNum?: unknown; pageSize?: unknown } = {};
  try {
    body = JSON.parse(raw.toString('utf8')) as typeof body;
  } catch {
    // The endpoint already refused an unreadable body.
  }
  return { pageNo: Number(body.pageNum ?? 1) || 1, pageSize: Number(body.pageSize ?? 20) || 20 };
}
