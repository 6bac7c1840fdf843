import { VENDORS, type Vendor } from '../../shared/contract/backends.ts';
import type { CheckId } from '../../shared/rules/face-checks.ts';
import type { PhotoLimitCode } from '../../shared/rules/photo-limits.ts';
import type { FaceFileVerdict } from '../photos/face-check-pool.ts';

/**
 * The import's face check uses the strictest profile of every vendor Doorman supports: the dry run
 * comes before the targets are chosen (the Import page asks for them after it), and a photo that
 * passes can go to any backend the site has now or adds later. In practice that is ZKBio's profile
 * (the face at least 25 % of the photo's width, 80,000 pixels; photo-profiles.ts).
 */
export const FACE_CHECK_VENDORS: readonly Vendor[] = VENDORS;

interface FaceProblem {
  readonly code: 'photo_unreadable' | 'photo_no_face' | 'photo_faces' | 'photo_face_check' | PhotoLimitCode;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly checks?: readonly CheckId[];
  readonly faces?: number;
}

/**
 * A photo's face-check verdict as a row problem, or null when it passes. A failing face keeps the
 * row out, unless `force` (`--force-photo`): then it is a warning, and the row keeps the photo with
 * its failures recorded. A file that cannot be read or decoded, or is over the photo limits, is an
 * error either way.
 */
export function faceProblem(verdict: FaceFileVerdict, force: boolean): FaceProblem | null {
  if (verdict.overLimit) return { code: verdict.overLimit, severity: 'error', message: verdict.reason ?? verdict.overLimit };
  if (!verdict.readable) return { code: 'photo_unreadable', severity: 'error', message: `The photo cannot be read: ${verdict.reason ?? 'unknown error'}` };
  if (!verdict.decoded) return { code: 'photo_unreadable', severity: 'error', message: 'The photo does not decode (a damaged or truncated file?).' };
  if (verdict.failed.length === 0) return null;
  const severity = force ? 'warning' : 'error';
  if (verdict.faces === 0) return { code: 'photo_no_face', severity, message: 'No face found in the photo.' };
  if (verdict.faces > 1) return { code: 'photo_faces', severity, faces: verdict.faces, message: `The photo shows ${verdict.faces} faces; it must show this person alone.` };
  return { code: 'photo_face_check', severity, checks: verdict.failed, message: `The face fails the vendors' photo rules: ${verdict.failed.join(', ')}.` };
}
