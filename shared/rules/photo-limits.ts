/**
 * The largest photo Doorman opens, in pixels (width × height, as the file's header declares them).
 * Checked from the header before anything is decoded: a 51 KB PNG declaring 60000 × 60000 pixels
 * asks a decoder for 14 GB. 50 megapixels takes the full-resolution mode of 48 / 50 MP phone
 * cameras; larger pictures (108 / 200 MP modes, scans at high resolution) must be shrunk first.
 */
export const MAX_PHOTO_PIXELS = 50_000_000;

/**
 * The largest photo file Doorman reads, in bytes: a 12-megapixel phone JPEG is 2–8 MB, a 50 MP one
 * up to about 20 MB. Checked from the file's size before it is read.
 */
export const MAX_PHOTO_BYTES = 20 * 1024 * 1024;

/** The limits in the units the messages use (megapixels, MB). */
export const MAX_PHOTO_MEGAPIXELS = MAX_PHOTO_PIXELS / 1_000_000;
export const MAX_PHOTO_MB = MAX_PHOTO_BYTES / (1024 * 1024);

/** Stable codes (catalog keys `validation.<code>`), the same in the CLI, the import and the API. */
export type PhotoLimitCode = 'photo_too_many_pixels' | 'photo_file_too_large';

/** What is known of a photo so far: its file size before reading, its dimensions from its header. */
export interface PhotoSize {
  readonly width?: number | undefined;
  readonly height?: number | undefined;
  readonly bytes?: number | undefined;
}

/** The limit a photo is over, or null when it is within both (or what is known of it is). */
export function photoOverLimit(photo: PhotoSize): PhotoLimitCode | null {
  if (photo.bytes !== undefined && photo.bytes > MAX_PHOTO_BYTES) return 'photo_file_too_large';
  if (photo.width !== undefined && photo.height !== undefined && photo.width * photo.height > MAX_PHOTO_PIXELS) return 'photo_too_many_pixels';
  return null;
}

/** How many base64 characters `bytes` bytes take: the API's face photos travel as base64. */
export function base64Length(bytes: number): number {
  return 4 * Math.ceil(bytes / 3);
}
