import sharp, { type Sharp, type SharpOptions } from 'sharp';
import { MAX_PHOTO_PIXELS } from '../../shared/rules/photo-limits.ts';
import type { Box } from '../../shared/rules/face-checks.ts';
import { imageInfo } from './image-info.ts';
import { assertPhotoLimits } from './photo-limit-error.ts';

/**
 * A photo as the still-photo check works on it: decoded by sharp (libvips), turned upright by its
 * EXIF orientation, and reduced to at most WORKING_SIDE pixels on its longer side — what the face
 * detector needed anyway (it looks at 320 × 320), and what the square cut around the face is taken
 * from. RGB, 3 bytes a pixel, rows top to bottom.
 */
export interface Picture {
  readonly rgb: Uint8Array;
  readonly width: number;
  readonly height: number;
  /** The photo's own size, upright. */
  readonly originalWidth: number;
  readonly originalHeight: number;
}

/**
 * The longer side of the picture worked on. A 12-megapixel JPEG is decoded straight to this size
 * (libjpeg scales while decoding, then libvips resamples the rest): ~35 ms and a few MB, where the
 * whole picture took ~1.1 s and ~0.8 GB in pure JavaScript (jpeg-js).
 */
const WORKING_SIDE = 1024;

/** JPEG quality of the square Doorman keeps (as the live capture encodes it). */
const CUT_QUALITY = 90;

/**
 * How sharp reads a photo: at most MAX_PHOTO_PIXELS (checked again by libvips, after imageInfo's
 * header check), failing on damaged or truncated data ('error') but not on the harmless warnings
 * many cameras' files raise, upright by EXIF, streamed top to bottom.
 */
const INPUT: SharpOptions = { limitInputPixels: MAX_PHOTO_PIXELS, failOn: 'error', autoOrient: true, sequentialRead: true };

// Every photo is decoded once: libvips' operation cache would only hold on to memory.
sharp.cache(false);

/**
 * The picture to work on, or null when the bytes are no JPEG or PNG, or do not decode. Throws
 * PhotoLimitError, before anything is decoded, when the file or the dimensions its header declares
 * are over the limits (shared/rules/photo-limits.ts).
 */
export async function decodePicture(bytes: Uint8Array): Promise<Picture | null> {
  const info = imageInfo(bytes);
  if (!info) return null;
  assertPhotoLimits(info);
  try {
    const input = sharp(bytes, INPUT);
    const { autoOrient } = await input.metadata();
    const { data, info: out } = await input
      .resize({ width: WORKING_SIDE, height: WORKING_SIDE, fit: 'inside', withoutEnlargement: true })
      .removeAlpha()
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    if (out.channels !== 3) return null;
    return { rgb: data, width: out.width, height: out.height, originalWidth: autoOrient.width, originalHeight: autoOrient.height };
  } catch {
    return null;
  }
}

function raw(picture: Picture): Sharp {
  return sharp(picture.rgb, { raw: { width: picture.width, height: picture.height, channels: 3 } });
}

/**
 * `box` of the picture (whole pixels, inside it), `channels` bytes a pixel: RGB, or RGBA with an
 * opaque alpha. Rows are copied from the decoded bytes: a region of a few hundred pixels a side
 * costs a fraction of a millisecond, less than a round trip through sharp.
 */
export function pictureRegion(picture: Picture, box: Box, channels: 3 | 4 = 3): Uint8Array {
  const out = new Uint8Array(box.width * box.height * channels);
  if (channels === 3) {
    for (let y = 0; y < box.height; y++) {
      const from = ((box.y + y) * picture.width + box.x) * 3;
      out.set(picture.rgb.subarray(from, from + box.width * 3), y * box.width * 3);
    }
    return out;
  }
  for (let y = 0, o = 0; y < box.height; y++) {
    for (let x = 0, i = ((box.y + y) * picture.width + box.x) * 3; x < box.width; x++, i += 3, o += 4) {
      out[o] = picture.rgb[i] ?? 0;
      out[o + 1] = picture.rgb[i + 1] ?? 0;
      out[o + 2] = picture.rgb[i + 2] ?? 0;
      out[o + 3] = 255;
    }
  }
  return out;
}

/**
 * The part of the picture that `box` samples from, as RGBA, and the box moved into it: measureBox
 * (shared/rules/face-checks.ts) reads only the pixels next to its sample points, so on this region
 * it gives exactly what it gives on the whole picture.
 */
export function boxRegion(picture: Picture, box: Box): { rgba: Uint8Array; width: number; height: number; box: Box } {
  const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
  const left = clamp(Math.floor(box.x) - 1, 0, picture.width - 1);
  const top = clamp(Math.floor(box.y) - 1, 0, picture.height - 1);
  const right = clamp(Math.floor(box.x + box.width) + 2, left + 1, picture.width);
  const bottom = clamp(Math.floor(box.y + box.height) + 2, top + 1, picture.height);
  const region = { x: left, y: top, width: right - left, height: bottom - top };
  return { rgba: pictureRegion(picture, region, 4), width: region.width, height: region.height, box: { ...box, x: box.x - left, y: box.y - top } };
}

/** `square` of the picture (in its pixels) as the JPEG Doorman keeps. */
export async function encodeSquare(picture: Picture, square: Box): Promise<Uint8Array> {
  return raw(picture).extract({ left: square.x, top: square.y, width: square.width, height: square.height }).jpeg({ quality: CUT_QUALITY }).toBuffer();
}
