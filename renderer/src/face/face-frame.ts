import { laplacianVariance, meanLuma, SHARPNESS_SIDE, type Box, type CheckResult } from '../../../shared/rules/face-checks.ts';

export interface CapturedFace {
  readonly jpegBase64: string;
  readonly failedChecks: string[];
  readonly width: number;
  readonly height: number;
}

export const FRAME_WIDTH = 640;
export const FRAME_HEIGHT = 480;

/** 'waiting': analysing, but auto-capture held back until the last face leaves (after a save). */
export type Status = 'starting' | 'running' | 'waiting' | 'captured' | 'error';

export async function toBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Face box luma and sharpness, measured on a small square copy of the box. */
export function measureBox(frame: HTMLCanvasElement, small: HTMLCanvasElement, box: Box): { luma: number; sharpness: number } {
  const ctx = small.getContext('2d', { willReadFrequently: true });
  if (!ctx) return { luma: 0, sharpness: 0 };
  ctx.drawImage(frame, box.x, box.y, box.width, box.height, 0, 0, SHARPNESS_SIDE, SHARPNESS_SIDE);
  const { data } = ctx.getImageData(0, 0, SHARPNESS_SIDE, SHARPNESS_SIDE);
  return { luma: meanLuma(data, SHARPNESS_SIDE, SHARPNESS_SIDE), sharpness: laplacianVariance(data, SHARPNESS_SIDE, SHARPNESS_SIDE) };
}

/** The guidance line's key: the camera's state first, then the first failing check. */
export function guideKeyOf(status: Status, errorKey: string | null, firstFailed: CheckResult | undefined, checks: readonly CheckResult[]): string {
  return status === 'error'
    ? (errorKey ?? 'face.error.camera')
    : status === 'captured'
      ? 'face.guide.captured'
      : status === 'waiting'
        ? 'face.guide.next_person'
        : status === 'starting'
          ? 'face.guide.loading'
          : firstFailed
            ? firstFailed.guide
            : checks.length > 0
              ? 'face.guide.hold'
              : 'face.guide.loading';
}
