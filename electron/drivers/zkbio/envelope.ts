import { z } from 'zod';
import { itemsOrEmpty, pageOrEmpty } from '../empty-list.ts';
import { vendorCodeSchema } from '../json-reply.ts';
import type { EndpointSpec } from '../endpoint-table.ts';

/** The reply shapes the document uses (zkbio.md §3.2). */
export type ZkbioReplyShape = 'general' | 'object' | 'array' | 'paged' | 'scalar' | 'ret-envelope' | 'other';

export type ZkbioEndpoint = EndpointSpec<ZkbioReplyShape>;

/**
 * The general envelope (§1.2): `{code, message, data}`. `code < 0` is a failure (appendix codes);
 * the description calls the text `msg` while every example says `message`, so both are read.
 */
export const EnvelopeSchema = z.looseObject({
  code: vendorCodeSchema,
  message: z.string().nullish(),
  msg: z.string().nullish(),
  data: z.unknown().optional(),
});

/** 2.19.13–2.19.15 use another envelope: `{ret: "ok"|"fail", msg, data, i18nArgs, success}`. */
export const RetEnvelopeSchema = z.looseObject({
  ret: z.enum(['ok', 'fail']),
  msg: z.string().nullish(),
  data: z.unknown().optional(),
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
  return pageOrEmpty(
    z.looseObject({
      page: z.number().optional(),
      size: z.number().optional(),
      total: z.number().int().nonnegative(),
      data: itemsOrEmpty(item),
      offset: z.number().optional(),
      lastPage: z.boolean().optional(),
    }),
    { total: 0, data: [] },
  );
}
