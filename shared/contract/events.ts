import { z } from 'zod';
import { AccessEventSchema, BackendIdSchema } from './backends.ts';
import { method } from './define.ts';
import { SiteIdSchema } from './sites.ts';

/**
 * A backend's event stream as the watchdog sees it: `connected` (a real-time channel works: push
 * or monitor), `polling` (only the event list is read), `stale` (the last read failed; retrying
 * with backoff), `offline` (failing for a while). `since`: when it entered that state.
 */
export const STREAM_STATES = ['connected', 'polling', 'stale', 'offline'] as const;
export const StreamStateNameSchema = z.enum(STREAM_STATES);
export type StreamStateName = z.infer<typeof StreamStateNameSchema>;

const BilingualSchema = z.strictObject({ en: z.string(), 'zh-CN': z.string() });

export const StreamStateSchema = z.strictObject({
  backendId: BackendIdSchema,
  siteId: SiteIdSchema,
  state: StreamStateNameSchema,
  /** Why, in both languages (the driver's error text when failing); null when all is well. */
  reason: BilingualSchema.nullable(),
  since: z.iso.datetime(),
  /** How the stream gets events: push (receiver), monitor, poll. */
  channel: z.enum(['push', 'monitor', 'poll']),
  /** The last successful read of the backend. */
  lastOkAt: z.iso.datetime().nullable(),
  /** The next attempt when retrying with backoff. */
  retryAt: z.iso.datetime().nullable(),
});
export type StreamState = z.infer<typeof StreamStateSchema>;

export const RetentionSchema = z.strictObject({
  /** Events older than this are deleted in the background (default 180). */
  days: z.number().int().min(1).max(3650),
});
export type Retention = z.infer<typeof RetentionSchema>;

export const eventsMethods = {
  /** Each backend's stream state for the site (the page then follows `events.streamState`). */
  'events.streams': method(z.strictObject({ siteId: SiteIdSchema }), z.strictObject({ streams: z.array(StreamStateSchema) })),
  'events.retention.get': method(z.strictObject({}), RetentionSchema),
  'events.retention.set': method(RetentionSchema, RetentionSchema),
};

export const eventsEvents = {
  /** A backend's stream changed state (announced on every change, never polled). */
  'events.streamState': StreamStateSchema,
  /**
   * A stored event took another id (ZKBio's list adopting the pass its monitor stored first, with
   * the list's fuller data): the same pass, one row; a page showing `from` re-keys it to `to`.
   */
  'events.adopted': z.strictObject({ backendId: BackendIdSchema, from: z.string(), to: z.string(), event: AccessEventSchema }),
};
