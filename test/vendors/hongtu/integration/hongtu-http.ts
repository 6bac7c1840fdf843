import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EMPTY_BODY_MD5, md5Hex, signedHeaders } from '../../../../electron/drivers/hongtu/sign.ts';
import type { CatalogEntry, CatalogField } from '../../../simulators/hongtu/catalog.ts';
import { SEED_IDS } from '../../../simulators/hongtu/seed.ts';
import { makePng } from '../../../simulators/zkbio/image-fixtures.ts';

/** Signed HTTP to the simulator with Node's fetch, as a client following §2 would send it. */
export interface SignedCall {
  readonly appKey?: string;
  readonly secretKey?: string;
  /** JSON body, serialised once and signed over exactly those bytes; `{}` for a POST without one. */
  readonly body?: unknown;
  /** A body sent as-is (signed as given unless `bodyMd5` says otherwise). */
  readonly raw?: string;
  readonly contentType?: string;
  readonly form?: FormData;
  /** The query string without `?`, signed as written. */
  readonly query?: string;
  readonly timestamp?: string;
  readonly nonce?: string;
  /** Override the body hash put into csign. */
  readonly bodyMd5?: string;
  /** Headers to leave out, or to add/replace after signing. */
  readonly omit?: readonly string[];
  readonly headers?: Readonly<Record<string, string>>;
  /** Change the bytes after signing (tampering). */
  readonly tamper?: (body: string) => string;
}

export const APPKEY1 = { appKey: 'appkey1', secretKey: 'sdfajk3242324fa!djq7' } as const;

export function callHongtu(base: string, method: string, path: string, init: SignedCall = {}): Promise<Response> {
  const url = `${base}${path}${init.query ? `?${init.query}` : ''}`;
  let body: string | FormData | undefined;
  let bodyMd5: string;
  const headers: Record<string, string> = {};
  if (init.form) {
    body = init.form;
    bodyMd5 = '';
  } else if (method === 'GET') {
    bodyMd5 = EMPTY_BODY_MD5;
  } else {
    body = init.raw ?? JSON.stringify(init.body ?? {});
    bodyMd5 = md5Hex(body);
    headers['content-type'] = init.contentType ?? 'application/json;charset=UTF-8';
  }
  const signed = signedHeaders({
    uri: path,
    method,
    query: init.query ?? '',
    bodyMd5: init.bodyMd5 ?? bodyMd5,
    appKey: init.appKey ?? APPKEY1.appKey,
    secretKey: init.secretKey ?? APPKEY1.secretKey,
    ...(init.timestamp !== undefined ? { timestamp: init.timestamp } : {}),
    ...(init.nonce !== undefined ? { nonce: init.nonce } : {}),
  });
  for (const [name, value] of Object.entries(signed)) if (!init.omit?.includes(name)) headers[name] = value;
  Object.assign(headers, init.headers);
  if (typeof body === 'string' && init.tamper) body = init.tamper(body);
  return fetch(url, { method, headers, ...(body !== undefined ? { body } : {}) });
}

export interface Envelope {
  readonly code: number;
  readonly msg: string;
  readonly data: unknown;
}

export async function envelope(res: Response): Promise<Envelope> {
  return (await res.json()) as Envelope;
}

/** A push receiver on loopback: records every POST; answers `statuses` in turn, then 200. */
export interface PushReceiver {
  readonly url: string;
  readonly received: { headers: IncomingHttpHeaders; method: string; body: Record<string, unknown> }[];
  statuses: number[];
  /** Resolves once `count` pushes have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startPushReceiver(): Promise<PushReceiver> {
  const received: PushReceiver['received'] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const receiver = { statuses: [] as number[] };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, method: req.method ?? '', body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> });
      const status = receiver.statuses.shift() ?? 200;
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 0, msg: '成功' }));
      for (const waiter of waiters.filter((candidate) => received.length >= candidate.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/hongtu/push`,
    received,
    waitFor: (count: number, timeoutMs = 5000) =>
      received.length >= count
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`push receiver: ${received.length} of ${count} pushes after ${timeoutMs} ms`)), timeoutMs);
            waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
          }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}

const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7].map((week) => ({ week, during: [{ from: '00:00', to: '23:59' }] }));
const MISSING = 'f0000000000000000000000000000404';

/** Bodies for endpoints whose minimal request must name something in the default seed. */
const BODIES: Readonly<Record<string, Record<string, unknown>>> = {
  'person.update': { uuid: SEED_IDS.liSi, ext: '样例' },
  'person.batchDelete': { uuidList: [MISSING] },
  'person.batchAdd': { personList: [{ name: '样例', type: 1 }] },
  'person.uuidList': { uuidList: [SEED_IDS.zhangSan] },
  'person.query': { uuid: SEED_IDS.zhangSan },
  'person.visitorCode': { uuid: SEED_IDS.wangWu },
  'sysConfig.saveAFaceConfig': { temperatureSwitch: 0, maskAlertSwitch: 0 },
  'storageCriteria.save': { level: 3 },
  'schedule.update': { uuid: SEED_IDS.allDay, name: '全天', workDay: ALL_WEEK },
  'schedule.delete': { uuidList: [MISSING] },
  'schedule.page': { type: 1 },
  'schedule.details': { uuidList: [SEED_IDS.allDay] },
  'schedule.addBatch': { scheduleList: [{ name: '样例计划', type: 1, workDay: ALL_WEEK }] },
  'passGroup.update': { uuid: SEED_IDS.staffGroup, name: '员工组' },
  'passGroup.delete': { uuid: MISSING },
  'passGroup.batchAdd': { groupList: [{ name: '样例组', type: 1 }] },
  'passGroup.batchDeletePerson': { groupUuid: SEED_IDS.staffGroup, personUuids: [] },
  'passGroup.queryPersonListInGroup': { uuid: SEED_IDS.staffGroup, type: 1 },
  'passGroup.query': { uuid: SEED_IDS.staffGroup },
  'passGroup.list': { type: 1 },
  'pubsub.recordAdd': { pushUrl: 'http://127.0.0.1:9/hongtu/push', busiTypes: [5] },
  'device.update': { uuid: SEED_IDS.camera, name: '大门抓拍机', location: '大门' },
  'device.delete': { uuid: MISSING },
  'device.preDelete': { uuid: SEED_IDS.camera },
  'device.queryDeviceInfo': { uuid: SEED_IDS.camera },
  'device.query': { uuid: SEED_IDS.edgeServer },
  'device.listEnbindGroup': { uuid: SEED_IDS.edgeServer },
  'device.importDevice': { name: '1号门面板机', location: '1号门', deviceType: 2, deviceModel: 40, deviceMode: 1, snCode: SEED_IDS.panelASn, discoveryMethod: 1 },
  'device.add': { name: '样例摄像机', location: '后门', deviceType: 4, deviceModel: 21, deviceMode: 4, ipAddress: '192.0.2.99' },
  'device.bind': { uuid: SEED_IDS.edgeServer, deviceUuids: [SEED_IDS.camera] },
  'device.unbind': { uuid: SEED_IDS.edgeServer, unBindDeviceUuid: SEED_IDS.camera },
  'passAuthority.delete': { deviceUuid: SEED_IDS.panelA, scheduleUuid: SEED_IDS.allDay },
  'passAuthority.add': { deviceUuids: [SEED_IDS.panelA], groupUuids: [SEED_IDS.staffGroup], scheduleUuid: SEED_IDS.allDay },
  'passAuthority.update': { deviceUuid: SEED_IDS.panelA, oldScheduleUuid: SEED_IDS.allDay, newScheduleUuid: SEED_IDS.allDay, oldGroupUuids: [], newGroupUuids: [SEED_IDS.staffGroup] },
  'door.list': { passModel: true },
  'door.add': { addDeviceUuids: [SEED_IDS.panelA], removeDeviceUuids: [] },
  'door.remove': { uuid: MISSING },
  'door.openDoor': { uuid: SEED_IDS.panelA },
  'door.bindSwitch': { uuid: SEED_IDS.panelA, switchIp: '192.0.2.50' },
  'door.config': { uuid: SEED_IDS.panelA, customConfig: { openDuration: 3 } },
};

const DEVICE_UUID_ENDPOINTS = new Set(['door.queryB3rInBind', 'door.syncDetail', 'door.queryFeatureFailList', 'door.queryBindType', 'door.queryConfig']);

/** A minimal valid request for any catalog entry against the default seed: required fields only. */
export function catalogRequest(entry: CatalogEntry): SignedCall {
  if (entry.body === 'form') {
    const form = new FormData();
    form.set('file', new Blob([makePng(64, 64)], { type: 'image/png' }), 'face.png');
    return { form, ...(entry.fields.some((field) => field.in === 'query') ? { query: 'type=1' } : {}) };
  }
  if (entry.body === 'none') return {};
  const body = BODIES[entry.id] ?? (DEVICE_UUID_ENDPOINTS.has(entry.id) ? { uuid: SEED_IDS.panelA } : sample(entry.fields, ''));
  return { body };
}

/** Required fields at `prefix` (`` for the top, `list[].` for list items), with values of their kind. */
function sample(fields: readonly CatalogField[], prefix: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    if (field.in !== 'body' || field.requirement !== 'required' || !field.name.startsWith(prefix)) continue;
    const name = field.name.slice(prefix.length);
    if (name.includes('.')) continue;
    out[name] = valueOf(field, fields);
  }
  return out;
}

function valueOf(field: CatalogField, fields: readonly CatalogField[]): unknown {
  switch (field.kind) {
    case 'i':
    case 'n':
      return 1;
    case 'b':
      return false;
    case 'S':
      return ['x'];
    case 'I':
      return [1];
    case 'o':
      return sample(fields, `${field.name}.`);
    case 'O':
      return [sample(fields, `${field.name}[].`)];
    default:
      return /time|st$|et$/i.test(field.name) ? '09:00' : 'x';
  }
}
