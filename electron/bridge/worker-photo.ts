import type { Dispatcher } from 'undici';

/** At most this many bytes are read of a worker's photo URL (T_SEND_PERSON / T_UPDATE_DEVICE_PERSON). */
export const WORKER_PHOTO_MAX_BYTES = 2 * 1024 * 1024;
export const WORKER_PHOTO_TIMEOUT_MS = 15_000;

/**
 * Reads a picture from an http(s) link, at most `maxBytes`, within `timeoutMs`: the shape of
 * electron/event-photos/photo-fetch.ts' `fetchPicture` (undici), which the core passes in; `via`
 * reads through a given pool (the platform's TLS trust for the photos it serves itself).
 */
export type PictureFetch = (url: URL, maxBytes: number, timeoutMs: number, via?: Dispatcher) => Promise<{ readonly bytes: Uint8Array } | { readonly problem: string; readonly detail: string }>;

export type WorkerPhoto = { readonly bytes: Uint8Array } | { readonly problem: string };

const JPEG_MAGIC = [0xff, 0xd8, 0xff];
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** JPEG or PNG by the file's first bytes. */
export function isJpegOrPng(bytes: Uint8Array): boolean {
  const starts = (magic: readonly number[]) => bytes.length > magic.length && magic.every((b, i) => bytes[i] === b);
  return starts(JPEG_MAGIC) || starts(PNG_MAGIC);
}

/**
 * The first photo URL of a platform worker, read through the given picture fetch (≤ 2 MiB, within
 * the timeout) and kept only when its magic bytes say JPEG or PNG. A URL that cannot be read fails
 * that worker only: the caller records it in failedFaces.
 */
export async function readWorkerPhoto(urls: readonly string[], fetch: PictureFetch): Promise<WorkerPhoto> {
  const first = urls[0];
  if (first === undefined || first === '') return { problem: 'no photo URL' };
  let url: URL;
  try {
    url = new URL(first);
  } catch {
    return { problem: 'not a URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: `not an http(s) URL (${url.protocol})` };
  const read = await fetch(url, WORKER_PHOTO_MAX_BYTES, WORKER_PHOTO_TIMEOUT_MS);
  if ('problem' in read) return { problem: `${read.problem}: ${read.detail}` };
  if (!isJpegOrPng(read.bytes)) return { problem: 'not a JPEG or PNG' };
  return { bytes: read.bytes };
}
