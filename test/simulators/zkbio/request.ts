import type { CatalogEntry, CatalogField } from './catalog.ts';
import { ApiFailure, PROGRAM_ERROR, missingParameterCode } from './codes.ts';
import type { EventLog } from './events.ts';
import type { Faults } from './faults.ts';
import { readPaging } from './paging.ts';
import type { Paging } from './paging.ts';
import type { ApiResult } from './reply.ts';
import type { SimState } from './state.ts';

/** What every handler gets: the site, the event log, the faults and the clock. */
export interface SimContext {
  readonly state: SimState;
  readonly events: EventLog;
  readonly faults: Faults;
  readonly now: () => Date;
  /** Keep photo bytes so reads can return them (`vislightPhoto`); off for big benchmarks. */
  readonly keepPhotos: boolean;
}

export type Handler = (req: ApiRequest, ctx: SimContext) => ApiResult;

export type JsonObject = Record<string, unknown>;

/** One vendor request after routing: parameters are read from where the catalog says they go. */
export class ApiRequest {
  readonly entry: CatalogEntry;
  readonly query: URLSearchParams;
  readonly pathParams: Readonly<Record<string, string>>;
  /** The parsed JSON body, or undefined when there was none. */
  readonly body: unknown;
  /** The raw body, for multipart (2.7.1). */
  readonly raw: Buffer;

  constructor(entry: CatalogEntry, query: URLSearchParams, pathParams: Readonly<Record<string, string>>, body: unknown, raw: Buffer) {
    this.entry = entry;
    this.query = query;
    this.pathParams = pathParams;
    this.body = body;
    this.raw = raw;
  }

  private field(name: string): CatalogField | undefined {
    return this.entry.fields.find((field) => field.name === name);
  }

  /**
   * A parameter as text; undefined when absent or empty. JSON numbers and booleans read as text.
   * A path parameter the route has no segment for (a server that knows another URL, `paths`) is
   * read from the query string, as that server's route would take it.
   */
  text(name: string): string | undefined {
    const location = this.field(name)?.in;
    let value: unknown;
    if (location === 'path') value = this.pathParams[name] ?? this.query.get(name) ?? undefined;
    else if (location === 'body') value = this.object()[name];
    else if (location === 'query') value = this.query.get(name) ?? undefined;
    else value = this.query.get(name) ?? this.pathParams[name] ?? this.object()[name];
    return asText(value);
  }

  /** A required parameter: absent or empty answers the appendix code for its name (or `code`). */
  require(name: string, code?: number): string {
    const value = this.text(name);
    if (value === undefined) throw new ApiFailure(code ?? missingParameterCode(name, groupOf(this.entry)));
    return value;
  }

  /** The JSON object body ({} when there is none). */
  object(): JsonObject {
    return isObject(this.body) ? this.body : {};
  }

  /** The JSON array body's elements (objects). */
  items(): JsonObject[] {
    if (!Array.isArray(this.body)) throw new ApiFailure(PROGRAM_ERROR);
    return this.body.map((item) => {
      if (!isObject(item)) throw new ApiFailure(PROGRAM_ERROR);
      return item;
    });
  }

  paging(): Paging {
    return readPaging(this.text('pageNo'), this.text('pageSize'));
  }
}

export function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.length > 0 ? value : undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function groupOf(entry: CatalogEntry): 'department' | 'area' | 'reader' | 'other' {
  const resource = entry.id.split('.')[0] ?? '';
  if (resource === 'department') return 'department';
  if (resource === 'area' || resource === 'attAreaPerson' || resource === 'insAreaPerson') return 'area';
  if (resource === 'reader' || resource === 'psgReader') return 'reader';
  return 'other';
}

/**
 * The checks every endpoint gets before its handler: paging first (-92/-90/-91), then each
 * parameter the document marks required, in the document's order (array bodies: in every element).
 */
export function validate(req: ApiRequest): void {
  const { entry } = req;
  const pageNo = entry.fields.find((field) => field.name === 'pageNo');
  if (pageNo && (pageNo.requirement === 'required' || req.text('pageNo') !== undefined || req.text('pageSize') !== undefined)) req.paging();
  const group = groupOf(entry);
  for (const field of entry.fields) {
    if (field.requirement !== 'required' || field.name === 'pageNo' || field.name === 'pageSize') continue;
    const code = missingParameterCode(field.name, group);
    if (field.in === 'form') {
      if (!req.raw.includes(`name="${field.name}"`)) throw new ApiFailure(code);
    } else if (field.in === 'body' && entry.body === 'array') {
      for (const item of req.items()) if (asText(item[field.name]) === undefined && !Array.isArray(item[field.name])) throw new ApiFailure(code);
    } else if (field.in === 'body' && Array.isArray(req.object()[field.name])) {
      if ((req.object()[field.name] as unknown[]).length === 0) throw new ApiFailure(code);
    } else {
      req.require(field.name, code);
    }
  }
}
