import type { Vendor } from '../../shared/contract/backends.ts';
import { evaluateChecks, measureBox, measureInCrop, poseFromLandmarks, stillPhotoCrop, type Box, type CheckId, type FrameMeasure } from '../../shared/rules/face-checks.ts';
import { strictestProfile } from '../../shared/rules/photo-profiles.ts';
import { findFaces } from './face-detector.ts';
import { boxRegion, decodePicture, encodeSquare, type Picture } from './picture.ts';

/**
 * The live capture's quality checks on a still photo (`enroll --photo`, the import's dry run): the
 * JPEG / PNG decoded upright by sharp (picture.ts; refused from its header when it is over the
 * photo limits), faces found by face-api (face-detector.ts), the same measures and thresholds as
 * the renderer (shared/rules/face-checks.ts), with the strictest profile of the target backends'
 * vendors.
 *
 * As the live capture does with a camera frame, Doorman keeps the square around the face
 * (stillPhotoCrop), not the whole picture: the vendors judge the face in the photo they receive, so
 * size and centring are judged on that square. A portrait with the face high in the frame passes
 * once cut; a face too small for a square of the vendors' minimum resolution, no face, or a dark or
 * blurred face still fail. Everything is judged on the picture reduced to 1024 px (picture.ts) and
 * the square is cut from it, so a square from a larger photo is at most 1024 px a side.
 */

export interface StillPhotoCheck {
  readonly ok: boolean;
  /** The failed checks and their guidance keys (`face.guide.*` in the enrollment catalogs). */
  readonly failed: readonly { readonly check: CheckId; readonly key: string }[];
  readonly faces: number;
  /** The face in the original picture. */
  readonly box?: Box;
  /** The square cut around the face, in the original picture; absent when kept whole. */
  readonly crop?: Box;
  /**
   * The photo to store and send: the square as a JPEG (quality 90, as the live capture encodes),
   * or the original bytes when nothing was cut (no single face, or a picture too small to cut).
   */
  readonly photo: Uint8Array;
}

function scaled(box: Box, scale: number, round = false): Box {
  const f = round ? Math.round : (v: number) => v;
  return { x: f(box.x * scale), y: f(box.y * scale), width: f(box.width * scale), height: f(box.height * scale) };
}

/** The measures of a picture in its own (reduced) pixels, as the renderer takes them of a video frame. */
async function measurePicture(picture: Picture): Promise<FrameMeasure> {
  const { faces, face } = await findFaces(picture);
  const measure: FrameMeasure = { faces, frameWidth: picture.width, frameHeight: picture.height };
  if (!face) return measure;
  const { box } = face;
  // Brightness and sharpness of the face box, on the region of the picture it samples from.
  const region = boxRegion(picture, box);
  return {
    ...measure,
    box,
    ...poseFromLandmarks(face.leftEye, face.rightEye, face.noseTip, face.mouth),
    ...measureBox(region.rgba, region.width, region.height, region.box),
  };
}

/** The measures of a decoded picture, with the frame and the face box in the photo's own pixels. */
export async function measureImage(picture: Picture): Promise<FrameMeasure> {
  const measure = await measurePicture(picture);
  const scale = picture.originalWidth / picture.width;
  return { ...measure, frameWidth: picture.originalWidth, frameHeight: picture.originalHeight, ...(measure.box ? { box: scaled(measure.box, scale) } : {}) };
}

/** The verdict on a still photo, before anything is encoded: what `checkStillPhoto` returns but the bytes. */
interface StillPhotoJudgement extends Omit<StillPhotoCheck, 'photo'> {
  /** The decoded picture (to cut `square` from); null when the bytes do not decode. */
  readonly picture: Picture | null;
  /** The square to cut, in the picture's pixels; absent when the photo is kept whole. */
  readonly square?: Box;
}

/**
 * Every capture check on a still photo, with the strictest profile of the target vendors, judged
 * on the square Doorman cuts around the face (see above). Cuts nothing: a bulk import's dry run
 * judges every photo but only keeps the squares of the rows it will import. Throws PhotoLimitError
 * for a photo over the limits, before decoding it.
 */
export async function judgeStillPhoto(bytes: Uint8Array, vendors: readonly Vendor[]): Promise<StillPhotoJudgement> {
  const picture = await decodePicture(bytes);
  if (!picture) return { ok: false, failed: [{ check: 'one_face', key: 'face.guide.no_face' }], faces: 0, picture: null };
  const profile = strictestProfile(vendors);
  const measure = await measurePicture(picture);
  // The square in the picture's pixels: at least the vendors' minimum resolution in what is kept.
  const square = measure.box ? stillPhotoCrop(measure.box, picture.width, picture.height, profile.minPixels) : null;
  const whole = !square || (square.width === picture.width && square.height === picture.height);
  const results = evaluateChecks(square ? measureInCrop(measure, square) : measure, profile);
  const failed = results.filter((r) => !r.ok).map((r) => ({ check: r.id, key: r.guide }));
  const scale = picture.originalWidth / picture.width;
  return {
    ok: failed.length === 0,
    failed,
    faces: measure.faces,
    ...(measure.box ? { box: scaled(measure.box, scale) } : {}),
    ...(square && !whole ? { crop: scaled(square, scale, true), square } : {}),
    picture,
  };
}

/** `judgeStillPhoto`, and the bytes to keep: the square around the face as a JPEG, else the photo as given. */
export async function checkStillPhoto(bytes: Uint8Array, vendors: readonly Vendor[]): Promise<StillPhotoCheck> {
  const { picture, square, ...judgement } = await judgeStillPhoto(bytes, vendors);
  return { ...judgement, photo: picture && square ? await encodeSquare(picture, square) : bytes };
}
