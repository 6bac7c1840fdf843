import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Face images as files named by their SHA-256 (`<data>/faces/ab/abcd….jpg`), written atomically
 * (temporary file, then rename). The same photo enrolled twice is one file.
 */
export class FaceFiles {
  private readonly root: string;

  constructor(dataDir: string) {
    this.root = join(dataDir, 'faces');
  }

  pathOf(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), `${sha256}.img`);
  }

  /** Stores the bytes (if not already there) and returns their SHA-256. */
  put(bytes: Uint8Array): string {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const path = this.pathOf(sha256);
    if (!existsSync(path)) {
      // Faces are personal data: owner-only, like the rest of the data folder.
      mkdirSync(join(this.root, sha256.slice(0, 2)), { recursive: true, mode: 0o700 });
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, bytes, { mode: 0o600 });
      renameSync(temporary, path);
    }
    return sha256;
  }

  read(sha256: string): Uint8Array {
    return new Uint8Array(readFileSync(this.pathOf(sha256)));
  }
}
