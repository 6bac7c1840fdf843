import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type * as FaceApiModule from '@vladmandic/face-api/dist/face-api.node-wasm.js';
import type { Vendor } from '../../shared/contract/backends.ts';
import { evaluateChecks, measureBox, measureInCrop, poseFromLandmarks, stillPhotoCrop, type Box, type CheckId, type FrameMeasure } from '../../shared/rules/face-checks.ts';
import { strictestProfile } from '../../shared/rules/photo-profiles.ts';
import { imageInfo } from './image-info.ts';

/**
 * The live capture's quality checks on a still photo (`enroll --photo`): the JPEG / PNG decoded in
 * pure JS (jpeg-js, pngjs), faces found by @vladmandic/face-api's Node WASM build (tiny face
 * detector + 68-point landmarks from the package's own model folder, tfjs on the WASM backend), the
 * same measures and thresholds as the renderer (shared/rules/face-checks.ts), with the strictest
 * profile of the target backends' vendors.
 *
 * As the live capture does with a camera frame, Doorman keeps the square around the face
 * (stillPhotoCrop), not the whole picture: the vendors judge the face in the photo they receive, so
 * size and centring are judged on that square. A portrait with the face high in the frame passes
 * once cut; a face too small for a square of the vendors' minimum resolution, no face, or a dark or
 * blurred face still fail.
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
   * The photo to store and send: the crop as a JPEG (quality 0.9, as the live capture encodes), or
   * the original bytes when nothing was cut (no single face, or a picture too small to cut).
   */
  readonly photo: Uint8Array;
}

export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

type FaceApi = typeof FaceApiModule;

/** The parts of the bundled tfjs that face-api's type declarations leave out. */
interface TfRuntime {
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
  tensor3d(values: Uint8Array, shape: [number, number, number], dtype: 'int32'): { dispose(): void };
}

// Not named `require`: electron-vite gives a bundle that uses `require` its own `const require`
// (the face-check thread, face-check-worker.js), and two would not load.
const nodeRequire = createRequire(import.meta.url);

/** JPEG or PNG bytes as RGBA pixels, or null when they are neither (or do not decode). */
export function decodeImage(bytes: Uint8Array): RgbaImage | null {
  const info = imageInfo(bytes);
  if (!info) return null;
  try {
    if (info.format === 'png') {
      const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      return { width: png.width, height: png.height, data: png.data };
    }
    const decoded = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 512 });
    return { width: decoded.width, height: decoded.height, data: decoded.data };
  } catch {
    return null;
  }
}

interface Detector {
  readonly faceapi: FaceApi;
  readonly tf: TfRuntime;
}

let loading: Promise<Detector> | null = null;

/** face-api, its WASM backend and the two models, loaded once per process. */
function detector(): Promise<Detector> {
  loading ??= (async () => {
    const faceapi = nodeRequire('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApi;
    const tf = faceapi.tf as unknown as TfRuntime;
    await tf.setBackend('wasm');
    await tf.ready();
    const models = join(dirname(nodeRequire.resolve('@vladmandic/face-api/package.json')), 'model');
    await faceapi.nets.tinyFaceDetector.loadFromDisk(models);
    await faceapi.nets.faceLandmark68Net.loadFromDisk(models);
    return { faceapi, tf };
  })().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

/**
 * Pictures larger than this (the longer side, in pixels) are scaled down for the detector, which
 * looks at 320 × 320 anyway: a 12-megapixel phone photo as a tensor took ~1 s and over 1 GB of
 * memory; scaled to 1024 it takes a fraction of that. Brightness and sharpness are still measured
 * on the full picture, and the face box is given in its pixels.
 */
const DETECT_MAX_SIDE = 1024;

/** The picture as RGB for the detector, scaled down by area averaging to DETECT_MAX_SIDE; `scale` = original / this. */
function detectorRgb(image: RgbaImage): { rgb: Uint8Array; width: number; height: number; scale: number } {
  const scale = Math.max(1, Math.max(image.width, image.height) / DETECT_MAX_SIDE);
  const width = Math.max(1, Math.round(image.width / scale));
  const height = Math.max(1, Math.round(image.height / scale));
  const rgb = new Uint8Array(width * height * 3);
  if (scale === 1) {
    for (let p = 0, q = 0; p < rgb.length; p += 3, q += 4) {
      rgb[p] = image.data[q] ?? 0;
      rgb[p + 1] = image.data[q + 1] ?? 0;
      rgb[p + 2] = image.data[q + 2] ?? 0;
    }
    return { rgb, width, height, scale };
  }
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor((y * image.height) / height);
    const y1 = Math.max(y0 + 1, Math.floor(((y + 1) * image.height) / height));
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor((x * image.width) / width);
      const x1 = Math.max(x0 + 1, Math.floor(((x + 1) * image.width) / width));
      let r = 0;
      let g = 0;
      let b = 0;
      for (let sy = y0; sy < y1; sy++) {
        for (let sx = x0, q = (sy * image.width + x0) * 4; sx < x1; sx++, q += 4) {
          r += image.data[q] ?? 0;
          g += image.data[q + 1] ?? 0;
          b += image.data[q + 2] ?? 0;
        }
      }
      const n = (y1 - y0) * (x1 - x0);
      const p = (y * width + x) * 3;
      rgb[p] = Math.round(r / n);
      rgb[p + 1] = Math.round(g / n);
      rgb[p + 2] = Math.round(b / n);
    }
  }
  return { rgb, width, height, scale: image.width / width };
}

/** The measures of one decoded picture, as the renderer takes them of a video frame. */
export async function measureImage(image: RgbaImage): Promise<FrameMeasure> {
  const { faceapi, tf } = await detector();
  const { rgb, width: detectWidth, height: detectHeight, scale } = detectorRgb(image);
  const tensor = tf.tensor3d(rgb, [detectHeight, detectWidth, 3], 'int32');
  try {
    // The renderer's options (shared thresholds mean the same detector settings).
    const options = new faceapi.TinyFaceDetectorOptions({ inputSize: 320, scoreThreshold: 0.5 });
    const found = await faceapi.detectAllFaces(tensor as never, options).withFaceLandmarks();
    const measure: FrameMeasure = { faces: found.length, frameWidth: image.width, frameHeight: image.height };
    const face = found.length === 1 ? found[0] : undefined;
    if (!face) return measure;
    const { x, y, width, height } = face.detection.box;
    const box = { x: x * scale, y: y * scale, width: width * scale, height: height * scale };
    const nose = face.landmarks.getNose();
    // 68-point layout: the nose runs 27–35; 30 (index 3 here) is the tip. The pose is a matter of
    // ratios between landmarks, the same at any scale.
    const tip = nose[3] ?? nose[0] ?? { x: x + width / 2, y: y + height / 2 };
    return {
      ...measure,
      box,
      ...poseFromLandmarks(face.landmarks.getLeftEye(), face.landmarks.getRightEye(), { x: tip.x, y: tip.y }, face.landmarks.getMouth()),
      ...measureBox(image.data, image.width, image.height, box),
    };
  } finally {
    tensor.dispose();
  }
}

/** The `crop` of an RGBA image as JPEG bytes. */
export function encodeCrop(image: RgbaImage, crop: Box, quality = 90): Uint8Array {
  const data = Buffer.alloc(crop.width * crop.height * 4);
  for (let y = 0; y < crop.height; y++) {
    const from = ((crop.y + y) * image.width + crop.x) * 4;
    data.set(image.data.subarray(from, from + crop.width * 4), y * crop.width * 4);
  }
  return new Uint8Array(jpeg.encode({ data, width: crop.width, height: crop.height }, quality).data);
}

/** The verdict on a still photo, before anything is encoded: what `checkStillPhoto` returns but the bytes. */
export interface StillPhotoJudgement extends Omit<StillPhotoCheck, 'photo'> {
  /** The decoded picture (to cut `crop` from); null when the bytes do not decode. */
  readonly image: RgbaImage | null;
}

/**
 * Every capture check on a still photo, with the strictest profile of the target vendors, judged
 * on the square Doorman cuts around the face (see above). Cuts nothing: a bulk import's dry run
 * judges every photo but only keeps the squares of the rows it will import.
 */
export async function judgeStillPhoto(bytes: Uint8Array, vendors: readonly Vendor[]): Promise<StillPhotoJudgement> {
  const image = decodeImage(bytes);
  if (!image) return { ok: false, failed: [{ check: 'one_face', key: 'face.guide.no_face' }], faces: 0, image: null };
  const profile = strictestProfile(vendors);
  const measure = await measureImage(image);
  const crop = measure.box ? stillPhotoCrop(measure.box, image.width, image.height, profile.minPixels) : null;
  const whole = !crop || (crop.width === image.width && crop.height === image.height);
  const results = evaluateChecks(crop ? measureInCrop(measure, crop) : measure, profile);
  const failed = results.filter((r) => !r.ok).map((r) => ({ check: r.id, key: r.guide }));
  return {
    ok: failed.length === 0,
    failed,
    faces: measure.faces,
    ...(measure.box ? { box: measure.box } : {}),
    ...(crop && !whole ? { crop } : {}),
    image,
  };
}

/** `judgeStillPhoto`, and the bytes to keep: the square around the face as a JPEG, else the photo as given. */
export async function checkStillPhoto(bytes: Uint8Array, vendors: readonly Vendor[]): Promise<StillPhotoCheck> {
  const { image, ...judgement } = await judgeStillPhoto(bytes, vendors);
  return { ...judgement, photo: image && judgement.crop ? encodeCrop(image, judgement.crop) : bytes };
}
