import { z } from 'zod';

/**
 * The declarative form every vendor's endpoint table uses: one entry per endpoint of the vendor's
 * document, with where each parameter goes and what the reply's data holds. A generic caller
 * (the CLI's `call`, the simulators' method checks, the table tests) works from this alone.
 */
type HttpMethod = 'GET' | 'POST' | 'DELETE' | 'PUT';

/** `path` fills `{name}` in the path; `query` the query string; `body` a JSON body; `form` multipart. */
type FieldLocation = 'path' | 'query' | 'body' | 'form';

export interface FieldSpec {
  readonly name: string;
  readonly in: FieldLocation;
  readonly schema: z.ZodType;
  /** false also where the document does not say (the server decides); see the endpoint's notes. */
  readonly required: boolean;
  readonly description?: string;
}

/** How the request body is sent: none, a JSON object of the body fields, a JSON array, or multipart. */
type BodyKind = 'none' | 'json-object' | 'json-array' | 'multipart';

/** The one field of a json-array endpoint: the array itself, addressed as `items`. */
export const ARRAY_BODY_FIELD = 'items';

export interface EndpointSpec<Shape extends string = string> {
  /** Stable id from the vendor's endpoint list, e.g. `door.remoteOpenById`. */
  readonly id: string;
  readonly method: HttpMethod;
  /** The normalised path, `{name}` for path parameters. */
  readonly path: string;
  /** The document's section number, e.g. `2.12.8`. */
  readonly section: string;
  readonly title: string;
  readonly group: string;
  readonly body: BodyKind;
  readonly fields: readonly FieldSpec[];
  /** The vendor's reply shape (ZKBio: general, object, array, paged, …). */
  readonly reply: Shape;
  /** Schema of the reply's payload (the envelope's `data`). */
  readonly data: z.ZodType;
  /** Where the document's literal URL or method differs, and other deliberate readings. */
  readonly notes?: readonly string[];
  /**
   * Where the document is silent or contradicts itself and its digest names another form to try:
   * tried in order, after `path` is answered HTTP 404 (fallbacks.ts).
   */
  readonly fallbacks?: readonly EndpointFallback[];
}

/** Another URL for an endpoint, from the digest (e.g. the document's literal spelling). */
interface EndpointFallback {
  /** The path to try; a path parameter it has no `{name}` for goes in the query string instead. */
  readonly path: string;
  /** The digest's section that names it, e.g. `zkbio.md §8.2 #6`. */
  readonly source: string;
}

/** A vendor's endpoints by id, for the client's lookup (every id of a table is unique; the table tests say so). */
export function endpointIndex<S extends EndpointSpec>(endpoints: readonly S[]): (id: string) => S | undefined {
  const byId: ReadonlyMap<string, S> = new Map(endpoints.map((spec) => [spec.id, spec]));
  return (id) => byId.get(id);
}

/** The endpoint as its fallback: the other path, and path parameters it lacks moved to the query. */
export function fallbackSpec<S extends EndpointSpec>(spec: S, fallback: EndpointFallback): S {
  return {
    ...spec,
    path: fallback.path,
    fields: spec.fields.map((field) => (field.in === 'path' && !fallback.path.includes(`{${field.name}}`) ? { ...field, in: 'query' as const } : field)),
  };
}

export function query(name: string, schema: z.ZodType, required = true, description?: string): FieldSpec {
  return { name, in: 'query', schema, required, ...(description ? { description } : {}) };
}
export function pathParam(name: string, schema: z.ZodType, description?: string): FieldSpec {
  return { name, in: 'path', schema, required: true, ...(description ? { description } : {}) };
}
export function body(name: string, schema: z.ZodType, required = true, description?: string): FieldSpec {
  return { name, in: 'body', schema, required, ...(description ? { description } : {}) };
}
export function form(name: string, schema: z.ZodType, required = true, description?: string): FieldSpec {
  return { name, in: 'form', schema, required, ...(description ? { description } : {}) };
}
/** A json-array body: `items` is the array sent as the body. */
export function arrayBody(item: z.ZodType, description?: string): FieldSpec {
  return { name: ARRAY_BODY_FIELD, in: 'body', schema: z.array(item).min(1), required: true, ...(description ? { description } : {}) };
}

/** The strict schema of an endpoint's parameters by name: unknown names and missing required ones fail. */
export function paramsSchema(spec: EndpointSpec): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const field of spec.fields) shape[field.name] = field.required ? field.schema : field.schema.optional();
  return z.strictObject(shape);
}

export interface RequestParts {
  /** The path with its parameters filled in and encoded. */
  readonly path: string;
  readonly query: ReadonlyArray<readonly [string, string]>;
  /** JSON value for json bodies; undefined when there is none. */
  readonly json: unknown;
  /** Multipart fields, for `multipart` endpoints. */
  readonly form: Readonly<Record<string, unknown>>;
}

function scalarText(value: unknown): string {
  if (Array.isArray(value)) return value.map(scalarText).join(',');
  return String(value);
}

/** Places validated parameters where the endpoint says they go. */
export function requestParts(spec: EndpointSpec, params: Readonly<Record<string, unknown>>): RequestParts {
  let path = spec.path;
  const queryPairs: [string, string][] = [];
  const bodyFields: Record<string, unknown> = {};
  const formFields: Record<string, unknown> = {};
  let json: unknown;
  for (const field of spec.fields) {
    const value = params[field.name];
    if (value === undefined) continue;
    switch (field.in) {
      case 'path':
        path = path.replace(`{${field.name}}`, encodeURIComponent(scalarText(value)));
        break;
      case 'query':
        queryPairs.push([field.name, scalarText(value)]);
        break;
      case 'body':
        if (spec.body === 'json-array' && field.name === ARRAY_BODY_FIELD) json = value;
        else bodyFields[field.name] = value;
        break;
      case 'form':
        formFields[field.name] = value;
        break;
    }
  }
  if (spec.body === 'json-object') json = bodyFields;
  return { path, query: queryPairs, json, form: formFields };
}
