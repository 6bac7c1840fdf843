import { z } from 'zod';
import { ApiError } from '../../shared/contract/errors.ts';

/**
 * One endpoint of a backend's document, parameters by name, resolving to the reply's `data`: the
 * backends service's `call`, which also re-reads and announces the inventory parts a write changed.
 * The set-up steps (drivers/<vendor>/commissioning.ts) are written against it.
 */
export type EndpointCall = (endpoint: string, params: Record<string, unknown>) => Promise<unknown>;

/**
 * Reads a reply with a step's schema; a reply the step cannot read is a refused step with the
 * reason, never a crash (the driver already checked the reply against the endpoint table).
 */
export function readReply<T extends z.ZodType>(schema: T, data: unknown, endpoint: string): z.output<T> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  throw new ApiError('backend_bad_reply', `Unexpected reply from ${endpoint}.`, { reason: `${endpoint}: ${parsed.error.issues[0]?.message ?? 'shape'}` });
}

/** A vendor's "it worked, except…" (batch replies with failures under a success envelope). */
export function refused(reason: string): ApiError {
  return new ApiError('backend_refused', reason, { reason });
}

/** A page of a list reply; a null list is an empty one. */
export const pageOf = <T extends z.ZodType>(item: T) => z.looseObject({ list: z.array(item).nullish().transform((l) => l ?? []) });
