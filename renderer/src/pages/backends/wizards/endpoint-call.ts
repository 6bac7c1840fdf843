import { z } from 'zod';
import type { BackendId } from '../../../../../shared/contract/backends.ts';
import { ApiError } from '../../../../../shared/contract/errors.ts';
import type { ApiClient } from '../../../api/client.ts';

/** One endpoint of the backend's document, parameters by name (`backends.call`); resolves to `data`. */
export type CallFn = (endpoint: string, params: Record<string, unknown>) => Promise<unknown>;

export function endpointCaller(client: ApiClient, id: BackendId): CallFn {
  return async (endpoint, params) => (await client.call('backends.call', { id, endpoint, params })).data;
}

/**
 * Reads a reply with a schema; a reply the wizard cannot read is a refused step with the reason,
 * never a crash (the core already checked the reply against the endpoint table).
 */
export function read<T extends z.ZodType>(schema: T, data: unknown, endpoint: string): z.output<T> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  throw new ApiError('backend_bad_reply', `Unexpected reply from ${endpoint}.`, { reason: `${endpoint}: ${parsed.error.issues[0]?.message ?? 'shape'}` });
}

/** A vendor's "it worked, except…" (batch replies with failures under a success envelope). */
export function refused(reason: string): ApiError {
  return new ApiError('backend_refused', reason, { reason });
}

export const pageOf = <T extends z.ZodType>(item: T) => z.looseObject({ list: z.array(item).nullish().transform((l) => l ?? []) });
