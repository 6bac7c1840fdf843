import type { FaceCheck } from '../backends/backend.ts';
import { DriverError } from './driver-error.ts';

/**
 * A face photo's check: `send` hands the photo to the vendor (a check call, or an upload that
 * checks); a refusal with one of the vendor's face-quality codes is a failed check with its advice
 * (re-capture), anything else an error. A refusal before sending reads the same as the server's.
 */
export async function checkFace(send: () => Promise<unknown>, isFaceQualityCode: (code: number) => boolean): Promise<FaceCheck> {
  try {
    await send();
    return { ok: true, vendorCode: null, advice: null };
  } catch (error) {
    if (error instanceof DriverError && typeof error.vendorCode === 'number' && isFaceQualityCode(error.vendorCode)) {
      return { ok: false, vendorCode: error.vendorCode, advice: error.advice ?? null };
    }
    throw error;
  }
}
