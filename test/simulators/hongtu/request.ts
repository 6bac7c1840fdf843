import type { CatalogEntry, CatalogField, ValueKind } from './catalog.ts';
import { ApiFailure, BAD_PAGING, INVALID_PARAMETER, missingFieldCode } from './codes.ts';
import type { DeviceAlarmLog } from './device-alarms.ts';
import type { Faults } from './faults.ts';
import type { FormPart } from './multipart.ts';
import type { ImageUrl, PassRecord, RecordLog } from './records.ts';
import type { ApiResult } from './reply.ts';
import type { SimState } from './state.ts';

/** What every handler gets. */
export interface SimContext {
  readonly state: SimState;
  readonly records: RecordLog;
  /** The device alarm history (deviceAlarm.list). */
  readonly deviceAlarms: DeviceAlarmLog;
  readonly faults: Faults;
  readonly now: () => Date;
  /** The appkeys the platform knows (subscriptions may name another one than the caller's). */
  readonly appKeys: ReadonlySet<string>;
  /** Keep uploaded bytes so `/pub/<uri>` can serve them (off for big benchmarks). */
  readonly keepImages: boolean;
  readonly imageUrl: ImageUrl;
  /** Pushes a new record to the subscribers. */
  publish(record: PassRecord): void;
}

export type Handler = (req: ApiRequest, ctx: SimContext) => ApiResult;

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One vendor request after routing and the signature: the JSON body, the query, the form parts. */
export class ApiRequest {
  readonly entry: CatalogEntry;
  /** The caller's cappkey. */
  readonly appKey: string;
  readonly body: JsonObject;
  readonly query: URLSearchParams;
  readonly form: readonly FormPart[];

  constructor(entry: CatalogEntry, appKey: string, body: JsonObject, query: URLSearchParams, form: readonly FormPart[] = []) {
    this.entry = entry;
    this.appKey = appKey;
    this.body = body;
    this.query = query;
    this.form = form;
  }

  /** A body field as text (numbers and booleans read as text, as Jackson binds them); undefined when absent or blank. */
  str(name: string, from: JsonObject = this.body): string | undefined {
    return asText(from[name]);
  }

  /** A field validate() has already required. */
  need(name: string, from: JsonObject = this.body): string {
    const value = this.str(name, from);
    if (value === undefined) throw new ApiFailure(missingFieldCode(this.entry.id), `${name}不能为空`);
    return value;
  }

  /** A number field (validate() has checked it binds): numbers, or digit strings read as numbers. */
  int(name: string, from: JsonObject = this.body): number | undefined {
    const value = from[name];
    if (typeof value === 'number') return value;
    if (typeof value === 'string' && value.trim().length > 0) return Number(value);
    return undefined;
  }

  bool(name: string, from: JsonObject = this.body): boolean | undefined {
    const value = from[name];
    if (typeof value === 'boolean') return value;
    if (value === 'true' || value === 'false') return value === 'true';
    return undefined;
  }

  strings(name: string, from: JsonObject = this.body): string[] | undefined {
    const value = from[name];
    return Array.isArray(value) ? value.map((item) => String(item)) : undefined;
  }

  objects(name: string, from: JsonObject = this.body): JsonObject[] | undefined {
    const value = from[name];
    return Array.isArray(value) ? value.filter(isObject) : undefined;
  }

  part(name: string): FormPart | undefined {
    return this.form.find((part) => part.name === name);
  }

  /** pageNum (default 1) and pageSize (default 20; 10 for door.queryFeatureFailList), both > 0 or 121041 (hongtu.md §1.3). */
  paging(): { pageNum: number; pageSize: number } {
    const pageNum = this.int('pageNum') ?? 1;
    const pageSize = this.int('pageSize') ?? (this.entry.id === 'door.queryFeatureFailList' ? 10 : 20);
    if (pageNum <= 0 || pageSize <= 0) throw new ApiFailure(BAD_PAGING);
    return { pageNum, pageSize };
  }
}

export function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim().length > 0 ? value : undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** The `{pageNum, pageSize, total, list}` object of a paged reply. */
export function page<T>(items: readonly T[], req: ApiRequest): Record<string, unknown> {
  const { pageNum, pageSize } = req.paging();
  const start = (pageNum - 1) * pageSize;
  return { pageNum, pageSize, total: items.length, list: items.slice(start, start + pageSize) };
}

/**
 * The checks every endpoint gets before its handler, as Spring's binding and validation would do
 * them: first the type of every documented field that is present (a value Jackson cannot bind —
 * "abc" for an integer, an object for a list — is 100003 参数不合法; numbers for strings and digit
 * strings for integers bind), then each field the document marks 必须 (absent, null or blank is
 * the module's code, codes.ts missingFieldCode; an empty list counts as given, as door.add needs),
 * a nested one only where its parent is present; then paging (121041).
 */
export function validate(req: ApiRequest): void {
  const { entry } = req;
  for (const field of entry.fields) {
    if (field.in === 'body') for (const value of valuesAt(req.body, field.name)) if (!fits(value, field.kind)) throw new ApiFailure(INVALID_PARAMETER, `${field.name}类型错误`);
    if (field.in === 'query') {
      const value = req.query.get(field.name);
      if (value !== null && value.length > 0 && !fits(value, field.kind)) throw new ApiFailure(INVALID_PARAMETER, `${field.name}类型错误`);
    }
  }
  for (const field of entry.fields) {
    if (field.requirement !== 'required') continue;
    if (!isPresent(req, field)) throw new ApiFailure(missingFieldCode(entry.id), `${field.name}不能为空`);
  }
  if (entry.fields.some((field) => field.name === 'pageNum')) req.paging();
}

function isPresent(req: ApiRequest, field: CatalogField): boolean {
  if (field.in === 'query') return (req.query.get(field.name) ?? '').trim().length > 0;
  if (field.in === 'form') return req.part(field.name) !== undefined;
  if (field.in === 'path') return true;
  const segments = field.name.split('.');
  const leaf = segments.pop() ?? field.name;
  return containers(req.body, segments).every((container) => {
    const value = container[leaf];
    return Array.isArray(value) || isObject(value) || asText(value) !== undefined;
  });
}

/** The objects that hold the last segment of a path like `holiday[].during[].from`, where the parents exist. */
function containers(root: JsonObject, parents: readonly string[]): JsonObject[] {
  let current: unknown[] = [root];
  for (const segment of parents) {
    const name = segment.replace(/\[\]$/, '');
    const next: unknown[] = [];
    for (const holder of current) {
      if (!isObject(holder)) continue;
      const value = holder[name];
      if (value === undefined || value === null) continue;
      if (segment.endsWith('[]')) {
        if (Array.isArray(value)) next.push(...value);
      } else next.push(value);
    }
    current = next;
  }
  return current.filter(isObject);
}

function valuesAt(root: JsonObject, path: string): unknown[] {
  const segments = path.split('.');
  const leaf = segments.pop() ?? path;
  return containers(root, segments)
    .map((container) => container[leaf])
    .filter((value) => value !== undefined && value !== null);
}

function fits(value: unknown, kind: ValueKind): boolean {
  switch (kind) {
    case 's':
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
    case 'i':
      return isInteger(value);
    case 'n':
      return (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)));
    case 'b':
      return typeof value === 'boolean' || value === 'true' || value === 'false';
    case 'o':
      return isObject(value);
    case 'S':
      return Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number');
    case 'I':
      return Array.isArray(value) && value.every(isInteger);
    case 'O':
      return Array.isArray(value) && value.every(isObject);
    case 'f':
      return true;
  }
}

function isInteger(value: unknown): boolean {
  return (typeof value === 'number' && Number.isSafeInteger(value)) || (typeof value === 'string' && /^\s*-?\d{1,15}\s*$/.test(value));
}
