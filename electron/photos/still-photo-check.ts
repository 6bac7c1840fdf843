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

const require = createRequire(import.meta.url);

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
    const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApi;
    const tf = faceapi.tf as unknown as TfRuntime;
    await tf.setBackend('wasm');
    await tf.ready();
    const models = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
    await faceapi.nets.tinyFaceDetector.loadFromDisk(models);
    await faceapi.nets.faceLandmark68Net.loadFromDisk(models);
    return { faceapi, tf };
  })().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

/** The measures of one decoded picture, as the renderer takes them of a video frame. */
export async function measureImage(image: RgbaImage): Promise<FrameMeasure> {
  const { faceapi, tf } = await detector();
  const rgb = new Uint8Array(image.width * image.height * 3);
  for (let p = 0, q = 0; p < rgb.length; p += 3, q += 4) {
    rgb[p] = image.data[q] ?? 0;
    rgb[p + 1] = image.data[q + 1] ?? 0;
    rgb[p + 2] = image.data[q + 2] ?? 0;
  }
  const tensor = tf.tensor3d(rgb, [image.height, image.width, 3], 'int32');
  try {
    // The renderer's options (shared thresholds mean the same detector settings).
    const options = new faceapi.TinyFaceDetectorOptions({ inputSize: 320, scoreThreshold: 0.5 });
    const found = await faceapi.detectAllFaces(tensor as never, options).withFaceLandmarks();
    const measure: FrameMeasure = { faces: found.length, frameWidth: image.width, frameHeight: image.height };
    const face = found.length === 1 ? found[0] : undefined;
    if (!face) return measure;
    const { x, y, width, height } = face.detection.box;
    const box = { x, y, width, height };
    const nose = face.landmarks.getNose();
    // 68-point layout: the nose runs 27–35; 30 (index 3 here) is the tip.
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

/**
 * Every capture check on a still photo, with the strictest profile of the target vendors, judged
 * on the square Doorman cuts around the face (see above), and that square's bytes.
 */
export async function checkStillPhoto(bytes: Uint8Array, vendors: readonly Vendor[]): Promise<StillPhotoCheck> {
  const image = decodeImage(bytes);
  if (!image) return { ok: false, failed: [{ check: 'one_face', key: 'face.guide.no_face' }], faces: 0, photo: bytes };
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
    photo: crop && !whole ? encodeCrop(image, crop) : bytes,
  };
}
