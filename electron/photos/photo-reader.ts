import { open } from 'node:fs/promises';
import { assertPhotoLimits } from './photo-limit-error.ts';

/** Enough for most photos at once; the buffer grows for a larger one. */
const INITIAL_BYTES = 64 * 1024;

/**
 * Reads photo files, one after another, into one buffer that is kept and reused. A bulk import
 * reads thousands of photos: with a fresh Buffer for each (readFile), the freed native memory was
 * not handed back and 10,000 photos of 20 KB took the process past 300 MB RSS (issue 6).
 *
 * What `read` returns is a view of that buffer: valid until the next `read`, so use it (hash it,
 * write it, parse its header) before reading again, and give each concurrent worker its own reader.
 */
export class PhotoReader {
  private buffer = Buffer.allocUnsafe(INITIAL_BYTES);

  /**
   * The file's first `limit` bytes (all of it by default) and its size. Reading more than the photo
   * byte limit (shared/rules/photo-limits.ts) throws PhotoLimitError before anything is read.
   */
  async read(path: string, limit = Number.POSITIVE_INFINITY): Promise<{ readonly bytes: Uint8Array; readonly size: number }> {
    const file = await open(path, 'r');
    try {
      const size = (await file.stat()).size;
      const wanted = Math.min(size, limit);
      assertPhotoLimits({ bytes: wanted });
      if (wanted > this.buffer.length) this.buffer = Buffer.allocUnsafe(Math.max(wanted, this.buffer.length * 2));
      let filled = 0;
      while (filled < wanted) {
        const { bytesRead } = await file.read(this.buffer, filled, wanted - filled, filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return { bytes: this.buffer.subarray(0, filled), size };
    } finally {
      await file.close();
    }
  }
}
