import { MIN_STORED_FACE_PIXELS, type PhotoProfile } from './photo-profiles.ts';

/**
 * The face photo quality checks as pure functions of pixels and landmarks: no DOM and no Node, so
 * the renderer's live capture, the core's still-photo check (`enroll --photo`) and the unit tests
 * share them.
 */

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** One face as a detector reports it (the renderer's live capture and the core's still photos). */
export interface DetectedFace {
  readonly box: Box;
  readonly leftEye: readonly Point[];
  readonly rightEye: readonly Point[];
  /** The nose tip (68-point layout: the nose runs 27–35, 30 is the tip). */
  readonly noseTip: Point;
  /** The 20 mouth points (48–67 of the 68-point layout). */
  readonly mouth: readonly Point[];
}

export const CHECK_IDS = ['one_face', 'face_size', 'centred', 'pose', 'brightness', 'sharpness'] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export interface CheckResult {
  readonly id: CheckId;
  readonly ok: boolean;
  /** Catalog key of the guidance to show when it fails (e.g. `face.guide.too_dark`). */
  readonly guide: string;
}

/** The face box is scaled to this square before the sharpness measure, so it compares across sizes. */
export const SHARPNESS_SIDE = 96;

/** Rec. 601 luma of RGBA pixels, 0–255. */
function lumaAt(rgba: ArrayLike<number>, i: number): number {
  return 0.299 * (rgba[i] ?? 0) + 0.587 * (rgba[i + 1] ?? 0) + 0.114 * (rgba[i + 2] ?? 0);
}

/** Mean luma (0–255) of an RGBA image. */
export function meanLuma(rgba: ArrayLike<number>, width: number, height: number): number {
  const n = width * height;
  if (n === 0) return 0;
  let sum = 0;
  for (let p = 0; p < n; p++) sum += lumaAt(rgba, p * 4);
  return sum / n;
}

/**
 * Variance of the 4-neighbour Laplacian of the luma over the interior pixels: high for sharp edges,
 * near zero for a blurred or flat picture (Pech-Pacheco et al., 2000).
 */
export function laplacianVariance(rgba: ArrayLike<number>, width: number, height: number): number {
  if (width < 3 || height < 3) return 0;
  const gray = new Float32Array(width * height);
  for (let p = 0; p < gray.length; p++) gray[p] = lumaAt(rgba, p * 4);
  let sum = 0;
  let sumSq = 0;
  let n = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const p = y * width + x;
      const lap = (gray[p - 1] ?? 0) + (gray[p + 1] ?? 0) + (gray[p - width] ?? 0) + (gray[p + width] ?? 0) - 4 * (gray[p] ?? 0);
      sum += lap;
      sumSq += lap * lap;
      n++;
    }
  }
  const mean = sum / n;
  return sumSq / n - mean * mean;
}

/**
 * The `box` of an RGBA image scaled to a `side`×`side` RGBA square by bilinear sampling: what the
 * renderer gets from `drawImage` onto the small canvas, for measuring a still photo without one.
 */
export function resampleBox(rgba: ArrayLike<number>, width: number, height: number, box: Box, side = SHARPNESS_SIDE): Uint8ClampedArray {
  const out = new Uint8ClampedArray(side * side * 4);
  if (width === 0 || height === 0) return out;
  const sx = box.width / side;
  const sy = box.height / side;
  for (let y = 0; y < side; y++) {
    const fy = Math.max(0, Math.min(height - 1, box.y + (y + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(height - 1, y0 + 1);
    const wy = fy - y0;
    for (let x = 0; x < side; x++) {
      const fx = Math.max(0, Math.min(width - 1, box.x + (x + 0.5) * sx - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(width - 1, x0 + 1);
      const wx = fx - x0;
      for (let c = 0; c < 4; c++) {
        const at = (px: number, py: number) => rgba[(py * width + px) * 4 + c] ?? 0;
        const top = at(x0, y0) * (1 - wx) + at(x1, y0) * wx;
        const bottom = at(x0, y1) * (1 - wx) + at(x1, y1) * wx;
        out[(y * side + x) * 4 + c] = top * (1 - wy) + bottom * wy;
      }
    }
  }
  return out;
}

/** Mean luma and Laplacian variance of a face box, measured on its `SHARPNESS_SIDE` square copy. */
export function measureBox(rgba: ArrayLike<number>, width: number, height: number, box: Box): { luma: number; sharpness: number } {
  const small = resampleBox(rgba, width, height, box);
  return { luma: meanLuma(small, SHARPNESS_SIDE, SHARPNESS_SIDE), sharpness: laplacianVariance(small, SHARPNESS_SIDE, SHARPNESS_SIDE) };
}

function centroid(points: readonly Point[]): Point {
  const n = Math.max(points.length, 1);
  return { x: points.reduce((s, p) => s + p.x, 0) / n, y: points.reduce((s, p) => s + p.y, 0) / n };
}

const DEG = 180 / Math.PI;

/**
 * The face model behind the pose estimate, in eye distances (the eye landmarks' centroids lie in
 * its reference plane): the nose tip 0.6 in front of that plane (the yaw estimate's long-standing
 * value), and 0.6 below the eye line; the mouth's centroid 1.0 below it and 0.2 in front. The two
 * "below" values are calibrated on face-api's own landmarks of a frontal face: the astronaut
 * (scikit-image) reads nose 0.61 and mouth 1.01 eye distances below the eyes, in the 512×512 still
 * and in the e2e camera frame alike. The 300-W mean shape (dlib / OpenFace template) has the nose
 * at 0.52 of the way from the eyes to the mouth, which this model reads as about 9° up: faces differ
 * by that much, so the pitch limits (photo-profiles.ts) leave room for it.
 */
const NOSE_DEPTH = 0.6;
const NOSE_DROP = 0.6;
const MOUTH_DEPTH = 0.2;
const MOUTH_DROP = 1.0;

/**
 * Head pose estimated from 2-D landmarks. Roll: the angle of the line between the eye centres.
 * Yaw: how far the nose tip sits off the eyes' midpoint along the eye line, over half the eye
 * distance; a nose about 0.6 eye-distances in front of the eye plane gives sin(yaw) = offset / (0.6·d).
 * Positive yaw: nose towards the image's right eye (the person's left).
 * Pitch: where the nose tip sits between the eye line and the mouth, across the eye line (so roll
 * does not disturb it), t = nose drop / mouth drop. Tilting the head back by θ lifts each point by
 * its depth · sin θ while its drop shrinks by cos θ, so t = (0.6 − 0.6·tan θ) / (1 − 0.2·tan θ),
 * solved for θ: tan θ = (0.6 − t) / (0.6 − 0.2·t). Positive pitch: chin up (looking up).
 */
export function poseFromLandmarks(leftEye: readonly Point[], rightEye: readonly Point[], noseTip: Point, mouth: readonly Point[]): { rollDeg: number; yawDeg: number; pitchDeg: number } {
  const l = centroid(leftEye);
  const r = centroid(rightEye);
  const dx = r.x - l.x;
  const dy = r.y - l.y;
  const eyeDistance = Math.hypot(dx, dy);
  if (eyeDistance === 0) return { rollDeg: 0, yawDeg: 0, pitchDeg: 0 };
  const rollDeg = Math.atan2(dy, dx) * DEG;
  const mid = { x: (l.x + r.x) / 2, y: (l.y + r.y) / 2 };
  // The nose's offset projected on the (unit) eye line.
  const offset = ((noseTip.x - mid.x) * dx + (noseTip.y - mid.y) * dy) / eyeDistance;
  const ratio = Math.max(-1, Math.min(1, offset / (NOSE_DEPTH * eyeDistance)));
  // Drops measured along the eye line's normal, pointing down the face.
  const drop = (p: Point) => ((p.y - mid.y) * dx - (p.x - mid.x) * dy) / eyeDistance;
  const mouthDrop = drop(centroid(mouth));
  // A mouth level with or above the eyes is no face seen from the front: report it as far off.
  if (mouthDrop <= 0) return { rollDeg, yawDeg: Math.asin(ratio) * DEG, pitchDeg: 90 };
  const t = drop(noseTip) / mouthDrop;
  const pitchDeg = Math.atan2(NOSE_DROP / MOUTH_DROP - t, NOSE_DEPTH / MOUTH_DROP - (MOUTH_DEPTH / MOUTH_DROP) * t) * DEG;
  return { rollDeg, yawDeg: Math.asin(ratio) * DEG, pitchDeg };
}

/** What one video frame showed: the measures the checks compare with the profile. */
export interface FrameMeasure {
  readonly faces: number;
  readonly frameWidth: number;
  readonly frameHeight: number;
  /** The single face's box, when there is exactly one. */
  readonly box?: Box;
  readonly rollDeg?: number;
  readonly yawDeg?: number;
  /** Positive: chin up. */
  readonly pitchDeg?: number;
  readonly luma?: number;
  readonly sharpness?: number;
}

/** Every check for one frame, in CHECK_IDS order; with no single face the rest fail too. */
export function evaluateChecks(m: FrameMeasure, profile: PhotoProfile): CheckResult[] {
  const one = m.faces === 1 && m.box !== undefined;
  const results: CheckResult[] = [{ id: 'one_face', ok: one, guide: m.faces === 0 ? 'face.guide.no_face' : m.faces > 1 ? 'face.guide.many_faces' : 'face.guide.ok' }];
  if (!one || !m.box) {
    for (const id of CHECK_IDS.slice(1)) results.push({ id, ok: false, guide: 'face.guide.no_face' });
    return results;
  }
  const box = m.box;
  const sizeOk = box.width / m.frameWidth >= profile.minFaceWidthRatio;
  results.push({ id: 'face_size', ok: sizeOk, guide: sizeOk ? 'face.guide.ok' : 'face.guide.closer' });

  const cx = (box.x + box.width / 2) / m.frameWidth - 0.5;
  const cy = (box.y + box.height / 2) / m.frameHeight - 0.5;
  const centred = Math.abs(cx) <= profile.maxCentreOffset && Math.abs(cy) <= profile.maxCentreOffset;
  results.push({ id: 'centred', ok: centred, guide: centred ? 'face.guide.ok' : 'face.guide.centre' });

  // Turned or tilted sideways: "look straight"; only nodding off: which way to move the chin.
  const straight = Math.abs(m.yawDeg ?? 90) <= profile.maxYawDeg && Math.abs(m.rollDeg ?? 90) <= profile.maxRollDeg;
  const pitch = m.pitchDeg ?? 90;
  const level = Math.abs(pitch) <= profile.maxPitchDeg;
  const poseGuide = !straight ? 'face.guide.look_straight' : !level ? (pitch > 0 ? 'face.guide.lower_chin' : 'face.guide.lift_chin') : 'face.guide.ok';
  results.push({ id: 'pose', ok: straight && level, guide: poseGuide });

  const luma = m.luma ?? 0;
  const bright = luma >= profile.minLuma && luma <= profile.maxLuma;
  results.push({ id: 'brightness', ok: bright, guide: bright ? 'face.guide.ok' : luma < profile.minLuma ? 'face.guide.too_dark' : 'face.guide.too_bright' });

  const sharp = (m.sharpness ?? 0) >= profile.minSharpness;
  results.push({ id: 'sharpness', ok: sharp, guide: sharp ? 'face.guide.ok' : 'face.guide.hold_still' });
  return results;
}

/** Intersection over union of two boxes, 0 (apart) to 1 (the same). */
export function overlap(a: Box, b: Box): number {
  const w = Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));
  const h = Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
  const union = a.width * a.height + b.width * b.height - w * h;
  return union > 0 ? (w * h) / union : 0;
}

/**
 * Below this overlap with the face last taken, a single face counts as someone (or something)
 * else: the next person sits down where the last one sat, but rarely within a third of a face.
 */
const SAME_FACE_OVERLAP = 0.3;

/**
 * Auto-capture: fires once when every check has held for `holdMs` without a break; any failing
 * frame starts the wait again, and `reset` arms it for the next photo of the same person.
 * `waitForNewFace` is for the next person: it stays disarmed until the face last taken has been
 * gone for `leaveMs` (no face, several faces, or one clearly elsewhere), so the person just saved,
 * still sitting there, is not taken again onto the next form.
 */
export class SteadyTrigger {
  private since: number | null = null;
  private fired = false;
  private awaiting: { readonly box: Box | null; goneSince: number | null } | null = null;
  private readonly holdMs: number;
  private readonly leaveMs: number;

  constructor(holdMs = 700, leaveMs = 500) {
    this.holdMs = holdMs;
    this.leaveMs = leaveMs;
  }

  /**
   * Feed one frame's verdict and its single face's box (null when there is none, or several);
   * true exactly once, on the frame that completes the hold.
   */
  update(allOk: boolean, nowMs: number, face: Box | null = null): boolean {
    if (this.awaiting) {
      const wait = this.awaiting;
      const gone = face === null || (wait.box !== null && overlap(face, wait.box) < SAME_FACE_OVERLAP);
      if (!gone) {
        wait.goneSince = null;
        return false;
      }
      wait.goneSince ??= nowMs;
      if (nowMs - wait.goneSince < this.leaveMs) return false;
      this.reset();
    }
    if (!allOk) {
      this.since = null;
      return false;
    }
    this.since ??= nowMs;
    if (this.fired || nowMs - this.since < this.holdMs) return false;
    this.fired = true;
    return true;
  }

  /** How far through the hold we are, 0–1 (for a progress hint). */
  progress(nowMs: number): number {
    if (this.since === null || this.awaiting) return 0;
    return Math.min(1, (nowMs - this.since) / this.holdMs);
  }

  /** Disarmed until the face at `box` (the one last taken, or in view) has left; null: any face left. */
  waitForNewFace(box: Box | null): void {
    this.since = null;
    this.fired = true;
    this.awaiting = { box, goneSince: null };
  }

  /** True while `waitForNewFace` holds auto-capture back. */
  get waiting(): boolean {
    return this.awaiting !== null;
  }

  /** Armed again at once (a retake, or the user asking for auto-capture). */
  reset(): void {
    this.since = null;
    this.fired = false;
    this.awaiting = null;
  }
}

/** The live capture's crop: the face box's larger side times this (head, hair and neck in the photo). */
const CROP_SCALE = 2.2;

/**
 * The square to cut out around a face: the box's larger side × `scale`, at least `minSide` when the
 * frame allows, never larger than the frame, moved (not shrunk) to stay inside it.
 */
export function cropSquare(box: Box, frameWidth: number, frameHeight: number, scale = CROP_SCALE, minSide = 480): Box {
  const limit = Math.min(frameWidth, frameHeight);
  const side = Math.round(Math.min(limit, Math.max(minSide, Math.max(box.width, box.height) * scale)));
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const x = Math.round(Math.max(0, Math.min(frameWidth - side, cx - side / 2)));
  const y = Math.round(Math.max(0, Math.min(frameHeight - side, cy - side / 2)));
  return { x, y, width: side, height: side };
}

/**
 * The square Doorman cuts out of a still photo (`enroll --photo`) and stores instead of it: the
 * live capture's 2.2 × the face, but at least the side of `minPixels` — the vendor's own floor, and
 * never below the 80,000 pixels the store takes (ZKBio −5001, the strictest) — so the checks judge
 * the picture the backends receive. Null when the photo is too small to cut such a square: it is
 * then judged, and kept, whole.
 */
export function stillPhotoCrop(box: Box, width: number, height: number, minPixels: number): Box | null {
  const minSide = Math.ceil(Math.sqrt(Math.max(minPixels, MIN_STORED_FACE_PIXELS)));
  if (Math.min(width, height) < minSide) return null;
  return cropSquare(box, width, height, CROP_SCALE, minSide);
}

/** A frame's measures as they read in `crop` of it: the face box moved into the crop's frame. */
export function measureInCrop(m: FrameMeasure, crop: Box): FrameMeasure {
  if (!m.box) return { ...m, frameWidth: crop.width, frameHeight: crop.height };
  return { ...m, frameWidth: crop.width, frameHeight: crop.height, box: { ...m.box, x: m.box.x - crop.x, y: m.box.y - crop.y } };
}
