import { z } from 'zod';
import { pageOrEmpty } from '../empty-list.ts';
import { paramsSchema } from '../endpoint-table.ts';
import type { EndpointSpec } from '../endpoint-table.ts';

/**
 * The K30 envelope (seed 000, 1.1 and each section's 3./4. tables; k30.md §1.2, §1.3) and the
 * shape of K30 endpoint entries.
 *
 * A K30 endpoint's fields are the plaintext `data` object's fields: the client signs that JSON,
 * encrypts it and sends `{companyno, timestamp, data, sign}` (sign.ts). So every field is `in:
 * 'body'` of a `json-object` body, and the envelope fields are never fields.
 */

/** What the decrypted reply `data` is: nothing (`""`), an object, or a page `{total, totalPage, data: [...]}`. */
type K30ReplyShape = 'none' | 'object' | 'page';

/** A request rule that spans fields, which a field's own schema cannot say. */
type K30Rule =
  /** people.sync: `device_nos` or `deptno`, "二选一必填" (exactly one; E38). */
  | { readonly kind: 'exactlyOne'; readonly fields: readonly [string, string] }
  /** record.list: start and end date "不能跨月" (in the same month). */
  | { readonly kind: 'sameMonth'; readonly fields: readonly [string, string] };

/** The request rate the document asks callers to stay under ("请求频率小于60次/分钟"). */
interface K30RateLimit {
  /** Fewer than this many requests per minute. */
  readonly perMinute: number;
  /** The document's words. */
  readonly quote: string;
}

export interface K30Endpoint extends EndpointSpec<K30ReplyShape> {
  /** Set on people.list, region.list and region.peopleList: the client keeps under it. */
  readonly rateLimit?: K30RateLimit;
  readonly rules?: readonly K30Rule[];
}

/** people.list, region.list, region.peopleList: "（注：请求频率小于60次/分钟）". */
export const UNDER_60_PER_MINUTE: K30RateLimit = { perMinute: 60, quote: '请求频率小于60次/分钟' };

/** A number the document types Int that its examples send as text too (`"0"`; E23). */
export const lenientInt = z.union([z.number().int(), z.string().regex(/^-?\d+$/).transform(Number)]);

/** A string the examples sometimes send as a number, or null; read as text (E23, E27). */
export const lenientText = z
  .union([z.string(), z.number().transform(String)])
  .nullish()
  .transform((value) => value ?? '');

/**
 * The reply envelope, read leniently where the document's own examples disagree: `resultcode` as
 * "1"/"0" (or a number), `appid` in place of `companyno` (E10), no `timestamp`/`sign` (E34), `data`
 * as ciphertext, "", or the plaintext object/JSON text the examples print (E9). sign.ts opens it.
 */
export const K30ReplyEnvelopeSchema = z.looseObject({
  resultcode: z.union([z.enum(['1', '0']), z.literal(1).transform(() => '1' as const), z.literal(0).transform(() => '0' as const)]),
  msg: z.string().nullish(),
  companyno: z.string().optional(),
  appid: z.string().optional(),
  timestamp: z.string().optional(),
  sign: z.string().optional(),
  data: z.union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())]).nullish(),
});
type K30ReplyEnvelope = z.infer<typeof K30ReplyEnvelopeSchema>;

/** The company number a reply names: `companyno`, or `appid` where the example says so (E10). */
export function replyCompanyNo(envelope: K30ReplyEnvelope): string | undefined {
  return envelope.companyno ?? envelope.appid;
}

/**
 * The page every list endpoint answers (k30.md §4 step 5): `{total, totalPage, data: [...]}`, the
 * counts as numbers or numeric text (E23). An empty list in any form reads as an empty page.
 */
export function page<T extends z.ZodType>(item: T) {
  return pageOrEmpty(
    z.looseObject({
      total: lenientInt,
      totalPage: lenientInt.optional(),
      data: z.array(item).nullish().transform((items) => items ?? []),
    }),
    { total: 0, totalPage: 0, data: [] },
  );
}

/** A reply without payload: `data` is "" (decrypted: nothing). Anything there is ignored (E24). */
export const noData = z.unknown();

function monthOf(value: unknown): string | undefined {
  return typeof value === 'string' ? /^(\d{4}-\d{2})-/.exec(value)?.[1] : undefined;
}

/** {@link paramsSchema} plus the endpoint's cross-field rules. */
export function k30ParamsSchema(spec: K30Endpoint) {
  return paramsSchema(spec).superRefine((params: Record<string, unknown>, context) => {
    for (const rule of spec.rules ?? []) {
      const [a, b] = rule.fields;
      if (rule.kind === 'exactlyOne' && (params[a] === undefined) === (params[b] === undefined)) {
        context.addIssue({ code: 'custom', path: [a], message: `give exactly one of ${a} and ${b} (二选一必填)` });
      }
      if (rule.kind === 'sameMonth' && params[a] !== undefined && params[b] !== undefined && monthOf(params[a]) !== monthOf(params[b])) {
        context.addIssue({ code: 'custom', path: [b], message: `${a} and ${b} must be in the same month (开始日期和结束日期不能跨月)` });
      }
    }
  });
}
