import type { Database } from 'better-sqlite3';
import { thumbnailJpeg } from '../photos/thumbnail.ts';
import type { FaceFiles } from './face-files.ts';

/** Thumbnails kept in memory, by face: a People page scrolled back and forth makes each once. */
const CACHE_SIZE = 500;

/** Small JPEGs of people's stored faces, for the People table (made on demand, cached by face). */
export class FaceThumbnails {
  private readonly db: Database;
  private readonly faces: FaceFiles;
  private readonly cache = new Map<string, string>();

  constructor(deps: { db: Database; faces: FaceFiles }) {
    this.db = deps.db;
    this.faces = deps.faces;
  }

  /** The person's face as a base64 thumbnail; null when they have none (or no such person). */
  async of(personId: number): Promise<string | null> {
    const row = this.db.prepare('SELECT face_sha256 FROM people WHERE id = ?').get(personId) as { face_sha256: string | null } | undefined;
    const sha256 = row?.face_sha256;
    if (!sha256) return null;
    const cached = this.cache.get(sha256);
    if (cached !== undefined) return cached;
    const base64 = (await thumbnailJpeg(this.faces.read(sha256))).toString('base64');
    if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(sha256, base64);
    return base64;
  }
}
