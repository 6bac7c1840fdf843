import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as FaceApiModule from '@vladmandic/face-api/dist/face-api.node-wasm.js';
import type { Box, Point } from '../../shared/rules/face-checks.ts';

/**
 * The renderer's face detector in Node: @vladmandic/face-api's Node WASM build (tiny face detector
 * + 68-point landmarks from the package's own model folder, tfjs on the WASM backend with SIMD),
 * loaded once per thread.
 */

type FaceApi = typeof FaceApiModule;

/** The parts of the bundled tfjs that face-api's type declarations leave out. */
interface TfRuntime {
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
  tensor3d(values: Uint8Array, shape: [number, number, number], dtype: 'int32'): { dispose(): void };
}

/** One face as the detector sees it, in the pixels of the picture it was given. */
export interface DetectedFace {
  readonly box: Box;
  readonly leftEye: readonly Point[];
  readonly rightEye: readonly Point[];
  /** The nose tip (68-point layout: the nose runs 27–35, 30 is the tip). */
  readonly noseTip: Point;
  readonly mouth: readonly Point[];
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

/** The faces in an RGB picture (3 bytes a pixel), each with its landmarks, in the picture's pixels. */
export async function detectFaces(rgb: Uint8Array, width: number, height: number): Promise<DetectedFace[]> {
  const { faceapi, tf, options } = await detector();
  const tensor = tf.tensor3d(rgb, [height, width, 3], 'int32');
  try {
    const found = await faceapi.detectAllFaces(tensor as never, options).withFaceLandmarks();
    return found.map((face) => {
      const { x, y, width: w, height: h } = face.detection.box;
      const nose = face.landmarks.getNose();
      const tip = nose[3] ?? nose[0] ?? { x: x + w / 2, y: y + h / 2 };
      return {
        box: { x, y, width: w, height: h },
        leftEye: face.landmarks.getLeftEye(),
        rightEye: face.landmarks.getRightEye(),
        noseTip: { x: tip.x, y: tip.y },
        mouth: face.landmarks.getMouth(),
      };
    });
  } finally {
    tensor.dispose();
  }
}
