import { z } from 'zod';
import { pageSchema } from '../empty-list.ts';
import { envelopeSchema, vendorCodeSchema } from '../json-reply.ts';
import type { EndpointSpec } from '../endpoint-table.ts';

/** What an endpoint's `data` is (hongtu.md §1.2): an object, an array, a page, a bare string, or nothing. */
type HongtuReplyShape = 'object' | 'array' | 'page' | 'string' | 'none';

export type HongtuEndpoint = EndpointSpec<HongtuReplyShape>;

/** `{code, data, msg}`; `code` 0 is success, anything else an error code of §9. */
export const EnvelopeSchema = envelopeSchema({ code: vendorCodeSchema });

/**
 * The paging object of the 21 paged endpoints (§1.3): `{pageNum, pageSize, total, list}`. An empty
 * list in any form (`data: null`, `[]`, a page without items) reads as an empty page.
 */
export function paged<T extends z.ZodType>(item: T) {
  return pageSchema('list', item, { pageNum: z.number().int(), pageSize: z.number().int() }, { pageNum: 1, pageSize: 0 });
}
