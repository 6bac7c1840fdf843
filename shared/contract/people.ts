import { z } from 'zod';
import { CHECK_IDS } from '../rules/face-checks.ts';
import { idNumberProblem } from '../rules/id-number.ts';
import { base64Length, MAX_PHOTO_BYTES } from '../rules/photo-limits.ts';
import { TEXT_LIMITS } from '../rules/text-limits.ts';
import { parseValidity, type ValidityBound } from '../rules/validity-date.ts';
import { BackendIdSchema } from './backends.ts';
import { method } from './define.ts';
import { DeviceResultSchema } from './device-results.ts';
import { codeText, plainText } from './plain-text.ts';
import { SiteIdSchema } from './sites.ts';

export const PersonIdSchema = z.number().int().positive();

/**
 * A validity bound, kept as 'yyyy-MM-dd HH:mm:ss', the local date-time the backends take. A date
 * alone (a date picker's value) is the start or the end of that day; one rule for every way in
 * (shared/rules/validity-date.ts).
 */
export const validityBound = (bound: ValidityBound) =>
  z
    .string()
    .max(40, { message: 'datetime_format' })
    .transform((text, ctx) => {
      const result = parseValidity(text, bound);
      if (result.ok) return result.value;
      ctx.addIssue({ code: 'custom', message: result.problem });
      return z.NEVER;
    });

/**
 * A person as the enrollment form (or an import row) gives it; the rules every vendor shares. Text
 * is kept as typed but for the spaces around it; names and departments refuse control characters
 * and direction overrides (shared/rules/plain-text.ts). Limits: shared/rules/text-limits.ts.
 */
export const PersonFieldsSchema = z.strictObject({
  /** Personnel / job number: how every backend addresses the person (ZKBio pin, Hongtu code). */
  pin: codeText().regex(new RegExp(`^[A-Za-z0-9]{1,${TEXT_LIMITS.pin}}$`), { message: 'pin_format' }),
  name: plainText({ max: TEXT_LIMITS.personName, required: 'person_name_required', tooLong: 'person_name_too_long', forbidden: 'name_control_chars' }),
  idNumber: codeText()
    .transform((s) => s.toUpperCase())
    .refine((s) => idNumberProblem(s) === null, { message: 'id_number_invalid' })
    .optional(),
  phone: codeText().regex(new RegExp(`^\\+?\\d{${TEXT_LIMITS.phoneMin},${TEXT_LIMITS.phoneMax}}$`), { message: 'phone_format' }).optional(),
  gender: z.enum(['M', 'F']).optional(),
  department: plainText({ max: TEXT_LIMITS.department, tooLong: 'department_too_long', forbidden: 'text_control_chars' }).optional(),
  cardNo: codeText().regex(new RegExp(`^\\d{1,${TEXT_LIMITS.cardNo}}$`), { message: 'card_format' }).optional(),
  validFrom: validityBound('from').optional(),
  validTo: validityBound('to').optional(),
});
export type PersonFields = z.infer<typeof PersonFieldsSchema>;

/** Where a person goes: a backend and the levels / groups they get there. */
export const EnrollTargetSchema = z.strictObject({
  backendId: BackendIdSchema,
  accessLevelIds: z.array(z.string().min(1).max(128)).max(50).default([]),
});

/** A captured face: JPEG bytes (base64, at most the photo byte limit) and what the capture checks found. */
export const FaceInputSchema = z.strictObject({
  jpegBase64: z.string().min(100).max(base64Length(MAX_PHOTO_BYTES), { message: 'photo_file_too_large' }),
  /** Captured with every check passing (auto-capture), or by hand with these checks failing. */
  failedChecks: z.array(z.string().max(40)).max(20).default([]),
});

/** At most this many characters say why a person was saved without a face photo. */
export const NO_FACE_REASON_MAX = 200;

/** Why a person is saved without a face (issue 12 item 2): typed by the clerk, plain text. */
export const NoFaceReasonSchema = plainText({ max: NO_FACE_REASON_MAX, required: 'no_face_reason_required', tooLong: 'no_face_reason_too_long', forbidden: 'text_control_chars' });

export const EnrollSchema = z.strictObject({
  siteId: SiteIdSchema,
  person: PersonFieldsSchema,
  targets: z.array(EnrollTargetSchema).max(10).default([]),
  face: FaceInputSchema.optional(),
  /**
   * Saved without a face on purpose, and why: kept with the person while they have no face (the
   * People page and the exports mark them "no face"); a face added later clears it.
   */
  noFaceReason: NoFaceReasonSchema.optional(),
});

/** People → Edit: the person's fields (same personnel number) and every backend they go to from now on. */
export const UpdatePersonSchema = z.strictObject({
  id: PersonIdSchema,
  person: PersonFieldsSchema,
  targets: z.array(EnrollTargetSchema).max(10).default([]),
  /** A new face (People → Edit: webcam or file); absent keeps the photo on file. */
  face: FaceInputSchema.optional(),
});

export const PersonSchema = z.strictObject({
  id: PersonIdSchema,
  siteId: SiteIdSchema,
  fields: PersonFieldsSchema,
  faceSha256: z.string().nullable(),
  /** With no face: why the person was saved without one (absent when no reason was given). */
  noFaceReason: z.string().optional(),
  /**
   * Every backend the person was ever sent to, whatever the latest enrollment or import targeted,
   * with the levels / groups last sent there: an edit updates all of them, a delete removes the
   * person from all of them.
   */
  targets: z.array(z.strictObject({ backendId: BackendIdSchema, accessLevelIds: z.array(z.string()) })),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Person = z.infer<typeof PersonSchema>;

export const OUTBOX_STATES = ['pending', 'sending', 'done', 'failed', 'cancelled'] as const;

/** One remote write waiting for, or done by, the sync engine. */
export const OutboxEntrySchema = z.strictObject({
  id: z.number().int().positive(),
  siteId: SiteIdSchema,
  backendId: BackendIdSchema,
  personId: PersonIdSchema.nullable(),
  pin: z.string(),
  action: z.enum(['upsert', 'delete']),
  state: z.enum(OUTBOX_STATES),
  attempts: z.number().int().nonnegative(),
  nextTryAt: z.iso.datetime().nullable(),
  lastError: z.strictObject({ code: z.string(), message: z.string(), advice: z.strictObject({ en: z.string(), 'zh-CN': z.string() }).nullable() }).nullable(),
  /** When the sync engine last began sending it (null: never tried, or cancelled). */
  lastTryAt: z.iso.datetime().nullable(),
  /** Why a cancelled entry was: a person cancelled it ('you'), or a newer write for the person replaced it ('newer'). */
  cancelledBy: z.enum(['you', 'newer']).nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>;

/** Where a person stands on one backend, from their newest outbox entry there. */
export const SYNC_STATES = ['synced', 'waiting', 'failed', 'cancelled'] as const;
export type SyncState = (typeof SYNC_STATES)[number];

export const PersonSyncSchema = z.strictObject({
  personId: PersonIdSchema,
  backendId: BackendIdSchema,
  state: z.enum(SYNC_STATES),
  /** Why it failed, or why it is still waiting (the last try's trouble); null when synced or cancelled. */
  reason: OutboxEntrySchema.shape.lastError,
  nextTryAt: z.iso.datetime().nullable(),
  cancelledBy: OutboxEntrySchema.shape.cancelledBy,
});
export type PersonSync = z.infer<typeof PersonSyncSchema>;

/** What a backend's own face check said (ZKBio detectFace; Hongtu's check on upload). */
export const FaceCheckResultSchema = z.strictObject({
  ok: z.boolean(),
  vendorCode: z.union([z.number(), z.string()]).nullable(),
  advice: z.strictObject({ en: z.string(), 'zh-CN': z.string() }).nullable(),
});

export const peopleMethods = {
  /** Asks the backend itself whether it accepts this face photo, before enrolling. */
  'people.checkFace': method(z.strictObject({ backendId: BackendIdSchema, jpegBase64: FaceInputSchema.shape.jpegBase64 }), FaceCheckResultSchema),
  /**
   * Checks a photo file for a person (People → Edit): the still-photo face check with the strictest
   * profile of these backends' vendors, and the photo to keep (the square around the face).
   */
  'people.checkPhoto': method(
    z.strictObject({ backendIds: z.array(BackendIdSchema).max(10), photoBase64: FaceInputSchema.shape.jpegBase64 }),
    z.strictObject({ ok: z.boolean(), faces: z.number().int().nonnegative(), failedChecks: z.array(z.enum(CHECK_IDS)), photoBase64: z.string(), width: z.number().int(), height: z.number().int() }),
  ),
  /** Stores the person, the face and one outbox entry per target in one transaction; sync sends them. */
  'people.enroll': method(EnrollSchema, z.strictObject({ person: PersonSchema, outbox: z.array(OutboxEntrySchema) })),
  /**
   * Edits a person: saved, sent to the targets given (with their levels / groups), and deleted from
   * the backends they were sent to and are no longer among the targets.
   */
  'people.update': method(UpdatePersonSchema, z.strictObject({ person: PersonSchema, outbox: z.array(OutboxEntrySchema) })),
  /**
   * Who on the site already has this ID number (issue 12 item 3), other than the person with
   * `exceptPin` (the one being edited): enroll and edit refuse a number someone else holds.
   */
  'people.idNumberOwner': method(
    z.strictObject({ siteId: SiteIdSchema, idNumber: codeText().max(32), exceptPin: z.string().max(64).optional() }),
    z.strictObject({ owner: z.strictObject({ id: PersonIdSchema, pin: z.string(), name: z.string() }).nullable() }),
  ),
  'people.list': method(z.strictObject({ siteId: SiteIdSchema }), z.strictObject({ people: z.array(PersonSchema) })),
  /** Deletes on every backend the person was sent to (through the outbox), then locally. */
  /** Each person's sync state on every backend they were sent to (People page's "Sync to backends"). */
  'people.syncStates': method(z.strictObject({ siteId: SiteIdSchema }), z.strictObject({ states: z.array(PersonSyncSchema) })),
  /** A small JPEG of the person's face (96 px on its longer side) for the People table; null without a face. */
  'people.faceThumbnail': method(z.strictObject({ id: PersonIdSchema }), z.strictObject({ jpegBase64: z.string().nullable() })),
  'people.remove': method(z.strictObject({ id: PersonIdSchema }), z.strictObject({ outbox: z.array(OutboxEntrySchema) })),
};

/** The writes waiting for (or done by) the sync engine, one entry per person and backend. */
export const outboxMethods = {
  'outbox.list': method(z.strictObject({ siteId: SiteIdSchema.optional(), state: z.enum(OUTBOX_STATES).optional() }), z.strictObject({ entries: z.array(OutboxEntrySchema) })),
  /** Sends a failed (or waiting) entry again now; a cancelled one is refused with `outbox_cancelled`. */
  'outbox.retry': method(z.strictObject({ id: z.number().int().positive() }), OutboxEntrySchema),
  'outbox.cancel': method(z.strictObject({ id: z.number().int().positive() }), OutboxEntrySchema),
  /** The latest per-device push result of every person on the site's backends (K30's authstatus callbacks), for the Sync page. */
  'outbox.deviceResults': method(z.strictObject({ siteId: SiteIdSchema }), z.strictObject({ results: z.array(DeviceResultSchema) })),
};

export const peopleEvents = {
  /** An outbox entry changed state (sending, done, failed…). */
  'outbox.changed': OutboxEntrySchema,
  /** A backend reported a per-device push result (stored: the newest per person and device). */
  'outbox.deviceResult': DeviceResultSchema.extend({ siteId: SiteIdSchema }),
  /** People of a site were enrolled, edited, imported or removed: the People page lists them again. */
  'people.changed': z.strictObject({ siteId: SiteIdSchema }),
};
