import { z } from 'zod';
import { BackendIdSchema } from './backends.ts';
import { method } from './define.ts';
import { plainText } from './plain-text.ts';
import { SiteIdSchema } from './sites.ts';

/**
 * What an alarm is about (issue 15 item 3). The vendor classes come from each vendor's alarm table
 * (electron/drivers/<vendor>/alarms.ts); `denied-repeated` and `backend-offline` are Doorman's own
 * rules, not a vendor's.
 */
export const ALARM_CLASSES = ['door-forced', 'held-open', 'duress', 'tamper', 'fire', 'stranger', 'denied-repeated', 'backend-offline', 'other-alarm'] as const;
export const AlarmClassSchema = z.enum(ALARM_CLASSES);
export type AlarmClass = z.infer<typeof AlarmClassSchema>;

const LocalizedTextSchema = z.strictObject({ en: z.string(), 'zh-CN': z.string() });

/** A guard's note on acknowledging, and the guard's name (Settings). */
export const ALARM_NOTE_MAX = 500;
export const GUARD_NAME_MAX = 80;
const AlarmNoteSchema = plainText({ max: ALARM_NOTE_MAX, tooLong: 'alarm_note_too_long', forbidden: 'text_control_chars' });
const GuardNameSchema = plainText({ max: GUARD_NAME_MAX, tooLong: 'name_too_long', forbidden: 'name_control_chars' });

export const AlarmIdSchema = z.number().int().positive();

/** One alarm, kept forever: what, where, from which event, and who acknowledged it, when, from which computer. */
export const AlarmSchema = z.strictObject({
  id: AlarmIdSchema,
  siteId: SiteIdSchema,
  backendId: BackendIdSchema,
  backendName: z.string(),
  alarmClass: AlarmClassSchema,
  /** The vendor's words (or the rule's) for what happened, in both languages. */
  reason: LocalizedTextSchema,
  /** The event that raised it (null for a rule about the stream: a backend offline). */
  eventId: z.string().nullable(),
  doorId: z.string().nullable(),
  doorName: z.string().nullable(),
  personPin: z.string().nullable(),
  personName: z.string().nullable(),
  occurredAt: z.string(),
  raisedAt: z.string(),
  /** How many more times the same happened at the same door while it was open (strangers), and when last. */
  repeats: z.number().int().nonnegative(),
  lastOccurredAt: z.string().nullable(),
  ack: z
    .strictObject({ at: z.string(), by: z.string(), station: z.string(), note: z.string() })
    .nullable(),
});
export type Alarm = z.infer<typeof AlarmSchema>;

/** What the alarms need from Settings: who is on duty, and the repeated-denials rule. */
export const AlarmSettingsSchema = z.strictObject({
  guardName: GuardNameSchema,
  /** N denials at one door … */
  deniedThreshold: z.number().int().min(2).max(100),
  /** … within M minutes raise `denied-repeated`. */
  deniedWindowMinutes: z.number().int().min(1).max(1440),
});
export type AlarmSettings = z.infer<typeof AlarmSettingsSchema>;
export const DEFAULT_ALARM_SETTINGS: AlarmSettings = { guardName: '', deniedThreshold: 3, deniedWindowMinutes: 2 };

const ALARM_LIST_MAX = 500;

export const alarmsMethods = {
  /** The site's alarms, newest first; `open`: only the unacknowledged ones; `from`/`to`: ISO times. */
  'alarms.list': method(
    z.strictObject({ siteId: SiteIdSchema, open: z.boolean().optional(), from: z.iso.datetime({ offset: true }).optional(), to: z.iso.datetime({ offset: true }).optional(), limit: z.number().int().min(1).max(ALARM_LIST_MAX).optional() }),
    z.strictObject({ alarms: z.array(AlarmSchema) }),
  ),
  /** Acknowledges an open alarm as the guard on duty (`as` overrides Settings' guard name), from this computer. */
  'alarms.ack': method(z.strictObject({ id: AlarmIdSchema, note: AlarmNoteSchema.optional(), as: GuardNameSchema.optional() }), AlarmSchema),
  /** How many of the site's alarms are still unacknowledged. */
  'alarms.count': method(z.strictObject({ siteId: SiteIdSchema }), z.strictObject({ open: z.number().int().nonnegative() })),
  'alarms.settings': method(z.strictObject({}), AlarmSettingsSchema),
  'alarms.setSettings': method(AlarmSettingsSchema.partial(), AlarmSettingsSchema),
};

export const alarmsEvents = {
  'alarms.raised': z.strictObject({ alarm: AlarmSchema, open: z.number().int().nonnegative() }),
  'alarms.acked': z.strictObject({ alarm: AlarmSchema, open: z.number().int().nonnegative() }),
  /** An open alarm happened again (its repeats and last time changed): no new banner, no sound. */
  'alarms.repeated': z.strictObject({ alarm: AlarmSchema, open: z.number().int().nonnegative() }),
};
