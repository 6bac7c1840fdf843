import { readFile } from 'node:fs/promises';
import type { PhotoInput } from '../backends/backend.ts';

/**
 * A photo's bytes: given in memory, or read from its file now (bulk imports stream from disk). The
 * file's Buffer is a Uint8Array already: returned as it is, not copied (a bulk upsert reads
 * thousands).
 */
export async function photoBytes(photo: PhotoInput): Promise<Uint8Array> {
  return 'bytes' in photo ? photo.bytes : await readFile(photo.path);
}
