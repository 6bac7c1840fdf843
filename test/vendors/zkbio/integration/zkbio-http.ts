import type { CatalogEntry } from '../../../simulators/zkbio/catalog.ts';
import { makePng, toBase64 } from '../../../simulators/zkbio/image-fixtures.ts';
import type { SimState } from '../../../simulators/zkbio/state.ts';

/** Raw HTTP to the simulator with Node's fetch, as any client would send it. */
export interface CallInit {
  readonly token?: string;
  readonly query?: Readonly<Record<string, string>>;
  /** JSON body (sent with Content-Type: application/json). */
  readonly body?: unknown;
  /** A body sent as-is, with `contentType`. */
  readonly raw?: string;
  readonly contentType?: string;
  readonly form?: FormData;
  readonly headers?: Readonly<Record<string, string>>;
}

export function callZkbio(base: string, method: string, path: string, init: CallInit = {}): Promise<Response> {
  const url = new URL(path, base);
  for (const [name, value] of Object.entries(init.query ?? {})) url.searchParams.set(name, value);
  if (init.token !== undefined) url.searchParams.set('access_token', init.token);
  const headers: Record<string, string> = { ...init.headers };
  let body: string | FormData | undefined;
  if (init.form) body = init.form;
  else if (init.raw !== undefined) {
    body = init.raw;
    if (init.contentType) headers['content-type'] = init.contentType;
  } else if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['content-type'] = 'application/json';
  }
  return fetch(url, { method, headers, ...(body !== undefined ? { body } : {}) });
}

export async function json(res: Response): Promise<Record<string, unknown>> {
  return (await res.json()) as Record<string, unknown>;
}

/** A minimal valid request for any catalog entry against the default seed: required fields only. */
export function catalogRequest(entry: CatalogEntry, state: SimState): { path: string; query: Record<string, string>; body?: unknown; form?: FormData } {
  const value = (name: string): string => sample(name, entry, state);
  const path = entry.path.replace(/\{([^}]+)\}/g, (_match, name: string) => (name === 'templateNo' ? '0' : value(name)));
  const query: Record<string, string> = {};
  const body: Record<string, unknown> = {};
  let form: FormData | undefined;
  for (const field of entry.fields) {
    if (field.requirement !== 'required' && !['pageNo', 'pageSize', 'doorId', 'timestamp', 'deviceSn', 'openType', 'id', 'gateId'].includes(field.name)) continue;
    if (field.in === 'query') query[field.name] = value(field.name);
    if (field.in === 'body') body[field.name] = field.name === 'pins' && entry.body === 'array' ? [value('pin')] : value(field.name);
    if (field.in === 'form') {
      form ??= new FormData();
      form.set(field.name, field.name === 'file' ? new Blob([makePng(4, 4)], { type: 'image/png' }) : value(field.name));
    }
  }
  if (form) return { path, query, form };
  if (entry.body === 'array') return { path, query, body: [body] };
  if (entry.body === 'object') return { path, query, body };
  return { path, query };
}

function sample(name: string, entry: CatalogEntry, state: SimState): string {
  const resource = entry.id.split('.')[0] ?? '';
  const door = state.doors[0];
  const level = state.levels.find((candidate) => candidate.kind === (resource.startsWith('ele') ? 'ele' : resource.startsWith('psg') ? 'psg' : 'acc'));
  switch (name) {
    case 'pageNo':
      return '1';
    case 'pageSize':
      return '10';
    case 'timestamp':
      return String(Date.now());
    case 'interval':
      return '5';
    case 'pin':
    case 'personPin':
    case 'personId':
    case 'persPersonPin':
    case 'pins':
      return '1001';
    case 'sn':
    case 'deviceSn':
    case 'devSn':
      return (resource.startsWith('psg') ? state.devicesOf('psg')[0] : resource.startsWith('ele') ? state.devicesOf('ele')[0] : state.devicesOf('acc')[0])?.sn ?? 'none';
    case 'doorId':
      return door?.id ?? 'none';
    case 'doorName':
      return door?.name ?? 'none';
    case 'floorId':
      return state.floors[0]?.id ?? 'none';
    case 'gateId':
      return state.gates[0]?.id ?? 'none';
    case 'gateName':
      return state.gates[0]?.name ?? 'none';
    case 'openType':
      return '1';
    case 'levelId':
    case 'levelIds':
      return level?.id ?? 'none';
    case 'levelName':
      return level?.name ?? 'none';
    case 'areaName':
      return state.areas[0]?.name ?? 'none';
    case 'timeSegName':
      return '24-Hour Accessible';
    case 'personPhoto':
      return toBase64(makePng(400, 300));
    case 'certType':
      return '3';
    case 'certNum':
    case 'certNumber':
      return 'P1234567';
    case 'validType':
      return '1';
    case 'templateNo':
      return '5';
    case 'visitorCount':
      return '1';
    case 'id':
      if (resource === 'reader') return state.readers[0]?.id ?? 'none';
      if (resource === 'psgReader') return state.gateReaders[0]?.id ?? 'none';
      if (resource === 'door') return door?.id ?? 'none';
      if (resource === 'psgGate') return state.gates[0]?.id ?? 'none';
      return level?.id ?? 'id-1';
    case 'name':
      return resource.endsWith('Level') ? (level?.name ?? 'none') : `Sample ${entry.id}`;
    case 'code':
      return resource === 'department' ? '2' : '1';
    default:
      if (/time|date/i.test(name)) return '2025-01-02 08:00:00';
      return '1';
  }
}
