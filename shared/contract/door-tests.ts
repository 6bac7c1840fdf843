import { z } from 'zod';
import { AccessEventSchema, BackendIdSchema } from './backends.ts';
import { method } from './define.ts';
import { SiteIdSchema } from './sites.ts';

/** The door tests an installer runs (issue 5): remote open, door mode, walk-through. */
export const DOOR_TESTS = ['open', 'mode', 'walk'] as const;
export const DoorTestKindSchema = z.enum(DOOR_TESTS);
export type DoorTestKind = z.infer<typeof DoorTestKindSchema>;

export const DOOR_TEST_VERDICTS = ['pass', 'fail', 'timeout', 'unsupported', 'error', 'cancelled'] as const;
export const DoorTestVerdictSchema = z.enum(DOOR_TEST_VERDICTS);
export type DoorTestVerdict = z.infer<typeof DoorTestVerdictSchema>;

/** What happened, step by step, with times: shown in the UI and kept as the report's evidence. */
export const DoorTestStepSchema = z.strictObject({
  at: z.iso.datetime(),
  /** Milliseconds since the test started. */
  ms: z.number().nonnegative(),
  /** Catalog key under `doorTestSteps.` and its values: the step in the user's language. */
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** The step in English, as kept in the evidence. */
  what: z.string(),
});
export type DoorTestStep = z.infer<typeof DoorTestStepSchema>;

export const DoorTestResultSchema = z.strictObject({
  id: z.number().int().positive(),
  runId: z.string(),
  siteId: SiteIdSchema,
  backendId: BackendIdSchema,
  vendor: z.string(),
  doorId: z.string(),
  doorName: z.string(),
  test: DoorTestKindSchema,
  verdict: DoorTestVerdictSchema,
  /** Command sent → the backend's own event seen (open, walk), or the whole mode round trip. */
  latencyMs: z.number().nonnegative().nullable(),
  message: z.string(),
  /** zh-CN / en text of the verdict's reason, for the UI and the report. */
  advice: z.strictObject({ en: z.string(), 'zh-CN': z.string() }).nullable(),
  installer: z.string(),
  personPin: z.string().nullable(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  evidence: z.strictObject({
    event: AccessEventSchema.nullable(),
    steps: z.array(DoorTestStepSchema),
  }),
});
export type DoorTestResult = z.infer<typeof DoorTestResultSchema>;

export const RunDoorTestSchema = z.strictObject({
  /** Chosen by the client, so it can follow progress and cancel before the result arrives. */
  runId: z.string().min(8).max(64),
  backendId: BackendIdSchema,
  doorId: z.string().min(1).max(128),
  test: DoorTestKindSchema,
  /** Walk-through: the personnel number expected at the door. */
  personPin: z.string().min(1).max(64).optional(),
  /** How long to wait for the backend's event. */
  timeoutSeconds: z.number().int().min(1).max(600).default(30),
  /** Remote open: how long the door stays open. */
  openSeconds: z.number().int().min(1).max(254).default(5),
  installer: z.string().trim().max(80).default(''),
});

export const doorTestsMethods = {
  /** Runs one test and answers with its stored result (progress arrives as doorTests.progress). */
  'doorTests.run': method(RunDoorTestSchema, DoorTestResultSchema),
  'doorTests.cancel': method(z.strictObject({ runId: z.string().min(1).max(64) }), z.strictObject({ cancelled: z.boolean() })),
  'doorTests.list': method(z.strictObject({ siteId: SiteIdSchema, backendId: BackendIdSchema.optional() }), z.strictObject({ results: z.array(DoorTestResultSchema) })),
};

export const doorTestsEvents = {
  'doorTests.progress': z.strictObject({ runId: z.string(), step: DoorTestStepSchema }),
  /** A test ended and its result was stored (from any window, or the CLI's `door-test` in this process). */
  'doorTests.finished': DoorTestResultSchema,
};
