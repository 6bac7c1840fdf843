import { MAX_PHOTO_MB, MAX_PHOTO_MEGAPIXELS, photoOverLimit, type PhotoLimitCode, type PhotoSize } from '../../shared/rules/photo-limits.ts';

/**
 * A photo refused for its size before it is read or decoded (shared/rules/photo-limits.ts). The
 * code is the catalog key (`validation.<code>`) every caller shows; the message is the English
 * fallback with the photo's own size.
 */
export class PhotoLimitError extends Error {
  readonly code: PhotoLimitCode;
  readonly width: number | undefined;
  readonly height: number | undefined;
  readonly bytes: number | undefined;

  constructor(code: PhotoLimitCode, photo: PhotoSize) {
    super(limitMessage(code, photo));
    this.name = 'PhotoLimitError';
    this.code = code;
    this.width = photo.width;
    this.height = photo.height;
    this.bytes = photo.bytes;
  }
}

function limitMessage(code: PhotoLimitCode, photo: PhotoSize): string {
  if (code === 'photo_file_too_large') {
    return `The photo file is ${((photo.bytes ?? 0) / 1024 / 1024).toFixed(1)} MB; Doorman reads photo files of at most ${MAX_PHOTO_MB} MB. Shrink the photo or export it again as a JPEG.`;
  }
  const megapixels = ((photo.width ?? 0) * (photo.height ?? 0)) / 1_000_000;
  return `The picture is ${photo.width}×${photo.height} pixels (${Math.round(megapixels)} megapixels); Doorman opens pictures of at most ${MAX_PHOTO_MEGAPIXELS} megapixels. Shrink the photo or export it again smaller.`;
}

/** Throws PhotoLimitError when what is known of the photo (file size, declared dimensions) is over a limit. */
export function assertPhotoLimits(photo: PhotoSize): void {
  const code = photoOverLimit(photo);
  if (code) throw new PhotoLimitError(code, photo);
}
