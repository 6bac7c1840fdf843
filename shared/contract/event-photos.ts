import { z } from 'zod';
import { BackendIdSchema } from './backends.ts';
import { method } from './define.ts';

/**
 * The face a device captured at a pass (issue 15 item 2), for the Live page. The page's
 * Content-Security-Policy lets images come only from our own origin, `data:` and `blob:`, so a
 * snapshot the backend serves over http(s) (Hongtu `snapshotUrl`, K30 `photo`) is read by the core
 * and handed over as bytes. The core reads only the link stored with that event, never one the
 * caller names.
 */

/** The largest captured photo handed over (a face snapshot is tens of KB). */
export const CAPTURED_PHOTO_MAX_BYTES = 2 * 1024 * 1024;

/** Why there is no picture: none was sent, the link expired or was refused, the backend did not answer, not a picture, too large. */
export const CAPTURED_PHOTO_PROBLEMS = ['none', 'expired', 'unreachable', 'not-image', 'too-large'] as const;
export const CapturedPhotoProblemSchema = z.enum(CAPTURED_PHOTO_PROBLEMS);
export type CapturedPhotoProblem = z.infer<typeof CapturedPhotoProblemSchema>;

export const CapturedPhotoSchema = z.strictObject({
  /** `image/jpeg` or `image/png`; null with `problem`. */
  mime: z.enum(['image/jpeg', 'image/png']).nullable(),
  base64: z.string().nullable(),
  problem: CapturedPhotoProblemSchema.nullable(),
});
export type CapturedPhoto = z.infer<typeof CapturedPhotoSchema>;

export const eventPhotosMethods = {
  /** The captured photo of one stored event, read from the link the backend gave with it. */
  'eventPhotos.captured': method(z.strictObject({ backendId: BackendIdSchema, eventId: z.string().min(1).max(200) }), CapturedPhotoSchema),
};
