// Every file the detector needs is bundled from the npm packages and served from our own origin
// (the CSP allows nothing else): the tiny face detector and 68-point landmark weights that ship in
// @vladmandic/face-api, and the WASM binaries of the tfjs version it bundles.
import landmarkBin from '@vladmandic/face-api/model/face_landmark_68_model.bin?url';
import landmarkManifest from '@vladmandic/face-api/model/face_landmark_68_model-weights_manifest.json?url';
import tinyBin from '@vladmandic/face-api/model/tiny_face_detector_model.bin?url';
import tinyManifest from '@vladmandic/face-api/model/tiny_face_detector_model-weights_manifest.json?url';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type * as FaceApiModule from '@vladmandic/face-api';
import type { DetectedFace } from '../../../shared/rules/face-checks.ts';

export interface FaceDetector {
  /** 'wasm', or 'cpu' when WebAssembly could not start. */
  readonly backend: string;
  detect(input: HTMLCanvasElement): Promise<DetectedFace[]>;
}

type FaceApi = typeof FaceApiModule;

/** The parts of the bundled tfjs that face-api's type declarations leave out. */
interface TfRuntime {
  setWasmPaths(files: Record<string, string>): void;
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
  getBackend(): string;
  io: { decodeWeights(buffer: ArrayBuffer, specs: unknown): Record<string, unknown> };
}

interface ManifestGroup {
  readonly weights: unknown;
}

async function loadNet(faceapi: FaceApi, net: { loadFromWeightMap(map: never): void }, manifestUrl: string, binUrl: string): Promise<void> {
  const [manifest, bin] = await Promise.all([
    fetch(manifestUrl).then((r) => r.json() as Promise<ManifestGroup[]>),
    fetch(binUrl).then((r) => r.arrayBuffer()),
  ]);
  const tf = faceapi.tf as unknown as TfRuntime;
  // One group, one .bin per model in this package: decode it against the manifest's specs.
  net.loadFromWeightMap(tf.io.decodeWeights(bin, manifest.flatMap((group) => group.weights as unknown[])) as never);
}

let loading: Promise<FaceDetector> | null = null;

/** Loads face-api and its models once (the bundle is large, so only when a capture opens). */
export function loadFaceDetector(): Promise<FaceDetector> {
  loading ??= create().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

async function create(): Promise<FaceDetector> {
  const faceapi = await import('@vladmandic/face-api');
  const tf = faceapi.tf as unknown as TfRuntime;
  tf.setWasmPaths({
    'tfjs-backend-wasm.wasm': wasmPlain,
    'tfjs-backend-wasm-simd.wasm': wasmSimd,
    'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
  });
  // WASM (≈ 4× the plain JS 'cpu' backend); 'cpu' only when WebAssembly cannot start here.
  const wasm = await tf.setBackend('wasm').catch(() => false);
  if (!wasm) await tf.setBackend('cpu');
  await tf.ready();
  await Promise.all([
    loadNet(faceapi, faceapi.nets.tinyFaceDetector, tinyManifest, tinyBin),
    loadNet(faceapi, faceapi.nets.faceLandmark68Net, landmarkManifest, landmarkBin),
  ]);
  const options = new faceapi.TinyFaceDetectorOptions({ inputSize: 320, scoreThreshold: 0.5 });
  return {
    backend: tf.getBackend(),
    async detect(input) {
      const found = await faceapi.detectAllFaces(input, options).withFaceLandmarks();
      return found.map((f) => {
        const { x, y, width, height } = f.detection.box;
        const nose = f.landmarks.getNose();
        // 68-point layout: the nose runs 27–35; 30 (index 3 here) is the tip.
        const tip = nose[3] ?? nose[0] ?? { x: x + width / 2, y: y + height / 2 };
        return { box: { x, y, width, height }, leftEye: f.landmarks.getLeftEye(), rightEye: f.landmarks.getRightEye(), noseTip: { x: tip.x, y: tip.y }, mouth: f.landmarks.getMouth() };
      });
    },
  };
}
