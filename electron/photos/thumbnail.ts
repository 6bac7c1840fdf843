import sharp from 'sharp';
import { MAX_PHOTO_PIXELS } from '../../shared/rules/photo-limits.ts';

/** The longer side of a People-table thumbnail, in pixels (shown at 40 px, sharp on 2× screens). */
const THUMBNAIL_SIDE = 96;

/** A small upright JPEG of a stored face, for lists: a few KB instead of the whole photo over the API. */
export async function thumbnailJpeg(bytes: Uint8Array): Promise<Buffer> {
  return sharp(bytes, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: 'error', autoOrient: true })
    .resize(THUMBNAIL_SIDE, THUMBNAIL_SIDE, { fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 80 })
    .toBuffer();
}
