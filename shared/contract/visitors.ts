import { z } from 'zod';
import { TEXT_LIMITS } from '../rules/text-limits.ts';
import { BackendIdSchema } from './backends.ts';
import { method } from './define.ts';
import { FaceInputSchema, validityBound } from './people.ts';
import { codeText, plainText } from './plain-text.ts';
import { SiteIdSchema } from './sites.ts';

/** Visitors (issue 15 item 4): registered on a backend whose API has them, listed with their passes. */

export const VisitorIdSchema = z.number().int().positive();

/** The documents a visitor can show; each vendor maps them to its codes (ZKBio certType 2–8). */
export const VISITOR_ID_TYPES = ['national-id', 'passport', 'drivers-license', 'work-permit', 'other'] as const;

/** K30 takes at most 50 characters in each visitor field (visitor.create). */
export const VISITOR_TEXT_MAX = 50;

const visitorText = (tooLong: string) => plainText({ max: VISITOR_TEXT_MAX, tooLong, forbidden: 'text_control_chars' });

/**
 * A visitor as the register form (or the CLI) gives it. Validity bounds are local date-times of
 * the site ('yyyy-MM-dd HH:mm:ss'); without them the visit runs from now to the end of today.
 * What each vendor requires on top (ZKBio: document number and reason; K30: document number and
 * phone) is checked by its driver, which says so in both languages.
 */
export const VisitorFieldsSchema = z.strictObject({
  name: plainText({ max: TEXT_LIMITS.personName, required: 'person_name_required', tooLong: 'person_name_too_long', forbidden: 'name_control_chars' }),
  /** The host: the personnel number of a person of the site, on that backend. */
  hostPin: codeText().regex(new RegExp(`^[A-Za-z0-9]{1,${TEXT_LIMITS.pin}}$`), { message: 'host_pin_format' }),
  idType: z.enum(VISITOR_ID_TYPES).default('national-id'),
  idNumber: codeText().regex(/^[A-Za-z0-9-]{1,50}$/, { message: 'visitor_id_number_format' }).optional(),
  phone: codeText().regex(new RegExp(`^\\+?\\d{${TEXT_LIMITS.phoneMin},${TEXT_LIMITS.phoneMax}}$`), { message: 'phone_format' }).optional(),
  company: visitorText('visitor_company_too_long').optional(),
  reason: visitorText('visitor_reason_too_long').optional(),
  validFrom: validityBound('from').optional(),
  validTo: validityBound('to').optional(),
});
export type VisitorFields = z.infer<typeof VisitorFieldsSchema>;

export const RegisterVisitorSchema = z.strictObject({
  backendId: BackendIdSchema,
  visitor: VisitorFieldsSchema,
  /** The face from the capture (Enroll's component), a JPEG; optional. */
  face: FaceInputSchema.optional(),
});

/**
 * `sending`: stored, not yet confirmed by the backend; `registered`; `failed`: the backend could not
 * be reached (kept, to retry); `checked-out`.
 */
export const VISITOR_STATES = ['sending', 'registered', 'failed', 'checked-out'] as const;

export const VisitorSchema = z.strictObject({
  id: VisitorIdSchema,
  siteId: SiteIdSchema,
  backendId: BackendIdSchema,
  name: z.string(),
  hostPin: z.string(),
  hostName: z.string().nullable(),
  idType: z.enum(VISITOR_ID_TYPES),
  idNumber: z.string().nullable(),
  phone: z.string().nullable(),
  company: z.string().nullable(),
  reason: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string(),
  hasFace: z.boolean(),
  state: z.enum(VISITOR_STATES),
  /** The last failure (code and English text; the UI words it from the code). */
  error: z.strictObject({ code: z.string(), message: z.string(), advice: z.strictObject({ en: z.string(), 'zh-CN': z.string() }).nullable() }).nullable(),
  /** The vendor's key for the registration, and the id its pass events carry (null until registered). */
  vendorRef: z.string().nullable(),
  vendorPin: z.string().nullable(),
  /** Booked for a later day (ZKBio's reservation, §2.16) rather than registered for today. */
  reserved: z.boolean(),
  /** First and last pass of the visitor's pin on the backend within the visit (as the events say it). */
  arrivedAt: z.string().nullable(),
  leftAt: z.string().nullable(),
  createdAt: z.iso.datetime(),
  checkedOutAt: z.iso.datetime().nullable(),
});
export type Visitor = z.infer<typeof VisitorSchema>;

/** A day of the site's calendar, 'yyyy-MM-dd'. */
const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date_format' });

export const visitorsMethods = {
  /** Stores the visitor, then registers them on the backend; a backend out of reach leaves them `failed`, to retry. */
  'visitors.register': method(RegisterVisitorSchema, VisitorSchema),
  /** The site's visitors whose visit touches the day (default: today in the site's time zone), with arrived / left. */
  'visitors.list': method(z.strictObject({ siteId: SiteIdSchema, date: DaySchema.optional() }), z.strictObject({ date: DaySchema, visitors: z.array(VisitorSchema) })),
  /** Sends a `failed` registration again. */
  'visitors.retry': method(z.strictObject({ id: VisitorIdSchema }), VisitorSchema),
  /** Ends the visit on the backend (its check-out or delete). */
  'visitors.checkOut': method(z.strictObject({ id: VisitorIdSchema }), VisitorSchema),
};

export const visitorsEvents = {
  /** A visitor of the site was registered, failed, or checked out. */
  'visitors.changed': z.strictObject({ siteId: SiteIdSchema, visitor: VisitorSchema }),
};
