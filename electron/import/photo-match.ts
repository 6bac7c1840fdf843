import { readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { photoOverLimit, type PhotoLimitCode } from '../../shared/rules/photo-limits.ts';
import { imageInfo, type ImageInfo } from '../photos/image-info.ts';
import { PhotoLimitError } from '../photos/photo-limit-error.ts';
import { PhotoReader } from '../photos/photo-reader.ts';
import { MIN_STORED_FACE_PIXELS } from '../../shared/rules/photo-profiles.ts';

/** File name endings taken as photos; anything else in the folder (Thumbs.db, notes) is ignored. */
const PHOTO_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png']);

/**
 * The smallest photo accepted, in pixels: the store's minimum (ZKBio refuses smaller faces with
 * −5001, and the other backends accept this size too).
 */
const MIN_PHOTO_PIXELS = MIN_STORED_FACE_PIXELS;

/** The photos of a folder, by upper-cased name without extension (matching is case-insensitive). */
export interface PhotoIndex {
  readonly dir: string;
  readonly byStem: ReadonlyMap<string, readonly string[]>;
  /** Every photo file name, in name order. */
  readonly files: readonly string[];
}

export async function indexPhotos(dir: string): Promise<PhotoIndex> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = entries
    .filter((e) => (e.isFile() || e.isSymbolicLink()) && PHOTO_EXTENSIONS.has(extname(e.name).toLowerCase()))
    .map((e) => e.name)
    .sort();
  const byStem = new Map<string, string[]>();
  for (const file of files) {
    const stem = file.slice(0, file.length - extname(file).length).toUpperCase();
    const list = byStem.get(stem);
    if (list) list.push(file);
    else byStem.set(stem, [file]);
  }
  return { dir, byStem, files };
}

type PhotoMatch = { readonly kind: 'found'; readonly file: string } | { readonly kind: 'ambiguous'; readonly files: readonly string[] } | { readonly kind: 'none' };

/** The photo named for the first key that has one (personnel number first, then ID number). */
export function matchPhoto(index: PhotoIndex, keys: readonly (string | undefined)[]): PhotoMatch {
  for (const key of keys) {
    if (!key) continue;
    const files = index.byStem.get(key.toUpperCase());
    if (!files) continue;
    return files.length === 1 && files[0] !== undefined ? { kind: 'found', file: files[0] } : { kind: 'ambiguous', files };
  }
  return { kind: 'none' };
}

type PhotoCheck =
  | { readonly ok: true; readonly info: ImageInfo }
  | { readonly ok: false; readonly code: 'photo_unreadable' | 'photo_format' | 'photo_too_small' | PhotoLimitCode; readonly message: string };

/** Enough for a JPEG's frame header behind a large EXIF block (APP1 is at most 64 KB). */
const HEAD_BYTES = 128 * 1024;

/**
 * Format and size from the file's header only: the pixels are not decoded here. The header is read
 * into the reader's buffer (one reader per concurrent check; see PhotoReader). A file over the photo
 * limits (its size, the pixels its header declares) is refused here, as the face check would.
 */
export async function checkPhoto(path: string, reader = new PhotoReader()): Promise<PhotoCheck> {
  let head: Uint8Array;
  let size: number;
  try {
    ({ bytes: head, size } = await reader.read(path, HEAD_BYTES));
    // A frame header past the first block: read it all, rather than call a real JPEG "not an image".
    if (size > HEAD_BYTES && imageInfo(head) === null) ({ bytes: head, size } = await reader.read(path));
  } catch (error) {
    if (error instanceof PhotoLimitError) return { ok: false, code: error.code, message: error.message };
    return { ok: false, code: 'photo_unreadable', message: `The photo cannot be read: ${error instanceof Error ? error.message : String(error)}` };
  }
  const info = imageInfo(head);
  const overLimit = photoOverLimit({ ...info, bytes: size });
  if (overLimit) return { ok: false, code: overLimit, message: new PhotoLimitError(overLimit, { ...info, bytes: size }).message };
  if (!info) return { ok: false, code: 'photo_format', message: 'The photo is not a JPEG or PNG image.' };
  const pixels = info.width * info.height;
  if (pixels < MIN_PHOTO_PIXELS) {
    return { ok: false, code: 'photo_too_small', message: `The photo is ${info.width}×${info.height} (${pixels} pixels); at least ${MIN_PHOTO_PIXELS} are needed.` };
  }
  return { ok: true, info: { ...info, bytes: size } };
}

/** Absolute path of a photo in the index's folder. */
export function photoPath(index: PhotoIndex, file: string): string {
  return join(index.dir, file);
}
