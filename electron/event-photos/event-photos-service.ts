import type { BackendId } from '../../shared/contract/backends.ts';
import { CAPTURED_PHOTO_MAX_BYTES, type CapturedPhoto, type CapturedPhotoProblem } from '../../shared/contract/event-photos.ts';
import type { Logger } from '../log/logger.ts';
import type { EventPhotoLinks } from '../store/event-photo-links.ts';
import { fetchPicture, type PictureFetch } from './photo-fetch.ts';

interface EventPhotosDeps {
  readonly links: EventPhotoLinks;
  readonly log: Logger;
  readonly fetch?: PictureFetch;
  /** Pictures kept in memory (most recently asked), so a row scrolled back into view is not read again. */
  readonly cacheSize?: number;
  readonly timeoutMs?: number;
}

const DATA_URL = /^data:(image\/(?:jpeg|png));base64,([A-Za-z0-9+/=]+)$/;

/** The picture's kind from its first bytes (JPEG FF D8 FF, PNG 89 50 4E 47), whatever the link said. */
export function pictureMime(bytes: Uint8Array): 'image/jpeg' | 'image/png' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  return null;
}

function missing(problem: CapturedPhotoProblem): CapturedPhoto {
  return { mime: null, base64: null, problem };
}

/**
 * The captured photo of a stored event as bytes the page may show (its CSP admits `data:` images,
 * not other hosts): the link stored with the event is read here, in the core. Links are the
 * vendor's (Hongtu snapshotUrl, K30's pre-signed OSS link); a `data:` picture (ZKBio's
 * capturePhotoBase64) is checked and handed over as it is. Answers are kept (a bounded, most
 * recently used set) except "unreachable", which is tried again next time.
 */
export class EventPhotosService {
  private readonly deps: EventPhotosDeps;
  private readonly kept = new Map<string, CapturedPhoto>();
  private readonly reading = new Map<string, Promise<CapturedPhoto>>();

  constructor(deps: EventPhotosDeps) {
    this.deps = deps;
  }

  captured(backendId: BackendId, eventId: string): Promise<CapturedPhoto> {
    const key = `${backendId}:${eventId}`;
    const kept = this.kept.get(key);
    if (kept) {
      this.kept.delete(key);
      this.kept.set(key, kept);
      return Promise.resolve(kept);
    }
    let reading = this.reading.get(key);
    if (!reading) {
      reading = this.read(backendId, eventId).then((photo) => {
        this.reading.delete(key);
        if (photo.problem !== 'unreachable') this.keep(key, photo);
        return photo;
      });
      this.reading.set(key, reading);
    }
    return reading;
  }

  private keep(key: string, photo: CapturedPhoto): void {
    this.kept.set(key, photo);
    const max = this.deps.cacheSize ?? 300;
    for (const old of this.kept.keys()) {
      if (this.kept.size <= max) break;
      this.kept.delete(old);
    }
  }

  private async read(backendId: BackendId, eventId: string): Promise<CapturedPhoto> {
    const link = this.deps.links.capturedPhotoUrl(backendId, eventId);
    if (!link) return missing('none');
    const inline = DATA_URL.exec(link);
    if (inline) return this.checked(Buffer.from(inline[2] ?? '', 'base64'), backendId, eventId, 'inline');
    let url: URL;
    try {
      url = new URL(link);
    } catch {
      return missing('none');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return missing('none');
    const read = await (this.deps.fetch ?? fetchPicture)(url, CAPTURED_PHOTO_MAX_BYTES, this.deps.timeoutMs ?? 8_000);
    if ('problem' in read) {
      // The host only: a pre-signed link's query is a credential of sorts.
      this.deps.log.warn({ backend: backendId, event: eventId, host: url.host, problem: read.problem, detail: read.detail }, 'captured photo not read');
      return missing(read.problem);
    }
    return this.checked(read.bytes, backendId, eventId, url.host);
  }

  private checked(bytes: Buffer, backendId: BackendId, eventId: string, from: string): CapturedPhoto {
    if (bytes.length > CAPTURED_PHOTO_MAX_BYTES) return missing('too-large');
    const mime = pictureMime(bytes);
    if (!mime) {
      this.deps.log.warn({ backend: backendId, event: eventId, from, bytes: bytes.length }, 'captured photo is not a JPEG or PNG');
      return missing('not-image');
    }
    return { mime, base64: bytes.toString('base64'), problem: null };
  }
}
