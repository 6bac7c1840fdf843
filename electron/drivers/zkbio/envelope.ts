import { z } from 'zod';
import { pageSchema } from '../empty-list.ts';
import { envelopeSchema, vendorCodeSchema } from '../json-reply.ts';
import type { EndpointSpec } from '../endpoint-table.ts';

/** The reply shapes the document uses (zkbio.md §3.2). */
type ZkbioReplyShape = 'general' | 'object' | 'array' | 'paged' | 'scalar' | 'ret-envelope' | 'other';

export type ZkbioEndpoint = EndpointSpec<ZkbioReplyShape>;

/**
 * The general envelope (§1.2): `{code, message, data}`. `code < 0` is a failure (appendix codes);
 * the description calls the text `msg` while every example says `message`, so both are read.
 */
export const EnvelopeSchema = envelopeSchema({ code: vendorCodeSchema, message: z.string().nullish() });

/** 2.19.13–2.19.15 use another envelope: `{ret: "ok"|"fail", msg, data, i18nArgs, success}`. */
export const RetEnvelopeSchema = envelopeSchema({
  ret: z.enum(['ok', 'fail']),
  success: z.boolean().optional(),
  page: z.number().optional(),
  pageSize: z.number().optional(),
  total: z.number().optional(),
});

/**
 * The "With Total Number" paging object (§3.2). `page` and `offset` are inconsistent across the
 * document's examples (0 or 1 for the first page), so only `total`, `data` and `lastPage` are relied on.
 * An empty list in any form (`data: null`, `[]`, a page without items) reads as `{total: 0, data: []}`.
 */
export function paged<T extends z.ZodType>(item: T) {
  return pageSchema('data', item, { page: z.number().optional(), size: z.number().optional(), offset: z.number().optional(), lastPage: z.boolean().optional() });
}
