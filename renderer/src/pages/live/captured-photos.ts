import { useEffect, useState } from 'react';
import type { CapturedPhotoProblem } from '../../../../shared/contract/event-photos.ts';
import { api, type ApiClient } from '../../api/client.ts';

/** A captured photo as the page can show it: a data: URL, or why there is none. */
export interface ShownPhoto {
  readonly src: string | null;
  readonly problem: CapturedPhotoProblem | null;
}

const NONE: ShownPhoto = { src: null, problem: 'none' };

/**
 * The captured photo of an event. The page's CSP admits images from `data:` (and our origin) only,
 * so a link to the backend (Hongtu snapshotUrl, K30's pre-signed snapshot) is read by the core
 * (`eventPhotos.captured`, which reads the link stored with the event) and shown as a data: URL; an
 * inline data: picture is shown as it is. Kept per event for the page (an expired link stays expired;
 * an unreachable backend is asked again the next time the row is drawn).
 */
export function createCapturedPhotos(client: ApiClient, max = 500) {
  const kept = new Map<string, Promise<ShownPhoto>>();
  return {
    photo(backendId: number, eventId: string, link: string | null | undefined): Promise<ShownPhoto> {
      if (!link) return Promise.resolve(NONE);
      if (/^data:image\/(jpeg|png);base64,/.test(link)) return Promise.resolve({ src: link, problem: null });
      const key = `${backendId}:${eventId}`;
      let found = kept.get(key);
      if (!found) {
        found = client
          .call('eventPhotos.captured', { backendId, eventId })
          .then(({ mime, base64, problem }): ShownPhoto => (mime && base64 ? { src: `data:${mime};base64,${base64}`, problem: null } : { src: null, problem: problem ?? 'none' }))
          .catch((): ShownPhoto => ({ src: null, problem: 'unreachable' }));
        kept.set(key, found);
        void found.then((shown) => {
          if (shown.problem === 'unreachable') kept.delete(key);
        });
        for (const old of kept.keys()) {
          if (kept.size <= max) break;
          kept.delete(old);
        }
      }
      return found;
    },
  };
}

const capturedPhotos = createCapturedPhotos(api);

/** The captured photo of a drawn row (only rows in view are drawn, so only those are read); null while it loads. */
export function useCapturedPhoto(backendId: number, eventId: string, link: string | null | undefined): ShownPhoto | null {
  const key = `${backendId}:${eventId}:${link ?? ''}`;
  const [found, setFound] = useState<{ key: string; photo: ShownPhoto } | null>(null);
  useEffect(() => {
    let live = true;
    void capturedPhotos.photo(backendId, eventId, link).then((photo) => live && setFound({ key: `${backendId}:${eventId}:${link ?? ''}`, photo }));
    return () => {
      live = false;
    };
  }, [backendId, eventId, link]);
  return found?.key === key ? found.photo : null;
}
