import { readFile } from 'node:fs/promises';
import type { PhotoInput } from '../backends/backend.ts';

/** A photo's bytes: given in memory, or read from its file now (bulk imports stream from disk). */
export async function photoBytes(photo: PhotoInput): Promise<Uint8Array> {
  return 'bytes' in photo ? photo.bytes : new Uint8Array(await readFile(photo.path));
}
