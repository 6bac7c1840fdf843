import { z } from 'zod';
import { PushRejected } from '../../net/push-rejected.ts';
import type { IncomingEvent } from '../../../shared/contract/incoming-event.ts';
import type { VendorPush } from '../vendor-descriptor.ts';
import { toAccessEvent } from './mapping.ts';

/** busiType 5 = 通行记录 (pass record), the one documented type (§7.2); sent as "5" or 5. */
const PASS_RECORD = 5;

/**
 * The push envelope `{busiType, data}` (§7.2). Only what Doorman relies on is required: the record's
 * id (to deduplicate) and a time; everything else is read defensively, since the document's own
 * sample disagrees with its field table (scores as strings, mismatched *Desc texts).
 */
const PushSchema = z.looseObject({
  busiType: z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]),
  data: z.looseObject({
    id: z.union([z.string().min(1).max(128), z.number().int()]),
    passTimestamp: z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]).optional(),
    passTime: z.string().max(64).optional(),
  }),
});

/** What Doorman answers a delivery: the undocumented acknowledgement (§7.3), Hongtu's own envelope. */
export const HONGTU_PUSH_ACK = JSON.stringify({ code: 0, msg: 'success', data: null });

/** A pushed message's events (one pass record), or PushRejected (400) for a shape that is not one. */
export function parseHongtuPush(payload: unknown): IncomingEvent[] {
  const parsed = PushSchema.safeParse(payload);
  if (!parsed.success) {
    throw new PushRejected(400, `not a Hongtu push: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  if (parsed.data.busiType !== PASS_RECORD) throw new PushRejected(422, `busiType ${parsed.data.busiType} is not a pass record`);
  if (parsed.data.data.passTimestamp === undefined && parsed.data.data.passTime === undefined) {
    throw new PushRejected(400, 'the pass record has no time (passTimestamp / passTime)');
  }
  return [{ event: toAccessEvent(parsed.data.data), raw: parsed.data.data }];
}

/**
 * Hongtu's push as the receiver reads it: a JSON body, registered by the driver (pubsub), no
 * signature (§7 documents none: the receiver's URL carries a secret token instead).
 */
export const hongtuPush: VendorPush = {
  registration: { kind: 'automatic' },
  bodies: ['json'],
  read: (payload) => ({ events: parseHongtuPush(payload), deviceResults: [], warnings: [] }),
  acknowledgement: HONGTU_PUSH_ACK,
};
