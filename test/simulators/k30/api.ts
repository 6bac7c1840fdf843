import type { JsonObject } from './auth.ts';
import type { CatalogEntry } from './catalog.ts';
import { HANDLERS } from './handlers/index.ts';
import { ApiFailure, failure } from './reply.ts';
import type { ApiResult } from './reply.ts';
import { ApiRequest, validate } from './request.ts';
import type { SimContext } from './request.ts';

/**
 * One call after routing and the envelope check: validate the decrypted `data` against the
 * section's table (request.ts), run the endpoint's handler. A handler's ApiFailure is the
 * section's failure msg with its detail; anything else it throws is a bug of the simulator,
 * logged, and answered as the document's attendance.calculate failure word, `Exception`.
 */
export function runApi(entry: CatalogEntry, payload: JsonObject, ctx: SimContext): ApiResult {
  try {
    const req = new ApiRequest(entry, payload);
    validate(req);
    const handler = HANDLERS.get(entry.id);
    if (!handler) throw new Error(`no handler for ${entry.id}`);
    return handler(req, ctx);
  } catch (error) {
    if (error instanceof ApiFailure) return failure(entry, error.detail);
    console.error(`k30 simulator: ${entry.id} failed`, error);
    return failure(entry, 'Exception');
  }
}
