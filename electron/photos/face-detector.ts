import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as FaceApiModule from '@vladmandic/face-api/dist/face-api.node-wasm.js';
import type { DetectedFace } from '../../shared/rules/face-checks.ts';
import { pictureRegion, type Picture } from './picture.ts';
import { fastConcatKernel, type TfKernels } from './wasm-concat.ts';

/**
 * The renderer's face detector in Node: @vladmandic/face-api's Node WASM build (tiny face detector
 * + 68-point landmarks from the package's own model folder, tfjs on the WASM backend with SIMD),
 * loaded once per thread.
 */

type FaceApi = typeof FaceApiModule;

/** The parts of the bundled tfjs that face-api's type declarations leave out. */
interface TfRuntime extends TfKernels {
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
  tensor3d(values: Uint8Array | Float32Array, shape: [number, number, number], dtype: 'int32' | 'float32'): { dispose(): void };
}

/**
 * The detector's own input size: it scales (and pads) every picture to 320 × 320. The renderer
 * uses the same options, so the shared thresholds mean the same detector settings.
 */
export const DETECTOR_INPUT_SIZE = 320;
const SCORE_THRESHOLD = 0.5;

// Not named `require`: electron-vite gives a bundle that uses `require` its own `const require`
// (the face-check thread, face-check-worker.js), and two would not load.
const nodeRequire = createRequire(import.meta.url);

interface Detector {
  readonly faceapi: FaceApi;
  readonly tf: TfRuntime;
  readonly options: InstanceType<FaceApi['TinyFaceDetectorOptions']>;
}

let loading: Promise<Detector> | null = null;

/** face-api, its WASM backend and the two models, loaded once per thread. */
function detector(): Promise<Detector> {
  loading ??= (async () => {
    const faceapi = nodeRequire('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApi;
    const tf = faceapi.tf as unknown as TfRuntime;
    await tf.setBackend('wasm');
    await tf.ready();
    fastConcatKernel(tf);
    const models = join(dirname(nodeRequire.resolve('@vladmandic/face-api/package.json')), 'model');
    await faceapi.nets.tinyFaceDetector.loadFromDisk(models);
    await faceapi.nets.faceLandmark68Net.loadFromDisk(models);
    return { faceapi, tf, options: new faceapi.TinyFaceDetectorOptions({ inputSize: DETECTOR_INPUT_SIZE, scoreThreshold: SCORE_THRESHOLD }) };
  })().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

/** What the detector found in a picture: how many faces, and the face when there is exactly one. */
interface FoundFaces {
  readonly faces: number;
  readonly face: DetectedFace | null;
}

/**
 * The detector's input, made as face-api makes it from a picture — padded to a square with black on
 * the right or at the bottom (padToSquare), then scaled to 320 × 320 by tf.image.resizeBilinear
 * (corners not aligned, no half-pixel centres) — but in one pass over the picture's bytes. face-api
 * does it with tensors of the whole picture: for a 768 × 1024 picture some 20 MB of int32 and
 * float32 copies, and a 12 MP phone photo's check took 130–145 ms of CPU instead of 85–90. The same
 * arithmetic gives the same faces, to a fraction of a pixel (detector-input.test.ts).
 */
export function detectorInput(picture: Picture): Float32Array {
  const size = DETECTOR_INPUT_SIZE;
  const { rgb, width, height } = picture;
  const side = Math.max(width, height);
  const ratio = side / size;
  // A source pixel index past the picture is padding (black): one black pixel after the picture's
  // bytes stands for all of them, so the loop below reads without a test.
  const black = width * height;
  const source = new Uint8Array(rgb.length + 3);
  source.set(rgb);
  // Per output column: the two source columns (as byte offsets in a row) and the second's weight.
  const x0 = new Int32Array(size);
  const x1 = new Int32Array(size);
  const wx = new Float64Array(size);
  const padded0 = new Uint8Array(size);
  const padded1 = new Uint8Array(size);
  for (let c = 0; c < size; c++) {
    const f = ratio * c;
    const lo = Math.floor(f);
    const hi = Math.min(side - 1, Math.ceil(f));
    x0[c] = lo * 3;
    x1[c] = hi * 3;
    padded0[c] = lo < width ? 0 : 1;
    padded1[c] = hi < width ? 0 : 1;
    wx[c] = f - lo;
  }
  const out = new Float32Array(size * size * 3);
  const rowBytes = width * 3;
  const blackAt = black * 3;
  for (let r = 0, o = 0; r < size; r++) {
    const f = ratio * r;
    const lo = Math.floor(f);
    const hi = Math.min(side - 1, Math.ceil(f));
    const wy = f - lo;
    for (let c = 0; c < size; c++, o += 3) {
      // The byte offset of each of the four pixels, or the black one's.
      const p00 = lo >= height || padded0[c] ? blackAt : lo * rowBytes + (x0[c] as number);
      const p01 = lo >= height || padded1[c] ? blackAt : lo * rowBytes + (x1[c] as number);
      const p10 = hi >= height || padded0[c] ? blackAt : hi * rowBytes + (x0[c] as number);
      const p11 = hi >= height || padded1[c] ? blackAt : hi * rowBytes + (x1[c] as number);
      const w = wx[c] as number;
      for (let ch = 0; ch < 3; ch++) {
        const v00 = source[p00 + ch] as number;
        const v10 = source[p10 + ch] as number;
        const top = v00 + ((source[p01 + ch] as number) - v00) * w;
        const bottom = v10 + ((source[p11 + ch] as number) - v10) * w;
        out[o + ch] = top + (bottom - top) * wy;
      }
    }
  }
  return out;
}

/**
 * The faces in a picture. They are found on the detector's 320 × 320 input (detectorInput); a
 * single face's landmarks are then taken, as face-api does on the picture it is given, on the face
 * cut from the picture itself, so the pose is read at the picture's resolution. Several faces need
 * no landmarks.
 */
export async function findFaces(picture: Picture): Promise<FoundFaces> {
  const { faceapi, tf, options } = await detector();
  const input = tf.tensor3d(detectorInput(picture), [DETECTOR_INPUT_SIZE, DETECTOR_INPUT_SIZE, 3], 'float32');
  let detections;
  try {
    detections = await faceapi.detectAllFaces(input as never, options);
  } finally {
    input.dispose();
  }
  const [detection] = detections;
  if (detections.length !== 1 || !detection) return { faces: detections.length, face: null };
  // The input is the picture's longer side scaled to 320 px.
  const scale = Math.max(picture.width, picture.height) / DETECTOR_INPUT_SIZE;
  const { x, y, width, height } = detection.box;
  const box = { x: x * scale, y: y * scale, width: width * scale, height: height * scale };
  // face-api's extractFaceTensors: the box clipped at the borders and floored; its landmarks are
  // then shifted by the box as detected (extendWithFaceLandmarks).
  const left = Math.floor(Math.max(box.x, 0));
  const top = Math.floor(Math.max(box.y, 0));
  const right = Math.min(box.x + box.width, picture.width);
  const bottom = Math.min(box.y + box.height, picture.height);
  const region = { x: left, y: top, width: Math.floor(right - left), height: Math.floor(bottom - top) };
  // A box wholly outside the picture has no face to read (face-api then drops the detection).
  if (region.width < 1 || region.height < 1) return { faces: 0, face: null };
  const faceTensor = tf.tensor3d(pictureRegion(picture, region), [region.height, region.width, 3], 'int32');
  let landmarks;
  try {
    landmarks = (await faceapi.nets.faceLandmark68Net.detectLandmarks(faceTensor as never)) as InstanceType<FaceApi['FaceLandmarks68']>;
  } finally {
    faceTensor.dispose();
  }
  const shifted = landmarks.shiftBy<InstanceType<FaceApi['FaceLandmarks68']>>(box.x, box.y);
  const nose = shifted.getNose();
  const tip = nose[3] ?? nose[0] ?? { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  return {
    faces: 1,
    face: { box, leftEye: shifted.getLeftEye(), rightEye: shifted.getRightEye(), noseTip: { x: tip.x, y: tip.y }, mouth: shifted.getMouth() },
  };
}
