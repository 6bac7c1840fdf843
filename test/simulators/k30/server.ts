import type { IncomingMessage, ServerResponse } from 'node:http';
import { burst } from '../common/burst.ts';
import { RequestCounters, UNMATCHED } from '../common/counters.ts';
import { faultedJsonAnswer, takenByRequestFault } from '../common/fault-answers.ts';
import { loopbackHost, readBody, startHttpServer } from '../common/http-server.ts';
import { handleAdmin, isAdminPath } from './admin.ts';
import type { AdminTarget } from './admin.ts';
import { runApi } from './api.ts';
import { DEFAULT_MAX_SKEW_MS, REJECTION_MESSAGES, openRequest } from './auth.ts';
import { CallbackSender } from './callbacks.ts';
import type { CallbackPolicy } from './callbacks.ts';
import type { RecordForm } from './callback-payloads.ts';
import { InstallationEvents } from './events.ts';
import { CATALOG } from './catalog.ts';
import type { CatalogEntry } from './catalog.ts';
import { AES_KEY_BYTES, encryptData, percentEncode } from '../../../electron/drivers/k30/sign.ts';
import { formatTimestamp } from '../../../electron/drivers/k30/timestamp.ts';
import { Faults, foreignCompanyNo, wrongShape } from './faults.ts';
import { envelopeOf, homePage, plainError, rejectionOf, writeAnswer, jsonAnswer } from './reply.ts';
import type { SimContext } from './request.ts';
import { DEFAULT_COMPANY_NO, defaultSeed } from './seed.ts';
import { SimState } from './state.ts';
import type { PassRecord, PhotoRecord, SiteSeed } from './state.ts';
import { Snapshots } from './snapshots.ts';
import { walkThrough } from './walk.ts';
import type { WalkThrough } from './walk.ts';

/**
 * The strict 门禁软件K30 open-API peer: the document's 27 endpoints on plain node:http, the
 * `{companyno, timestamp, data, sign}` envelope with AES-encrypted `data` and the MD5 sign both
 * ways, in-memory state (regions, departments, people, devices, visitors, pass records) and faults.
 * Plain http only: every URL in the document is `http://IP:Port/openapi/…`.
 *
 * A request goes: body read (413 past the limit) → admin routes (`/__sim/...`, admin.ts) →
 * `GET /` (the simulator's invented home page), stored photos (`GET /Files/...`) and pass snapshots
 * (`GET /snapshots/<no>.jpg?…`, pre-signed and time-limited, snapshots.ts) → route by
 * exact path and count → faults (latency, then reset / 5xx / HTML) → the envelope check (auth.ts;
 * every `/openapi/` path and the catalog's own, before 404) → 404 → the endpoint (api.ts) → the
 * signed reply → reply faults (bad sign, undecryptable data, malformed JSON, wrong shape). New
 * pass records and people.sync results go out as callbacks to the configured URL (events.ts,
 * callbacks.ts).
 */
export interface K30SimulatorOptions {
  /** Loopback only: 127.0.0.1 (default) or another 127.x address. */
  readonly host?: string;
  readonly port?: number;
  /** 企业编号: the sign secret and the AES key, 16 characters; the document's verified example by default. */
  readonly companyNo?: string;
  /** Bearer token of `/__sim/`; the company number by default. */
  readonly adminToken?: string;
  readonly clock?: () => Date;
  /** Allowed |server time − timestamp|; 5 minutes by default (the document states none), 0 = no check. */
  readonly maxSkewMs?: number;
  /** The site; `defaultSeed(clock())` when omitted. */
  readonly seed?: SiteSeed;
  /** Keep photo bytes so `/Files/...` serves them (default true; turn off for big benchmarks). */
  readonly keepPhotos?: boolean;
  /** Replace endpoint paths by id, e.g. `{'department.delete': '/openapi/department/Delete'}` for an installation that has the undocumented one. */
  readonly paths?: Readonly<Record<string, string>>;
  /** Largest request body; larger is HTTP 413. Default 16 MiB. */
  readonly maxBodyBytes?: number;
  /** The third-party URL callbacks go to (loopback only); none by default. */
  readonly callbackUrl?: string;
  /** UploadRecord's field list (callback-payloads.ts): `strings` (default), `integers` or `example` (k30.md E19). */
  readonly callbackRecordForm?: RecordForm;
  readonly callbackPolicy?: Partial<CallbackPolicy>;
  /**
   * A request whose `companyno` is not the installation's: `caller-signed` (default) refuses it in
   * an envelope signed with the caller's number (auth.ts); `own-number` refuses it in the
   * installation's own number, so the caller cannot verify the answer.
   */
  readonly companyMismatch?: 'caller-signed' | 'own-number';
  /** Pass snapshots (snapshots.ts): on by default; `false` leaves `photo` "" as a site without them; `ttlMs` how long a link works. */
  readonly snapshots?: false | { readonly ttlMs?: number };
}

export interface K30Simulator extends AdminTarget {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  readonly port: number;
  readonly companyNo: string;
  /** A record's pass-snapshot link as record.list and UploadRecord give it now ("" for none). */
  snapshotUrl(record: PassRecord): string;
  close(): Promise<void>;
}

export async function startK30Simulator(options: K30SimulatorOptions = {}): Promise<K30Simulator> {
  const host = loopbackHost('k30', options.host);
  const companyNo = options.companyNo ?? DEFAULT_COMPANY_NO;
  if (Buffer.byteLength(companyNo, 'utf8') !== AES_KEY_BYTES) throw new Error(`k30 simulator: the company number is the AES-128 key and must be ${AES_KEY_BYTES} characters (k30.md E33), not "${companyNo}"`);
  const adminToken = options.adminToken ?? companyNo;
  const clock = options.clock ?? (() => new Date());
  const state = new SimState(companyNo, options.seed ?? defaultSeed(clock()));
  const faults = new Faults();
  const counters = new RequestCounters();
  const keepPhotos = options.keepPhotos ?? true;
  const maxSkewMs = options.maxSkewMs ?? DEFAULT_MAX_SKEW_MS;
  const maxBody = options.maxBodyBytes ?? 16 * 1024 * 1024;
  const snapshots = new Snapshots({ companyNo, clock, enabled: options.snapshots !== false, ...(options.snapshots ? { ttlMs: options.snapshots.ttlMs } : {}) });
  const callbacks = new CallbackSender(companyNo, faults, clock, { url: options.callbackUrl ?? null, recordForm: options.callbackRecordForm ?? 'strings' }, options.callbackPolicy);
  const events = new InstallationEvents(state, faults, callbacks, (record) => snapshots.urlOf(record));
  const byPath = new Map<string, CatalogEntry>(CATALOG.map((entry) => [options.paths?.[entry.id] ?? entry.path, entry]));
  let baseUrl = '';

  const addRecord = (record: Omit<PassRecord, 'no' | 'at'>, at?: number): PassRecord => {
    const nowMs = clock().getTime();
    const stored: PassRecord = { ...record, no: state.nextNo(nowMs), at: at ?? nowMs };
    state.records.push(stored);
    events.passRecord(stored);
    return stored;
  };
  const ctx: SimContext = {
    state,
    faults,
    now: clock,
    storePhoto: (bytes, info) => {
      const now = clock();
      const path = `Files/arkcloudweb/${formatTimestamp(now).slice(0, 8)}/${state.nextNo(now.getTime())}.${info.format === 'png' ? 'png' : 'jpeg'}`;
      const photo: PhotoRecord = { path, sha256: info.sha256, size: info.size, width: info.width, height: info.height, ...(keepPhotos ? { bytes } : {}) };
      state.photos.set(path, photo);
      return photo;
    },
    photoUrl: (photo) => (photo ? `${baseUrl}/${photo.path}` : ''),
    snapshotUrl: (record) => snapshots.urlOf(record),
    addRecord: (record) => addRecord(record),
    reportSync: (no, deviceNos) => void events.synced(no, deviceNos),
  };
  const emitPassRecord = (input: WalkThrough = {}) => walkThrough(state, input, addRecord, clock().getTime());
  const recordBurst = (count: number, ratePerSecond?: number, input: WalkThrough = {}) => burst(count, ratePerSecond, () => emitPassRecord(input));

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const raw = await readBody(req, maxBody);
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://simulator');
    const headOnly = method === 'HEAD';
    if (raw === undefined) return writeAnswer(res, plainError(413));
    if (isAdminPath(url.pathname)) return writeAnswer(res, handleAdmin({ adminToken, state, faults, counters, callbacks, events, emitPassRecord, recordBurst }, method, url, req.headers.authorization, raw));
    if ((method === 'GET' || headOnly) && url.pathname === '/') return writeAnswer(res, homePage(), headOnly);
    if ((method === 'GET' || headOnly) && url.pathname.startsWith('/snapshots/')) {
      const answer = snapshots.answer(url, (no) => state.records.find((record) => record.no === no));
      res.writeHead(answer.status, { 'content-type': answer.type, 'content-length': String(answer.body.length) });
      res.end(headOnly ? undefined : answer.body);
      return;
    }
    if ((method === 'GET' || headOnly) && url.pathname.startsWith('/Files/')) return writePhoto(res, state.photos.get(decodeURIComponent(url.pathname.slice(1))), headOnly);

    const entry = byPath.get(url.pathname);
    counters.bump(entry?.id ?? UNMATCHED);
    if (await takenByRequestFault({ faults, endpoint: entry?.id, req, res, path: url.pathname, now: clock, htmlPage: homePage })) return;
    if (!entry && !url.pathname.startsWith('/openapi/')) return writeAnswer(res, plainError(404), headOnly);
    // wrong-company: answered as an installation with another number would — refused, in its number.
    if (faults.take('wrong-company', entry?.id)) return writeAnswer(res, jsonAnswer(rejectionOf(REJECTION_MESSAGES['unknown-company'], foreignCompanyNo(companyNo), clock())), headOnly);

    const verdict = openRequest(method, raw, { companyNo, now: clock, maxSkewMs });
    if (!verdict.ok) {
      const sealer = verdict.reason === 'unknown-company' && options.companyMismatch === 'own-number' ? companyNo : verdict.companyno;
      return writeAnswer(res, jsonAnswer(rejectionOf(verdict.msg, sealer, clock())), headOnly);
    }
    if (!entry) return writeAnswer(res, plainError(404), headOnly);

    const result = runApi(entry, verdict.payload, ctx);
    const envelope = { ...envelopeOf(result, companyNo, clock()) };
    // bad-reply-sign: the right reply with a sign off by one hex digit.
    if (faults.take('bad-reply-sign', entry.id)) envelope.sign = `${envelope.sign.slice(0, -1)}${envelope.sign.endsWith('0') ? '1' : '0'}`;
    if (faults.take('undecryptable-data', entry.id)) envelope.data = cutShort(envelope.data === '' ? encryptData('{}', companyNo) : envelope.data);
    writeAnswer(res, faultedJsonAnswer(faults, entry.id, envelope, (body, shape) => wrongShape(body, shape, result.data)), headOnly);
  };

  const server = await startHttpServer({ name: 'k30', host, port: options.port, clock }, handle);
  baseUrl = server.url;
  snapshots.setBase(baseUrl);

  return {
    url: baseUrl,
    port: server.port,
    companyNo,
    adminToken,
    state,
    faults,
    counters,
    callbacks,
    events,
    emitPassRecord,
    recordBurst,
    snapshotUrl: (record) => snapshots.urlOf(record),
    close: async () => {
      await callbacks.close();
      await server.close();
    },
  };
}

/** A ciphertext one byte short of whole AES blocks: still percent-encoded base64, never decryptable. */
function cutShort(data: string): string {
  const bytes = Buffer.from(decodeURIComponent(data), 'base64');
  return percentEncode(bytes.subarray(0, bytes.length - 1).toString('base64'));
}

function writePhoto(res: ServerResponse, photo: PhotoRecord | undefined, headOnly: boolean): void {
  if (!photo?.bytes) return writeAnswer(res, plainError(404), headOnly);
  res.writeHead(200, { 'content-type': photo.path.endsWith('.png') ? 'image/png' : 'image/jpeg', 'content-length': String(photo.bytes.length) });
  res.end(headOnly ? undefined : photo.bytes);
}
