import type { CatalogEntry } from './catalog.ts';
import { ApiFailure, INVALID_PARAMETER, SYSTEM_ERROR } from './codes.ts';
import { documentedSuccess } from './handlers/generic.ts';
import { HANDLERS } from './handlers/index.ts';
import { parseMultipart } from './multipart.ts';
import type { FormPart } from './multipart.ts';
import { failure } from './reply.ts';
import type { ApiResult } from './reply.ts';
import { ApiRequest, isObject, validate } from './request.ts';
import type { JsonObject, SimContext } from './request.ts';

/**
 * One vendor call after routing and the signature: read the body as the endpoint takes it,
 * validate, run its handler (or the documented success) and give the result.
 *
 * Bodies: JSON endpoints need `Content-Type: application/json` (any parameters) — anything else,
 * or none, is HTTP 415 as Spring's `@RequestBody` answers. An empty body, text that is not JSON, or
 * JSON that is not an object is 100003 参数不合法 ("为空会报JSON解析异常", §2.1). Uploads read
 * multipart/form-data; without it there is no `file` part, which is 100003 too. The GET reads nothing.
 * A handler that throws anything but an ApiFailure is -1 系统异常.
 */
export type ApiOutcome = { readonly kind: 'reply'; readonly result: ApiResult } | { readonly kind: 'unsupported-media-type' };

export function runApi(entry: CatalogEntry, appKey: string, query: URLSearchParams, raw: Buffer, contentType: string | undefined, ctx: SimContext): ApiOutcome {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (entry.body === 'json' && type !== 'application/json') return { kind: 'unsupported-media-type' };
  let result: ApiResult;
  try {
    const req = new ApiRequest(entry, appKey, entry.body === 'json' ? readJson(raw) : {}, query, entry.body === 'form' ? readForm(raw, type, contentType) : []);
    validate(req);
    const handler = HANDLERS.get(entry.id);
    result = handler ? handler(req, ctx) : documentedSuccess(entry, req, ctx);
  } catch (error) {
    if (error instanceof ApiFailure) result = failure(error.code, error.detail);
    else {
      console.error(`hongtu simulator: ${entry.id} failed`, error);
      result = failure(SYSTEM_ERROR);
    }
  }
  return { kind: 'reply', result };
}

function readJson(raw: Buffer): JsonObject {
  if (raw.length === 0) throw new ApiFailure(INVALID_PARAMETER, 'JSON解析异常: 请求体为空');
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new ApiFailure(INVALID_PARAMETER, 'JSON解析异常');
  }
  if (!isObject(body)) throw new ApiFailure(INVALID_PARAMETER, 'JSON解析异常: 请求体不是对象');
  return body;
}

function readForm(raw: Buffer, type: string, contentType: string | undefined): FormPart[] {
  if (type !== 'multipart/form-data') return [];
  const parts = parseMultipart(raw, contentType);
  if (!parts) throw new ApiFailure(INVALID_PARAMETER, 'multipart解析异常');
  return parts;
}
