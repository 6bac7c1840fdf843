import type { Vendor } from '../../shared/contract/backends.ts';
import { ApiError } from '../../shared/contract/errors.ts';
import type { CheckId } from '../../shared/rules/face-checks.ts';
import { imageInfo } from '../photos/image-info.ts';
import { PhotoLimitError } from '../photos/photo-limit-error.ts';
import { checkStillPhoto } from '../photos/still-photo-check.ts';

export interface FacePhotoCheck {
  readonly ok: boolean;
  readonly faces: number;
  readonly failedChecks: CheckId[];
  /** What to store and send: the square around the face (JPEG), or the photo as given. */
  readonly photoBase64: string;
  readonly width: number;
  readonly height: number;
}

/**
 * A photo file chosen for a person (People → Edit, issue 12 item 2): the same still-photo face
 * check as `enroll --photo` and the import's dry run, with the strictest profile of the person's
 * backends' vendors, and the square around the face that Doorman keeps.
 */
export async function checkFacePhoto(bytes: Uint8Array, vendors: readonly Vendor[]): Promise<FacePhotoCheck> {
  if (!imageInfo(bytes)) throw refused('photo_format', 'The photo is not a JPEG or PNG.');
  try {
    const check = await checkStillPhoto(bytes, vendors);
    const kept = imageInfo(check.photo);
    return {
      ok: check.ok,
      faces: check.faces,
      failedChecks: check.failed.map((f) => f.check),
      photoBase64: Buffer.from(check.photo).toString('base64'),
      width: kept?.width ?? 0,
      height: kept?.height ?? 0,
    };
  } catch (error) {
    if (error instanceof PhotoLimitError) throw refused(error.code, error.message);
    throw error;
  }
}

function refused(code: string, message: string): ApiError {
  return new ApiError('invalid_input', message, { issues: [{ path: ['photoBase64'], code: 'custom', message: code }] });
}
