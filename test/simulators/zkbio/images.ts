export { inspectImage } from '../common/images.ts';

/**
 * What the simulator needs to know about a `personPhoto`: that the base64 decodes to a JPEG or a
 * PNG (common/images.ts), its pixel size (for -5001 "Picture resolution is below 80000 pixels")
 * and whether it is a colour image (for -5006).
 */
export const MIN_FACE_PIXELS = 80_000;

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Decodes the document's "picture turn into base64 format". Line breaks are tolerated (MIME-style
 * wrapping); a `data:image/...;base64,` prefix is not — the only base64 image in the document
 * (2.19.16) is raw — so the simulator treats it as an invalid photo to keep clients honest.
 */
export function decodePhoto(base64: string): Buffer | undefined {
  const compact = base64.replace(/[\r\n]/g, '');
  if (compact.length === 0 || compact.length % 4 !== 0 || !BASE64.test(compact)) return undefined;
  return Buffer.from(compact, 'base64');
}
