import { z } from 'zod';
import { CHECK_IDS } from '../rules/face-checks.ts';
import { method } from './define.ts';
import { LangSchema } from './lang.ts';
import { BackendIdSchema } from './backends.ts';
import { EnrollTargetSchema } from './people.ts';
import { SiteIdSchema } from './sites.ts';

export const ImportIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

/** A table file or a photo, uploaded in pieces small enough for one frame (≤ 3 MB of base64 each). */
const chunk = z.string().max(3 * 1024 * 1024);
const fileName = z.string().min(1).max(200).regex(/^[^/\\\0]+$/, { message: 'file_name' });

export const ImportProblemSchema = z.strictObject({
  row: z.number().int(),
  column: z.strictObject({ letter: z.string(), header: z.string() }).nullable(),
  field: z.string().nullable(),
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  /** photo_face_check: the failed face checks (catalog `face.check.<id>`). */
  checks: z.array(z.enum(CHECK_IDS)).optional(),
  /** photo_faces: how many faces the photo shows. */
  faces: z.number().int().optional(),
  /** department_*: the department as the row gave it, and the backend(s) whose list was asked. */
  value: z.string().optional(),
  backend: z.string().optional(),
  /** id_number_taken: the person of the site who already has the ID number. */
  owner: z.strictObject({ pin: z.string(), name: z.string() }).optional(),
});

export const ImportPlanSummarySchema = z.strictObject({
  importId: ImportIdSchema,
  format: z.string(),
  headers: z.array(z.string()),
  planned: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  problems: z.array(ImportProblemSchema),
  unmatchedPhotos: z.array(z.string()),
  /** Whether the photos went through the face check (imports.plan's `faceCheck`). */
  faceCheck: z.boolean(),
  /** Planned rows that make a new person. */
  newPeople: z.number().int().nonnegative(),
  /**
   * Planned rows that update a person the site already has (same personnel number), each with every
   * backend that person was sent to: the import updates the backends chosen now, a later delete
   * removes the person from all of them.
   */
  updates: z.array(z.strictObject({ row: z.number().int(), pin: z.string(), name: z.string(), backendIds: z.array(BackendIdSchema) })),
  /** Each department the rows to import gave (a name or a code), with the backends' code it is stored as. */
  departments: z.array(z.strictObject({ value: z.string(), code: z.string(), name: z.string(), rows: z.number().int() })),
  /** The first planned rows, to show what will be imported; `existing` as in `updates`, null for a new person. */
  preview: z.array(
    z.strictObject({ row: z.number().int(), pin: z.string(), name: z.string(), photo: z.string().nullable(), existing: z.array(BackendIdSchema).nullable() }),
  ),
});

export const importsMethods = {
  /** Starts an import: the table file (CSV/XLSX), in one or more pieces (`append`). */
  'imports.begin': method(z.strictObject({ siteId: SiteIdSchema, fileName, base64: chunk }), z.strictObject({ importId: ImportIdSchema })),
  'imports.appendTable': method(z.strictObject({ importId: ImportIdSchema, base64: chunk }), z.strictObject({ bytes: z.number().int() })),
  /** Adds a photo (named `<personnel number>.jpg` or `<ID number>.jpg`), in one or more pieces. */
  'imports.addPhoto': method(z.strictObject({ importId: ImportIdSchema, fileName, base64: chunk, append: z.boolean().default(false) }), z.strictObject({ photos: z.number().int() })),
  /**
   * The dry run: every problem by row and column; nothing is saved. `faceCheck` (default on) runs
   * the still-photo face check on every photo, with the strictest profile of all vendors (~50 ms
   * an ID-size photo on two cores; off for very large imports: only format and size are checked); `forcePhoto`
   * keeps rows whose photo fails it, as `enroll --force-photo`. Progress as imports.progress
   * (phase `check`); imports.cancel stops it (error `cancelled`).
   */
  'imports.plan': method(
    z.strictObject({ importId: ImportIdSchema, faceCheck: z.boolean().default(true), forcePhoto: z.boolean().default(false) }),
    ImportPlanSummarySchema,
  ),
  /** Saves the good rows with an outbox entry per target; progress as imports.progress (phase `import`); cancel stops between batches. */
  'imports.run': method(
    z.strictObject({ importId: ImportIdSchema, targets: z.array(EnrollTargetSchema).max(10).default([]) }),
    z.strictObject({ imported: z.number().int(), rejected: z.number().int(), cancelled: z.boolean() }),
  ),
  /** Stops the running dry run or import of this import. */
  'imports.cancel': method(z.strictObject({ importId: ImportIdSchema }), z.strictObject({ cancelled: z.boolean() })),
  /** The rejected rows with their problems, as CSV (UTF-8 with BOM), to fix and import again. */
  'imports.rejectedCsv': method(z.strictObject({ importId: ImportIdSchema, lang: LangSchema.default('en') }), z.strictObject({ fileName: z.string(), base64: z.string() })),
  /** The blank import template Doorman ships (resources/people-template.csv|xlsx), byte for byte. */
  'imports.template': method(z.strictObject({ format: z.enum(['csv', 'xlsx']) }), z.strictObject({ fileName: z.string(), base64: z.string() })),
  /** The site's people as CSV or XLSX, in the import's columns. */
  'people.exportTable': method(z.strictObject({ siteId: SiteIdSchema, format: z.enum(['csv', 'xlsx']) }), z.strictObject({ fileName: z.string(), base64: z.string() })),
};

export const importsEvents = {
  /** `check`: photos checked by the dry run; `import`: rows saved. */
  'imports.progress': z.strictObject({ importId: ImportIdSchema, phase: z.enum(['check', 'import']), done: z.number().int(), total: z.number().int() }),
};
