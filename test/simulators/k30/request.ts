import { inspectImage } from '../common/images.ts';
import type { ImageInfo } from '../common/images.ts';
import { localTimeOf } from '../common/local-time.ts';
import type { JsonObject } from './auth.ts';
import type { CatalogEntry, CatalogField } from './catalog.ts';
import type { Faults } from './faults.ts';
import { ApiFailure } from './reply.ts';
import type { ApiResult } from './reply.ts';
import type { PassRecord, PhotoRecord, SimState } from './state.ts';

/** What every handler gets. */
export interface SimContext {
  readonly state: SimState;
  readonly faults: Faults;
  readonly now: () => Date;
  /** Stores a checked image under a new path (state.ts PhotoRecord); keeps the bytes unless told not to. */
  storePhoto(bytes: Buffer, info: ImageInfo): PhotoRecord;
  /** The URL a reply gives for a stored photo, "" for none. */
  photoUrl(photo: PhotoRecord | undefined): string;
  /** A pass record's snapshot link (snapshots.ts), "" for none. */
  snapshotUrl(record: PassRecord): string;
  /** Appends a pass record (record.list lists it; an UploadRecord callback reports it). */
  addRecord(record: Omit<PassRecord, 'no' | 'at'>): PassRecord;
  /** people.sync's per-device results, reported by authstatus callbacks (events.ts). */
  reportSync(no: string, deviceNos: readonly string[]): void;
}

export type Handler = (req: ApiRequest, ctx: SimContext) => ApiResult;

/** One call after the envelope check: the decrypted `data` object, read as the catalog types it. */
export class ApiRequest {
  readonly entry: CatalogEntry;
  readonly payload: JsonObject;

  constructor(entry: CatalogEntry, payload: JsonObject) {
    this.entry = entry;
    this.payload = payload;
  }

  /** A field as text (numbers bind as text, as a .NET JSON binder does); undefined when absent or blank. */
  text(name: string): string | undefined {
    const value = this.payload[name];
    if (typeof value === 'string') return value.trim().length > 0 ? value : undefined;
    if (typeof value === 'number') return String(value);
    return undefined;
  }

  /** A field validate() has required. */
  need(name: string): string {
    const value = this.text(name);
    if (value === undefined) throw new ApiFailure(`${name}不能为空`);
    return value;
  }

  /** An Int field validate() has checked: a number, or integer text. */
  int(name: string): number | undefined {
    const value = this.text(name);
    return value === undefined ? undefined : Number(value);
  }

  /** pageindex (1-based: the examples start at 1; k30.md E38) and pagesize, both required and > 0. */
  paging(): { pageindex: number; pagesize: number } {
    const pageindex = this.int('pageindex') ?? 0;
    const pagesize = this.int('pagesize') ?? 0;
    if (pageindex < 1) throw new ApiFailure('pageindex必须大于0');
    if (pagesize < 1) throw new ApiFailure('pagesize必须大于0');
    return { pageindex, pagesize };
  }

  /** `{total, totalPage, data}` of a list (the shape of every list example). */
  page<T>(items: readonly T[]): { total: number; totalPage: number; data: T[] } {
    const { pageindex, pagesize } = this.paging();
    const start = (pageindex - 1) * pagesize;
    return { total: items.length, totalPage: Math.ceil(items.length / pagesize), data: items.slice(start, start + pagesize) };
  }
}

const INTEGER = /^-?\d{1,10}$/;

/**
 * The checks every call gets before its handler, in the document's field order: a value of the
 * wrong JSON type (an object for a string, "abc" for an Int) is `<name>格式错误`; a string longer
 * than its documented length is `<name>长度不能超过<n>`; then every 必填 field absent, null or
 * blank is `<name>不能为空`. Fields the section does not list are ignored, as a JSON binder would.
 */
export function validate(req: ApiRequest): void {
  for (const field of req.entry.fields) checkType(field, req.payload[field.name]);
  for (const field of req.entry.fields) if (field.required && req.text(field.name) === undefined) throw new ApiFailure(`${field.name}不能为空`);
}

function checkType(field: CatalogField, value: unknown): void {
  if (value === undefined || value === null) return;
  if (field.kind === 'i') {
    const fits = (typeof value === 'number' && Number.isInteger(value)) || (typeof value === 'string' && (value.trim() === '' || INTEGER.test(value.trim())));
    if (!fits) throw new ApiFailure(`${field.name}格式错误: 应为整数`);
    return;
  }
  if (typeof value !== 'string' && typeof value !== 'number') throw new ApiFailure(`${field.name}格式错误: 应为字符串`);
  if (field.maxLength !== undefined && [...String(value)].length > field.maxLength) throw new ApiFailure(`${field.name}长度不能超过${field.maxLength}`);
}

/** Epoch ms of `yyyy-MM-dd HH:mm:ss` (people, visitors, region.peopleList); a failure naming the field otherwise. */
export function dateTimeField(req: ApiRequest, name: string): number | undefined {
  const text = req.text(name);
  if (text === undefined) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  const at = match ? localTimeOf(match) : undefined;
  if (at === undefined) throw new ApiFailure(`${name}格式错误: 应为yyyy-MM-dd HH:mm:ss`);
  return at;
}

/** Epoch ms of the start of a `yyyy-MM-dd` day (record.list, the attendance reports). */
export function dateField(req: ApiRequest, name: string): number | undefined {
  const text = req.text(name);
  if (text === undefined) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const at = match ? localTimeOf(match) : undefined;
  if (at === undefined) throw new ApiFailure(`${name}格式错误: 应为yyyy-MM-dd`);
  return at;
}

/** A 0/1-style code field: one of `allowed`, or a failure naming the field. */
export function codeField<const T extends string>(req: ApiRequest, name: string, allowed: readonly T[]): T | undefined {
  const text = req.text(name);
  if (text === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(text)) throw new ApiFailure(`${name}取值错误: 应为${allowed.join('/')}`);
  return text as T;
}

/**
 * A photo field: "图片base64格式，需带data:image/jpeg;base64" (people.create). The prefix is
 * required, with or without the comma the document leaves out (k30.md E30), and the bytes must
 * be a JPEG.
 */
export function jpegField(req: ApiRequest, name: string, ctx: SimContext): PhotoRecord | undefined {
  const text = req.text(name);
  if (text === undefined) return undefined;
  const match = /^data:image\/jpeg;base64,?([A-Za-z0-9+/=\s]+)$/.exec(text);
  if (!match) throw new ApiFailure(`${name}格式错误: 需带data:image/jpeg;base64前缀的base64图片`);
  const bytes = Buffer.from(match[1] ?? '', 'base64');
  const info = inspectImage(bytes);
  if (!info || info.format !== 'jpeg') throw new ApiFailure(`${name}不是有效的JPEG图片`);
  return ctx.storePhoto(bytes, info);
}

/** Fuzzy match (关键词，模糊匹配) when a filter is given. */
export function contains(value: string, filter: string | undefined): boolean {
  return filter === undefined || value.includes(filter);
}

/** Exact match (完整编号，精确查找) when a filter is given. */
export function same(value: string, filter: string | undefined): boolean {
  return filter === undefined || value === filter;
}
