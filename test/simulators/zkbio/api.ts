import type { CatalogEntry } from './catalog.ts';
import { ApiFailure, PROGRAM_ERROR } from './codes.ts';
import { HANDLERS } from './handlers/index.ts';
import { documentedSuccess } from './handlers/generic.ts';
import { failure, resultBody } from './reply.ts';
import type { ApiResult } from './reply.ts';
import { ApiRequest, isObject, validate } from './request.ts';
import type { SimContext } from './request.ts';

/**
 * One vendor call after routing and the token check: read the body as the endpoint's section
 * says, validate, run its handler (or the documented success), and give the reply body.
 *
 * Bodies: JSON endpoints need `Content-Type: application/json` when a body is sent — anything else
 * is HTTP 415, as Spring's `@RequestBody` answers (the document never states headers; §1.3).
 * A body that is not JSON, or not the object/array the section shows, or missing where the
 * section has one, is -1 "Program error". Bodies sent to endpoints that take none are ignored.
 */
export type ApiOutcome = { readonly kind: 'reply'; readonly body: Record<string, unknown> } | { readonly kind: 'unsupported-media-type' };

export function runApi(entry: CatalogEntry, query: URLSearchParams, pathParams: Readonly<Record<string, string>>, raw: Buffer, contentType: string | undefined, ctx: SimContext): ApiOutcome {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  let result: ApiResult;
  try {
    if (entry.body === 'multipart' && type !== 'multipart/form-data') return { kind: 'unsupported-media-type' };
    if (entry.body !== 'none' && entry.body !== 'multipart' && raw.length > 0 && type !== 'application/json') return { kind: 'unsupported-media-type' };
    const req = new ApiRequest(entry, query, pathParams, readBody(entry, raw), raw);
    validate(req);
    const handler = HANDLERS.get(entry.id);
    result = handler ? handler(req, ctx) : documentedSuccess(entry, req, ctx);
  } catch (error) {
    result = failure(entry, error instanceof ApiFailure ? error.code : PROGRAM_ERROR);
    if (!(error instanceof ApiFailure)) console.error(`zkbio simulator: ${entry.id} failed`, error);
  }
  return { kind: 'reply', body: resultBody(result) };
}

function readBody(entry: CatalogEntry, raw: Buffer): unknown {
  if (entry.body === 'none' || entry.body === 'multipart') return undefined;
  if (raw.length === 0) {
    if (entry.body === 'optional-object') return undefined;
    throw new ApiFailure(PROGRAM_ERROR);
  }
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new ApiFailure(PROGRAM_ERROR);
  }
  const fits = entry.body === 'array' ? Array.isArray(body) : isObject(body);
  if (!fits) throw new ApiFailure(PROGRAM_ERROR);
  return body;
}
