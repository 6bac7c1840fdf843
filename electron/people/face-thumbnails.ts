import { thumbnailJpeg } from '../photos/thumbnail.ts';
import type { PeopleTable } from '../store/people-table.ts';
import type { FaceFiles } from './face-files.ts';

/** Thumbnails kept in memory, by face: a People page scrolled back and forth makes each once. */
const CACHE_SIZE = 500;

/** Small JPEGs of people's stored faces, for the People table (made on demand, cached by face). */
export class FaceThumbnails {
  private readonly people: PeopleTable;
  private readonly faces: FaceFiles;
  private readonly cache = new Map<string, string>();

  constructor(deps: { people: PeopleTable; faces: FaceFiles }) {
    this.people = deps.people;
    this.faces = deps.faces;
  }

  /** The person's face as a base64 thumbnail; null when they have none (or no such person). */
  async of(personId: number): Promise<string | null> {
    const sha256 = this.people.faceOf(personId);
    if (!sha256) return null;
    const cached = this.cache.get(sha256);
    if (cached !== undefined) return cached;
    const base64 = (await thumbnailJpeg(this.faces.read(sha256))).toString('base64');
    if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(sha256, base64);
    return base64;
  }
}
