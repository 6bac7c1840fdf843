import { z } from 'zod';
import { AccessEventSchema, BackendIdSchema } from './backends.ts';
import { method } from './define.ts';
import { LangSchema } from './lang.ts';
import { SiteIdSchema } from './sites.ts';

/** The most events one search page returns. */
export const HISTORY_PAGE_MAX = 500;
/** The most events one export writes (a month of a busy site). */
export const HISTORY_EXPORT_MAX = 100_000;

export const EVENT_KINDS = AccessEventSchema.shape.kind.options;
export const EventKindSchema = AccessEventSchema.shape.kind;
export type EventKind = z.infer<typeof EventKindSchema>;

/**
 * A bound of a search: an instant with its zone (`2026-03-01T08:00:00Z`, `…+08:00`) or a wall-clock
 * time of the site (`2026-03-01T08:00`, `2026-03-01 08:00:00`, a date alone is its midnight), read in
 * the site's time zone.
 */
export const HistoryTimeSchema = z
  .string()
  .max(40)
  .regex(/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/, { message: 'history_time_format' });

export const HistoryDoorSchema = z.strictObject({ backendId: BackendIdSchema, doorId: z.string().min(1).max(200) });
export type HistoryDoor = z.infer<typeof HistoryDoorSchema>;

/** What a search, an export and `events list` filter on. Absent lists mean every one. */
export const HistoryFiltersSchema = z.strictObject({
  siteId: SiteIdSchema,
  from: HistoryTimeSchema,
  to: HistoryTimeSchema,
  backendIds: z.array(BackendIdSchema).max(100).optional(),
  doors: z.array(HistoryDoorSchema).max(500).optional(),
  kinds: z.array(EventKindSchema).max(EVENT_KINDS.length).optional(),
  /** A personnel number (its beginning) or a name (any part of it). */
  person: z.string().trim().max(100).optional(),
  /** Any part of the door, reader, device, person or the vendor's event name. */
  text: z.string().trim().max(200).optional(),
});
export type HistoryFilters = z.infer<typeof HistoryFiltersSchema>;

/** A stored event with where it came from and the instant it means (UTC ISO). */
export const HistoryEventSchema = z.strictObject({
  backendId: BackendIdSchema,
  backendName: z.string(),
  at: z.string(),
  event: AccessEventSchema,
});
export type HistoryEvent = z.infer<typeof HistoryEventSchema>;

export const HistorySearchSchema = HistoryFiltersSchema.extend({
  limit: z.number().int().min(1).max(HISTORY_PAGE_MAX).default(100),
  /** The `next` of the previous page: the events older than its last one. */
  before: z.string().max(200).optional(),
});

export const HistoryDayDoorSchema = z.strictObject({
  backendId: BackendIdSchema,
  backendName: z.string(),
  doorId: z.string().nullable(),
  doorName: z.string().nullable(),
  /** Events per hour of the site's day, 0–23. */
  hours: z.array(z.number().int()).length(24),
  total: z.number().int(),
});
export type HistoryDayDoor = z.infer<typeof HistoryDayDoorSchema>;

export const HistoryDaySchema = z.strictObject({
  date: z.string(),
  timeZone: z.string(),
  doors: z.array(HistoryDayDoorSchema),
  hours: z.array(z.number().int()).length(24),
  kinds: z.partialRecord(EventKindSchema, z.number().int()),
  total: z.number().int(),
});
export type HistoryDay = z.infer<typeof HistoryDaySchema>;

export const historyMethods = {
  /** Stored events of the site, newest first, a page at a time (keyset: `before` = the last page's `next`). */
  'history.search': method(HistorySearchSchema, z.strictObject({ events: z.array(HistoryEventSchema), next: z.string().nullable(), timeZone: z.string() })),
  /** One day of the site (its own date, in its zone): counts per door and hour, totals per kind. */
  'history.day': method(z.strictObject({ siteId: SiteIdSchema, date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'history_date_format' }) }), HistoryDaySchema),
  /** The events a search finds (up to HISTORY_EXPORT_MAX) as a CSV or XLSX file, with photo links. */
  'history.export': method(HistoryFiltersSchema.extend({ format: z.enum(['csv', 'xlsx']), lang: LangSchema.default('en') }), z.strictObject({ fileName: z.string(), base64: z.string(), rows: z.number().int() })),
};
